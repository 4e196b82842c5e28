import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

export const ADMIN_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('admin')],
    children: [],
  },
];
