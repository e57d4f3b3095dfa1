import type { Routes } from '@angular/router';

const routes: Routes = [
  { path: '', loadComponent: () => import('./pages/events.page') },
  { path: 'new', title: 'events.form.newTitle', loadComponent: () => import('./pages/event-form.page') },
  { path: ':id', title: 'events.eventTitle', loadComponent: () => import('./pages/event.page') },
  { path: ':id/check-in', title: 'eventCheckIn.routeTitle', loadComponent: () => import('./pages/event-check-in.page') },
  { path: ':id/edit', title: 'events.form.editTitle', loadComponent: () => import('./pages/event-form.page') },
];

export default routes;
