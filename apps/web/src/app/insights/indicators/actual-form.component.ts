import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import {
  actualYearParamsSchema,
  setActualSchema,
  type ActualDto,
  type SetActualRequest,
} from '@lianzhang/contracts';
import { ACTUAL_YEAR_MAX, ACTUAL_YEAR_MIN } from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import {
  apiError,
  apiFieldErrors,
  schemaFieldErrors,
  type FieldErrors,
} from '../../forms/field-errors';
import { LanguageService } from '../../i18n/language.service';
import { InsightsClient } from '../insights.client';

/** What an actual is entered for: one of the plan's indicators, or a chain's 2025 target. */
export type ActualTarget =
  | { readonly kind: 'indicator'; readonly code: string }
  | { readonly kind: 'chain'; readonly chainId: string };

/**
 * A yearly actual with its source, for the province admin: checked with the shared
 * schemas (year 2021–2030, a number, a source) before it is sent; the api's field errors
 * shown beside the fields. Entering a year already there replaces it; the entries so far
 * are listed with a way to remove a wrong one.
 */
@Component({
  selector: 'lz-actual-form',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    NzPopconfirmModule,
    TranslocoPipe,
  ],
  template: `
    <form nz-form nzLayout="vertical" (ngSubmit)="submit()" data-testid="actual-form">
      @if (formError(); as message) {
        <nz-alert
          nzType="error"
          [nzMessage]="message"
          nzShowIcon
          class="alert"
          data-testid="actual-form-error"
        />
      }
      <div class="row">
        <nz-form-item data-testid="field-year">
          <nz-form-label nzFor="actual-year" nzRequired>{{
            'insights.indicators.year' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['year'] ? 'error' : ''"
            [nzErrorTip]="errors()['year']"
          >
            <nz-input-number
              nzId="actual-year"
              name="year"
              [nzMin]="minYear"
              [nzMax]="maxYear"
              [nzStep]="1"
              [(ngModel)]="year"
            />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item data-testid="field-value">
          <nz-form-label nzFor="actual-value" nzRequired>{{ valueLabel() }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['value'] ? 'error' : ''"
            [nzErrorTip]="errors()['value']"
          >
            <nz-input-number nzId="actual-value" name="value" [(ngModel)]="value" />
          </nz-form-control>
        </nz-form-item>
      </div>
      <nz-form-item data-testid="field-source">
        <nz-form-label nzFor="actual-source" nzRequired>{{
          'insights.indicators.source' | transloco
        }}</nz-form-label>
        <nz-form-control
          [nzValidateStatus]="errors()['source'] ? 'error' : ''"
          [nzErrorTip]="errors()['source']"
        >
          <textarea
            nz-input
            id="actual-source"
            name="source"
            rows="2"
            maxlength="500"
            [placeholder]="'insights.indicators.sourceHint' | transloco"
            [(ngModel)]="source"
          ></textarea>
        </nz-form-control>
      </nz-form-item>
      <div class="actions">
        <button nz-button type="button" (click)="cancelled.emit()">
          {{ 'insights.indicators.cancel' | transloco }}
        </button>
        <button
          nz-button
          nzType="primary"
          type="submit"
          [nzLoading]="busy()"
          data-testid="actual-submit"
        >
          {{ 'insights.indicators.save' | transloco }}
        </button>
      </div>
    </form>
    @if (actuals().length > 0) {
      <h4>{{ 'insights.indicators.entered' | transloco }}</h4>
      <ul class="entered" data-testid="actual-entries">
        @for (actual of actuals(); track actual.year) {
          <li>
            <span
              ><strong>{{ actual.year }}</strong> · {{ actual.value }} {{ unit() }} ·
              {{ actual.source }}</span
            >
            <button
              nz-button
              nzType="link"
              nzDanger
              type="button"
              nz-popconfirm
              [nzPopconfirmTitle]="
                'insights.indicators.removeConfirm' | transloco: { year: actual.year }
              "
              (nzOnConfirm)="remove(actual.year)"
              [attr.data-testid]="'actual-remove-' + actual.year"
            >
              {{ 'insights.indicators.remove' | transloco }}
            </button>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    nz-input-number {
      width: 100%;
    }
    .row {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 0 12px;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
    .alert {
      margin-bottom: 12px;
    }
    .entered {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .entered li {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
      border-bottom: 1px solid #f0f0f0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActualFormComponent {
  private readonly client = inject(InsightsClient);
  private readonly languages = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);

  readonly target = input.required<ActualTarget>();
  readonly unit = input<string | null>(null);
  readonly actuals = input<readonly ActualDto[]>([]);
  /** Emitted with the year once an entry is saved or removed. */
  readonly saved = output<number>();
  readonly removed = output<number>();
  readonly cancelled = output<void>();

  protected readonly minYear = ACTUAL_YEAR_MIN;
  protected readonly maxYear = ACTUAL_YEAR_MAX;
  protected readonly busy = signal(false);
  protected readonly errors = signal<FieldErrors>({});
  protected readonly formError = signal<string | null>(null);
  protected readonly valueLabel = computed(() => {
    const unit = this.unit();
    return unit
      ? this.transloco.translate('insights.indicators.valueUnit', { unit })
      : this.transloco.translate('insights.indicators.value');
  });

  /** Last year's figures are the ones published this year. */
  protected year: number | null = Math.min(
    Math.max(new Date().getFullYear() - 1, ACTUAL_YEAR_MIN),
    ACTUAL_YEAR_MAX,
  );
  protected value: number | null = null;
  protected source = '';

  async submit(): Promise<void> {
    const language = this.languages.language();
    const year = actualYearParamsSchema.safeParse({ year: this.year ?? undefined });
    const body = setActualSchema.safeParse({ value: this.value ?? undefined, source: this.source });
    if (!year.success || !body.success) {
      this.errors.set({
        ...(year.success ? {} : schemaFieldErrors(year.error.issues, language)),
        ...(body.success ? {} : schemaFieldErrors(body.error.issues, language)),
      });
      return;
    }
    this.errors.set({});
    this.formError.set(null);
    this.busy.set(true);
    try {
      await this.put(year.data.year, body.data);
      this.saved.emit(year.data.year);
    } catch (error) {
      this.showError(error);
    } finally {
      this.busy.set(false);
    }
  }

  async remove(year: number): Promise<void> {
    this.formError.set(null);
    try {
      const target = this.target();
      if (target.kind === 'indicator') await this.client.removeIndicatorActual(target.code, year);
      else await this.client.removeChainActual(target.chainId, year);
      this.removed.emit(year);
    } catch (error) {
      this.showError(error);
    }
  }

  private put(year: number, request: SetActualRequest): Promise<void> {
    const target = this.target();
    return target.kind === 'indicator'
      ? this.client.setIndicatorActual(target.code, year, request)
      : this.client.setChainActual(target.chainId, year, request);
  }

  private showError(error: unknown): void {
    const body = apiError(error);
    const fields = apiFieldErrors(body?.details);
    if (Object.keys(fields).length) this.errors.set(fields);
    else this.formError.set(body?.message ?? this.transloco.translate('state.error'));
  }
}
