import type { Routes } from '@angular/router';
import { signedInGuard } from './auth/auth.guard';
import { ShellComponent } from './shell/shell.component';

export const appRoutes: Routes = [
  {
    path: 'login',
    loadComponent: () => import('./auth/login.component').then((m) => m.LoginComponent),
  },
  {
    path: '',
    component: ShellComponent,
    canActivate: [signedInGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadComponent: () => import('./home/home.component').then((m) => m.HomeComponent),
      },
      {
        path: 'tasks',
        loadComponent: () => import('./tasks/tasks.component').then((m) => m.TasksComponent),
      },
      {
        path: 'notifications',
        loadComponent: () =>
          import('./notifications/notifications.component').then((m) => m.NotificationsComponent),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
