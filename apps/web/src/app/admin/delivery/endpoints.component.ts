import { PlusOutline, WarningFill } from '@ant-design/icons-angular/icons';
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
  createDeliveryEndpointSchema,
  updateDeliveryEndpointSchema,
  type ChainDto,
  type DeliveryEndpointDto,
} from '@lianzhang/contracts';
import {
  DELIVERY_CHANNEL_LABELS,
  ESCALATION_LEVEL_LABELS,
  ESCALATION_LEVELS,
  type EscalationLevel,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { z } from 'zod';
import { LanguageService } from '../../i18n/language.service';
import {
  apiError,
  apiFieldErrors,
  schemaFieldErrors,
  type FieldErrors,
} from '../../forms/field-errors';
import { ESCALATION_LEVEL_COLOURS } from '../../policy/policy-labels';
import { AdminClient } from '../admin.client';

type EndpointKind = DeliveryEndpointDto['kind'];
const ENDPOINT_KINDS: readonly EndpointKind[] = ['wecom', 'dingtalk', 'feishu', 'webhook'];
/** Keep the stored secret, replace it, or remove it. The secret itself is never shown. */
type SecretAction = 'keep' | 'replace' | 'clear';

interface EndpointModel {
  chainId: string | null;
  kind: EndpointKind | null;
  name: string;
  url: string;
  secret: string;
  secretAction: SecretAction;
  minLevel: EscalationLevel;
  enabled: boolean;
}

/**
 * 推送端点: group robots (企业微信, 钉钉, 飞书) and signed webhooks, province-wide or for
 * one chain. Secrets are write-only; a robot URL's query (its token) is never shown, so
 * an edit sends a URL only when a new one is typed.
 */
@Component({
  selector: 'lz-delivery-endpoints',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzPopconfirmModule,
    NzRadioModule,
    NzResultModule,
    NzSelectModule,
    NzSwitchModule,
    NzTableModule,
    NzTagModule,
    TranslocoPipe,
  ],
  template: `
    <div class="bar">
      <p class="hint">{{ 'admin.delivery.endpointsHint' | transloco }}</p>
      <button nz-button nzType="primary" (click)="open(null)" data-testid="endpoint-create">
        <nz-icon nzType="plus" /><span>{{ 'admin.delivery.newEndpoint' | transloco }}</span>
      </button>
    </div>
    @if (failed()) {
      <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
        <div nz-result-extra>
          <button nz-button (click)="load()">{{ 'state.retry' | transloco }}</button>
        </div>
      </nz-result>
    } @else {
      <nz-table
        #table
        [nzData]="endpoints()"
        [nzLoading]="loading()"
        [nzShowPagination]="false"
        [nzPageSize]="1000"
        [nzNoResult]="'admin.delivery.noEndpoints' | transloco"
        [nzScroll]="{ x: '960px' }"
        data-testid="endpoints-table"
      >
        <thead>
          <tr>
            <th>{{ 'admin.delivery.name' | transloco }}</th>
            <th>{{ 'admin.delivery.kind' | transloco }}</th>
            <th>{{ 'admin.delivery.scope' | transloco }}</th>
            <th>{{ 'admin.delivery.url' | transloco }}</th>
            <th>{{ 'admin.delivery.secret' | transloco }}</th>
            <th>{{ 'admin.delivery.minLevel' | transloco }}</th>
            <th>{{ 'admin.delivery.enabled' | transloco }}</th>
            <th nzRight>{{ 'admin.actions' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (endpoint of table.data; track endpoint.id) {
            <tr data-testid="endpoint-row">
              <td>{{ endpoint.name }}</td>
              <td>{{ kindLabel(endpoint.kind) }}</td>
              <td>{{ chainName(endpoint.chainId) }}</td>
              <td class="url">{{ endpoint.url }}</td>
              <td>
                @if (endpoint.hasSecret) {
                  <nz-tag nzColor="blue">{{ 'admin.delivery.secretSet' | transloco }}</nz-tag>
                } @else {
                  <span class="muted">{{ 'admin.delivery.secretNone' | transloco }}</span>
                }
              </td>
              <td>
                <nz-tag [nzColor]="levelColour(endpoint.minLevel)">{{
                  levelLabel(endpoint.minLevel)
                }}</nz-tag>
              </td>
              <td>
                @if (endpoint.enabled) {
                  <nz-tag nzColor="green">{{ 'admin.delivery.on' | transloco }}</nz-tag>
                } @else {
                  <nz-tag>{{ 'admin.delivery.off' | transloco }}</nz-tag>
                }
              </td>
              <td nzRight>
                <div class="row-actions">
                  <button
                    nz-button
                    nzSize="small"
                    (click)="open(endpoint)"
                    [attr.aria-label]="('admin.edit' | transloco) + ' ' + endpoint.name"
                  >
                    <nz-icon nzType="edit" /><span>{{ 'admin.edit' | transloco }}</span>
                  </button>
                  <button
                    nz-button
                    nzSize="small"
                    nzDanger
                    nz-popconfirm
                    [nzPopconfirmTitle]="'admin.delivery.removeConfirm' | transloco"
                    (nzOnConfirm)="remove(endpoint)"
                    [attr.aria-label]="('admin.delete' | transloco) + ' ' + endpoint.name"
                  >
                    <nz-icon nzType="delete" /><span>{{ 'admin.delete' | transloco }}</span>
                  </button>
                </div>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    }

    <nz-modal
      [nzVisible]="formOpen()"
      [nzWidth]="560"
      [nzTitle]="
        (editing() ? 'admin.delivery.editEndpoint' : 'admin.delivery.newEndpoint') | transloco
      "
      [nzOkText]="'admin.save' | transloco"
      [nzOkLoading]="busy()"
      (nzOnOk)="save()"
      (nzOnCancel)="formOpen.set(false)"
    >
      <ng-container *nzModalContent>
        <form nz-form nzLayout="vertical" (ngSubmit)="save()" data-testid="endpoint-form">
          @if (failure(); as message) {
            <nz-alert nzType="error" nzShowIcon [nzMessage]="message" class="alert" role="alert" />
          }
          <div class="two">
            <nz-form-item>
              <nz-form-label nzFor="endpoint-kind" nzRequired>{{
                'admin.delivery.kind' | transloco
              }}</nz-form-label>
              <nz-form-control
                [nzValidateStatus]="errors()['kind'] ? 'error' : ''"
                [nzErrorTip]="errors()['kind']"
              >
                <nz-select
                  nzId="endpoint-kind"
                  name="kind"
                  [nzDisabled]="!!editing()"
                  [(ngModel)]="model.kind"
                >
                  @for (kind of kinds; track kind) {
                    <nz-option [nzValue]="kind" [nzLabel]="kindLabel(kind)" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzFor="endpoint-chain">{{
                'admin.delivery.scope' | transloco
              }}</nz-form-label>
              <nz-form-control
                [nzValidateStatus]="errors()['chainId'] ? 'error' : ''"
                [nzErrorTip]="errors()['chainId']"
              >
                <nz-select
                  nzId="endpoint-chain"
                  name="chainId"
                  nzShowSearch
                  nzAllowClear
                  [nzDisabled]="!!editing()"
                  [nzPlaceHolder]="'admin.delivery.provinceWide' | transloco"
                  [(ngModel)]="model.chainId"
                >
                  @for (chain of chains(); track chain.id) {
                    <nz-option [nzValue]="chain.id" [nzLabel]="chainLabel(chain)" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
          </div>
          <nz-form-item>
            <nz-form-label nzFor="endpoint-name" nzRequired>{{
              'admin.delivery.name' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzValidateStatus]="errors()['name'] ? 'error' : ''"
              [nzErrorTip]="errors()['name']"
            >
              <input nz-input id="endpoint-name" name="name" [(ngModel)]="model.name" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="endpoint-url" [nzRequired]="!editing()">{{
              'admin.delivery.url' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzValidateStatus]="errors()['url'] ? 'error' : ''"
              [nzErrorTip]="errors()['url']"
              [nzExtra]="
                editing()
                  ? ('admin.delivery.urlKeep' | transloco: { url: editing()?.url })
                  : ('admin.delivery.urlHint' | transloco)
              "
            >
              <input
                nz-input
                id="endpoint-url"
                name="url"
                type="url"
                autocomplete="off"
                [(ngModel)]="model.url"
              />
            </nz-form-control>
          </nz-form-item>
          @if (editing()?.hasSecret) {
            <nz-form-item>
              <nz-form-label id="endpoint-secret-label">{{
                'admin.delivery.secret' | transloco
              }}</nz-form-label>
              <nz-form-control>
                <nz-radio-group
                  name="secretAction"
                  role="radiogroup"
                  aria-labelledby="endpoint-secret-label"
                  [(ngModel)]="model.secretAction"
                >
                  <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -- the radio input is inside the label -->
                  <label nz-radio nzValue="keep">{{
                    'admin.delivery.secretKeep' | transloco
                  }}</label>
                  <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -- the radio input is inside the label -->
                  <label nz-radio nzValue="replace">{{
                    'admin.delivery.secretReplace' | transloco
                  }}</label>
                  <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -- the radio input is inside the label -->
                  <label nz-radio nzValue="clear">{{
                    'admin.delivery.secretClear' | transloco
                  }}</label>
                </nz-radio-group>
              </nz-form-control>
            </nz-form-item>
          }
          @if (!editing()?.hasSecret || model.secretAction === 'replace') {
            <nz-form-item>
              <nz-form-label nzFor="endpoint-secret">{{
                (editing()?.hasSecret ? 'admin.delivery.newSecret' : 'admin.delivery.secret')
                  | transloco
              }}</nz-form-label>
              <nz-form-control
                [nzValidateStatus]="errors()['secret'] ? 'error' : ''"
                [nzErrorTip]="errors()['secret']"
                [nzExtra]="'admin.delivery.secretHint' | transloco"
              >
                <input
                  nz-input
                  id="endpoint-secret"
                  name="secret"
                  type="password"
                  autocomplete="new-password"
                  [(ngModel)]="model.secret"
                />
              </nz-form-control>
            </nz-form-item>
          }
          <div class="two">
            <nz-form-item>
              <nz-form-label nzFor="endpoint-level">{{
                'admin.delivery.minLevel' | transloco
              }}</nz-form-label>
              <nz-form-control [nzExtra]="'admin.delivery.minLevelHint' | transloco">
                <nz-select nzId="endpoint-level" name="minLevel" [(ngModel)]="model.minLevel">
                  @for (level of levels; track level) {
                    <nz-option [nzValue]="level" [nzLabel]="levelLabel(level)" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzFor="endpoint-enabled">{{
                'admin.delivery.enabled' | transloco
              }}</nz-form-label>
              <nz-form-control>
                <nz-switch nzId="endpoint-enabled" name="enabled" [(ngModel)]="model.enabled" />
              </nz-form-control>
            </nz-form-item>
          </div>
        </form>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
      margin-bottom: 16px;
    }
    .hint {
      margin: 0;
      color: rgba(0, 0, 0, 0.65);
      flex: 1 1 320px;
    }
    .url {
      word-break: break-all;
      max-width: 320px;
    }
    .muted {
      color: var(--lz-text-secondary);
    }
    .row-actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .alert {
      margin-bottom: 16px;
    }
    .two {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
      gap: 0 16px;
    }
    nz-icon {
      margin-right: 4px;
    }
  `,
  providers: [provideNzIconsPatch([PlusOutline, WarningFill])],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EndpointsComponent implements OnInit {
  private readonly client = inject(AdminClient);
  private readonly message = inject(NzMessageService);
  private readonly transloco = inject(TranslocoService);
  private readonly languages = inject(LanguageService);

  protected readonly kinds = ENDPOINT_KINDS;
  protected readonly levels = ESCALATION_LEVELS;
  protected readonly endpoints = signal<readonly DeliveryEndpointDto[]>([]);
  protected readonly chains = signal<readonly ChainDto[]>([]);
  private readonly chainsById = computed(() => new Map(this.chains().map((c) => [c.id, c])));
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);

  protected readonly formOpen = signal(false);
  protected readonly editing = signal<DeliveryEndpointDto | null>(null);
  protected readonly errors = signal<FieldErrors>({});
  protected readonly failure = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected model: EndpointModel = this.modelOf(null);

  ngOnInit(): void {
    void this.load();
    // Chain names for the scope column and the picker; a failure leaves ids.
    this.client.chains(null).then(
      (page) => this.chains.set(page.items),
      () => undefined,
    );
  }

  async load(): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    try {
      this.endpoints.set(await this.client.endpoints());
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  protected kindLabel(kind: EndpointKind): string {
    return DELIVERY_CHANNEL_LABELS[kind][this.languages.language()];
  }

  protected levelLabel(level: EscalationLevel): string {
    return ESCALATION_LEVEL_LABELS[level][this.languages.language()];
  }

  protected levelColour(level: EscalationLevel): string {
    return ESCALATION_LEVEL_COLOURS[level];
  }

  protected chainLabel(chain: ChainDto): string {
    return this.languages.language() === 'en' ? chain.nameEn : chain.nameZh;
  }

  protected chainName(chainId: string | null): string {
    if (!chainId) return this.transloco.translate('admin.delivery.provinceWide');
    const chain = this.chainsById().get(chainId);
    return chain ? this.chainLabel(chain) : chainId;
  }

  private modelOf(endpoint: DeliveryEndpointDto | null): EndpointModel {
    return {
      chainId: endpoint?.chainId ?? null,
      kind: endpoint?.kind ?? null,
      name: endpoint?.name ?? '',
      url: '',
      secret: '',
      secretAction: endpoint?.hasSecret ? 'keep' : 'replace',
      minLevel: endpoint?.minLevel ?? 'reminder',
      enabled: endpoint?.enabled ?? true,
    };
  }

  protected open(endpoint: DeliveryEndpointDto | null): void {
    this.model = this.modelOf(endpoint);
    this.errors.set({});
    this.failure.set(null);
    this.editing.set(endpoint);
    this.formOpen.set(true);
  }

  async save(): Promise<void> {
    const model = this.model;
    const endpoint = this.editing();
    const secret = model.secret ? model.secret : undefined;
    if (endpoint) {
      const parsed = updateDeliveryEndpointSchema.safeParse({
        version: endpoint.version,
        name: model.name,
        ...(model.url.trim() ? { url: model.url.trim() } : {}),
        ...(model.secretAction === 'clear'
          ? { secret: null }
          : model.secretAction === 'replace' && secret
            ? { secret }
            : {}),
        minLevel: model.minLevel,
        enabled: model.enabled,
      });
      if (this.checked(parsed)) {
        await this.send(() => this.client.updateEndpoint(endpoint.id, parsed.data));
      }
    } else {
      const parsed = createDeliveryEndpointSchema.safeParse({
        chainId: model.chainId,
        kind: model.kind ?? undefined,
        name: model.name,
        url: model.url.trim(),
        secret: secret ?? null,
        minLevel: model.minLevel,
        enabled: model.enabled,
      });
      if (this.checked(parsed)) await this.send(() => this.client.createEndpoint(parsed.data));
    }
  }

  protected async remove(endpoint: DeliveryEndpointDto): Promise<void> {
    try {
      await this.client.removeEndpoint(endpoint.id);
      this.endpoints.update((list) => list.filter((e) => e.id !== endpoint.id));
      this.message.success(this.transloco.translate('admin.deleted'));
    } catch (error) {
      this.message.error(apiError(error)?.message || this.transloco.translate('state.error'));
    }
  }

  private checked<T>(parsed: z.ZodSafeParseResult<T>): parsed is z.ZodSafeParseSuccess<T> {
    this.errors.set(
      parsed.success ? {} : schemaFieldErrors(parsed.error.issues, this.languages.language()),
    );
    this.failure.set(null);
    return parsed.success;
  }

  private async send(call: () => Promise<DeliveryEndpointDto>): Promise<void> {
    this.busy.set(true);
    try {
      const saved = await call();
      this.endpoints.update((list) =>
        list.some((e) => e.id === saved.id)
          ? list.map((e) => (e.id === saved.id ? saved : e))
          : [...list, saved],
      );
      this.formOpen.set(false);
      this.message.success(this.transloco.translate('admin.saved'));
    } catch (error) {
      const body = apiError(error);
      if (body?.details.length) this.errors.set(apiFieldErrors(body.details));
      else this.failure.set(body?.message || this.transloco.translate('state.error'));
    } finally {
      this.busy.set(false);
    }
  }
}
