import type { Routes } from '@angular/router';
import { roleGuard } from '../../core/auth/guards';
import { AdminStore } from './admin.store';

const routes: Routes = [
  {
    path: '',
    providers: [AdminStore],
    loadComponent: () => import('./pages/admin-layout.page'),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'applications' },
      { path: 'applications', title: 'admin.applications', loadComponent: () => import('./pages/applications.page') },
      { path: 'report', title: 'applicationsReport.title', loadComponent: () => import('./pages/applications-report.page') },
      { path: 'users', title: 'admin.users', loadComponent: () => import('./pages/users.page') },
      { path: 'organisations', title: 'admin.organisations', loadComponent: () => import('./pages/organisations.page') },
      { path: 'audit', title: 'admin.audit', canMatch: [roleGuard(['admin'])], loadComponent: () => import('./pages/audit.page') },
      { path: 'mail', title: 'admin.mail', canMatch: [roleGuard(['admin'])], loadComponent: () => import('./pages/mail.page') },
    ],
  },
];

export default routes;
