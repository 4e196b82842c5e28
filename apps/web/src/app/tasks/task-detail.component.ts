import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { taskCommentSchema, type TaskDetailDto } from '@lianzhang/contracts';
import {
  ESCALATION_LEVEL_LABELS,
  TASK_ACTION_LABELS,
  TASK_PRIORITY_LABELS,
  TASK_STATUS_LABELS,
  TASK_TRANSITIONS,
  type TaskAction,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { SessionStore } from '../auth/session.store';
import { LanguageService } from '../i18n/language.service';
import { apiError, httpStatus, schemaFieldErrors } from '../forms/field-errors';
import { ReasonDialogComponent } from './reason-dialog.component';
import { ReportFormComponent } from './report-form.component';
import { ReportListComponent } from './report-list.component';
import { TaskAttachmentsComponent } from './task-attachments.component';
import {
  eventLabel,
  noticeMark,
  LEVEL_COLOURS,
  PRIORITY_COLOURS,
  stepLabel,
  TASK_STATUS_COLOURS,
} from './task-labels';
import { TaskClient, type ReportSubject } from './task.client';

/** Where a report may be filed from (reports.service.ts: the assignee or a co-handler, while the work goes on). */
const REPORTABLE = ['accepted', 'in_progress', 'returned'];

/**
 * 任务详情: everything about one task the caller may see: its facts, the steps they may
 * take now (the api lists them from the domain's state machine), 督办单, the reminders
 * and escalations still to come, history, comments, files and progress reports.
 */
@Component({
  selector: 'lz-task-detail',
  imports: [
    DatePipe,
    FormsModule,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzFormModule,
    NzInputModule,
    NzProgressModule,
    NzResultModule,
    NzSpinModule,
    NzTagModule,
    NzTimelineModule,
    ReasonDialogComponent,
    ReportFormComponent,
    ReportListComponent,
    RouterLink,
    TaskAttachmentsComponent,
    TranslocoPipe,
  ],
  templateUrl: './task-detail.component.html',
  styleUrl: './task-detail.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskDetailComponent {
  private readonly client = inject(TaskClient);
  private readonly session = inject(SessionStore);
  private readonly message = inject(NzMessageService);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);
  protected readonly languages = inject(LanguageService);

  /** The `:id` of the route. */
  readonly id = input.required<string>();

  protected readonly task = signal<TaskDetailDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly notFound = signal(false);
  protected readonly failed = signal(false);
  protected readonly busy = signal(false);
  protected readonly pending = signal<TaskAction | null>(null);
  protected readonly reasonError = signal<string | null>(null);
  protected readonly comment = signal('');
  protected readonly commentError = signal<string | null>(null);
  protected readonly commenting = signal(false);

  private readonly reportList = viewChild(ReportListComponent);

  /** The same subject while the task is the same, so reading the task again keeps its reports. */
  protected readonly subject = computed<ReportSubject | null>(
    () => {
      const task = this.task();
      return task ? { type: 'task', id: task.id } : null;
    },
    { equal: (a, b) => a?.id === b?.id },
  );
  protected readonly canReport = computed(() => {
    const task = this.task();
    return (
      !!task &&
      (task.party === 'assignee' || task.party === 'co_handler') &&
      REPORTABLE.includes(task.status) &&
      this.session.can('report:create')
    );
  });
  protected readonly canReview = computed(
    () => this.task()?.party === 'assigner' && this.session.can('report:review'),
  );
  protected readonly canUpload = computed(() => {
    const party = this.task()?.party;
    return !!party && party !== 'observer';
  });

  constructor() {
    effect(() => {
      this.id();
      untracked(() => void this.load());
    });
  }

  async load(): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    try {
      this.task.set(await this.client.detail(this.id()));
      this.notFound.set(false);
    } catch (error) {
      // Not there, or not the caller's to see (the api answers 404 for both); a malformed id is 400.
      const status = httpStatus(error);
      if (status === 404 || status === 400) {
        this.task.set(null);
        this.notFound.set(true);
      } else this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  protected statusLabel(task: TaskDetailDto): string {
    return TASK_STATUS_LABELS[task.status][this.languages.language()];
  }

  protected statusColour(task: TaskDetailDto): string {
    return TASK_STATUS_COLOURS[task.status];
  }

  protected priorityLabel(task: TaskDetailDto): string {
    return TASK_PRIORITY_LABELS[task.priority][this.languages.language()];
  }

  protected priorityColour(task: TaskDetailDto): string {
    return PRIORITY_COLOURS[task.priority];
  }

  protected actionLabel(action: TaskAction): string {
    return TASK_ACTION_LABELS[action][this.languages.language()];
  }

  protected levelLabel(level: 'reminder' | 'yellow' | 'red'): string {
    return (ESCALATION_LEVEL_LABELS[level] ?? ESCALATION_LEVEL_LABELS.reminder)[
      this.languages.language()
    ];
  }

  protected levelColour(level: 'reminder' | 'yellow' | 'red'): string {
    return LEVEL_COLOURS[level] ?? 'default';
  }

  protected eventName(action: string): string {
    return eventLabel(action, this.languages.language());
  }

  protected stepName(step: string): string {
    return stepLabel(step, this.languages.language());
  }

  protected statusName(status: keyof typeof TASK_STATUS_LABELS): string {
    return TASK_STATUS_LABELS[status][this.languages.language()];
  }

  /** The loudest 督办单 the task has had: 红牌 over 黄牌. */
  protected noticeMark(task: TaskDetailDto): 'yellow' | 'red' | null {
    return noticeMark(task.notices);
  }

  protected coHandlers(task: TaskDetailDto): string {
    return task.coHandlers.map((h) => h.name).join('、') || '—';
  }

  protected isDanger(action: TaskAction): boolean {
    return action === 'decline' || action === 'cancel' || action === 'return';
  }

  /** A step that needs a reason asks for it first (the domain's state machine says which). */
  protected step(action: TaskAction): void {
    if (TASK_TRANSITIONS[action].reasonRequired) {
      this.reasonError.set(null);
      this.pending.set(action);
      return;
    }
    void this.send(action);
  }

  protected confirmReason(reason: string): void {
    const action = this.pending();
    if (!action) return;
    if (!reason.trim()) {
      this.reasonError.set(this.transloco.translate('task.detail.reasonRequired'));
      return;
    }
    void this.send(action, reason.trim());
  }

  private async send(action: TaskAction, reason?: string): Promise<void> {
    const task = this.task();
    if (!task) return;
    this.busy.set(true);
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
      if (action === 'decline') {
        this.message.success(this.transloco.translate('task.detail.declined'));
        await this.router.navigateByUrl('/tasks');
        return;
      }
      this.message.success(this.actionLabel(action));
      await this.load();
    } catch (error) {
      const body = apiError(error);
      const field = body?.details.find((d) => d.path === 'reason');
      if (field && this.pending()) {
        this.reasonError.set(field.message);
        return;
      }
      this.pending.set(null);
      this.message.error(body?.message ?? this.transloco.translate('task.detail.stepFailed'));
      // A stale version (409) or a step no longer allowed: show the task as it now is.
      await this.load();
    } finally {
      this.busy.set(false);
    }
  }

  protected async addComment(): Promise<void> {
    const task = this.task();
    if (!task) return;
    const parsed = taskCommentSchema.safeParse({ body: this.comment() });
    if (!parsed.success) {
      this.commentError.set(
        schemaFieldErrors(parsed.error.issues, this.languages.language())['body'] ?? null,
      );
      return;
    }
    this.commentError.set(null);
    this.commenting.set(true);
    try {
      await this.client.comment(task.id, parsed.data.body);
      this.comment.set('');
      await this.load();
    } catch (error) {
      const body = apiError(error);
      this.commentError.set(
        body?.details.find((d) => d.path === 'body')?.message ??
          body?.message ??
          this.transloco.translate('task.comments.failed'),
      );
    } finally {
      this.commenting.set(false);
    }
  }

  protected async reported(): Promise<void> {
    await Promise.all([this.reportList()?.load(), this.load()]);
  }
}
