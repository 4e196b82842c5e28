import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { roleGuard } from '../auth/auth.guard';
import { SECTION_ROLES } from '../auth/sections';

export const WORKSPACE_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('workspace')],
    children: [
      {
        path: '',
        // The section is matched for enterprises only already; this keeps the page so if it moves.
        canMatch: [roleGuard(...SECTION_ROLES.workspace)],
        loadComponent: () => import('./workspace.component').then((m) => m.WorkspaceComponent),
      },
    ],
  },
];
