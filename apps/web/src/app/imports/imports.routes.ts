import type { Routes } from '@angular/router';
import { DownloadOutline } from '@ant-design/icons-angular/icons';
import { provideTranslocoScope } from '@jsverse/transloco';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';

export const IMPORTS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('imports'), provideNzIconsPatch([DownloadOutline])],
    loadComponent: () => import('./imports.component').then((m) => m.ImportsComponent),
  },
];
