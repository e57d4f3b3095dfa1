import type { Routes } from '@angular/router';

const routes: Routes = [{ path: '', loadComponent: () => import('./pages/profile.page') }];

export default routes;
