import { DatePipe } from '@angular/common';
import { RedoOutline, WarningFill } from '@ant-design/icons-angular/icons';
import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import type { DeliveryDto, Page } from '@lianzhang/contracts';
import {
  DELIVERY_CHANNEL_LABELS,
  DELIVERY_CHANNELS,
  type DeliveryChannel,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LanguageService } from '../../i18n/language.service';
import { apiError } from '../../forms/field-errors';
import { AdminClient } from '../admin.client';

const PAGE_SIZE = 20;

/**
 * 死信: deliveries that failed every attempt, with each attempt's answer, and a retry
 * that puts one back in the queue.
 */
@Component({
  selector: 'lz-dead-letters',
  imports: [
    DatePipe,
    NzButtonModule,
    NzIconModule,
    NzResultModule,
    NzTableModule,
    NzTagModule,
    TranslocoPipe,
  ],
  template: `
    @if (failed()) {
      <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
        <div nz-result-extra>
          <button nz-button (click)="load(pageIndex())">{{ 'state.retry' | transloco }}</button>
        </div>
      </nz-result>
    } @else {
      <nz-table
        #table
        [nzData]="page()?.items ?? []"
        [nzLoading]="loading()"
        [nzFrontPagination]="false"
        [nzTotal]="page()?.total ?? 0"
        [nzPageIndex]="pageIndex()"
        [nzPageSize]="pageSize"
        (nzPageIndexChange)="load($event)"
        [nzNoResult]="'admin.delivery.noDeadLetters' | transloco"
        [nzScroll]="{ x: '900px' }"
        data-testid="dead-letters"
      >
        <thead>
          <tr>
            <th nzWidth="48px"></th>
            <th>{{ 'admin.delivery.message' | transloco }}</th>
            <th>{{ 'admin.delivery.channel' | transloco }}</th>
            <th>{{ 'admin.delivery.target' | transloco }}</th>
            <th>{{ 'admin.delivery.attempts' | transloco }}</th>
            <th>{{ 'admin.delivery.lastError' | transloco }}</th>
            <th>{{ 'admin.delivery.createdAt' | transloco }}</th>
            <th nzRight>{{ 'admin.actions' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (delivery of table.data; track delivery.id) {
            <tr data-testid="dead-letter-row" [attr.data-id]="delivery.id">
              <td>
                <button
                  type="button"
                  class="expand"
                  [attr.aria-expanded]="expanded().has(delivery.id)"
                  [attr.aria-label]="'admin.delivery.attempts' | transloco"
                  (click)="toggle(delivery.id, !expanded().has(delivery.id))"
                  data-testid="dead-letter-expand"
                >
                  {{ expanded().has(delivery.id) ? '−' : '+' }}
                </button>
              </td>
              <td>{{ delivery.title }}</td>
              <td>{{ channelLabel(delivery.channel) }}</td>
              <td class="target">{{ delivery.target }}</td>
              <td>{{ delivery.attempts }}</td>
              <td class="error">{{ delivery.lastError ?? '' }}</td>
              <td>{{ delivery.createdAt | date: 'yyyy-MM-dd HH:mm' }}</td>
              <td nzRight>
                <button
                  nz-button
                  nzSize="small"
                  [nzLoading]="retrying() === delivery.id"
                  (click)="retry(delivery)"
                  data-testid="dead-letter-retry"
                >
                  <nz-icon nzType="redo" /><span>{{ 'admin.delivery.retry' | transloco }}</span>
                </button>
              </td>
            </tr>
            <tr [nzExpand]="expanded().has(delivery.id)">
              <ol class="log" data-testid="dead-letter-log">
                @for (attempt of delivery.log; track attempt.attempt) {
                  <li data-testid="dead-letter-attempt">
                    <span class="n">#{{ attempt.attempt }}</span>
                    <span>{{ attempt.at | date: 'yyyy-MM-dd HH:mm:ss' }}</span>
                    <nz-tag [nzColor]="attempt.ok ? 'green' : 'red'">{{
                      (attempt.ok ? 'admin.delivery.ok' : 'admin.delivery.failed') | transloco
                    }}</nz-tag>
                    <span
                      >{{ 'admin.delivery.statusCode' | transloco }}:
                      {{ attempt.statusCode ?? '—' }}</span
                    >
                    <span
                      >{{ 'admin.delivery.duration' | transloco }}:
                      {{ attempt.durationMs }} ms</span
                    >
                    @if (attempt.error) {
                      <span class="error">{{ attempt.error }}</span>
                    }
                  </li>
                } @empty {
                  <li>{{ 'admin.delivery.noAttempts' | transloco }}</li>
                }
              </ol>
            </tr>
          }
        </tbody>
      </nz-table>
    }
  `,
  styles: `
    .expand {
      width: 20px;
      height: 20px;
      line-height: 16px;
      padding: 0;
      border: 1px solid #d9d9d9;
      border-radius: 2px;
      background: #fff;
      cursor: pointer;
    }
    .target,
    .error {
      word-break: break-all;
    }
    .error {
      color: #cf1322;
      max-width: 320px;
    }
    .log {
      margin: 0;
      padding: 0;
      list-style: none;
      font-size: 12px;
    }
    .log li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 16px;
      padding: 4px 0;
    }
    .log .n {
      font-weight: 600;
    }
    .log .error {
      max-width: none;
    }
    nz-icon {
      margin-right: 4px;
    }
  `,
  providers: [provideNzIconsPatch([RedoOutline, WarningFill])],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeadLettersComponent implements OnInit {
  private readonly client = inject(AdminClient);
  private readonly message = inject(NzMessageService);
  private readonly transloco = inject(TranslocoService);
  private readonly languages = inject(LanguageService);

  protected readonly pageSize = PAGE_SIZE;
  protected readonly page = signal<Page<DeliveryDto> | null>(null);
  protected readonly pageIndex = signal(1);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly retrying = signal<string | null>(null);
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());

  ngOnInit(): void {
    void this.load(1);
  }

  async load(index: number): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    try {
      this.page.set(await this.client.deadLetters(index, PAGE_SIZE));
      this.pageIndex.set(index);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  protected toggle(id: string, open: boolean): void {
    this.expanded.update((ids) => {
      const next = new Set(ids);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  protected channelLabel(channel: string): string {
    return (DELIVERY_CHANNELS as readonly string[]).includes(channel)
      ? DELIVERY_CHANNEL_LABELS[channel as DeliveryChannel][this.languages.language()]
      : channel;
  }

  /** Back in the queue: the row leaves the dead letter (it is pending again). */
  async retry(delivery: DeliveryDto): Promise<void> {
    this.retrying.set(delivery.id);
    try {
      await this.client.retry(delivery.id);
      this.message.success(this.transloco.translate('admin.delivery.retried'));
      await this.load(
        (this.page()?.items.length ?? 0) <= 1 && this.pageIndex() > 1
          ? this.pageIndex() - 1
          : this.pageIndex(),
      );
    } catch (error) {
      this.message.error(apiError(error)?.message || this.transloco.translate('state.error'));
    } finally {
      this.retrying.set(null);
    }
  }
}
