import type { Routes } from '@angular/router';

/** Placeholder until the projects feature lands. */
const routes: Routes = [
  {
    path: '',
    loadComponent: () => import('../../shared/ui/coming-soon.component').then((m) => m.ComingSoonComponent),
    data: { section: 'projects', icon: 'view_kanban' },
  },
];

export default routes;
