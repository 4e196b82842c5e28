import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

export const CHAINS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('chains')],
    children: [],
  },
];
