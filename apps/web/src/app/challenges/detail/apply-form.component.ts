import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import {
  applyChallengeSchema,
  updateApplicationSchema,
  type ChallengeApplicationDto,
} from '@lianzhang/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import {
  apiError,
  apiFieldErrors,
  schemaFieldErrors,
  type FieldErrors,
} from '../../forms/field-errors';
import { LanguageService } from '../../i18n/language.service';
import { ChallengeDetailStore } from '../challenges.store';

/**
 * 揭榜申报: an organisation's proposal, with an optional quote (万元) and planned
 * completion date; checked with the shared schema. With `application` it changes that
 * application (while it is submitted and the call open).
 */
@Component({
  selector: 'lz-challenge-apply-form',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    TranslocoPipe,
  ],
  template: `
    <form nz-form nzLayout="vertical" (ngSubmit)="submit()" data-testid="apply-form">
      @if (formError(); as message) {
        <nz-alert nzType="error" [nzMessage]="message" nzShowIcon class="alert" />
      }
      <nz-form-item>
        <nz-form-label nzFor="apply-proposal" nzRequired>{{
          'challenges.apply.proposal' | transloco
        }}</nz-form-label>
        <nz-form-control
          [nzValidateStatus]="errors()['proposal'] ? 'error' : ''"
          [nzErrorTip]="errors()['proposal']"
          data-testid="field-proposal"
        >
          <textarea
            nz-input
            id="apply-proposal"
            name="proposal"
            rows="6"
            [placeholder]="'challenges.apply.proposalHint' | transloco"
            [(ngModel)]="proposal"
          ></textarea>
        </nz-form-control>
      </nz-form-item>
      <div class="row">
        <nz-form-item>
          <nz-form-label nzFor="apply-quote">{{
            'challenges.apply.quote' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['quotedBudgetWan'] ? 'error' : ''"
            [nzErrorTip]="errors()['quotedBudgetWan']"
            data-testid="field-quotedBudgetWan"
          >
            <nz-input-number
              nzId="apply-quote"
              name="quote"
              [nzMin]="0"
              [nzStep]="100"
              [(ngModel)]="quote"
            />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="apply-completion">{{
            'challenges.apply.completion' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['plannedCompletionDate'] ? 'error' : ''"
            [nzErrorTip]="errors()['plannedCompletionDate']"
            data-testid="field-plannedCompletionDate"
          >
            <input
              nz-input
              type="date"
              id="apply-completion"
              name="completion"
              [(ngModel)]="completion"
            />
          </nz-form-control>
        </nz-form-item>
      </div>
      <div class="actions">
        @if (application()) {
          <button nz-button type="button" (click)="cancelled.emit()">
            {{ 'challenges.apply.cancel' | transloco }}
          </button>
        }
        <button
          nz-button
          nzType="primary"
          type="submit"
          [nzLoading]="busy()"
          data-testid="apply-submit"
        >
          {{ (application() ? 'challenges.apply.save' : 'challenges.apply.submit') | transloco }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
      gap: 0 16px;
    }
    nz-input-number {
      width: 100%;
    }
    .alert {
      margin-bottom: 12px;
    }
    .actions {
      display: flex;
      gap: 8px;
      justify-content: flex-end;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplyFormComponent {
  private readonly store = inject(ChallengeDetailStore);
  private readonly languages = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly message = inject(NzMessageService);

  /** The application to change; none for a new one. */
  readonly application = input<ChallengeApplicationDto | null>(null);
  readonly done = output<void>();
  readonly cancelled = output<void>();

  protected readonly errors = signal<FieldErrors>({});
  protected readonly formError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected proposal = '';
  protected quote: number | null = null;
  protected completion = '';

  constructor() {
    effect(() => {
      const application = this.application();
      untracked(() => {
        this.proposal = application?.proposal ?? '';
        this.quote = application?.quotedBudgetWan ?? null;
        this.completion = application?.plannedCompletionDate ?? '';
        this.errors.set({});
      });
    });
  }

  async submit(): Promise<void> {
    const application = this.application();
    const fields = {
      proposal: this.proposal,
      quotedBudgetWan: this.quote,
      plannedCompletionDate: this.completion || null,
    };
    const parsed = application
      ? updateApplicationSchema.safeParse({ ...fields, version: application.version })
      : applyChallengeSchema.safeParse(fields);
    if (!parsed.success) {
      this.errors.set(schemaFieldErrors(parsed.error.issues, this.languages.language()));
      return;
    }
    this.errors.set({});
    this.formError.set(null);
    this.busy.set(true);
    try {
      if (application) await this.store.updateApplication(application, fields);
      else await this.store.apply(fields);
      this.message.success(
        this.transloco.translate(application ? 'challenges.apply.saved' : 'challenges.apply.sent'),
      );
      this.done.emit();
    } catch (error) {
      const body = apiError(error);
      const details = apiFieldErrors(body?.details);
      if (Object.keys(details).length) this.errors.set(details);
      else this.formError.set(body?.message ?? this.transloco.translate('state.error'));
      // A field the form does not show (the deadline passed, already applied): say it above.
      const shown = ['proposal', 'quotedBudgetWan', 'plannedCompletionDate'];
      const other = body?.details.find((d) => !shown.includes(d.path));
      if (other) this.formError.set(other.message);
    } finally {
      this.busy.set(false);
    }
  }
}
