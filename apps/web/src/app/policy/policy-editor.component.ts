import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import {
  escalationPolicySchema,
  type FieldError,
  type PutEscalationPolicyRequest,
} from '@lianzhang/contracts';
import {
  DEFAULT_ESCALATION_POLICY,
  DELIVERY_CHANNEL_LABELS,
  DELIVERY_CHANNELS,
  ESCALATION_ANCHOR_LABELS,
  ESCALATION_ANCHORS,
  ESCALATION_AUDIENCE_LABELS,
  ESCALATION_AUDIENCES,
  ESCALATION_LEVEL_LABELS,
  ESCALATION_LEVELS,
  POLICY_PROBLEM_MESSAGES,
  policyProblems,
  type DeliveryChannel,
  type EscalationAnchor,
  type EscalationAudience,
  type EscalationLevel,
  type EscalationPolicy,
} from '@lianzhang/domain';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import { DeleteOutline, PlusOutline, UndoOutline } from '@ant-design/icons-angular/icons';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LanguageService } from '../i18n/language.service';
import { apiFieldErrors, schemaFieldErrors, type FieldErrors } from '../forms/field-errors';
import { ESCALATION_LEVEL_COLOURS, stepTiming } from './policy-labels';

/** A step as it is being typed: a cleared number box gives null until it is filled again. */
interface DraftStep {
  readonly key: string;
  readonly anchor: EscalationAnchor;
  readonly offsetWorkdays: number | null;
  readonly audience: readonly EscalationAudience[];
  readonly level: EscalationLevel;
  readonly channels: readonly DeliveryChannel[];
}

interface DraftPolicy {
  readonly requestResponseWorkdays: number | null;
  readonly steps: readonly DraftStep[];
}

function draftOf(policy: EscalationPolicy): DraftPolicy {
  return {
    requestResponseWorkdays: policy.requestResponseWorkdays,
    steps: policy.steps.map((s) => ({
      ...s,
      audience: [...s.audience],
      channels: [...s.channels],
    })),
  };
}

/** The draft as a policy, for the domain's checks (a missing number counts as 0 there). */
function asPolicy(draft: DraftPolicy): EscalationPolicy {
  return {
    requestResponseWorkdays: draft.requestResponseWorkdays ?? 0,
    steps: draft.steps.map((s) => ({ ...s, offsetWorkdays: s.offsetWorkdays ?? 0 })),
  };
}

/**
 * 督办规则编辑器: the ladder of reminder and escalation steps (anchor, offset in workdays,
 * audience, 提醒/黄牌/红牌, channels). The domain's `policyProblems()` is checked as the
 * admin types; the shared contract when they save; the api's field errors (paths
 * `policy.steps.2.key` or `steps.2.key`) show beside their fields until that field changes.
 */
