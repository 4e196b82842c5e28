import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  output,
  signal,
  untracked,
  type OnInit,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import {
  TASK_PRIORITY_VALUES,
  createTaskSchema,
  type CalendarDayDto,
  type ProjectDto,
  type ShortBoardDto,
  type TaskDto,
  type TaskPriorityValue,
} from '@lianzhang/contracts';
import {
  ESCALATION_AUDIENCE_LABELS,
  ESCALATION_LEVEL_LABELS,
  STEP_TIME_OF_DAY,
  TASK_PRIORITY_LABELS,
  addDays,
  parseIsoDate,
  type EscalationAudience,
  type EscalationLevel,
  type IsoDate,
  type PlannedStep,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import {
  apiError,
  schemaFieldErrors,
  apiFieldErrors,
  type FieldErrors,
} from '../../forms/field-errors';
import { labelOf } from '../chain-labels';
import { ChainStore } from '../chain.store';
import { ChainsClient } from '../chains.client';
import { CLOCK, fromIsoDate, toIsoDate, todayInShanghai } from '../dates';
import { CalendarDaysStore } from './calendar-days.store';
import { previewTaskSteps, shiftedDeadline } from './escalation-preview';

type Preview =
  | { readonly status: 'empty' | 'loading' | 'error' }
  | {
      readonly status: 'ready';
      readonly steps: readonly PlannedStep[];
      /** The workday a due date on a day off counts from. */
      readonly shifted: IsoDate | null;
      /** Years involved whose holidays are not published yet: weekends only, for now. */
      readonly provisionalYears: readonly string[];
    };

const LEVEL_COLOURS: Readonly<Record<EscalationLevel, string>> = {
  reminder: 'blue',
  yellow: 'orange',
  red: 'red',
};

/** Months of the calendar fetched when the form opens: this one and the eleven after. */
const MONTHS_AT_START = 12;
/** The preview needs the days up to a month past the due date and the reporting cycles. */
const DAYS_AFTER_DUE = 31;
const DAYS_FOR_REPORTS = 100;

/**
 * 交办任务: a new task of the chain for one of its member organisations (主办) and
 * optional co-handlers (协办), checked with the shared schema. The due-date picker marks
 * holidays and make-up workdays, and under it the chain's escalation ladder shows when
 * each step would fire for the chosen day — computed here with the domain's own functions.
 */
@Component({
  selector: 'lz-task-form',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCheckboxModule,
    NzDatePickerModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
    NzSpinModule,
    NzTimelineModule,
    TranslocoPipe,
  ],
  providers: [CalendarDaysStore],
  template: `
    <form nz-form nzLayout="vertical" (ngSubmit)="submit()" data-testid="task-form">
      @if (formError(); as message) {
        <nz-alert
          nzType="error"
          [nzMessage]="message"
          nzShowIcon
          class="alert"
          data-testid="task-form-error"
        />
      }
      <nz-form-item>
        <nz-form-label nzFor="task-title" nzRequired>{{
          'chains.taskForm.title' | transloco
        }}</nz-form-label>
        <nz-form-control
          [nzValidateStatus]="errors()['title'] ? 'error' : ''"
          [nzErrorTip]="errors()['title']"
          data-testid="field-title"
        >
          <input nz-input id="task-title" name="title" [(ngModel)]="title" />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label nzFor="task-description">{{
          'chains.taskForm.description' | transloco
        }}</nz-form-label>
        <nz-form-control
          [nzValidateStatus]="errors()['description'] ? 'error' : ''"
          [nzErrorTip]="errors()['description']"
          data-testid="field-description"
        >
          <textarea
            nz-input
            id="task-description"
            name="description"
            rows="3"
            [(ngModel)]="description"
          ></textarea>
        </nz-form-control>
      </nz-form-item>
      <div class="row">
        <nz-form-item>
          <nz-form-label nzFor="task-assignee" nzRequired>{{
            'chains.taskForm.assignee' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['assigneeOrganisationId'] ? 'error' : ''"
            [nzErrorTip]="errors()['assigneeOrganisationId']"
            data-testid="field-assignee"
          >
            <nz-select
              nzId="task-assignee"
              name="assignee"
              nzShowSearch
              [nzLoading]="store.members().status === 'loading'"
              [nzPlaceHolder]="'chains.taskForm.chooseMember' | transloco"
              [ngModel]="assigneeId()"
              (ngModelChange)="setAssignee($event)"
            >
              @for (member of store.memberList(); track member.organisationId) {
                <nz-option [nzValue]="member.organisationId" [nzLabel]="member.name" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="task-co-handlers">{{
            'chains.taskForm.coHandlers' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['coHandlerOrganisationIds'] ? 'error' : ''"
            [nzErrorTip]="errors()['coHandlerOrganisationIds']"
            data-testid="field-co-handlers"
          >
            <nz-select
              nzId="task-co-handlers"
              name="coHandlers"
              nzMode="multiple"
              [(ngModel)]="coHandlers"
            >
              @for (member of coHandlerOptions(); track member.organisationId) {
                <nz-option [nzValue]="member.organisationId" [nzLabel]="member.name" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
      </div>
      <div class="row">
        <nz-form-item>
          <nz-form-label nzFor="task-short-board">{{
            'chains.taskForm.shortBoard' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['shortBoardId'] ? 'error' : ''"
            [nzErrorTip]="errors()['shortBoardId']"
          >
            <nz-select
              nzId="task-short-board"
              name="shortBoard"
              nzAllowClear
              nzShowSearch
              [(ngModel)]="shortBoardId"
            >
              @for (board of shortBoards(); track board.id) {
                <nz-option [nzValue]="board.id" [nzLabel]="board.title" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="task-project">{{
            'chains.taskForm.project' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['projectId'] ? 'error' : ''"
            [nzErrorTip]="errors()['projectId']"
          >
            <nz-select
              nzId="task-project"
              name="project"
              nzAllowClear
              nzShowSearch
              [(ngModel)]="projectId"
            >
              @for (project of projects(); track project.id) {
                <nz-option [nzValue]="project.id" [nzLabel]="project.name" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
      </div>
      <div class="row">
        <nz-form-item>
          <nz-form-label nzFor="task-priority">{{
            'chains.taskForm.priority' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['priority'] ? 'error' : ''"
            [nzErrorTip]="errors()['priority']"
          >
            <nz-select nzId="task-priority" name="priority" [(ngModel)]="priority">
              @for (value of priorities; track value) {
                <nz-option [nzValue]="value" [nzLabel]="priorityLabel(value)" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="task-report-every">{{
            'chains.taskForm.reportEvery' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['reportEveryWorkdays'] ? 'error' : ''"
            [nzErrorTip]="errors()['reportEveryWorkdays']"
            data-testid="field-report-every"
          >
            <nz-input-number
              nzId="task-report-every"
              name="reportEvery"
              [nzMin]="1"
              [nzMax]="60"
              [nzPlaceHolder]="'chains.taskForm.reportEveryHint' | transloco"
              [ngModel]="reportEvery()"
              (ngModelChange)="reportEvery.set($event ?? null)"
            />
          </nz-form-control>
        </nz-form-item>
      </div>
      <nz-form-item>
        <nz-form-label nzFor="task-due-date" nzRequired>{{
          'chains.taskForm.dueDate' | transloco
        }}</nz-form-label>
        <nz-form-control
          [nzValidateStatus]="errors()['dueDate'] ? 'error' : ''"
          [nzErrorTip]="errors()['dueDate']"
          data-testid="field-due-date"
        >
          <nz-date-picker
            nzId="task-due-date"
            name="dueDate"
            [nzDateRender]="dayCell"
            [nzDisabledDate]="beforeToday"
            [nzDefaultPickerValue]="defaultMonth"
            [nzDropdownClassName]="'lz-due-date-dropdown'"
            [ngModel]="dueDate()"
            (ngModelChange)="dueDate.set($event)"
            (nzOnPanelChange)="panelChanged($event)"
            data-testid="task-due-date"
          />
          <div class="day-legend" aria-hidden="true">
            <span class="mark holiday">{{ 'chains.taskForm.holidayMark' | transloco }}</span>
            {{ 'chains.taskForm.holiday' | transloco }}
            <span class="mark makeup">{{ 'chains.taskForm.makeupMark' | transloco }}</span>
            {{ 'chains.taskForm.makeupWorkday' | transloco }}
          </div>
        </nz-form-control>
      </nz-form-item>
      <ng-template #dayCell let-current>
        @let day = dayOf(current);
        <div
          class="ant-picker-cell-inner day"
          [class.lz-holiday]="day?.kind === 'holiday'"
          [class.lz-makeup]="day?.kind === 'makeup_workday'"
          [attr.title]="dayTitle(day)"
          [attr.data-day-kind]="day?.kind ?? null"
        >
          {{ current.getDate() }}
          @if (day?.kind === 'holiday') {
            <span class="corner holiday">{{ 'chains.taskForm.holidayMark' | transloco }}</span>
          } @else if (day?.kind === 'makeup_workday') {
            <span class="corner makeup">{{ 'chains.taskForm.makeupMark' | transloco }}</span>
          }
        </div>
      </ng-template>

      <section class="preview" data-testid="escalation-preview" aria-live="polite">
        <h4>{{ 'chains.taskForm.previewTitle' | transloco }}</h4>
        @if (store.policyValue(); as policy) {
          <p class="muted">
            {{ 'chains.taskForm.policySource.' + policy.source | transloco }}
            @if (!assign) {
              · {{ 'chains.taskForm.previewDraft' | transloco }}
            }
          </p>
        }
        @switch (preview().status) {
          @case ('empty') {
            <p class="muted">{{ 'chains.taskForm.previewEmpty' | transloco }}</p>
          }
          @case ('loading') {
            <nz-spin nzSimple nzSize="small" />
          }
          @case ('error') {
            <nz-alert nzType="warning" [nzMessage]="'chains.taskForm.previewError' | transloco" />
          }
          @case ('ready') {
            @if (shifted(); as shifted) {
              <nz-alert
                nzType="info"
                nzShowIcon
                class="alert"
                data-testid="deadline-shifted"
                [nzMessage]="'chains.taskForm.shifted' | transloco: { date: shifted }"
              />
            }
            @if (provisionalYears(); as years) {
              <nz-alert
                nzType="warning"
                nzShowIcon
                class="alert"
                data-testid="calendar-provisional"
                [nzMessage]="'chains.taskForm.provisional' | transloco: { years }"
              />
            }
            @if (steps().length === 0) {
              <p class="muted">{{ 'chains.taskForm.previewNone' | transloco }}</p>
            } @else {
              <nz-timeline>
                @for (step of steps(); track step.key) {
                  <nz-timeline-item [nzColor]="levelColour(step.level)">
                    <div data-testid="escalation-step" [attr.data-step]="step.key">
                      <strong class="when" data-testid="escalation-when"
                        >{{ step.fireOn }} {{ time }}</strong
                      >
                      <span class="weekday">{{ weekday(step.fireOn) }}</span>
                      <span [class]="'level ' + step.level" data-testid="escalation-level">{{
                        levelLabel(step.level)
                      }}</span>
                      <div class="muted">{{ stepWhen(step) }} · {{ audience(step.audience) }}</div>
                    </div>
                  </nz-timeline-item>
                }
              </nz-timeline>
            }
          }
        }
      </section>

      <nz-form-item>
        <nz-form-control>
          <label
            nz-checkbox
            for="task-assign"
            nzId="task-assign"
            name="assign"
            [(ngModel)]="assign"
            >{{ 'chains.taskForm.assignNow' | transloco }}</label
          >
        </nz-form-control>
      </nz-form-item>
      <div class="actions">
        <button nz-button type="button" (click)="cancelled.emit()">
          {{ 'chains.form.cancel' | transloco }}
        </button>
        <button
          nz-button
          nzType="primary"
          type="submit"
          [nzLoading]="busy()"
          data-testid="task-submit"
        >
          {{
            (assign ? 'chains.taskForm.submitAssign' : 'chains.taskForm.submitDraft') | transloco
          }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
      gap: 0 12px;
    }
    .alert {
      margin-bottom: 12px;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
    .muted {
      color: var(--lz-text-secondary);
      font-size: 12px;
      margin: 0 0 8px;
    }
    nz-input-number {
      width: 100%;
    }
    .preview {
      border: 1px solid #f0f0f0;
      border-radius: 6px;
      padding: 12px 16px 0;
      margin-bottom: 16px;
      background: #fafafa;
    }
    .preview h4 {
      margin: 0 0 4px;
    }
    .when {
      margin-right: 8px;
    }
    .weekday {
      color: var(--lz-text-secondary);
      margin-right: 8px;
    }
    .level {
      font-size: 12px;
      padding: 0 6px;
      border-radius: 4px;
      background: #e6f4ff;
      color: #0958d9;
    }
    .level.yellow {
      background: #fff7e6;
      color: #d46b08;
    }
    .level.red {
      background: #fff1f0;
      color: #cf1322;
    }
    .day {
      position: relative;
    }
    .corner {
      position: absolute;
      top: -6px;
      right: -8px;
      font-size: 9px;
      line-height: 12px;
      padding: 0 2px;
      border-radius: 2px;
      color: #fff;
    }
    .corner.holiday,
    .mark.holiday {
      background: #f5222d;
    }
    .corner.makeup,
    .mark.makeup {
      background: #595959;
    }
    .lz-holiday {
      color: #cf1322;
    }
    .day-legend {
      font-size: 12px;
      color: var(--lz-text-secondary);
      margin-top: 4px;
    }
    .mark {
      color: #fff;
      font-size: 10px;
      padding: 0 3px;
      border-radius: 2px;
      margin: 0 2px 0 6px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskFormComponent implements OnInit {
  protected readonly store = inject(ChainStore);
  private readonly client = inject(ChainsClient);
  private readonly languages = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly calendar = inject(CalendarDaysStore);
  private readonly now = inject(CLOCK);

  readonly created = output<TaskDto>();
  readonly cancelled = output<void>();

  protected readonly priorities = TASK_PRIORITY_VALUES;
  protected readonly time = STEP_TIME_OF_DAY;
  protected readonly today = todayInShanghai(this.now());
  protected readonly defaultMonth = fromIsoDate(this.today);
  protected readonly shortBoards = signal<readonly ShortBoardDto[]>([]);
  protected readonly projects = signal<readonly ProjectDto[]>([]);
  protected readonly busy = signal(false);
  protected readonly errors = signal<FieldErrors>({});
  protected readonly formError = signal<string | null>(null);

  protected title = '';
  protected description = '';
  protected readonly assigneeId = signal<string | null>(null);
  protected coHandlers: string[] = [];
  protected shortBoardId: string | null = null;
  protected projectId: string | null = null;
  protected priority: TaskPriorityValue = 'normal';
  protected readonly reportEvery = signal<number | null>(null);
  protected readonly dueDate = signal<Date | null>(null);
  protected assign = true;

  protected readonly coHandlerOptions = computed(() =>
    this.store.memberList().filter((m) => m.organisationId !== this.assigneeId()),
  );

  /** The last day the preview needs from the calendar. */
  private readonly horizon = computed(() => {
    const due = toIsoDate(this.dueDate());
    const reports = addDays(this.today, DAYS_FOR_REPORTS);
    if (!due) return reports;
    const afterDue = addDays(due, DAYS_AFTER_DUE);
    return afterDue > reports ? afterDue : reports;
  });

  protected readonly preview = computed<Preview>(() => {
    const due = toIsoDate(this.dueDate());
    if (!due) return { status: 'empty' };
    const policy = this.store.policy();
    if (policy.status !== 'ready') return { status: policy.status };
    const horizon = this.horizon();
    if (!this.calendar.covers(this.today, horizon))
      return { status: this.calendar.failed() ? 'error' : 'loading' };
    const calendar = this.calendar.calendar();
    const steps = previewTaskSteps(policy.value.policy, calendar, {
      dueDate: due,
      assignedOn: this.today,
      reportEveryWorkdays: this.reportEvery(),
      now: this.now(),
    });
    const provisionalYears = [
      ...new Set(
        [due, ...steps.map((s) => s.fireOn)]
          .filter((date) => this.calendar.day(date)?.provisional)
          .map((date) => date.slice(0, 4)),
      ),
    ].sort();
    return { status: 'ready', steps, shifted: shiftedDeadline(calendar, due), provisionalYears };
  });
  protected readonly steps = computed(() => {
    const preview = this.preview();
    return preview.status === 'ready' ? preview.steps : [];
  });
  protected readonly shifted = computed(() => {
    const preview = this.preview();
    return preview.status === 'ready' ? preview.shifted : null;
  });
  protected readonly provisionalYears = computed(() => {
    const preview = this.preview();
    return preview.status === 'ready' ? preview.provisionalYears.join('、') : '';
  });

  protected readonly beforeToday = (date: Date): boolean => (toIsoDate(date) ?? '') < this.today;

  constructor() {
    // A year of days for the picker's marks, in one call, before anything else asks.
    void this.calendar.ensureMonths(this.today, MONTHS_AT_START);
    // Whatever the preview will need from the calendar, ask for it as the date moves.
    effect(() => {
      const horizon = this.horizon();
      untracked(() => void this.calendar.ensure(this.today, horizon));
    });
  }

  ngOnInit(): void {
    const id = this.store.id();
    // The ladder may have changed in the policy tab since the workbench opened.
    void this.store.loadPolicy();
    if (id) {
      firstValueFrom(this.client.shortBoards(id))
        .then((boards) => this.shortBoards.set(boards))
        .catch(() => undefined);
      firstValueFrom(this.client.projects(id))
        .then((projects) => this.projects.set(projects))
        .catch(() => undefined);
    }
  }

  protected setAssignee(id: string | null): void {
    this.assigneeId.set(id);
    this.coHandlers = this.coHandlers.filter((c) => c !== id);
  }

  /** The picker moved to another month: make sure its days are known. */
  protected panelChanged(event: { mode?: unknown; date?: unknown } | unknown): void {
    const date = (event as { date?: Date | Date[] }).date;
    const shown = Array.isArray(date) ? date[0] : date;
    const iso = shown instanceof Date ? toIsoDate(shown) : undefined;
    if (iso) void this.calendar.ensure(addDays(iso, -40), addDays(iso, 40));
  }

  protected dayOf(date: Date): CalendarDayDto | undefined {
    const iso = toIsoDate(date);
    return iso ? this.calendar.day(iso) : undefined;
  }

  protected dayTitle(day: CalendarDayDto | undefined): string | null {
    if (!day || (day.kind !== 'holiday' && day.kind !== 'makeup_workday')) return null;
    const kind = this.transloco.translate(
      day.kind === 'holiday' ? 'chains.taskForm.holiday' : 'chains.taskForm.makeupWorkday',
    );
    const name = day.name?.[this.languages.language()];
    return name ? `${name} · ${kind}` : kind;
  }

  async submit(): Promise<void> {
    const chainId = this.store.id();
    const parsed = createTaskSchema.safeParse({
      chainId,
      title: this.title,
      description: this.description.trim() ? this.description : undefined,
      assigneeOrganisationId: this.assigneeId() ?? undefined,
      coHandlerOrganisationIds: this.coHandlers.length ? this.coHandlers : undefined,
      shortBoardId: this.shortBoardId,
      projectId: this.projectId,
      priority: this.priority,
      dueDate: toIsoDate(this.dueDate()),
      reportEveryWorkdays: this.reportEvery(),
      assign: this.assign,
    });
    if (!parsed.success) {
      this.errors.set(schemaFieldErrors(parsed.error.issues, this.languages.language()));
      return;
    }
    this.errors.set({});
    this.formError.set(null);
    this.busy.set(true);
    try {
      this.created.emit(await firstValueFrom(this.client.createTask(parsed.data)));
    } catch (error) {
      const body = apiError(error);
      const fields = apiFieldErrors(body?.details);
      if (Object.keys(fields).length) this.errors.set(fields);
      // A field the form does not show (or no field at all): the api's own words on top.
      const shown = [
        'title',
        'description',
        'assigneeOrganisationId',
        'coHandlerOrganisationIds',
        'shortBoardId',
        'projectId',
        'priority',
        'dueDate',
        'reportEveryWorkdays',
      ];
      if (!Object.keys(fields).some((path) => shown.includes(path)))
        this.formError.set(body?.message ?? this.transloco.translate('state.error'));
    } finally {
      this.busy.set(false);
    }
  }

  protected levelLabel(level: EscalationLevel): string {
    return labelOf(ESCALATION_LEVEL_LABELS, level, this.languages.language());
  }

  protected levelColour(level: EscalationLevel): string {
    return LEVEL_COLOURS[level];
  }

  protected audience(audience: readonly EscalationAudience[]): string {
    const language = this.languages.language();
    return audience
      .map((a) => labelOf(ESCALATION_AUDIENCE_LABELS, a, language))
      .join(language === 'en' ? ', ' : '、');
  }

  protected priorityLabel(priority: TaskPriorityValue): string {
    return labelOf(TASK_PRIORITY_LABELS, priority, this.languages.language());
  }

  protected weekday(date: IsoDate): string {
    return this.transloco.translate(`chains.weekdays.${new Date(parseIsoDate(date)).getUTCDay()}`);
  }

  /** "截止日前 3 个工作日", "逾期 1 个工作日", "交办后 2 个工作日"… */
  protected stepWhen(step: PlannedStep): string {
    const n = Math.abs(step.offsetWorkdays);
    if (step.anchor === 'due') {
      if (step.offsetWorkdays === 0) return this.transloco.translate('chains.taskForm.when.dueDay');
      return this.transloco.translate(
        step.offsetWorkdays < 0 ? 'chains.taskForm.when.beforeDue' : 'chains.taskForm.when.overdue',
        { n },
      );
    }
    if (step.anchor === 'assigned')
      return this.transloco.translate('chains.taskForm.when.afterAssign', { n });
    return this.transloco.translate('chains.taskForm.when.report', {
      n: (this.reportEvery() ?? 0) + n,
    });
  }
}
