import type { Routes } from '@angular/router';

const routes: Routes = [
  {
    path: '',
    loadComponent: () => import('./pages/chat.page').then((m) => m.ChatPage),
    children: [
      { path: '', loadComponent: () => import('./pages/chat-home.page').then((m) => m.ChatHomePage) },
      { path: 'search', loadComponent: () => import('./pages/search.page').then((m) => m.SearchPage) },
      { path: ':channelId', loadComponent: () => import('./pages/channel.page').then((m) => m.ChannelPage) },
    ],
  },
];

export default routes;
