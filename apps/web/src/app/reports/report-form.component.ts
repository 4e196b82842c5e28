import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { createPeriodicReportSchema, type PeriodicReportDto } from '@lianzhang/contracts';
import {
  REPORT_PERIOD_KIND_LABELS,
  REPORT_PERIOD_KINDS,
  REPORT_SCOPE_LABELS,
  type ReportPeriodKind,
  type ReportScope,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { toIsoDate } from '../chains/dates';
import {
  apiError,
  apiFieldErrors,
  httpStatus,
  schemaFieldErrors,
  type FieldErrors,
} from '../forms/field-errors';
import { LanguageService } from '../i18n/language.service';
import { ReportsStore } from './reports.store';

/**
 * 生成报告: the province (province roles) or one of the caller's chains, a week or a
 * month, and which one (the last complete one unless chosen). Checked with the shared
 * schema before it is sent; the api's refusals are shown beside their fields.
 */
@Component({
  selector: 'lz-report-form',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzDatePickerModule,
    NzFormModule,
    NzRadioModule,
    NzSelectModule,
    TranslocoPipe,
  ],
  template: `
    <form nz-form nzLayout="vertical" (ngSubmit)="submit()" data-testid="report-form">
      @if (formError(); as message) {
        <nz-alert
          nzType="error"
          nzShowIcon
          [nzMessage]="message"
          class="alert"
          data-testid="report-form-error"
        />
      }
      <div class="row">
        <nz-form-item>
          <nz-form-label id="report-scope-label" nzRequired>{{
            'reports.form.scope' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['scope'] ? 'error' : ''"
            [nzErrorTip]="errors()['scope']"
            data-testid="field-scope"
          >
            <nz-radio-group
              name="scope"
              role="radiogroup"
              aria-labelledby="report-scope-label"
              [ngModel]="scope()"
              (ngModelChange)="scope.set($event)"
            >
              @for (value of scopes(); track value) {
                <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -- the radio input is inside the label -->
                <label nz-radio [nzValue]="value" [attr.data-testid]="'scope-' + value">{{
                  scopeLabel(value)
                }}</label>
              }
            </nz-radio-group>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label id="report-kind-label" nzRequired>{{
            'reports.form.kind' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['kind'] ? 'error' : ''"
            [nzErrorTip]="errors()['kind']"
            data-testid="field-kind"
          >
            <nz-radio-group
              name="kind"
              role="radiogroup"
              aria-labelledby="report-kind-label"
              [ngModel]="kind()"
              (ngModelChange)="setKind($event)"
            >
              @for (value of kinds; track value) {
                <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -- the radio input is inside the label -->
                <label nz-radio [nzValue]="value" [attr.data-testid]="'kind-' + value">{{
                  kindLabel(value)
                }}</label>
              }
            </nz-radio-group>
          </nz-form-control>
        </nz-form-item>
      </div>
      @if (scope() === 'chain') {
        <nz-form-item>
          <nz-form-label nzFor="report-chain" nzRequired>{{
            'reports.form.chain' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['chainId'] ? 'error' : ''"
            [nzErrorTip]="errors()['chainId']"
            data-testid="field-chain"
          >
            <nz-select
              nzId="report-chain"
              name="chain"
              nzShowSearch
              [nzPlaceHolder]="'reports.form.chooseChain' | transloco"
              [ngModel]="chainId()"
              (ngModelChange)="chainId.set($event)"
              data-testid="report-chain"
            >
              @for (chain of chains(); track chain.id) {
                <nz-option [nzValue]="chain.id" [nzLabel]="chainName(chain)" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
      }
      <nz-form-item>
        <nz-form-label nzFor="report-period">{{ 'reports.form.period' | transloco }}</nz-form-label>
        <nz-form-control
          [nzValidateStatus]="errors()['periodStart'] ? 'error' : ''"
          [nzErrorTip]="errors()['periodStart']"
          [nzExtra]="'reports.form.periodHint.' + kind() | transloco"
          data-testid="field-period"
        >
          @if (kind() === 'weekly') {
            <nz-week-picker
              nzId="report-period"
              name="period"
              [nzDisabledDate]="notStarted"
              [ngModel]="period()"
              (ngModelChange)="period.set($event)"
            />
          } @else {
            <nz-month-picker
              nzId="report-period"
              name="period"
              [nzDisabledDate]="notStarted"
              [ngModel]="period()"
              (ngModelChange)="period.set($event)"
            />
          }
        </nz-form-control>
      </nz-form-item>
      <div class="actions">
        <button nz-button type="button" (click)="cancelled.emit()">
          {{ 'reports.form.cancel' | transloco }}
        </button>
        <button
          nz-button
          nzType="primary"
          type="submit"
          [nzLoading]="busy()"
          data-testid="report-submit"
        >
          {{ 'reports.form.submit' | transloco }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
      gap: 0 16px;
    }
    .alert {
      margin-bottom: 12px;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
    nz-select,
    nz-week-picker,
    nz-month-picker {
      width: 100%;
      max-width: 360px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportFormComponent {
  protected readonly store = inject(ReportsStore);
  private readonly transloco = inject(TranslocoService);
  private readonly languages = inject(LanguageService);

  readonly submitted = output<PeriodicReportDto>();
  readonly cancelled = output<void>();

  protected readonly kinds = REPORT_PERIOD_KINDS;
  protected readonly scope = signal<ReportScope | null>(null);
  protected readonly kind = signal<ReportPeriodKind>('monthly');
  protected readonly chainId = signal<string | null>(null);
  protected readonly period = signal<Date | null>(null);
  protected readonly busy = signal(false);
  protected readonly errors = signal<FieldErrors>({});
  protected readonly formError = signal<string | null>(null);

  private readonly granted = computed(() => {
    const options = this.store.options();
    return options.status === 'ready' ? options.value : null;
  });
  /** The province for province roles; chains for anyone with a chain in scope. */
  protected readonly scopes = computed<ReportScope[]>(() => {
    const options = this.granted();
    if (!options) return [];
    return [
      ...(options.province ? (['province'] as const) : []),
      ...(options.chains.length > 0 ? (['chain'] as const) : []),
    ];
  });
  protected readonly chains = computed(() => this.granted()?.chains ?? []);

  constructor() {
    // The first scope offered is chosen until the user picks another.
    effect(() => {
      const first = this.scopes()[0] ?? null;
      untracked(() => {
        if (this.scope() === null || !this.scopes().includes(this.scope() as ReportScope)) {
          this.scope.set(first);
        }
      });
    });
  }

  /** A period that has not begun cannot be reported on. */
  protected readonly notStarted = (date: Date): boolean => date.getTime() > Date.now();

  protected setKind(kind: ReportPeriodKind): void {
    this.kind.set(kind);
    this.period.set(null);
  }

  protected scopeLabel(scope: ReportScope): string {
    return scope === 'province'
      ? this.transloco.translate('reports.form.province')
      : REPORT_SCOPE_LABELS[scope][this.languages.language()];
  }

  protected kindLabel(kind: ReportPeriodKind): string {
    return REPORT_PERIOD_KIND_LABELS[kind][this.languages.language()];
  }

  protected chainName(chain: { nameZh: string; nameEn: string }): string {
    return this.languages.language() === 'en' ? chain.nameEn : chain.nameZh;
  }

  async submit(): Promise<void> {
    this.formError.set(null);
    const body = {
      scope: this.scope() ?? undefined,
      ...(this.scope() === 'chain' ? { chainId: this.chainId() ?? undefined } : {}),
      kind: this.kind(),
      ...(this.period() ? { periodStart: toIsoDate(this.period()) } : {}),
    };
    const parsed = createPeriodicReportSchema.safeParse(body);
    if (!parsed.success) {
      this.errors.set(schemaFieldErrors(parsed.error.issues, this.languages.language()));
      return;
    }
    this.errors.set({});
    this.busy.set(true);
    try {
      this.submitted.emit(await this.store.request(parsed.data));
    } catch (error) {
      const answer = apiError(error);
      const fields = apiFieldErrors(answer?.details);
      if (Object.keys(fields).length > 0 && httpStatus(error) === 400) this.errors.set(fields);
      else this.formError.set(answer?.message || this.transloco.translate('reports.form.failed'));
    } finally {
      this.busy.set(false);
    }
  }
}
