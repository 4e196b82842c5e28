import { WarningFill } from '@ant-design/icons-angular/icons';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type OnInit,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import {
  importCalendarYearSchema,
  setCalendarOverrideSchema,
  VALIDATION_MESSAGES,
  type CalendarDayDto,
} from '@lianzhang/contracts';
import { DAY_KIND_LABELS, DAY_SOURCE_LABELS, shanghaiDate, type DayKind } from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LanguageService } from '../../i18n/language.service';
import {
  apiError,
  apiFieldErrors,
  schemaFieldErrors,
  type FieldErrors,
} from '../../forms/field-errors';
import { AdminClient } from '../admin.client';
import { CalendarMonthComponent } from './calendar-month.component';
import { parseNotice, type NoticeLine } from './year-notice';

type View = 'year' | 'month';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/**
 * 工作日历: a year (or one month) of workdays, weekends, public holidays and 调休 make-up
 * workdays, as every deadline is counted. The province overrides a day ahead of the
 * official data (with a reason), or enters a new year's State Council notice at once.
 */
@Component({
  selector: 'lz-admin-calendar',
  imports: [
    CalendarMonthComponent,
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzRadioModule,
    NzResultModule,
    NzSpinModule,
    NzTagModule,
    TranslocoPipe,
  ],
  template: `
    <nz-card [nzTitle]="'admin.calendar.title' | transloco" [nzExtra]="importButton">
      <ng-template #importButton>
        <button nz-button (click)="openImport()" data-testid="calendar-import">
          {{ 'admin.calendar.importYear' | transloco: { year: year() } }}
        </button>
      </ng-template>
      <div class="toolbar">
        <div class="stepper">
          <button
            nz-button
            (click)="step(-1)"
            [attr.aria-label]="
              (view() === 'year' ? 'admin.calendar.previousYear' : 'admin.calendar.previousMonth')
                | transloco
            "
            data-testid="calendar-previous"
          >
            <nz-icon nzType="left" />
          </button>
          <span class="period" data-testid="calendar-period">{{ period() }}</span>
          <button
            nz-button
            (click)="step(1)"
            [attr.aria-label]="
              (view() === 'year' ? 'admin.calendar.nextYear' : 'admin.calendar.nextMonth')
                | transloco
            "
            data-testid="calendar-next"
          >
            <nz-icon nzType="right" />
          </button>
        </div>
        <nz-radio-group
          nzButtonStyle="solid"
          [ngModel]="view()"
          (ngModelChange)="view.set($event)"
          [attr.aria-label]="'admin.calendar.view' | transloco"
          data-testid="calendar-view"
        >
          <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -- the radio input is inside the label -->
          <label nz-radio-button nzValue="year">{{ 'admin.calendar.yearView' | transloco }}</label>
          <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -- the radio input is inside the label -->
          <label nz-radio-button nzValue="month">{{
            'admin.calendar.monthView' | transloco
          }}</label>
        </nz-radio-group>
        <ul class="legend" [attr.aria-label]="'admin.calendar.legend' | transloco">
          @for (kind of kinds; track kind) {
            <li><span [class]="'swatch ' + kind"></span>{{ kindLabel(kind) }}</li>
          }
          <li><span class="swatch override"></span>{{ sourceLabel('override') }}</li>
        </ul>
      </div>

      @if (failed()) {
        <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
          <div nz-result-extra>
            <button nz-button (click)="load()">{{ 'state.retry' | transloco }}</button>
          </div>
        </nz-result>
      } @else {
        @if (provisional()) {
          <nz-alert
            class="alert"
            nzType="warning"
            nzShowIcon
            [nzMessage]="'admin.calendar.provisionalYear' | transloco: { year: year() }"
            data-testid="calendar-provisional"
          />
        }
        <nz-spin [nzSpinning]="loading()">
          <div class="months" [class.single]="view() === 'month'" data-testid="calendar">
            @if (view() === 'year') {
              @for (m of months; track m) {
                <lz-calendar-month
                  [year]="year()"
                  [month]="m"
                  [days]="days()"
                  [today]="today"
                  (pick)="choose($event)"
                />
              }
            } @else {
              <lz-calendar-month
                [year]="year()"
                [month]="month()"
                [days]="days()"
                [today]="today"
                [large]="true"
                (pick)="choose($event)"
              />
            }
          </div>
        </nz-spin>
        <p class="summary" data-testid="calendar-summary">
          {{ 'admin.calendar.summary' | transloco: summary() }}
        </p>
      }
    </nz-card>

    <nz-modal
      [nzVisible]="chosen() !== null"
      [nzTitle]="'admin.calendar.overrideTitle' | transloco: { date: chosen()?.date }"
      [nzFooter]="overrideFooter"
      (nzOnCancel)="chosen.set(null)"
    >
      <ng-container *nzModalContent>
        @if (chosen(); as day) {
          <p class="current" data-testid="calendar-current">
            {{ 'admin.calendar.now' | transloco }}
            <nz-tag data-testid="calendar-current-kind">{{ kindLabel(day.kind) }}</nz-tag>
            @if (day.name) {
              {{ day.name[language()] }}
            }
            <span class="source">{{ sourceLabel(day.source) }}</span>
          </p>
          <form nz-form nzLayout="vertical" (ngSubmit)="saveOverride()">
            <nz-form-item>
              <nz-form-label id="override-kind-label" nzRequired>{{
                'admin.calendar.makeIt' | transloco
              }}</nz-form-label>
              <nz-form-control>
                <nz-radio-group
                  name="kind"
                  role="radiogroup"
                  aria-labelledby="override-kind-label"
                  [(ngModel)]="overrideKind"
                >
                  <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -- the radio input is inside the label -->
                  <label nz-radio nzValue="holiday">{{
                    'admin.calendar.asHoliday' | transloco
                  }}</label>
                  <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -- the radio input is inside the label -->
                  <label nz-radio nzValue="workday">{{
                    'admin.calendar.asWorkday' | transloco
                  }}</label>
                </nz-radio-group>
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzFor="override-reason" nzRequired>{{
                'admin.calendar.reason' | transloco
              }}</nz-form-label>
              <nz-form-control
                [nzValidateStatus]="overrideErrors()['name'] ? 'error' : ''"
                [nzErrorTip]="overrideErrors()['name']"
                [nzExtra]="'admin.calendar.reasonHint' | transloco"
              >
                <input
                  nz-input
                  id="override-reason"
                  name="reason"
                  maxlength="50"
                  [(ngModel)]="overrideReason"
                />
              </nz-form-control>
            </nz-form-item>
          </form>
        }
      </ng-container>
      <ng-template #overrideFooter>
        @if (chosen()?.source === 'override') {
          <button
            nz-button
            nzDanger
            class="remove"
            [nzLoading]="removing()"
            (click)="removeOverride()"
            data-testid="override-remove"
          >
            {{ 'admin.calendar.removeOverride' | transloco }}
          </button>
        }
        <button nz-button (click)="chosen.set(null)">{{ 'admin.cancel' | transloco }}</button>
        <button
          nz-button
          nzType="primary"
          [nzLoading]="busy()"
          (click)="saveOverride()"
          data-testid="override-save"
        >
          {{ 'admin.save' | transloco }}
        </button>
      </ng-template>
    </nz-modal>

    <nz-modal
      [nzVisible]="importing()"
      [nzWidth]="640"
      [nzTitle]="'admin.calendar.importTitle' | transloco: { year: year() }"
      [nzOkText]="'admin.calendar.importSave' | transloco"
      [nzOkLoading]="busy()"
      (nzOnOk)="saveImport()"
      (nzOnCancel)="importing.set(false)"
    >
      <ng-container *nzModalContent>
        <p class="hint">{{ 'admin.calendar.importHint' | transloco }}</p>
        <form nz-form nzLayout="vertical" (ngSubmit)="saveImport()">
          <nz-form-item>
            <nz-form-label nzFor="notice-source" nzRequired>{{
              'admin.calendar.noticeSource' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzValidateStatus]="importErrors()['source'] ? 'error' : ''"
              [nzErrorTip]="importErrors()['source']"
            >
              <input
                nz-input
                id="notice-source"
                name="source"
                [placeholder]="
                  'admin.calendar.noticeSourcePlaceholder' | transloco: { year: year() }
                "
                [(ngModel)]="noticeSource"
              />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="notice-holidays" nzRequired>{{
              'admin.calendar.noticeHolidays' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzValidateStatus]="importErrors()['holidays'] ? 'error' : ''"
              [nzErrorTip]="importErrors()['holidays']"
            >
              <textarea
                nz-input
                id="notice-holidays"
                name="holidays"
                rows="6"
                [placeholder]="'admin.calendar.holidaysPlaceholder' | transloco: { year: year() }"
                [(ngModel)]="noticeHolidays"
              ></textarea>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="notice-workdays">{{
              'admin.calendar.noticeWorkdays' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzValidateStatus]="importErrors()['workdays'] ? 'error' : ''"
              [nzErrorTip]="importErrors()['workdays']"
            >
              <textarea
                nz-input
                id="notice-workdays"
                name="workdays"
                rows="3"
                [placeholder]="'admin.calendar.workdaysPlaceholder' | transloco: { year: year() }"
                [(ngModel)]="noticeWorkdays"
              ></textarea>
            </nz-form-control>
          </nz-form-item>
        </form>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px 24px;
      margin-bottom: 16px;
    }
    .stepper {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .period {
      min-width: 96px;
      text-align: center;
      font-size: 16px;
      font-weight: 600;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      list-style: none;
      margin: 0;
      padding: 0;
      font-size: 12px;
    }
    .swatch {
      display: inline-block;
      width: 12px;
      height: 12px;
      border-radius: 3px;
      margin-right: 4px;
      vertical-align: -1px;
      border: 1px solid #d9d9d9;
      background: #fff;
    }
    .swatch.weekend {
      background: #f5f5f5;
    }
    .swatch.holiday {
      background: #fff1f0;
      border-color: #ffa39e;
    }
    .swatch.makeup_workday {
      background: #fff7e6;
      border-color: #ffd591;
    }
    .swatch.override {
      background: #722ed1;
      border-radius: 50%;
      border: none;
      width: 8px;
      height: 8px;
    }
    .alert {
      margin-bottom: 16px;
    }
    .months {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 16px 24px;
    }
    .months.single {
      grid-template-columns: minmax(0, 840px);
    }
    .summary,
    .hint {
      color: rgba(0, 0, 0, 0.65);
      margin: 16px 0 0;
    }
    .hint {
      margin: 0 0 12px;
      white-space: pre-line;
    }
    .current .source {
      color: var(--lz-text-secondary);
      margin-left: 8px;
    }
    .remove {
      float: left;
    }
  `,
  providers: [provideNzIconsPatch([WarningFill])],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarComponent implements OnInit {
  private readonly client = inject(AdminClient);
  private readonly message = inject(NzMessageService);
  private readonly transloco = inject(TranslocoService);
  private readonly languages = inject(LanguageService);

  protected readonly language = this.languages.language;
  protected readonly today = shanghaiDate(new Date());
  protected readonly months = MONTHS;
  protected readonly kinds = ['workday', 'weekend', 'holiday', 'makeup_workday'] as const;

  readonly year = signal(Number(this.today.slice(0, 4)));
  readonly month = signal(Number(this.today.slice(5, 7)));
  readonly view = signal<View>('year');
  protected readonly list = signal<readonly CalendarDayDto[]>([]);
  protected readonly days = computed(
    () =>
      new Map(this.list().map((d) => [d.date, d] as const)) as ReadonlyMap<string, CalendarDayDto>,
  );
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly busy = signal(false);
  protected readonly removing = signal(false);

  protected readonly period = computed(() =>
    this.view() === 'year'
      ? String(this.year())
      : new Intl.DateTimeFormat(this.language(), {
          year: 'numeric',
          month: 'long',
          timeZone: 'UTC',
        }).format(new Date(Date.UTC(this.year(), this.month() - 1, 1))),
  );

  /** A year with days not covered by a notice: only weekends and overrides are known. */
  protected readonly provisional = computed(() => this.list().some((d) => d.provisional));

  protected readonly summary = computed(() => {
    const list = this.list();
    return {
      workdays: list.filter((d) => d.workday).length,
      holidays: list.filter((d) => d.kind === 'holiday').length,
      makeup: list.filter((d) => d.kind === 'makeup_workday').length,
      overrides: list.filter((d) => d.source === 'override').length,
    };
  });

  // Override of one day.
  protected readonly chosen = signal<CalendarDayDto | null>(null);
  protected overrideKind: 'holiday' | 'workday' = 'holiday';
  protected overrideReason = '';
  protected readonly overrideErrors = signal<FieldErrors>({});

  // A year's notice.
  protected readonly importing = signal(false);
  protected noticeSource = '';
  protected noticeHolidays = '';
  protected noticeWorkdays = '';
  protected readonly importErrors = signal<FieldErrors>({});

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    const year = this.year();
    this.loading.set(true);
    this.failed.set(false);
    try {
      const days = await this.client.calendarDays(`${year}-01-01`, `${year}-12-31`);
      if (year === this.year()) this.list.set(days);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  protected step(delta: number): void {
    if (this.view() === 'year') {
      this.year.update((y) => y + delta);
      void this.load();
      return;
    }
    const index = this.year() * 12 + this.month() - 1 + delta;
    const year = Math.floor(index / 12);
    this.month.set((index % 12) + 1);
    if (year !== this.year()) {
      this.year.set(year);
      void this.load();
    }
  }

  /** A day clicked: the override form, suggesting the opposite of what the day is. */
  choose(day: CalendarDayDto): void {
    this.overrideKind = day.workday ? 'holiday' : 'workday';
    this.overrideReason = day.source === 'override' ? (day.name?.['zh-CN'] ?? '') : '';
    this.overrideErrors.set({});
    this.chosen.set(day);
  }

  async saveOverride(): Promise<void> {
    const day = this.chosen();
    if (!day) return;
    const language = this.language();
    const parsed = setCalendarOverrideSchema.safeParse({
      kind: this.overrideKind,
      name: this.overrideReason,
    });
    if (!parsed.success) {
      this.overrideErrors.set(schemaFieldErrors(parsed.error.issues, language));
      return;
    }
    if (!parsed.data.name) {
      this.overrideErrors.set({ name: VALIDATION_MESSAGES['reason.required'][language] });
      return;
    }
    this.busy.set(true);
    try {
      const updated = await this.client.setOverride(day.date, parsed.data);
      this.replace([updated]);
      this.chosen.set(null);
      this.message.success(this.transloco.translate('admin.saved'));
    } catch (error) {
      const body = apiError(error);
      if (body?.details.length) this.overrideErrors.set(apiFieldErrors(body.details));
      else this.message.error(body?.message || this.transloco.translate('state.error'));
    } finally {
      this.busy.set(false);
    }
  }

  /** Back to the official calendar for that day. */
  async removeOverride(): Promise<void> {
    const day = this.chosen();
    if (!day) return;
    this.removing.set(true);
    try {
      await this.client.removeOverride(day.date);
      this.replace(await this.client.calendarDays(day.date, day.date));
      this.chosen.set(null);
      this.message.success(this.transloco.translate('admin.calendar.overrideRemoved'));
    } catch (error) {
      this.message.error(apiError(error)?.message || this.transloco.translate('state.error'));
    } finally {
      this.removing.set(false);
    }
  }

  protected openImport(): void {
    this.noticeSource = '';
    this.noticeHolidays = '';
    this.noticeWorkdays = '';
    this.importErrors.set({});
    this.importing.set(true);
  }

  async saveImport(): Promise<void> {
    const year = this.year();
    const language = this.language();
    const holidays = parseNotice(this.noticeHolidays);
    const workdays = parseNotice(this.noticeWorkdays);
    const errors: Record<string, string> = {};
    const lineError = (line: number, message: string) =>
      this.transloco.translate('admin.calendar.lineError', { line, message });
    const unreadable = this.transloco.translate('admin.calendar.unreadable');
    if (holidays.problems[0]) errors['holidays'] = lineError(holidays.problems[0].line, unreadable);
    if (workdays.problems[0]) errors['workdays'] = lineError(workdays.problems[0].line, unreadable);

    const parsed = importCalendarYearSchema.safeParse({
      source: this.noticeSource,
      holidays: holidays.entries.map(({ date, name }) => ({ date, name })),
      workdays: workdays.entries.map(({ date, name }) => (name ? { date, name } : { date })),
    });
    if (!parsed.success) {
      Object.assign(
        errors,
        this.byLine(
          schemaFieldErrors(parsed.error.issues, language),
          holidays.entries,
          workdays.entries,
        ),
      );
    }
    this.importErrors.set(errors);
    if (!parsed.success || Object.keys(errors).length > 0) return;

    this.busy.set(true);
    try {
      const result = await this.client.importYear(year, parsed.data);
      this.importing.set(false);
      this.message.success(this.transloco.translate('admin.calendar.imported', result));
      await this.load();
    } catch (error) {
      const body = apiError(error);
      if (body?.details.length) {
        this.importErrors.set(
          this.byLine(apiFieldErrors(body.details), holidays.entries, workdays.entries),
        );
      } else this.message.error(body?.message || this.transloco.translate('state.error'));
    } finally {
      this.busy.set(false);
    }
  }

  /** `holidays.3.date` → the `holidays` field, naming the line the 4th day came from. */
  private byLine(
    errors: FieldErrors,
    holidays: readonly NoticeLine[],
    workdays: readonly NoticeLine[],
  ): FieldErrors {
    const result: Record<string, string> = {};
    for (const [path, message] of Object.entries(errors)) {
      const [field = '', index] = path.split('.');
      const entries = field === 'holidays' ? holidays : field === 'workdays' ? workdays : null;
      const line = entries && index !== undefined ? entries[Number(index)]?.line : undefined;
      result[field] ??=
        line !== undefined
          ? this.transloco.translate('admin.calendar.lineError', { line, message })
          : message;
    }
    return result;
  }

  protected kindLabel(kind: DayKind): string {
    return DAY_KIND_LABELS[kind][this.language()];
  }

  protected sourceLabel(source: CalendarDayDto['source']): string {
    return DAY_SOURCE_LABELS[source][this.language()];
  }

  private replace(updated: readonly CalendarDayDto[]): void {
    const byDate = new Map(updated.map((d) => [d.date, d]));
    this.list.update((list) => list.map((d) => byDate.get(d.date) ?? d));
  }
}
