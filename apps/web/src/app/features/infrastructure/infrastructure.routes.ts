import type { Routes } from '@angular/router';

/** Placeholder until the infrastructure feature lands. */
const routes: Routes = [
  {
    path: '',
    loadComponent: () => import('../../shared/ui/coming-soon.component').then((m) => m.ComingSoonComponent),
    data: { section: 'infrastructure', icon: 'dns' },
  },
];

export default routes;
