import { WarningFill } from '@ant-design/icons-angular/icons';
import { DatePipe } from '@angular/common';
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
  createRequestSchema,
  REQUEST_CATEGORY_VALUES,
  type CoordinationRequestDto,
  type Page,
} from '@lianzhang/contracts';
import {
  REQUEST_CATEGORY_LABELS,
  REQUEST_STATUS_LABELS,
  type RequestCategory,
  type RequestStatus,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { ZodError } from 'zod';
import { LanguageService } from '../i18n/language.service';
import {
  apiError,
  schemaFieldErrors,
  apiFieldErrors,
  type FieldErrors,
} from '../forms/field-errors';
import { REQUEST_STATUS_COLOURS } from '../tasks/task-labels';
import { WorkspaceClient } from './workspace.client';
import { WorkspaceStore } from './workspace.store';

const FIELDS = ['chainId', 'category', 'title', 'body'];

/**
 * 诉求: raise a coordination request (用地, 用能, 融资, 人才…) to the office of one of the
 * enterprise's chains, and follow the ones raised: status, the department it went to, the
 * answer and the date by which one is due.
 */
@Component({
  selector: 'lz-workspace-requests',
  imports: [
    DatePipe,
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzInputModule,
    NzResultModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslocoPipe,
  ],
  providers: [provideNzIconsPatch([WarningFill])],
  template: `
    <div class="grid">
      <nz-card [nzTitle]="'workspace.requests.raise' | transloco">
        <form nz-form nzLayout="vertical" (ngSubmit)="submit()" data-testid="request-form">
          @if (formError(); as message) {
            <nz-alert
              nzType="error"
              nzShowIcon
              [nzMessage]="message"
              class="alert"
              data-testid="request-error"
            />
          }
          <nz-form-item>
            <nz-form-label nzFor="request-chain" nzRequired>{{
              'workspace.requests.chain' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzValidateStatus]="errors()['chainId'] ? 'error' : ''"
              [nzErrorTip]="errors()['chainId'] ?? ''"
            >
              <nz-select
                nzId="request-chain"
                name="chainId"
                [nzPlaceHolder]="'workspace.requests.choose' | transloco"
                [nzLoading]="store.chains().status === 'loading'"
                [ngModel]="chainId()"
                (ngModelChange)="chainId.set($event)"
                data-testid="request-chain"
              >
                @for (chain of store.chainList(); track chain.id) {
                  <nz-option [nzValue]="chain.id" [nzLabel]="chainName(chain.id)" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="request-category" nzRequired>{{
              'workspace.requests.category' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzValidateStatus]="errors()['category'] ? 'error' : ''"
              [nzErrorTip]="errors()['category'] ?? ''"
            >
              <nz-select
                nzId="request-category"
                name="category"
                [nzPlaceHolder]="'workspace.requests.choose' | transloco"
                [ngModel]="category()"
                (ngModelChange)="category.set($event)"
                data-testid="request-category"
              >
                @for (value of categories; track value) {
                  <nz-option [nzValue]="value" [nzLabel]="categoryLabel(value)" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="request-title" nzRequired>{{
              'workspace.requests.titleLabel' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzValidateStatus]="errors()['title'] ? 'error' : ''"
              [nzErrorTip]="errors()['title'] ?? ''"
            >
              <input
                nz-input
                id="request-title"
                name="title"
                maxlength="200"
                [ngModel]="title()"
                (ngModelChange)="title.set($event)"
                data-testid="request-title"
              />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="request-body" nzRequired>{{
              'workspace.requests.body' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzValidateStatus]="errors()['body'] ? 'error' : ''"
              [nzErrorTip]="errors()['body'] ?? ''"
            >
              <textarea
                nz-input
                id="request-body"
                name="body"
                rows="4"
                [placeholder]="'workspace.requests.bodyHint' | transloco"
                [ngModel]="body()"
                (ngModelChange)="body.set($event)"
                data-testid="request-body"
              ></textarea>
            </nz-form-control>
          </nz-form-item>
          <button
            nz-button
            nzType="primary"
            type="submit"
            [nzLoading]="busy()"
            data-testid="request-submit"
          >
            {{ 'workspace.requests.submit' | transloco }}
          </button>
        </form>
      </nz-card>

      <nz-card [nzTitle]="'workspace.requests.mine' | transloco" data-testid="workspace-requests">
        @if (failed()) {
          <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
            <div nz-result-extra>
              <button nz-button (click)="load(pageIndex())">{{ 'state.retry' | transloco }}</button>
            </div>
          </nz-result>
        } @else {
          <nz-table
            #table
            nzSize="small"
            [nzData]="page()?.items ?? []"
            [nzLoading]="loading()"
            [nzFrontPagination]="false"
            [nzTotal]="page()?.total ?? 0"
            [nzPageIndex]="pageIndex()"
            [nzPageSize]="10"
            [nzHideOnSinglePage]="true"
            [nzNoResult]="'workspace.requests.empty' | transloco"
            [nzScroll]="{ x: '560px' }"
            (nzPageIndexChange)="load($event)"
          >
            <thead>
              <tr>
                <th>{{ 'workspace.requests.titleLabel' | transloco }}</th>
                <th nzWidth="90px">{{ 'workspace.requests.status' | transloco }}</th>
                <th nzWidth="110px">{{ 'workspace.requests.department' | transloco }}</th>
                <th nzWidth="100px">{{ 'workspace.requests.respondBy' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (request of table.data; track request.id) {
                <tr data-testid="request-row">
                  <td>
                    <div>
                      <nz-tag>{{ categoryLabel(request.category) }}</nz-tag>
                      <strong>{{ request.title }}</strong>
                    </div>
                    <div class="muted">
                      {{ chainName(request.chainId) }} ·
                      {{ request.createdAt | date: 'yyyy-MM-dd' : '+0800' }}
                    </div>
                    @if (request.answer) {
                      <div class="answer" data-testid="request-answer">
                        <span class="muted">{{ 'workspace.requests.answerLabel' | transloco }}</span
                        >{{ request.answer }}
                      </div>
                    }
                  </td>
                  <td>
                    <nz-tag [nzColor]="statusColour(request.status)" data-testid="request-status">{{
                      statusLabel(request.status)
                    }}</nz-tag>
                  </td>
                  <td>{{ request.department ?? '—' }}</td>
                  <td [class.late]="late(request)">{{ request.respondBy }}</td>
                </tr>
              }
            </tbody>
          </nz-table>
        }
      </nz-card>
    </div>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 16px;
    }
    @media (min-width: 1280px) {
      .grid {
        grid-template-columns: minmax(320px, 2fr) minmax(0, 3fr);
      }
    }
    .alert {
      margin-bottom: 12px;
    }
    .muted {
      color: var(--lz-text-secondary);
    }
    .answer {
      margin-top: 4px;
      white-space: pre-wrap;
    }
    .late {
      color: #cf1322;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RequestsComponent implements OnInit {
  private readonly client = inject(WorkspaceClient);
  private readonly message = inject(NzMessageService);
  private readonly transloco = inject(TranslocoService);
  private readonly languages = inject(LanguageService);
  protected readonly store = inject(WorkspaceStore);

  protected readonly categories = REQUEST_CATEGORY_VALUES;
  protected readonly chainId = signal<string | null>(null);
  protected readonly category = signal<RequestCategory | null>(null);
  protected readonly title = signal('');
  protected readonly body = signal('');
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  private readonly issues = signal<ZodError['issues']>([]);
  private readonly server = signal<FieldErrors>({});
  protected readonly errors = computed<FieldErrors>(() => ({
    ...schemaFieldErrors(this.issues(), this.languages.language()),
    ...this.server(),
  }));

  protected readonly page = signal<Page<CoordinationRequestDto> | null>(null);
  protected readonly pageIndex = signal(1);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);

  ngOnInit(): void {
    void this.store.load();
    void this.load(1);
  }

  async load(index: number): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    try {
      this.page.set(await this.client.requests(index));
      this.pageIndex.set(index);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  protected chainName(chainId: string): string {
    return this.store.chainName(chainId);
  }

  protected categoryLabel(category: RequestCategory): string {
    return REQUEST_CATEGORY_LABELS[category][this.languages.language()];
  }

  protected statusLabel(status: RequestStatus): string {
    return REQUEST_STATUS_LABELS[status][this.languages.language()];
  }

  protected statusColour(status: RequestStatus): string {
    return REQUEST_STATUS_COLOURS[status];
  }

  /** Past its respond-by date without an answer (dates compared as Asia/Shanghai days). */
  protected late(request: CoordinationRequestDto): boolean {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    return (
      (request.status === 'open' || request.status === 'assigned') && request.respondBy < today
    );
  }

  async submit(): Promise<void> {
    this.server.set({});
    this.formError.set(null);
    const parsed = createRequestSchema.safeParse({
      chainId: this.chainId() ?? undefined,
      category: this.category() ?? undefined,
      title: this.title(),
      body: this.body(),
    });
    this.issues.set(parsed.success ? [] : parsed.error.issues);
    if (!parsed.success) return;
    this.busy.set(true);
    try {
      await this.client.raise(parsed.data);
      this.message.success(this.transloco.translate('workspace.requests.raised'));
      this.title.set('');
      this.body.set('');
      this.category.set(null);
      await this.load(1);
    } catch (error) {
      const body = apiError(error);
      const fields = apiFieldErrors(body?.details);
      this.server.set(fields);
      const elsewhere = Object.entries(fields).filter(([path]) => !FIELDS.includes(path));
      if (Object.keys(fields).length === 0 || elsewhere.length > 0)
        this.formError.set(
          elsewhere[0]?.[1] ??
            body?.message ??
            this.transloco.translate('workspace.requests.failed'),
        );
    } finally {
      this.busy.set(false);
    }
  }
}
