import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { InsightsStore } from './insights.store';

/** 链情分析: three tabs as child routes, so each has an address and the back button works. */
export const INSIGHTS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('insights'), InsightsStore],
    loadComponent: () => import('./insights.component').then((m) => m.InsightsComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'health' },
      {
        path: 'health',
        loadComponent: () =>
          import('./health/health-tab.component').then((m) => m.HealthTabComponent),
      },
      {
        path: 'risks',
        loadComponent: () => import('./risks/risks-tab.component').then((m) => m.RisksTabComponent),
      },
      {
        path: 'indicators',
        loadComponent: () =>
          import('./indicators/indicators-tab.component').then((m) => m.IndicatorsTabComponent),
      },
    ],
  },
];
