import type { Routes } from '@angular/router';

const routes: Routes = [
  { path: '', title: 'projects.title', loadComponent: () => import('./pages/projects.page') },
  { path: ':id', title: 'projects.overview', loadComponent: () => import('./pages/project.page') },
  { path: ':id/board', title: 'projects.board.title', loadComponent: () => import('./pages/board.page') },
];

export default routes;
