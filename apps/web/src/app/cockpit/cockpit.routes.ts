import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

export const COCKPIT_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('cockpit')],
    loadComponent: () => import('./cockpit.component').then((m) => m.CockpitComponent),
  },
];
