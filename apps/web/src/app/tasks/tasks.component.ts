import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { ApiError, Page, TaskDto } from '@lianzhang/contracts';
import {
  TASK_ACTION_LABELS,
  TASK_STATUS_LABELS,
  TASK_TRANSITIONS,
  type TaskAction,
  type TaskStatus,
} from '@lianzhang/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../i18n/language.service';

const STATUS_COLOURS: Readonly<Record<TaskStatus, string>> = {
  draft: 'default',
  assigned: 'orange',
  accepted: 'cyan',
  in_progress: 'blue',
  submitted: 'purple',
  returned: 'magenta',
  done: 'green',
  cancelled: 'default',
};

/**
 * 任务: the tasks the caller may see (the api scopes them: an enterprise its own, a chain
 * leader their chains), due soonest first, with the steps the caller may take on each.
 */
@Component({
  selector: 'lz-tasks',
  imports: [
    FormsModule,
    NzButtonModule,
    NzCardModule,
    NzInputModule,
    NzModalModule,
    NzResultModule,
    NzTableModule,
    NzTagModule,
    RouterLink,
    TranslocoPipe,
  ],
  template: `
    <nz-card [nzTitle]="'tasks.title' | transloco" [nzExtra]="filterTag" data-testid="tasks">
      @if (failed()) {
        <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
          <div nz-result-extra>
            <button nz-button (click)="load(pageIndex())">{{ 'state.retry' | transloco }}</button>
          </div>
        </nz-result>
      } @else {
        <nz-table
          #table
          [nzData]="page()?.items ?? []"
          [nzLoading]="loading()"
          [nzFrontPagination]="false"
          [nzTotal]="page()?.total ?? 0"
          [nzPageIndex]="pageIndex()"
          [nzPageSize]="20"
          [nzNoResult]="'tasks.empty' | transloco"
          (nzPageIndexChange)="load($event)"
        >
          <thead>
            <tr>
              <th>{{ 'tasks.task' | transloco }}</th>
              <th>{{ 'tasks.chain' | transloco }}</th>
              <th>{{ 'tasks.assignee' | transloco }}</th>
              <th>{{ 'tasks.status' | transloco }}</th>
              <th>{{ 'tasks.dueDate' | transloco }}</th>
              <th>{{ 'tasks.actions' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (task of table.data; track task.id) {
              <tr data-testid="task-row">
                <td>
                  <a [routerLink]="['/tasks', task.id]" data-testid="task-link">{{ task.title }}</a>
                </td>
                <td>{{ languages.language() === 'en' ? task.chainNameEn : task.chainName }}</td>
                <td>{{ task.assignee.name }}</td>
                <td>
                  <nz-tag [nzColor]="statusColour(task.status)" data-testid="task-status">{{
                    statusLabel(task.status)
                  }}</nz-tag>
                </td>
                <td [class.overdue]="task.overdue">
                  {{ task.dueDate }}
                  @if (task.overdue) {
                    <nz-tag nzColor="red">{{ 'tasks.overdue' | transloco }}</nz-tag>
                  }
                </td>
                <td>
                  <div class="actions">
                    @for (action of task.allowedActions; track action) {
                      <button
                        nz-button
                        nzSize="small"
                        [nzType]="
                          action === 'decline' || action === 'cancel' || action === 'return'
                            ? 'default'
                            : 'primary'
                        "
                        [nzDanger]="action === 'decline' || action === 'cancel'"
                        (click)="step(task, action)"
                      >
                        {{ actionLabel(action) }}
                      </button>
                    }
                  </div>
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      }
    </nz-card>
    <nz-modal
      [nzVisible]="pending() !== null"
      [nzTitle]="pending() ? actionLabel(pending()!.action) : ''"
      [nzOkText]="'tasks.confirm' | transloco"
      [nzOkLoading]="busy()"
      (nzOnOk)="confirm()"
      (nzOnCancel)="pending.set(null)"
    >
      <ng-container *nzModalContent>
        <label for="reason">{{ 'tasks.reason' | transloco }}</label>
        <textarea
          nz-input
          id="reason"
          rows="3"
          [(ngModel)]="reason"
          data-testid="reason"
        ></textarea>
        @if (reasonError(); as message) {
          <div class="error" role="alert">{{ message }}</div>
        }
      </ng-container>
    </nz-modal>
    <ng-template #filterTag>
      @if (overdue() === 'true') {
        <a routerLink="/tasks" class="filter-tag" data-testid="tasks-filter">
          <nz-tag nzColor="red">{{ 'tasks.overdueOnly' | transloco }} ✕</nz-tag>
        </a>
      }
    </ng-template>
  `,
  styles: `
    .filter-tag {
      cursor: pointer;
    }
    .overdue {
      color: #cf1322;
    }
    .actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .error {
      color: #cf1322;
      margin-top: 8px;
    }
    label {
      display: block;
      margin-bottom: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TasksComponent {
  /** `?overdue=true`: only open tasks past their due date. */
  readonly overdue = input<string>();
  private readonly http = inject(HttpClient);
  private readonly message = inject(NzMessageService);
  protected readonly languages = inject(LanguageService);
  protected readonly page = signal<Page<TaskDto> | null>(null);
  protected readonly pageIndex = signal(1);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly busy = signal(false);
  protected readonly pending = signal<{ task: TaskDto; action: TaskAction } | null>(null);
  protected readonly reasonError = signal<string | null>(null);
  protected reason = '';

  constructor() {
    // The first load, and again when the filter in the address changes under the same page.
    effect(() => {
      this.overdue();
      untracked(() => void this.load(1));
    });
  }

  async load(index: number): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    try {
      let params = new HttpParams().set('page', index).set('pageSize', 20).set('sort', 'dueDate');
      // The cockpit's overdue figure opens this list narrowed to the overdue tasks.
      if (this.overdue() === 'true') params = params.set('overdue', 'true');
      this.page.set(await firstValueFrom(this.http.get<Page<TaskDto>>('/api/tasks', { params })));
      this.pageIndex.set(index);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  protected statusLabel(status: TaskStatus): string {
    return TASK_STATUS_LABELS[status][this.languages.language()];
  }

  protected statusColour(status: TaskStatus): string {
    return STATUS_COLOURS[status];
  }

  protected actionLabel(action: TaskAction): string {
    return TASK_ACTION_LABELS[action][this.languages.language()];
  }

  /** A step that needs a reason asks for it first (the state machine of the domain says which). */
  protected step(task: TaskDto, action: TaskAction): void {
    if (TASK_TRANSITIONS[action].reasonRequired) {
      this.reason = '';
      this.reasonError.set(null);
      this.pending.set({ task, action });
      return;
    }
    void this.send(task, action);
  }

  protected async confirm(): Promise<void> {
    const pending = this.pending();
    if (pending) await this.send(pending.task, pending.action, this.reason);
  }

  private async send(task: TaskDto, action: TaskAction, reason?: string): Promise<void> {
    this.busy.set(true);
    try {
      await firstValueFrom(
        this.http.post<TaskDto>(`/api/tasks/${task.id}/transitions`, {
          action,
          version: task.version,
          ...(reason ? { reason } : {}),
        }),
      );
      this.pending.set(null);
      this.message.success(this.actionLabel(action));
      await this.load(this.pageIndex());
    } catch (error) {
      const body = error instanceof HttpErrorResponse ? (error.error as ApiError | null) : null;
      const field = body?.details.find((d) => d.path === 'reason');
      if (field) this.reasonError.set(field.message);
      else {
        this.pending.set(null);
        this.message.error(body?.message ?? '');
        await this.load(this.pageIndex());
      }
    } finally {
      this.busy.set(false);
    }
  }
}
