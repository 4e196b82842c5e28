import { ChangeDetectionStrategy, Component, computed, inject, type OnInit } from '@angular/core';
import { WarningFill } from '@ant-design/icons-angular/icons';
import type { PutEscalationPolicyRequest } from '@lianzhang/contracts';
import { provideTranslocoScope, TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { SessionStore } from '../auth/session.store';
import { PolicyClient } from './policy.client';
import { PolicyEditorComponent } from './policy-editor.component';
import { PolicyPanelState } from './policy-panel.state';

/**
 * 督办规则 of the province: the default ladder of every chain without its own. A change
 * applies to tasks assigned afterwards and to coordination requests; tasks already
 * assigned keep theirs.
 */
@Component({
  selector: 'lz-province-policy',
  imports: [
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzResultModule,
    NzSpinModule,
    NzTagModule,
    PolicyEditorComponent,
    TranslocoPipe,
  ],
  providers: [provideNzIconsPatch([WarningFill]), provideTranslocoScope('policy')],
  template: `
    <nz-card
      [nzTitle]="'policy.provinceTitle' | transloco"
      [nzExtra]="extra"
      data-testid="province-policy"
    >
      <ng-template #extra>
        @if (state.dto(); as dto) {
          <nz-tag
            [nzColor]="dto.source === 'province' ? 'blue' : 'default'"
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
        <p class="hint">{{ 'policy.provinceHint' | transloco }}</p>
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
    .alert {
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
export class ProvincePolicyComponent implements OnInit {
  private readonly client = inject(PolicyClient);
  private readonly message = inject(NzMessageService);
  private readonly transloco = inject(TranslocoService);
  protected readonly state = new PolicyPanelState();
  /** Only `escalation:manage` may change the default; others read it. */
  private readonly session = inject(SessionStore);
  protected readonly canEdit = computed(() => this.session.can('escalation:manage'));

  ngOnInit(): void {
    void this.load();
  }

  protected load(): Promise<void> {
    return this.state.load(() => this.client.province());
  }

  protected async save(policy: PutEscalationPolicyRequest['policy']): Promise<void> {
    const outcome = await this.state.save(policy, (request) => this.client.setProvince(request));
    if (outcome === 'saved') this.message.success(this.transloco.translate('policy.saved'));
  }
}
