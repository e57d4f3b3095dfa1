import type { Routes } from '@angular/router';

/** Placeholder until the chat feature lands. */
const routes: Routes = [
  {
    path: '',
    loadComponent: () => import('../../shared/ui/coming-soon.component').then((m) => m.ComingSoonComponent),
    data: { section: 'chat', icon: 'forum' },
  },
];

export default routes;
