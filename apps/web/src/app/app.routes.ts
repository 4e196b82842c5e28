import type { Routes } from '@angular/router';
import { roleGuard, signedInGuard } from './auth/auth.guard';
import { SECTION_ROLES } from './auth/sections';
import { ShellComponent } from './shell/shell.component';

export const appRoutes: Routes = [
  {
    path: 'login',
    loadComponent: () => import('./auth/login.component').then((m) => m.LoginComponent),
  },
  {
    // 督办单 print view: the notice on its own, without the shell, sized for A4.
    path: 'tasks/:taskId/notices/:noticeId/print',
    canActivate: [signedInGuard],
    loadComponent: () =>
      import('./notices/notice-print.component').then((m) => m.NoticePrintComponent),
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
        path: 'cockpit',
        canMatch: [roleGuard(...SECTION_ROLES.cockpit)],
        loadChildren: () => import('./cockpit/cockpit.routes').then((m) => m.COCKPIT_ROUTES),
      },
      {
        path: 'chains',
        canMatch: [roleGuard(...SECTION_ROLES.chains)],
        loadChildren: () => import('./chains/chains.routes').then((m) => m.CHAINS_ROUTES),
      },
      {
        path: 'workspace',
        canMatch: [roleGuard(...SECTION_ROLES.workspace)],
        loadChildren: () => import('./workspace/workspace.routes').then((m) => m.WORKSPACE_ROUTES),
      },
      {
        path: 'admin',
        canMatch: [roleGuard(...SECTION_ROLES.admin)],
        loadChildren: () => import('./admin/admin.routes').then((m) => m.ADMIN_ROUTES),
      },
      {
        path: 'tasks',
        loadChildren: () => import('./tasks/tasks.routes').then((m) => m.TASKS_ROUTES),
      },
      {
        path: 'insights',
        canMatch: [roleGuard(...SECTION_ROLES.insights)],
        loadChildren: () => import('./insights/insights.routes').then((m) => m.INSIGHTS_ROUTES),
      },
      {
        path: 'reports',
        canMatch: [roleGuard(...SECTION_ROLES.reports)],
        loadChildren: () => import('./reports/reports.routes').then((m) => m.REPORTS_ROUTES),
      },
      {
        path: 'imports',
        canMatch: [roleGuard(...SECTION_ROLES.imports)],
        loadChildren: () => import('./imports/imports.routes').then((m) => m.IMPORTS_ROUTES),
      },
      {
        path: 'challenges',
        canMatch: [roleGuard(...SECTION_ROLES.challenges)],
        loadChildren: () =>
          import('./challenges/challenges.routes').then((m) => m.CHALLENGES_ROUTES),
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
