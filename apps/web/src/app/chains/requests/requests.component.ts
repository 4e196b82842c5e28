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
  handleRequestSchema,
  type CoordinationRequestDto,
  type HandleCoordinationRequest,
} from '@lianzhang/contracts';
import {
  REQUEST_CATEGORY_LABELS,
  REQUEST_STATUS_LABELS,
  type RequestCategory,
  type RequestStatus,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
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
import { CLOCK, todayInShanghai } from '../dates';

const STATUS_COLOURS: Readonly<Record<RequestStatus, string>> = {
  open: 'orange',
  assigned: 'blue',
  answered: 'green',
  closed: 'default',
};

type Filter = 'open' | 'all';

/**
 * 诉求: coordination requests raised by the chain's enterprises (land, energy, finance,
 * talent…), with the day they must be answered by; the chain office hands one to a
 * department, answers it and closes it.
 */
@Component({
  selector: 'lz-chain-requests',
  imports: [
    FormsModule,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzInputModule,
    NzModalModule,
    NzPopconfirmModule,
    NzResultModule,
    NzTableModule,
    NzTagModule,
    TranslocoPipe,
  ],
  template: `
    <nz-card
      [nzTitle]="'chains.requests.title' | transloco"
      [nzExtra]="extra"
      data-testid="chain-requests"
    >
      @if (failed()) {
        <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
          <div nz-result-extra>
            <button nz-button (click)="load()">{{ 'state.retry' | transloco }}</button>
          </div>
        </nz-result>
      } @else {
        <nz-table
          #table
          [nzData]="shown()"
          [nzLoading]="loading()"
          [nzNoResult]="'chains.requests.empty' | transloco"
          [nzPageSize]="20"
          nzSize="middle"
          [nzScroll]="{ x: '1000px' }"
        >
          <thead>
            <tr>
              <th nzWidth="34%">{{ 'chains.requests.request' | transloco }}</th>
              <th>{{ 'chains.requests.category' | transloco }}</th>
              <th>{{ 'chains.requests.status' | transloco }}</th>
              <th>{{ 'chains.requests.respondBy' | transloco }}</th>
              <th>{{ 'chains.requests.handling' | transloco }}</th>
              @if (store.canHandleRequests()) {
                <th>{{ 'chains.requests.actions' | transloco }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (request of table.data; track request.id) {
              <tr data-testid="request-row">
                <td>
                  <div class="title">{{ request.title }}</div>
                  <div class="muted">
                    {{ request.organisationName }} · {{ request.createdAt.slice(0, 10) }}
                  </div>
                  <div class="body">{{ request.body }}</div>
                </td>
                <td>{{ categoryLabel(request.category) }}</td>
                <td>
                  <nz-tag [nzColor]="statusColour(request.status)">{{
                    statusLabel(request.status)
                  }}</nz-tag>
                </td>
                <td [class.overdue]="overdue(request)">
                  {{ request.respondBy }}
                  @if (overdue(request)) {
                    <nz-tag nzColor="red" data-testid="request-overdue">{{
                      'chains.requests.overdue' | transloco
                    }}</nz-tag>
                  }
                </td>
                <td>
                  @if (request.department) {
                    <div>
                      {{ 'chains.requests.department' | transloco }}: {{ request.department }}
                    </div>
                  }
                  @if (request.answer) {
                    <div class="body">
                      {{ 'chains.requests.answer' | transloco }}: {{ request.answer }}
                    </div>
                  }
                  @if (!request.department && !request.answer) {
                    —
                  }
                </td>
                @if (store.canHandleRequests()) {
                  <td>
                    <div class="actions">
                      @if (request.status === 'open' || request.status === 'assigned') {
                        <button
                          nz-button
                          nzSize="small"
                          (click)="start(request, 'assign')"
                          data-testid="request-assign"
                        >
                          {{ 'chains.requests.assign' | transloco }}
                        </button>
                        <button
                          nz-button
                          nzSize="small"
                          nzType="primary"
                          (click)="start(request, 'answer')"
                          data-testid="request-answer"
                        >
                          {{ 'chains.requests.answerAction' | transloco }}
                        </button>
                      }
                      @if (request.status === 'answered') {
                        <button
                          nz-button
                          nzSize="small"
                          nz-popconfirm
                          [nzPopconfirmTitle]="'chains.requests.confirmClose' | transloco"
                          (nzOnConfirm)="close(request)"
                          data-testid="request-close"
                        >
                          {{ 'chains.requests.close' | transloco }}
                        </button>
                      }
                    </div>
                  </td>
                }
              </tr>
            }
          </tbody>
        </nz-table>
      }
    </nz-card>
    <ng-template #extra>
      <div role="group" [attr.aria-label]="'chains.requests.filter' | transloco">
        <button
          nz-button
          nzSize="small"
          type="button"
          [nzType]="filter() === 'open' ? 'primary' : 'default'"
          [attr.aria-pressed]="filter() === 'open'"
          (click)="filter.set('open')"
          data-testid="request-filter-open"
        >
          {{ 'chains.requests.pending' | transloco }}
        </button>
        <button
          nz-button
          nzSize="small"
          type="button"
          [nzType]="filter() === 'all' ? 'primary' : 'default'"
          [attr.aria-pressed]="filter() === 'all'"
          (click)="filter.set('all')"
          data-testid="request-filter-all"
        >
          {{ 'chains.requests.all' | transloco }}
        </button>
      </div>
    </ng-template>
    <nz-modal
      [nzVisible]="pending() !== null"
      [nzTitle]="
        (pending()?.action === 'assign' ? 'chains.requests.assign' : 'chains.requests.answerAction')
          | transloco
      "
      [nzOkText]="'chains.form.confirm' | transloco"
      [nzCancelText]="'chains.form.cancel' | transloco"
      [nzOkLoading]="busy()"
      (nzOnOk)="confirm()"
      (nzOnCancel)="pending.set(null)"
    >
      <ng-container *nzModalContent>
        <form nz-form nzLayout="vertical" (ngSubmit)="confirm()" data-testid="request-form">
          @if (pending()?.action === 'assign') {
            <nz-form-item>
              <nz-form-label nzFor="request-department" nzRequired>{{
                'chains.requests.department' | transloco
              }}</nz-form-label>
              <nz-form-control
                [nzValidateStatus]="errors()['department'] ? 'error' : ''"
                [nzErrorTip]="errors()['department']"
              >
                <input nz-input id="request-department" name="department" [(ngModel)]="text" />
              </nz-form-control>
            </nz-form-item>
          } @else {
            <nz-form-item>
              <nz-form-label nzFor="request-answer" nzRequired>{{
                'chains.requests.answer' | transloco
              }}</nz-form-label>
              <nz-form-control
                [nzValidateStatus]="errors()['answer'] ? 'error' : ''"
                [nzErrorTip]="errors()['answer']"
              >
                <textarea
                  nz-input
                  id="request-answer"
                  name="answer"
                  rows="4"
                  [(ngModel)]="text"
                ></textarea>
              </nz-form-control>
            </nz-form-item>
          }
        </form>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .title {
      font-weight: 500;
    }
    .muted {
      color: var(--lz-text-secondary);
      font-size: 12px;
    }
    .body {
      white-space: pre-wrap;
      max-width: 420px;
    }
    .overdue {
      color: #cf1322;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RequestsComponent implements OnInit {
  protected readonly store = inject(ChainStore);
  private readonly client = inject(ChainsClient);
  private readonly languages = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly message = inject(NzMessageService);
  private readonly now = inject(CLOCK);

  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly requests = signal<readonly CoordinationRequestDto[]>([]);
  protected readonly filter = signal<Filter>('open');
  protected readonly pending = signal<{
    request: CoordinationRequestDto;
    action: 'assign' | 'answer';
  } | null>(null);
  protected readonly busy = signal(false);
  protected readonly errors = signal<FieldErrors>({});
  protected text = '';

  protected readonly shown = computed(() =>
    this.filter() === 'all'
      ? this.requests()
      : this.requests().filter((r) => r.status !== 'closed'),
  );

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    const id = this.store.id();
    if (!id) return;
    this.loading.set(true);
    this.failed.set(false);
    try {
      const page = await firstValueFrom(
        this.client.requests({ chainId: id, pageSize: 100, sort: 'respondBy' }),
      );
      this.requests.set(page.items);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  /** Past its respond-by day (Asia/Shanghai) and not yet answered. */
  protected overdue(request: CoordinationRequestDto): boolean {
    return (
      (request.status === 'open' || request.status === 'assigned') &&
      request.respondBy < todayInShanghai(this.now())
    );
  }

  protected start(request: CoordinationRequestDto, action: 'assign' | 'answer'): void {
    this.text = action === 'assign' ? (request.department ?? '') : '';
    this.errors.set({});
    this.pending.set({ request, action });
  }

  protected async confirm(): Promise<void> {
    const pending = this.pending();
    if (!pending) return;
    const { request, action } = pending;
    const parsed = handleRequestSchema.safeParse(
      action === 'assign'
        ? { action, version: request.version, department: this.text }
        : { action, version: request.version, answer: this.text },
    );
    if (!parsed.success) {
      this.errors.set(schemaFieldErrors(parsed.error.issues, this.languages.language()));
      return;
    }
    await this.send(request, parsed.data);
  }

  protected async close(request: CoordinationRequestDto): Promise<void> {
    await this.send(request, { action: 'close', version: request.version });
  }

  private async send(
    request: CoordinationRequestDto,
    body: HandleCoordinationRequest,
  ): Promise<void> {
    this.busy.set(true);
    try {
      const saved = await firstValueFrom(this.client.handleRequest(request.id, body));
      this.requests.update((list) => list.map((r) => (r.id === saved.id ? saved : r)));
      this.pending.set(null);
      this.message.success(this.transloco.translate('chains.form.saved'));
    } catch (error) {
      const problem = apiError(error);
      const fields = apiFieldErrors(problem?.details);
      if (this.pending() && (fields['department'] || fields['answer'])) {
        this.errors.set(fields);
      } else {
        this.pending.set(null);
        this.message.error(problem?.message ?? this.transloco.translate('state.error'));
        await this.load();
      }
    } finally {
      this.busy.set(false);
    }
  }

  protected categoryLabel(category: RequestCategory): string {
    return labelOf(REQUEST_CATEGORY_LABELS, category, this.languages.language());
  }

  protected statusLabel(status: RequestStatus): string {
    return labelOf(REQUEST_STATUS_LABELS, status, this.languages.language());
  }

  protected statusColour(status: RequestStatus): string {
    return STATUS_COLOURS[status];
  }
}
