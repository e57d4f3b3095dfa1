import type { Routes } from '@angular/router';

const routes: Routes = [{ path: '', loadComponent: () => import('./pages/calendar.page') }];

export default routes;
