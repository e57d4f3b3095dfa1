import type { Routes } from '@angular/router';

const routes: Routes = [
  { path: '', loadComponent: () => import('./pages/catalogue.page') },
  { path: 'resources/:id', loadComponent: () => import('./pages/resource.page') },
  { path: 'bookings', title: 'infrastructure.mine.title', loadComponent: () => import('./pages/my-bookings.page') },
  { path: 'bookings/:id', title: 'infrastructure.mine.title', loadComponent: () => import('./pages/my-bookings.page') },
  { path: 'timeline', title: 'infrastructure.timeline.title', loadComponent: () => import('./pages/timeline.page') },
  { path: 'utilisation', title: 'infrastructure.utilisation.title', loadComponent: () => import('./pages/utilisation.page') },
  { path: 'approvals', title: 'infrastructure.approvals.title', loadComponent: () => import('./pages/approvals.page') },
];

export default routes;
