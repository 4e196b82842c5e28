import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

/** 定期报告: the list of weekly and monthly reports, with the form to generate one. */
export const REPORTS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('reports')],
    loadComponent: () => import('./reports.component').then((m) => m.ReportsComponent),
  },
];
