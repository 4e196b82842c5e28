import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

export const COCKPIT_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('cockpit')],
    children: [],
  },
];
