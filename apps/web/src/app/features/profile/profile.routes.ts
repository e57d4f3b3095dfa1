import type { Routes } from '@angular/router';

const routes: Routes = [
  { path: '', loadComponent: () => import('./pages/profile.page') },
  { path: 'notifications', title: 'notificationPrefs.title', loadComponent: () => import('./pages/notifications.page') },
];

export default routes;
