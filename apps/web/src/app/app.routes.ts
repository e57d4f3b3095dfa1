import type { Routes } from '@angular/router';
import { authGuard, roleGuard } from './core/auth/guards';
import { NotFoundComponent } from './core/layout/not-found.component';
import { PublicLayoutComponent } from './core/layout/public-layout.component';
import { ShellComponent } from './core/layout/shell.component';
import { publicRoutes } from './features/auth/auth.routes';

/** Paths anyone may open; everything else needs a session. */
const PUBLIC_PREFIXES = ['/login', '/register', '/apply', '/invite', '/organisations'];

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
      { path: 'dashboard', loadChildren: () => import('./features/dashboard/dashboard.routes') },
      { path: 'profile', loadChildren: () => import('./features/profile/profile.routes') },
      { path: 'chat', loadChildren: () => import('./features/chat/chat.routes') },
      { path: 'groups', loadChildren: () => import('./features/groups/groups.routes') },
      { path: 'projects', loadChildren: () => import('./features/projects/projects.routes') },
      { path: 'infrastructure', loadChildren: () => import('./features/infrastructure/infrastructure.routes') },
      { path: 'directory', loadChildren: () => import('./features/directory/directory.routes') },
      {
        path: 'admin',
        canMatch: [roleGuard(['admin', 'coordinator'])],
        loadChildren: () => import('./features/admin/admin.routes'),
      },
      { path: '**', component: NotFoundComponent },
    ],
  },
];
