import type { Routes } from '@angular/router';
import { guestGuard, guestMatch } from '../../core/auth/guards';

/** Pages anyone can open, rendered inside the public layout. */
export const publicRoutes: Routes = [
  // the visitor's front page; signed-in people go to their dashboard
  { path: '', pathMatch: 'full', title: 'home.pageTitle', canMatch: [guestMatch], loadComponent: () => import('../home/home.page') },
  { path: '', pathMatch: 'full', redirectTo: '/dashboard' },
  { path: 'login', title: 'auth.signIn', canActivate: [guestGuard], loadComponent: () => import('./pages/login.page') },
  { path: 'register', title: 'register.title', canActivate: [guestGuard], loadComponent: () => import('./pages/register.page') },
  { path: 'apply', title: 'apply.title', loadComponent: () => import('./pages/apply.page') },
  {
    path: 'forgot-password',
    title: 'account.forgotTitle',
    canActivate: [guestGuard],
    loadComponent: () => import('./pages/forgot-password.page'),
  },
  { path: 'reset-password', title: 'account.resetTitle', loadComponent: () => import('./pages/reset-password.page') },
  {
    path: 'verify-email',
    title: 'account.emailVerifiedTitle',
    data: { purpose: 'verify' },
    loadComponent: () => import('./pages/confirm-email.page'),
  },
  { path: 'confirm-email', title: 'account.emailChangedTitle', loadComponent: () => import('./pages/confirm-email.page') },
  { path: 'acknowledge', title: 'account.ackDoneTitle', loadComponent: () => import('./pages/acknowledge.page') },
  { path: 'invite/:token', title: 'invite.accept', loadComponent: () => import('./pages/invite-accept.page') },
  { path: 'organisations', title: 'directory.publicTitle', loadComponent: () => import('../directory/pages/public-directory.page') },
  { path: 'visit', loadChildren: () => import('../visit/visit.routes') },
];
