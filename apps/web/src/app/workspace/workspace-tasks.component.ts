import { WarningFill } from '@ant-design/icons-angular/icons';
import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Page, TaskDto } from '@lianzhang/contracts';
import {
  ESCALATION_LEVEL_LABELS,
  TASK_ACTION_LABELS,
  TASK_STATUS_LABELS,
  TASK_TRANSITIONS,
  type TaskAction,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LanguageService } from '../i18n/language.service';
import { apiError, httpStatus } from '../forms/field-errors';
import { ReasonDialogComponent } from '../tasks/reason-dialog.component';
import { LEVEL_COLOURS, noticeMark, TASK_STATUS_COLOURS } from '../tasks/task-labels';
import { TaskClient } from '../tasks/task.client';

const PAGE_SIZE = 20;

/**
 * 我的任务: the enterprise's tasks (主办 and 协办), due soonest first, with overdue and
 * 黄牌/红牌 marks; 签收 and the other steps the state machine gives it, 拒收 with a reason.
 */
@Component({
  selector: 'lz-workspace-tasks',
  imports: [
    NzButtonModule,
    NzProgressModule,
    NzResultModule,
    NzTableModule,
    NzTagModule,
    ReasonDialogComponent,
    RouterLink,
    TranslocoPipe,
  ],
  providers: [provideNzIconsPatch([WarningFill])],
  template: `
    @if (failed()) {
      <nz-result
        nzStatus="warning"
        [nzTitle]="'state.error' | transloco"
        data-testid="workspace-tasks-error"
      >
        <div nz-result-extra>
          <button nz-button (click)="load(pageIndex())">{{ 'state.retry' | transloco }}</button>
        </div>
      </nz-result>
    } @else {
      <nz-table
        #table
        nzSize="middle"
        [nzData]="page()?.items ?? []"
        [nzLoading]="loading()"
        [nzFrontPagination]="false"
        [nzTotal]="page()?.total ?? 0"
        [nzPageIndex]="pageIndex()"
        [nzPageSize]="pageSize"
        [nzHideOnSinglePage]="true"
        [nzNoResult]="'workspace.tasks.empty' | transloco"
        [nzScroll]="{ x: '880px' }"
        (nzPageIndexChange)="load($event)"
        data-testid="workspace-tasks"
      >
        <thead>
          <tr>
            <th>{{ 'workspace.tasks.task' | transloco }}</th>
            <th nzWidth="140px">{{ 'workspace.tasks.chain' | transloco }}</th>
            <th nzWidth="110px">{{ 'workspace.tasks.status' | transloco }}</th>
            <th nzWidth="190px">{{ 'workspace.tasks.dueDate' | transloco }}</th>
            <th nzWidth="120px">{{ 'workspace.tasks.progress' | transloco }}</th>
            <th nzWidth="200px">{{ 'workspace.tasks.actions' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (task of table.data; track task.id) {
            <tr data-testid="workspace-task-row">
              <td>
                <a [routerLink]="['/tasks', task.id]" data-testid="task-link">{{ task.title }}</a>
                @if (task.party === 'co_handler') {
                  <nz-tag class="role">{{ 'workspace.tasks.coHandler' | transloco }}</nz-tag>
                }
              </td>
              <td>{{ languages.language() === 'en' ? task.chainNameEn : task.chainName }}</td>
              <td>
                <nz-tag [nzColor]="statusColour(task)" data-testid="task-status">{{
                  statusLabel(task)
                }}</nz-tag>
              </td>
              <td>
                <span [class.overdue]="task.overdue">{{ task.dueDate }}</span>
                @if (task.overdue) {
                  <nz-tag nzColor="red" class="mark" data-testid="overdue-mark">{{
                    'workspace.tasks.overdue' | transloco
                  }}</nz-tag>
                }
                @if (marks()[task.id]; as mark) {
                  <nz-tag [nzColor]="levelColour(mark)" class="mark" data-testid="notice-mark">{{
                    levelLabel(mark)
                  }}</nz-tag>
                }
              </td>
              <td><nz-progress [nzPercent]="task.progress" nzSize="small" /></td>
              <td>
                <div class="actions">
                  @for (action of task.allowedActions; track action) {
                    <button
                      nz-button
                      nzSize="small"
                      [nzType]="action === 'decline' ? 'default' : 'primary'"
                      [nzDanger]="action === 'decline'"
                      [nzLoading]="busy() === task.id + action"
                      (click)="step(task, action)"
                      [attr.data-testid]="action"
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
    <lz-reason-dialog
      [open]="pending() !== null"
      [title]="pending() ? actionLabel(pending()!.action) : ''"
      [label]="'workspace.tasks.reason' | transloco"
      fieldId="workspace-reason"
      [busy]="busy() !== null"
      [error]="reasonError()"
      (confirmed)="confirm($event)"
      (cancelled)="pending.set(null)"
    />
  `,
  styles: `
    .overdue {
      color: #cf1322;
    }
    .mark {
      margin-left: 4px;
    }
    .role {
      margin-left: 6px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkspaceTasksComponent implements OnInit {
  private readonly client = inject(TaskClient);
  private readonly message = inject(NzMessageService);
  private readonly transloco = inject(TranslocoService);
  protected readonly languages = inject(LanguageService);

  protected readonly pageSize = PAGE_SIZE;
  protected readonly page = signal<Page<TaskDto> | null>(null);
  protected readonly pageIndex = signal(1);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly busy = signal<string | null>(null);
  protected readonly pending = signal<{ task: TaskDto; action: TaskAction } | null>(null);
  protected readonly reasonError = signal<string | null>(null);
  /** 黄牌/红牌 of the overdue tasks on the page (the list answer does not carry them). */
  protected readonly marks = signal<Readonly<Record<string, 'yellow' | 'red'>>>({});

  ngOnInit(): void {
    void this.load(1);
  }

  async load(index: number): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    try {
      const page = await this.client.list({ page: index, pageSize: PAGE_SIZE, sort: 'dueDate' });
      this.page.set(page);
      this.pageIndex.set(index);
      void this.loadMarks(page.items);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  /** Only an overdue task can have a 督办单 that still matters; their details say which. */
  private async loadMarks(tasks: readonly TaskDto[]): Promise<void> {
    const overdue = tasks.filter((task) => task.overdue);
    const details = await Promise.all(
      overdue.map((task) => this.client.detail(task.id).catch(() => null)),
    );
    const marks: Record<string, 'yellow' | 'red'> = {};
    for (const detail of details) {
      const mark = detail ? noticeMark(detail.notices) : null;
      if (detail && mark) marks[detail.id] = mark;
    }
    this.marks.set(marks);
  }

  protected statusLabel(task: TaskDto): string {
    return TASK_STATUS_LABELS[task.status][this.languages.language()];
  }

  protected statusColour(task: TaskDto): string {
    return TASK_STATUS_COLOURS[task.status];
  }

  protected actionLabel(action: TaskAction): string {
    return TASK_ACTION_LABELS[action][this.languages.language()];
  }

  protected levelLabel(level: 'yellow' | 'red'): string {
    return ESCALATION_LEVEL_LABELS[level][this.languages.language()];
  }

  protected levelColour(level: 'yellow' | 'red'): string {
    return LEVEL_COLOURS[level];
  }

  protected step(task: TaskDto, action: TaskAction): void {
    if (TASK_TRANSITIONS[action].reasonRequired) {
      this.reasonError.set(null);
      this.pending.set({ task, action });
      return;
    }
    void this.send(task, action);
  }

  protected confirm(reason: string): void {
    const pending = this.pending();
    if (!pending) return;
    if (!reason.trim()) {
      this.reasonError.set(this.transloco.translate('workspace.tasks.reasonRequired'));
      return;
    }
    void this.send(pending.task, pending.action, reason.trim());
  }

  /** Sent with the version read: a task changed meanwhile answers 409 and the list reloads. */
  private async send(task: TaskDto, action: TaskAction, reason?: string): Promise<void> {
    this.busy.set(task.id + action);
    try {
      try {
        await this.client.transition(task.id, {
          action,
          version: task.version,
          ...(reason ? { reason } : {}),
        });
      } catch (error) {
        // A declined task is a draft again, which the enterprise no longer sees: the api
        // takes the step, then answers 404 when it reads the task back for the caller.
        if (!(action === 'decline' && httpStatus(error) === 404)) throw error;
      }
      this.pending.set(null);
      this.message.success(
        action === 'decline'
          ? this.transloco.translate('workspace.tasks.declined')
          : this.actionLabel(action),
      );
      await this.load(this.pageIndex());
    } catch (error) {
      const body = apiError(error);
      const field = body?.details.find((d) => d.path === 'reason');
      if (field && this.pending()) {
        this.reasonError.set(field.message);
        return;
      }
      this.pending.set(null);
      this.message.error(body?.message ?? this.transloco.translate('workspace.tasks.stepFailed'));
      await this.load(this.pageIndex());
    } finally {
      this.busy.set(null);
    }
  }
}
