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
  DownloadOutline,
  FileExcelOutline,
  ReloadOutline,
  WarningFill,
} from '@ant-design/icons-angular/icons';
import type { PeriodicReportDto } from '@lianzhang/contracts';
import {
  PERIODIC_REPORT_STATUS_LABELS,
  PERIODIC_REPORT_STATUSES,
  periodContaining,
  periodLabel,
  REPORT_PERIOD_KIND_LABELS,
  REPORT_PERIOD_KINDS,
  REPORT_TRIGGER_LABELS,
  type PeriodicReportStatus,
  type ReportPeriodKind,
  type ReportScope,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { apiError } from '../forms/field-errors';
import { LanguageService } from '../i18n/language.service';
import { fileSize, saveBlob } from '../tasks/task.client';
import { ReportFormComponent } from './report-form.component';
import { REPORTS_PAGE_SIZE, ReportsStore } from './reports.store';

const STATUS_COLOURS: Readonly<Record<PeriodicReportStatus, string>> = {
  pending: 'default',
  generating: 'processing',
  ready: 'success',
  failed: 'error',
};

/**
 * 定期报告: the weekly and monthly Excel reports the caller may see (the api scopes
 * them), newest first, each downloadable once ready; a form to generate one now.
 * While a report is queued or being made, the list looks again on a timer of its own.
 */
@Component({
  selector: 'lz-reports',
  imports: [
    DatePipe,
    FormsModule,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzResultModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    NzTooltipModule,
    ReportFormComponent,
    TranslocoPipe,
  ],
  providers: [
    ReportsStore,
    provideNzIconsPatch([DownloadOutline, FileExcelOutline, ReloadOutline, WarningFill]),
  ],
  template: `
    <div class="page" data-testid="reports">
      <div class="page-head">
        <h2>{{ 'reports.title' | transloco }}</h2>
        <span class="spacer"></span>
        <button nz-button (click)="store.load()" data-testid="reports-refresh">
          <nz-icon nzType="reload" /><span>{{ 'reports.refresh' | transloco }}</span>
        </button>
        @if (canRequest()) {
          <button
            nz-button
            nzType="primary"
            (click)="formOpen.set(!formOpen())"
            [attr.aria-expanded]="formOpen()"
            data-testid="report-generate"
          >
            <nz-icon nzType="file-excel" /><span>{{ 'reports.generate' | transloco }}</span>
          </button>
        }
      </div>
      <p class="intro">{{ 'reports.intro' | transloco }}</p>

      @if (formOpen()) {
        <nz-card [nzTitle]="'reports.form.title' | transloco" class="form-card">
          <lz-report-form (submitted)="requested($event)" (cancelled)="formOpen.set(false)" />
        </nz-card>
      }

      <nz-card>
        <form class="filters" data-testid="report-filters">
          <div class="filter">
            <label for="report-filter-scope">{{ 'reports.filters.scope' | transloco }}</label>
            <nz-select
              nzId="report-filter-scope"
              name="scope"
              nzAllowClear
              [nzPlaceHolder]="'reports.filters.all' | transloco"
              [ngModel]="store.filters().scope ?? null"
              (ngModelChange)="filter({ scope: $event ?? undefined })"
            >
              <nz-option nzValue="province" [nzLabel]="'reports.province' | transloco" />
              <nz-option nzValue="chain" [nzLabel]="'reports.chainScope' | transloco" />
            </nz-select>
          </div>
          <div class="filter">
            <label for="report-filter-kind">{{ 'reports.filters.kind' | transloco }}</label>
            <nz-select
              nzId="report-filter-kind"
              name="kind"
              nzAllowClear
              [nzPlaceHolder]="'reports.filters.all' | transloco"
              [ngModel]="store.filters().kind ?? null"
              (ngModelChange)="filter({ kind: $event ?? undefined })"
            >
              @for (kind of kinds; track kind) {
                <nz-option [nzValue]="kind" [nzLabel]="kindLabel(kind)" />
              }
            </nz-select>
          </div>
          <div class="filter">
            <label for="report-filter-status">{{ 'reports.filters.status' | transloco }}</label>
            <nz-select
              nzId="report-filter-status"
              name="status"
              nzAllowClear
              [nzPlaceHolder]="'reports.filters.all' | transloco"
              [ngModel]="store.filters().status ?? null"
              (ngModelChange)="filter({ status: $event ?? undefined })"
            >
              @for (status of statuses; track status) {
                <nz-option [nzValue]="status" [nzLabel]="statusLabel(status)" />
              }
            </nz-select>
          </div>
        </form>

        @if (store.list().status === 'error') {
          <nz-result
            nzStatus="warning"
            [nzTitle]="'state.error' | transloco"
            data-testid="reports-error"
          >
            <div nz-result-extra>
              <button nz-button nzType="primary" (click)="store.load()">
                {{ 'state.retry' | transloco }}
              </button>
            </div>
          </nz-result>
        } @else {
          <nz-table
            #table
            [nzData]="store.items()"
            [nzLoading]="store.list().status === 'loading'"
            [nzFrontPagination]="false"
            [nzTotal]="store.total()"
            [nzPageIndex]="store.page()"
            [nzPageSize]="pageSize"
            (nzPageIndexChange)="store.load($event)"
            [nzNoResult]="'reports.empty' | transloco"
            [nzScroll]="{ x: '1070px' }"
            nzSize="middle"
            data-testid="report-table"
          >
            <thead>
              <tr>
                <th nzWidth="150px">{{ 'reports.columns.subject' | transloco }}</th>
                <th nzWidth="70px">{{ 'reports.columns.kind' | transloco }}</th>
                <th nzWidth="250px">{{ 'reports.columns.period' | transloco }}</th>
                <th nzWidth="160px">{{ 'reports.columns.trigger' | transloco }}</th>
                <th nzWidth="130px">{{ 'reports.columns.status' | transloco }}</th>
                <th nzWidth="140px">{{ 'reports.columns.generatedAt' | transloco }}</th>
                <th nzWidth="70px">{{ 'reports.columns.size' | transloco }}</th>
                <th nzRight nzWidth="100px">{{ 'reports.columns.actions' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (report of table.data; track report.id) {
                <tr
                  data-testid="report-row"
                  [attr.data-id]="report.id"
                  [attr.data-status]="report.status"
                  [attr.data-scope]="report.scope"
                >
                  <td>{{ subject(report) }}</td>
                  <td>{{ kindLabel(report.kind) }}</td>
                  <td class="nowrap">{{ period(report) }}</td>
                  <td>
                    {{ triggerLabel(report) }}
                    @if (report.requestedBy; as who) {
                      <span class="muted">· {{ who.name }}</span>
                    }
                  </td>
                  <td>
                    <nz-tag
                      [nzColor]="statusColour(report.status)"
                      [nz-tooltip]="report.lastError ?? ''"
                      data-testid="report-status"
                      >{{ statusLabel(report.status) }}</nz-tag
                    >
                    @if (
                      report.status === 'failed' ||
                      (report.status === 'pending' && report.attempts > 0)
                    ) {
                      <span class="muted">{{
                        'reports.attempts' | transloco: { n: report.attempts }
                      }}</span>
                    }
                  </td>
                  <td class="nowrap">
                    {{
                      report.generatedAt
                        ? (report.generatedAt | date: 'yyyy-MM-dd HH:mm' : '+0800')
                        : '—'
                    }}
                  </td>
                  <td>{{ report.sizeBytes === null ? '—' : size(report.sizeBytes) }}</td>
                  <td nzRight>
                    <button
                      nz-button
                      nzSize="small"
                      [disabled]="report.status !== 'ready'"
                      [nzLoading]="store.downloading() === report.id"
                      (click)="download(report)"
                      [attr.aria-label]="
                        ('reports.download' | transloco) + ' ' + (report.fileName ?? '')
                      "
                      data-testid="report-download"
                    >
                      <nz-icon nzType="download" /><span>{{ 'reports.download' | transloco }}</span>
                    </button>
                  </td>
                </tr>
              }
            </tbody>
          </nz-table>
          @if (store.working()) {
            <p class="muted" role="status" data-testid="reports-working">
              {{ 'reports.working' | transloco }}
            </p>
          }
        }
      </nz-card>
    </div>
  `,
  styles: `
    .page-head {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    .page-head h2 {
      margin: 0;
    }
    .spacer {
      flex: 1;
    }
    .intro {
      color: rgba(0, 0, 0, 0.65);
      margin: 8px 0 16px;
    }
    .form-card {
      margin-bottom: 16px;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 12px 16px;
      margin-bottom: 16px;
    }
    .filter {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 160px;
    }
    .nowrap {
      white-space: nowrap;
    }
    .muted {
      color: rgba(0, 0, 0, 0.6);
      margin-left: 4px;
    }
    nz-icon {
      margin-right: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsComponent implements OnInit {
  protected readonly store = inject(ReportsStore);
  private readonly transloco = inject(TranslocoService);
  private readonly languages = inject(LanguageService);
  private readonly message = inject(NzMessageService);

  protected readonly pageSize = REPORTS_PAGE_SIZE;
  protected readonly kinds = REPORT_PERIOD_KINDS;
  protected readonly statuses = PERIODIC_REPORT_STATUSES;
  protected readonly formOpen = signal(false);
  protected readonly canRequest = computed(() => {
    const options = this.store.options();
    return (
      options.status === 'ready' && (options.value.province || options.value.chains.length > 0)
    );
  });

  ngOnInit(): void {
    void this.store.load(1);
    void this.store.loadOptions();
  }

  protected filter(change: Partial<Record<'scope' | 'kind' | 'status', string | undefined>>): void {
    void this.store.setFilters({
      ...this.store.filters(),
      ...(change as {
        scope?: ReportScope;
        kind?: ReportPeriodKind;
        status?: PeriodicReportStatus;
      }),
    });
  }

  protected subject(report: PeriodicReportDto): string {
    if (report.scope === 'province') return this.transloco.translate('reports.province');
    return (this.languages.language() === 'en' ? report.chainNameEn : report.chainNameZh) ?? '';
  }

  protected kindLabel(kind: ReportPeriodKind): string {
    return REPORT_PERIOD_KIND_LABELS[kind][this.languages.language()];
  }

  protected statusLabel(status: PeriodicReportStatus): string {
    return PERIODIC_REPORT_STATUS_LABELS[status][this.languages.language()];
  }

  protected statusColour(status: PeriodicReportStatus): string {
    return STATUS_COLOURS[status];
  }

  protected triggerLabel(report: PeriodicReportDto): string {
    return REPORT_TRIGGER_LABELS[report.trigger][this.languages.language()];
  }

  protected period(report: PeriodicReportDto): string {
    return periodLabel(
      periodContaining(report.kind, report.periodStart),
      this.languages.language(),
    );
  }

  protected size(bytes: number): string {
    return fileSize(bytes);
  }

  protected requested(report: PeriodicReportDto): void {
    this.formOpen.set(false);
    this.message.success(
      this.transloco.translate('reports.requested', { period: this.period(report) }),
    );
  }

  protected async download(report: PeriodicReportDto): Promise<void> {
    try {
      saveBlob(await this.store.download(report), report.fileName ?? 'report.xlsx');
    } catch (error) {
      this.message.error(
        apiError(error)?.message || this.transloco.translate('reports.downloadFailed'),
      );
    }
  }
}
