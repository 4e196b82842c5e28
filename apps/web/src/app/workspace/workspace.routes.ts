import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

export const WORKSPACE_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('workspace')],
    children: [],
  },
];
