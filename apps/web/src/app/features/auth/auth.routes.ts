import type { Routes } from '@angular/router';
import { guestGuard } from '../../core/auth/guards';

/** Pages anyone can open, rendered inside the public layout. */
export const publicRoutes: Routes = [
  { path: 'login', canActivate: [guestGuard], loadComponent: () => import('./pages/login.page') },
  { path: 'register', canActivate: [guestGuard], loadComponent: () => import('./pages/register.page') },
  { path: 'apply', loadComponent: () => import('./pages/apply.page') },
  { path: 'invite/:token', loadComponent: () => import('./pages/invite-accept.page') },
  { path: 'organisations', loadComponent: () => import('../directory/pages/public-directory.page') },
];
