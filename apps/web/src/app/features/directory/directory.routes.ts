import type { Routes } from '@angular/router';

const routes: Routes = [
  { path: '', loadComponent: () => import('./pages/directory.page') },
  { path: 'organisations/:id', loadComponent: () => import('./pages/organisation.page') },
];

export default routes;
