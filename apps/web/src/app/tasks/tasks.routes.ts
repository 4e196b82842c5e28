import type { Routes } from '@angular/router';
import { WarningFill } from '@ant-design/icons-angular/icons';
import { provideTranslocoScope } from '@jsverse/transloco';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';

export const TASKS_ROUTES: Routes = [
  {
    path: '',
    // The error state of the list and the detail (nz-result "warning").
    providers: [provideNzIconsPatch([WarningFill])],
    children: [
      {
        path: '',
        loadComponent: () => import('./tasks.component').then((m) => m.TasksComponent),
      },
      {
        // 任务详情; the 督办单 print view (tasks/:taskId/notices/:noticeId/print) is a top route of its own.
        path: ':id',
        providers: [provideTranslocoScope('task')],
        loadComponent: () => import('./task-detail.component').then((m) => m.TaskDetailComponent),
      },
    ],
  },
];
