import type { Routes } from '@angular/router';

/** Placeholder until the groups feature lands. */
const routes: Routes = [
  {
    path: '',
    loadComponent: () => import('../../shared/ui/coming-soon.component').then((m) => m.ComingSoonComponent),
    data: { section: 'groups', icon: 'groups' },
  },
];

export default routes;
