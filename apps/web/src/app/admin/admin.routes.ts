import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { ADMIN_PAGES } from './admin-pages';
import { ReferenceStore } from './reference.store';

/** 省级管理 (province_admin only; the app's routes guard it). */
export const ADMIN_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('admin'), ReferenceStore],
    loadComponent: () => import('./admin-layout.component').then((m) => m.AdminLayoutComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: ADMIN_PAGES[0].path },
      {
        path: 'users',
        loadComponent: () => import('./users/users.component').then((m) => m.UsersComponent),
      },
      {
        path: 'organisations',
        loadComponent: () =>
          import('./organisations/organisations.component').then((m) => m.OrganisationsComponent),
      },
      {
        path: 'calendar',
        loadComponent: () =>
          import('./calendar/calendar.component').then((m) => m.CalendarComponent),
      },
      {
        path: 'policy',
        loadComponent: () =>
          import('../policy/province-policy.component').then((m) => m.ProvincePolicyComponent),
      },
      {
        path: 'delivery',
        loadComponent: () =>
          import('./delivery/delivery.component').then((m) => m.DeliveryComponent),
      },
      {
        path: 'audit',
        loadComponent: () => import('./audit/audit.component').then((m) => m.AuditComponent),
      },
    ],
  },
];
