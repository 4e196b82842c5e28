import { WarningFill } from '@ant-design/icons-angular/icons';
import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import type { PutEscalationPolicyRequest } from '@lianzhang/contracts';
import { provideTranslocoScope, TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { apiError } from '../forms/field-errors';
import { PolicyClient } from './policy.client';
import { PolicyEditorComponent } from './policy-editor.component';
import { PolicyPanelState } from './policy-panel.state';

/**
 * A chain's 督办规则: the ladder in force on the chain, whether it is the chain's own or
 * the province's default, and for an editor the way to give the chain its own ladder or
 * to go back to the default. Tasks keep the ladder they were assigned with.
 */
@Component({
  selector: 'lz-chain-policy',
  imports: [
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzPopconfirmModule,
    NzResultModule,
    NzSpinModule,
    NzTagModule,
    PolicyEditorComponent,
    TranslocoPipe,
  ],
  providers: [provideNzIconsPatch([WarningFill]), provideTranslocoScope('policy')],
  template: `
    <nz-card
      [nzTitle]="'policy.chainTitle' | transloco"
      [nzExtra]="extra"
      data-testid="chain-policy"
    >
      <ng-template #extra>
        @if (state.dto(); as dto) {
          <nz-tag
            [nzColor]="dto.source === 'chain' ? 'blue' : 'default'"
            data-testid="policy-source"
            >{{ 'policy.source.' + dto.source | transloco }}</nz-tag
          >
        }
      </ng-template>
      @if (state.failed()) {
        <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
          <div nz-result-extra>
            <button nz-button (click)="load()">{{ 'state.retry' | transloco }}</button>
          </div>
        </nz-result>
      } @else if (state.dto(); as dto) {
        <p class="hint">
          {{
            (dto.source === 'chain' ? 'policy.chainOwnHint' : 'policy.chainDefaultHint') | transloco
          }}
        </p>
        @if (state.saveError() !== null) {
          <nz-alert
            class="alert"
            nzType="error"
            nzShowIcon
            role="alert"
            [nzMessage]="state.saveError() || ('state.error' | transloco)"
            [nzAction]="state.conflict() ? reloadAction : null"
            data-testid="policy-save-error"
          />
          <ng-template #reloadAction>
            <button nz-button nzSize="small" (click)="load()">
              {{ 'policy.reload' | transloco }}
            </button>
          </ng-template>
        }
        @if (canEdit() && dto.source === 'chain') {
          <div class="reset">
            <button
              nz-button
              nz-popconfirm
              [nzPopconfirmTitle]="'policy.resetConfirm' | transloco"
              (nzOnConfirm)="reset()"
              [nzLoading]="resetting()"
              data-testid="policy-reset"
            >
              {{ 'policy.reset' | transloco }}
            </button>
          </div>
        }
        <lz-policy-editor
          [policy]="dto.policy"
          [readonly]="!canEdit()"
          [busy]="state.busy()"
          [serverErrors]="state.serverErrors()"
          (save)="save($event)"
        />
      } @else {
        <div class="loading"><nz-spin nzSimple [nzTip]="'state.loading' | transloco" /></div>
      }
    </nz-card>
  `,
  styles: `
    .hint {
      color: rgba(0, 0, 0, 0.65);
    }
    .alert,
    .reset {
      margin-bottom: 12px;
    }
    .loading {
      display: grid;
      place-items: center;
      min-height: 160px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChainPolicyComponent {
  private readonly client = inject(PolicyClient);
  private readonly message = inject(NzMessageService);
  private readonly transloco = inject(TranslocoService);

  readonly chainId = input.required<string>();
  readonly canEdit = input(false);

  protected readonly state = new PolicyPanelState();
  protected readonly resetting = signal(false);

  constructor() {
    effect(() => {
      const chainId = this.chainId();
      untracked(() => void this.state.load(() => this.client.chain(chainId)));
    });
  }

  protected load(): Promise<void> {
    return this.state.load(() => this.client.chain(this.chainId()));
  }

  protected async save(policy: PutEscalationPolicyRequest['policy']): Promise<void> {
    const chainId = this.chainId();
    const outcome = await this.state.save(policy, (request) =>
      this.client.setChain(chainId, request),
    );
    if (outcome === 'saved') this.message.success(this.transloco.translate('policy.saved'));
  }

  /** Back to the province's default: the chain's own ladder is deleted. */
  protected async reset(): Promise<void> {
    this.resetting.set(true);
    try {
      await this.client.resetChain(this.chainId());
      this.message.success(this.transloco.translate('policy.resetDone'));
      await this.load();
    } catch (error) {
      this.message.error(apiError(error)?.message || this.transloco.translate('state.error'));
    } finally {
      this.resetting.set(false);
    }
  }
}
