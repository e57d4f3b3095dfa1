import type { Routes } from '@angular/router';

const routes: Routes = [
  { path: '', loadComponent: () => import('./pages/groups.page') },
  { path: ':id', loadComponent: () => import('./pages/group.page') },
  { path: ':id/console', loadComponent: () => import('./pages/console.page') },
];

export default routes;