@Component({
  selector: 'lz-policy-editor',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
    NzTagModule,
    TranslocoPipe,
  ],
  providers: [
    provideTranslocoScope('policy'),
    provideNzIconsPatch([DeleteOutline, PlusOutline, UndoOutline]),
  ],
  template: `
    <div class="editor" data-testid="policy-editor" nz-form nzLayout="vertical">
      <div class="top">
        <nz-form-item class="request-days">
          <nz-form-label [nzFor]="id('request-days')" nzRequired>{{
            'policy.requestResponseWorkdays' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['requestResponseWorkdays'] ? 'error' : ''"
            [nzErrorTip]="errors()['requestResponseWorkdays']"
            [nzExtra]="'policy.requestResponseHint' | transloco"
          >
            <nz-input-number
              [nzId]="id('request-days')"
              [nzMin]="1"
              [nzMax]="60"
              [nzDisabled]="readonly()"
              [ngModel]="draft().requestResponseWorkdays"
              (ngModelChange)="setRequestDays($event)"
            />
          </nz-form-control>
        </nz-form-item>
        <p class="summary" data-testid="policy-summary">
          {{ 'policy.summary' | transloco: { steps: draft().steps.length } }}
          @if (problemCount() > 0) {
            <nz-tag nzColor="red" data-testid="policy-problem-count">{{
              'policy.problems' | transloco: { count: problemCount() }
            }}</nz-tag>
          }
        </p>
      </div>

      @if (errors()['steps']; as message) {
        <nz-alert nzType="error" nzShowIcon [nzMessage]="message" class="alert" role="alert" />
      }

      <ol class="steps">
        @for (step of draft().steps; track $index; let i = $index) {
          <li class="step" data-testid="policy-step" [attr.data-key]="step.key">
            <div class="step-head">
              <nz-tag [nzColor]="levelColour(step.level)">{{ levelLabel(step.level) }}</nz-tag>
              <span class="timing" data-testid="policy-step-timing">{{ timing(step) }}</span>
              @if (!readonly()) {
                <button
                  nz-button
                  nzType="text"
                  nzDanger
                  type="button"
                  class="remove"
                  [attr.aria-label]="'policy.removeStep' | transloco: { key: step.key }"
                  (click)="remove(i)"
                  data-testid="policy-step-remove"
                >
                  <nz-icon nzType="delete" />
                </button>
              }
            </div>
            <div class="fields">
              <nz-form-item>
                <nz-form-label [nzFor]="id('key', i)" nzRequired>{{
                  'policy.key' | transloco
                }}</nz-form-label>
                <nz-form-control
                  [nzValidateStatus]="errorAt(i, 'key') ? 'error' : ''"
                  [nzErrorTip]="errorAt(i, 'key')"
                >
                  <input
                    nz-input
                    [id]="id('key', i)"
                    [disabled]="readonly()"
                    [ngModel]="step.key"
                    (ngModelChange)="patch(i, 'key', $event)"
                    data-testid="policy-step-key"
                  />
                </nz-form-control>
              </nz-form-item>
              <nz-form-item>
                <nz-form-label [nzFor]="id('anchor', i)" nzRequired>{{
                  'policy.anchor' | transloco
                }}</nz-form-label>
                <nz-form-control
                  [nzValidateStatus]="errorAt(i, 'anchor') ? 'error' : ''"
                  [nzErrorTip]="errorAt(i, 'anchor')"
                >
                  <nz-select
                    [nzId]="id('anchor', i)"
                    [nzDisabled]="readonly()"
                    [ngModel]="step.anchor"
                    (ngModelChange)="patch(i, 'anchor', $event)"
                  >
                    @for (anchor of anchors; track anchor) {
                      <nz-option [nzValue]="anchor" [nzLabel]="anchorLabel(anchor)" />
                    }
                  </nz-select>
                </nz-form-control>
              </nz-form-item>
              <nz-form-item>
                <nz-form-label [nzFor]="id('offset', i)" nzRequired>{{
                  'policy.offset' | transloco
                }}</nz-form-label>
                <nz-form-control
                  [nzValidateStatus]="errorAt(i, 'offsetWorkdays') ? 'error' : ''"
                  [nzErrorTip]="errorAt(i, 'offsetWorkdays')"
                >
                  <nz-input-number
                    [nzId]="id('offset', i)"
                    [nzMin]="-30"
                    [nzMax]="60"
                    [nzDisabled]="readonly()"
                    [ngModel]="step.offsetWorkdays"
                    (ngModelChange)="patch(i, 'offsetWorkdays', $event)"
                  />
                </nz-form-control>
              </nz-form-item>
              <nz-form-item>
                <nz-form-label [nzFor]="id('level', i)" nzRequired>{{
                  'policy.level' | transloco
                }}</nz-form-label>
                <nz-form-control
                  [nzValidateStatus]="errorAt(i, 'level') ? 'error' : ''"
                  [nzErrorTip]="errorAt(i, 'level')"
                >
                  <nz-select
                    [nzId]="id('level', i)"
                    [nzDisabled]="readonly()"
                    [ngModel]="step.level"
                    (ngModelChange)="patch(i, 'level', $event)"
                  >
                    @for (level of levels; track level) {
                      <nz-option [nzValue]="level" [nzLabel]="levelLabel(level)" />
                    }
                  </nz-select>
                </nz-form-control>
              </nz-form-item>
              <nz-form-item class="wide">
                <nz-form-label [nzFor]="id('audience', i)" nzRequired>{{
                  'policy.audience' | transloco
                }}</nz-form-label>
                <nz-form-control
                  [nzValidateStatus]="errorAt(i, 'audience') ? 'error' : ''"
                  [nzErrorTip]="errorAt(i, 'audience')"
                >
                  <nz-select
                    nzMode="multiple"
                    [nzId]="id('audience', i)"
                    [nzDisabled]="readonly()"
                    [ngModel]="step.audience"
                    (ngModelChange)="patch(i, 'audience', $event)"
                  >
                    @for (audience of audiences; track audience) {
                      <nz-option [nzValue]="audience" [nzLabel]="audienceLabel(audience)" />
                    }
                  </nz-select>
                </nz-form-control>
              </nz-form-item>
              <nz-form-item class="wide">
                <nz-form-label [nzFor]="id('channels', i)">{{
                  'policy.channels' | transloco
                }}</nz-form-label>
                <nz-form-control
                  [nzValidateStatus]="errorAt(i, 'channels') ? 'error' : ''"
                  [nzErrorTip]="errorAt(i, 'channels')"
                  [nzExtra]="'policy.channelsHint' | transloco"
                >
                  <nz-select
                    nzMode="multiple"
                    [nzId]="id('channels', i)"
                    [nzDisabled]="readonly()"
                    [nzPlaceHolder]="'policy.inAppOnly' | transloco"
                    [ngModel]="step.channels"
                    (ngModelChange)="patch(i, 'channels', $event)"
                  >
                    @for (channel of channels; track channel) {
                      <nz-option [nzValue]="channel" [nzLabel]="channelLabel(channel)" />
                    }
                  </nz-select>
                </nz-form-control>
              </nz-form-item>
            </div>
          </li>
        } @empty {
          <li class="empty">{{ 'policy.noSteps' | transloco }}</li>
        }
      </ol>

      @if (!readonly()) {
        <div class="actions">
          <button
            nz-button
            nzType="dashed"
            type="button"
            (click)="add()"
            data-testid="policy-add-step"
          >
            <nz-icon nzType="plus" /><span>{{ 'policy.addStep' | transloco }}</span>
          </button>
          <span class="spacer"></span>
          <button nz-button type="button" (click)="restoreBuiltIn()" data-testid="policy-built-in">
            {{ 'policy.builtIn' | transloco }}
          </button>
          <button
            nz-button
            type="button"
            [disabled]="!dirty()"
            (click)="discard()"
            data-testid="policy-discard"
          >
            <nz-icon nzType="undo" /><span>{{ 'policy.discard' | transloco }}</span>
          </button>
          <button
            nz-button
            nzType="primary"
            type="button"
            [nzLoading]="busy()"
            (click)="submit()"
            data-testid="policy-save"
          >
            {{ 'policy.save' | transloco }}
          </button>
        </div>
      }
    </div>
  `,
  styles: `
    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px 24px;
    }
    .request-days {
      min-width: 260px;
    }
    .summary {
      margin: 30px 0 0;
      color: rgba(0, 0, 0, 0.65);
    }
    .alert {
      margin-bottom: 12px;
    }
    .steps {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 12px;
    }
    .step {
      border: 1px solid #f0f0f0;
      border-radius: 8px;
      padding: 12px 16px 0;
      background: #fff;
    }
    .step-head {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-bottom: 8px;
    }
    .timing {
      font-weight: 500;
    }
    .remove {
      margin-left: auto;
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(170px, 1fr));
      gap: 0 16px;
    }
    .fields .wide {
      grid-column: span 2;
    }
    .fields nz-input-number,
    .request-days nz-input-number {
      width: 100%;
    }
    .empty {
      color: var(--lz-text-secondary);
      padding: 16px 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 16px;
    }
    .actions nz-icon {
      margin-right: 4px;
    }
    .spacer {
      flex: 1;
    }
    @media (max-width: 600px) {
      .fields .wide {
        grid-column: auto;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PolicyEditorComponent {
  private static instances = 0;
  private readonly languages = inject(LanguageService);
  /** Keeps ids unique when two editors share a page. */
  private readonly prefix = `policy-${++PolicyEditorComponent.instances}`;

  readonly policy = input.required<EscalationPolicy>();
  readonly readonly = input(false);
  /** The parent is saving: the button spins. */
  readonly busy = input(false);
  /** The api's field errors of the last save (paths with or without the `policy.` prefix). */
  readonly serverErrors = input<readonly FieldError[]>([]);
  /** Every edit, as the draft stands (not yet validated). */
  readonly policyChange = output<EscalationPolicy>();
  /** A save asked for, with a policy that passed the contract and the domain's checks. */
  readonly save = output<PutEscalationPolicyRequest['policy']>();

  protected readonly anchors = ESCALATION_ANCHORS;
  protected readonly levels = ESCALATION_LEVELS;
  protected readonly audiences = ESCALATION_AUDIENCES;
  protected readonly channels = DELIVERY_CHANNELS;

  protected readonly draft = linkedSignal(() => draftOf(this.policy()));
  /** Contract errors show once a save was tried; the domain's problems at once. */
  private readonly attempted = linkedSignal({ source: this.policy, computation: () => false });
  private readonly serverShown = linkedSignal<FieldErrors>(() =>
    apiFieldErrors(this.serverErrors(), 'policy.'),
  );

  protected readonly dirty = computed(
    () => JSON.stringify(this.draft()) !== JSON.stringify(draftOf(this.policy())),
  );

  private readonly problems = computed<FieldErrors>(() => {
    const language = this.languages.language();
    const found: Record<string, string> = {};
    for (const p of policyProblems(asPolicy(this.draft()))) {
      found[p.path] ??= POLICY_PROBLEM_MESSAGES[p.problem][language];
    }
    return found;
  });

  private readonly contractErrors = computed<FieldErrors>(() => {
    if (!this.attempted()) return {};
    const parsed = escalationPolicySchema.safeParse(this.draft());
    return parsed.success ? {} : schemaFieldErrors(parsed.error.issues, this.languages.language());
  });

  protected readonly errors = computed<FieldErrors>(() => ({
    ...this.serverShown(),
    ...this.problems(),
    ...this.contractErrors(),
  }));

  protected readonly problemCount = computed(() => Object.keys(this.errors()).length);

  protected id(field: string, index?: number): string {
    return index === undefined ? `${this.prefix}-${field}` : `${this.prefix}-${index}-${field}`;
  }

  protected errorAt(index: number, field: keyof DraftStep): string | undefined {
    return this.errors()[`steps.${index}.${field}`];
  }

  protected setRequestDays(value: number | null): void {
    this.edit({ ...this.draft(), requestResponseWorkdays: value }, ['requestResponseWorkdays']);
  }

  protected patch<K extends keyof DraftStep>(index: number, field: K, value: DraftStep[K]): void {
    const steps = this.draft().steps.map((s, i) => (i === index ? { ...s, [field]: value } : s));
    this.edit({ ...this.draft(), steps }, [`steps.${index}.${field}`]);
  }

  /** A new step after the last: one workday after the due date, to the assignee. */
  add(): void {
    const keys = new Set(this.draft().steps.map((s) => s.key));
    let n = this.draft().steps.length + 1;
    while (keys.has(`step-${n}`)) n++;
    const step: DraftStep = {
      key: `step-${n}`,
      anchor: 'due',
      offsetWorkdays: 1,
      audience: ['assignee'],
      level: 'reminder',
      channels: [],
    };
    this.edit({ ...this.draft(), steps: [...this.draft().steps, step] }, 'steps');
  }

  remove(index: number): void {
    this.edit(
      { ...this.draft(), steps: this.draft().steps.filter((_, i) => i !== index) },
      'steps',
    );
  }

  protected restoreBuiltIn(): void {
    this.edit(draftOf(DEFAULT_ESCALATION_POLICY), 'steps');
  }

  protected discard(): void {
    this.attempted.set(false);
    this.serverShown.set({});
    this.draft.set(draftOf(this.policy()));
  }

  submit(): void {
    this.attempted.set(true);
    const parsed = escalationPolicySchema.safeParse(this.draft());
    if (!parsed.success || Object.keys(this.problems()).length > 0) return;
    this.save.emit(parsed.data);
  }

  /**
   * Applies an edit and forgets the server's errors it answers: those of the fields
   * changed, or all step errors when steps were added or removed (their indexes moved).
   */
  private edit(draft: DraftPolicy, changed: readonly string[] | 'steps'): void {
    this.draft.set(draft);
    this.serverShown.update((errors) =>
      Object.fromEntries(
        Object.entries(errors).filter(([path]) =>
          changed === 'steps' ? !path.startsWith('steps') : !changed.includes(path),
        ),
      ),
    );
    this.policyChange.emit(asPolicy(draft));
  }

  protected timing(step: DraftStep): string {
    return stepTiming(step, this.languages.language());
  }

  protected levelLabel(level: EscalationLevel): string {
    return ESCALATION_LEVEL_LABELS[level][this.languages.language()];
  }

  protected levelColour(level: EscalationLevel): string {
    return ESCALATION_LEVEL_COLOURS[level];
  }

  protected anchorLabel(anchor: EscalationAnchor): string {
    return ESCALATION_ANCHOR_LABELS[anchor][this.languages.language()];
  }

  protected audienceLabel(audience: EscalationAudience): string {
    return ESCALATION_AUDIENCE_LABELS[audience][this.languages.language()];
  }

  protected channelLabel(channel: DeliveryChannel): string {
    return DELIVERY_CHANNEL_LABELS[channel][this.languages.language()];
  }
}
