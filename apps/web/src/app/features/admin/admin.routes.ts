import type { Routes } from '@angular/router';
import { AdminStore } from './admin.store';

const routes: Routes = [
  {
    path: '',
    providers: [AdminStore],
    loadComponent: () => import('./pages/admin-layout.page'),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'applications' },
      { path: 'applications', title: 'admin.applications', loadComponent: () => import('./pages/applications.page') },
      { path: 'users', title: 'admin.users', loadComponent: () => import('./pages/users.page') },
      { path: 'organisations', title: 'admin.organisations', loadComponent: () => import('./pages/organisations.page') },
    ],
  },
];

export default routes;
