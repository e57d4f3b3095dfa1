import type { Routes } from '@angular/router';

const routes: Routes = [{ path: '', loadComponent: () => import('./pages/dashboard.page') }];

export default routes;
