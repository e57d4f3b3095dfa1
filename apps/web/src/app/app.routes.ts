import type { Routes } from '@angular/router';
import { authGuard, roleGuard } from './core/auth/guards';
import { NotFoundComponent } from './core/layout/not-found.component';
import { PublicLayoutComponent } from './core/layout/public-layout.component';
import { ShellComponent } from './core/layout/shell.component';
import { publicRoutes } from './features/auth/auth.routes';

/** Paths anyone may open; everything else needs a session. */
const PUBLIC_PREFIXES = [
  '/login',
  '/register',
  '/apply',
  '/invite',
  '/organisations',
  '/forgot-password',
  '/reset-password',
  '/confirm-email',
  '/verify-email',
  '/acknowledge',
  '/visit',
];

export function isProtectedPath(pathname: string): boolean {
  return !PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

export const routes: Routes = [
  { path: '', component: PublicLayoutComponent, children: publicRoutes },
  {
    path: '',
    component: ShellComponent,
    canActivate: [authGuard],
    canActivateChild: [authGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
      { path: 'dashboard', title: 'nav.dashboard', loadChildren: () => import('./features/dashboard/dashboard.routes') },
      { path: 'profile', title: 'profile.title', loadChildren: () => import('./features/profile/profile.routes') },
      { path: 'chat', title: 'nav.chat', loadChildren: () => import('./features/chat/chat.routes') },
      { path: 'groups', title: 'nav.groups', loadChildren: () => import('./features/groups/groups.routes') },
      { path: 'projects', title: 'nav.projects', loadChildren: () => import('./features/projects/projects.routes') },
      { path: 'events', title: 'nav.events', loadChildren: () => import('./features/events/events.routes') },
      {
        path: 'infrastructure',
        title: 'nav.infrastructure',
        loadChildren: () => import('./features/infrastructure/infrastructure.routes'),
      },
      { path: 'directory', title: 'nav.directory', loadChildren: () => import('./features/directory/directory.routes') },
      { path: 'calendar', title: 'calendar.title', loadChildren: () => import('./features/calendar/calendar.routes') },
      {
        path: 'admin',
        title: 'admin.title',
        canMatch: [roleGuard(['admin', 'coordinator'])],
        loadChildren: () => import('./features/admin/admin.routes'),
      },
      { path: '**', title: 'notFound.title', component: NotFoundComponent },
    ],
  },
];
