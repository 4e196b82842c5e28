import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { roleGuard } from '../auth/auth.guard';
import { CHALLENGES_ICONS } from './challenge-labels';

/** Roles with challenge:manage (the server decides; the guard spares a form that would fail). */
const MANAGERS = ['province_admin', 'chain_leader', 'chain_office', 'city_coordinator'] as const;

export const CHALLENGES_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('challenges'), provideNzIconsPatch(CHALLENGES_ICONS)],
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadComponent: () =>
          import('./list/challenge-list.component').then((m) => m.ChallengeListComponent),
      },
      {
        // 发布揭榜: `?shortBoardId=` starts from a short board of the workbench.
        path: 'new',
        canMatch: [roleGuard(...MANAGERS)],
        loadComponent: () =>
          import('./form/challenge-form.component').then((m) => m.ChallengeFormComponent),
      },
      {
        path: ':id/edit',
        canMatch: [roleGuard(...MANAGERS)],
        loadComponent: () =>
          import('./form/challenge-form.component').then((m) => m.ChallengeFormComponent),
      },
      {
        path: ':id',
        loadComponent: () =>
          import('./detail/challenge-detail.component').then((m) => m.ChallengeDetailComponent),
      },
    ],
  },
];
