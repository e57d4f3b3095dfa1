import type { Routes } from '@angular/router';

/** The visitor site's events (no sign-in): the list, one event with its registration form, the confirm link of an offer mail, the cancel link of the mail. */
const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'events' },
  { path: 'events', title: 'visit.list.title', loadComponent: () => import('./pages/public-events.page') },
  { path: 'events/:id', title: 'visit.event.pageTitle', loadComponent: () => import('./pages/public-event.page') },
  { path: 'events/:id/confirm', title: 'visit.confirm.title', loadComponent: () => import('./pages/confirm-registration.page') },
  { path: 'events/:id/cancel', title: 'visit.cancel.title', loadComponent: () => import('./pages/cancel-registration.page') },
];

export default routes;
