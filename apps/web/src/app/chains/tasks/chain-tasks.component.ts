import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  type OnInit,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import type { TaskDto, TaskPriorityValue } from '@lianzhang/contracts';
import {
  ESCALATION_LEVEL_LABELS,
  TASK_PRIORITY_LABELS,
  TASK_STATUSES,
  TASK_STATUS_LABELS,
  type TaskStatus,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import { labelOf } from '../chain-labels';
import { ChainStore } from '../chain.store';
import { ChainsClient } from '../chains.client';
import { TaskFormComponent } from './task-form.component';

/** The most tasks one page of the api gives; the tab says when a chain has more. */
const MAX_TASKS = 100;

export const TASK_STATUS_COLOURS: Readonly<Record<TaskStatus, string>> = {
  draft: 'default',
  assigned: 'orange',
  accepted: 'cyan',
  in_progress: 'blue',
  submitted: 'purple',
  returned: 'magenta',
  done: 'green',
  cancelled: 'default',
};

const PRIORITY_COLOURS: Readonly<Record<TaskPriorityValue, string>> = {
  low: 'default',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

/**
 * 任务: the chain's tasks as a table or as a board with a column per status; each leads
 * to the task's own page. Those who may assign create and assign tasks from here.
 */
@Component({
  selector: 'lz-chain-tasks',
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDrawerModule,
    NzEmptyModule,
    NzIconModule,
    NzInputModule,
    NzProgressModule,
    NzResultModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
    TaskFormComponent,
    TranslocoPipe,
  ],
  template: `
    <nz-card
      [nzTitle]="'chains.tasks.title' | transloco"
      [nzExtra]="extra"
      data-testid="chain-tasks"
    >
      <div class="toolbar">
        <div class="views" role="group" [attr.aria-label]="'chains.tasks.view' | transloco">
          <button
            nz-button
            type="button"
            [nzType]="mode() === 'table' ? 'primary' : 'default'"
            [attr.aria-pressed]="mode() === 'table'"
            (click)="setView('table')"
            data-testid="task-view-table"
          >
            <nz-icon nzType="table" /> <span>{{ 'chains.tasks.table' | transloco }}</span>
          </button>
          <button
            nz-button
            type="button"
            [nzType]="mode() === 'board' ? 'primary' : 'default'"
            [attr.aria-pressed]="mode() === 'board'"
            (click)="setView('board')"
            data-testid="task-view-board"
          >
            <nz-icon nzType="appstore" /> <span>{{ 'chains.tasks.board' | transloco }}</span>
          </button>
        </div>
        <div class="search">
          <label for="task-search" class="sr-only">{{ 'chains.tasks.search' | transloco }}</label>
          <input
            nz-input
            id="task-search"
            [placeholder]="'chains.tasks.search' | transloco"
            [ngModel]="q()"
            (ngModelChange)="q.set($event)"
            data-testid="task-search"
          />
        </div>
      </div>
      @if (total() > tasks().length) {
        <nz-alert
          nzType="info"
          class="alert"
          [nzMessage]="
            'chains.tasks.truncated' | transloco: { shown: tasks().length, total: total() }
          "
        />
      }
      @if (failed()) {
        <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
          <div nz-result-extra>
            <button nz-button (click)="load()">{{ 'state.retry' | transloco }}</button>
          </div>
        </nz-result>
      } @else if (mode() === 'table') {
        <nz-table
          #table
          [nzData]="filtered()"
          [nzLoading]="loading()"
          [nzNoResult]="'chains.tasks.empty' | transloco"
          [nzPageSize]="20"
          nzSize="middle"
          [nzScroll]="{ x: '960px' }"
          data-testid="task-table"
        >
          <thead>
            <tr>
              <th>{{ 'chains.tasks.task' | transloco }}</th>
              <th>{{ 'chains.tasks.assignee' | transloco }}</th>
              <th>{{ 'chains.tasks.status' | transloco }}</th>
              <th>{{ 'chains.tasks.priority' | transloco }}</th>
              <th nzWidth="140px">{{ 'chains.tasks.progress' | transloco }}</th>
              <th>{{ 'chains.tasks.dueDate' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (task of table.data; track task.id) {
              <tr data-testid="task-row">
                <td>
                  <a [routerLink]="['/tasks', task.id]" data-testid="task-link">{{ task.title }}</a>
                  @if (task.noticeLevel) {
                    <nz-tag
                      [nzColor]="task.noticeLevel === 'red' ? 'red' : 'orange'"
                      data-testid="task-notice"
                      >{{ noticeLabel(task.noticeLevel) }}</nz-tag
                    >
                  }
                </td>
                <td>
                  {{ task.assignee.name }}
                  @if (task.coHandlers.length) {
                    <div class="muted">
                      {{ 'chains.tasks.coHandlers' | transloco }}: {{ coHandlerNames(task) }}
                    </div>
                  }
                </td>
                <td>
                  <nz-tag [nzColor]="statusColour(task.status)">{{
                    statusLabel(task.status)
                  }}</nz-tag>
                </td>
                <td>
                  <nz-tag [nzColor]="priorityColour(task.priority)">{{
                    priorityLabel(task.priority)
                  }}</nz-tag>
                </td>
                <td><nz-progress [nzPercent]="task.progress" nzSize="small" /></td>
                <td [class.overdue]="task.overdue">
                  {{ task.dueDate }}
                  @if (task.overdue) {
                    <nz-tag nzColor="red" data-testid="task-overdue">{{
                      'chains.tasks.overdue' | transloco
                    }}</nz-tag>
                  }
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      } @else {
        @if (loading()) {
          <div class="state"><nz-spin [nzTip]="'state.loading' | transloco" /></div>
        } @else {
          <div class="board" data-testid="task-board">
            @for (column of columns(); track column.status) {
              <section class="column" [attr.data-status]="column.status" data-testid="task-column">
                <header>
                  <nz-tag [nzColor]="statusColour(column.status)">{{
                    statusLabel(column.status)
                  }}</nz-tag>
                  <span class="count">{{ column.tasks.length }}</span>
                </header>
                @for (task of column.tasks; track task.id) {
                  <a
                    class="card"
                    [class.overdue-card]="task.overdue || task.noticeLevel === 'red'"
                    [class.notice-card]="task.noticeLevel === 'yellow'"
                    [routerLink]="['/tasks', task.id]"
                    data-testid="task-card"
                  >
                    <span class="card-title">
                      {{ task.title }}
                      @if (task.noticeLevel) {
                        <nz-tag [nzColor]="task.noticeLevel === 'red' ? 'red' : 'orange'">{{
                          noticeLabel(task.noticeLevel)
                        }}</nz-tag>
                      }
                    </span>
                    <span class="muted">{{ task.assignee.name }}</span>
                    <span class="card-foot">
                      <span [class.overdue]="task.overdue">{{ task.dueDate }}</span>
                      @if (task.priority === 'high' || task.priority === 'urgent') {
                        <nz-tag [nzColor]="priorityColour(task.priority)">{{
                          priorityLabel(task.priority)
                        }}</nz-tag>
                      }
                    </span>
                  </a>
                } @empty {
                  <p class="muted empty">—</p>
                }
              </section>
            }
          </div>
          @if (filtered().length === 0) {
            <nz-empty [nzNotFoundContent]="'chains.tasks.empty' | transloco" />
          }
        }
      }
    </nz-card>
    <ng-template #extra>
      @if (store.canAssign()) {
        <button nz-button nzType="primary" (click)="creating.set(true)" data-testid="task-create">
          <nz-icon nzType="plus" /> <span>{{ 'chains.tasks.create' | transloco }}</span>
        </button>
      }
    </ng-template>
    <nz-drawer
      [nzVisible]="creating()"
      [nzTitle]="'chains.tasks.create' | transloco"
      [nzWidth]="'min(720px, 100vw)'"
      (nzOnClose)="creating.set(false)"
    >
      <ng-container *nzDrawerContent>
        @if (creating()) {
          <lz-task-form (created)="created($event)" (cancelled)="creating.set(false)" />
        }
      </ng-container>
    </nz-drawer>
  `,
  styles: `
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      justify-content: space-between;
      margin-bottom: 16px;
    }
    .views {
      display: flex;
      gap: 0;
    }
    .search {
      flex: 0 1 280px;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    .alert {
      margin-bottom: 12px;
    }
    .muted {
      color: var(--lz-text-secondary);
      font-size: 12px;
    }
    .overdue {
      color: #cf1322;
    }
    .state {
      padding: 48px;
      text-align: center;
    }
    .board {
      display: grid;
      grid-auto-flow: column;
      grid-auto-columns: minmax(200px, 1fr);
      gap: 12px;
      overflow-x: auto;
      padding-bottom: 8px;
    }
    .column {
      background: #f5f5f5;
      border-radius: 6px;
      padding: 8px;
      min-height: 160px;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .column header {
      display: flex;
      justify-content: space-between;
      align-items: center;
    }
    .count {
      color: var(--lz-text-secondary);
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 4px;
      background: #fff;
      border-radius: 4px;
      padding: 8px;
      border-left: 3px solid #d9d9d9;
      color: inherit;
      box-shadow: 0 1px 2px rgba(0, 0, 0, 0.06);
    }
    .card:hover {
      box-shadow: 0 2px 8px rgba(0, 0, 0, 0.12);
    }
    .overdue-card {
      border-left-color: #f5222d;
    }
    .notice-card {
      border-left-color: #fa8c16;
    }
    .card-title {
      font-weight: 500;
    }
    .card-foot {
      display: flex;
      justify-content: space-between;
      align-items: center;
      font-size: 12px;
    }
    .empty {
      text-align: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChainTasksComponent implements OnInit {
  protected readonly store = inject(ChainStore);
  private readonly client = inject(ChainsClient);
  private readonly languages = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly message = inject(NzMessageService);
  private readonly router = inject(Router);

  /** `?view=board` of the address keeps the board across reloads. */
  readonly view = input<string>();

  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly tasks = signal<readonly TaskDto[]>([]);
  protected readonly total = signal(0);
  protected readonly creating = signal(false);
  protected readonly q = signal('');
  private readonly chosenView = signal<'table' | 'board' | null>(null);

  protected readonly mode = computed(
    () => this.chosenView() ?? (this.view() === 'board' ? 'board' : 'table'),
  );
  protected readonly filtered = computed(() => {
    const q = this.q().trim().toLowerCase();
    if (!q) return this.tasks();
    return this.tasks().filter(
      (t) => t.title.toLowerCase().includes(q) || t.assignee.name.toLowerCase().includes(q),
    );
  });
  protected readonly columns = computed(() =>
    TASK_STATUSES.map((status) => ({
      status,
      tasks: this.filtered().filter((t) => t.status === status),
    })),
  );

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    const id = this.store.id();
    if (!id) return;
    this.loading.set(true);
    this.failed.set(false);
    try {
      const page = await firstValueFrom(
        this.client.tasks({ chainId: id, pageSize: MAX_TASKS, sort: 'dueDate' }),
      );
      this.tasks.set(page.items);
      this.total.set(page.total);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  protected setView(view: 'table' | 'board'): void {
    this.chosenView.set(view);
    void this.router.navigate([], {
      queryParams: { view: view === 'board' ? 'board' : null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected created(task: TaskDto): void {
    this.creating.set(false);
    this.message.success(
      this.transloco.translate('chains.tasks.createdMessage', { title: task.title }),
    );
    void this.load();
    void this.store.loadDetail();
  }

  protected statusLabel(status: TaskStatus): string {
    return labelOf(TASK_STATUS_LABELS, status, this.languages.language());
  }

  protected statusColour(status: TaskStatus): string {
    return TASK_STATUS_COLOURS[status];
  }

  protected priorityLabel(priority: TaskPriorityValue): string {
    return labelOf(TASK_PRIORITY_LABELS, priority, this.languages.language());
  }

  protected priorityColour(priority: TaskPriorityValue): string {
    return PRIORITY_COLOURS[priority];
  }

  /** 黄牌 / 红牌: the highest 督办单 issued on the task. */
  protected noticeLabel(level: 'yellow' | 'red'): string {
    return labelOf(ESCALATION_LEVEL_LABELS, level, this.languages.language());
  }

  protected coHandlerNames(task: TaskDto): string {
    return task.coHandlers.map((c) => c.name).join('、');
  }
}
