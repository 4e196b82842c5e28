import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { ChainStore } from './chain.store';
import { CHAINS_ICONS } from './chains-icons';

export const CHAINS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('chains'), provideNzIconsPatch(CHAINS_ICONS)],
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadComponent: () =>
          import('./list/chain-list.component').then((m) => m.ChainListComponent),
      },
      {
        // 链长工作台: one chain, its tabs as child routes so each has an address.
        path: ':id',
        providers: [ChainStore],
        loadComponent: () =>
          import('./workbench/workbench.component').then((m) => m.WorkbenchComponent),
        children: [
          { path: '', pathMatch: 'full', redirectTo: 'overview' },
          {
            path: 'overview',
            loadComponent: () =>
              import('./overview/overview.component').then((m) => m.OverviewComponent),
          },
          {
            path: 'map',
            loadComponent: () =>
              import('./map/chain-map.component').then((m) => m.ChainMapComponent),
          },
          {
            path: 'members',
            loadComponent: () =>
              import('./members/members.component').then((m) => m.MembersComponent),
          },
          {
            path: 'short-boards',
            loadComponent: () =>
              import('./short-boards/short-boards.component').then((m) => m.ShortBoardsComponent),
          },
          {
            path: 'projects',
            loadComponent: () =>
              import('./projects/projects.component').then((m) => m.ProjectsComponent),
          },
          {
            path: 'tasks',
            loadComponent: () =>
              import('./tasks/chain-tasks.component').then((m) => m.ChainTasksComponent),
          },
          {
            path: 'review',
            loadComponent: () =>
              import('./review/review-queue.component').then((m) => m.ReviewQueueComponent),
          },
          {
            path: 'requests',
            loadComponent: () =>
              import('./requests/requests.component').then((m) => m.RequestsComponent),
          },
          {
            path: 'policy',
            loadComponent: () =>
              import('./policy/policy-tab.component').then((m) => m.PolicyTabComponent),
          },
        ],
      },
    ],
  },
];
