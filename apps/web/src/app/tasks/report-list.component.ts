import { WarningFill } from '@ant-design/icons-angular/icons';
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
import { DatePipe } from '@angular/common';
import { reviewReportSchema, type ProgressReportDto } from '@lianzhang/contracts';
import { REPORT_STATUS_LABELS, type ReportStatus } from '@lianzhang/domain';
import { provideTranslocoScope, TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { SessionStore } from '../auth/session.store';
import { LanguageService } from '../i18n/language.service';
import { apiError, httpStatus, schemaFieldErrors } from '../forms/field-errors';
import { uploadRefusal } from './upload-refusal';
import { ReasonDialogComponent } from './reason-dialog.component';
import { REPORT_STATUS_COLOURS } from './task-labels';
import {
  ATTACHMENT_ACCEPT,
  fileSize,
  saveBlob,
  TaskClient,
  type AttachmentDto,
  type ReportSubject,
} from './task.client';

/**
 * The progress reports of one task, short board or project, newest first, with their
 * files; the chain side accepts a submitted report or returns it with a reason, and the
 * reporting organisation may add files to its own reports.
 */
@Component({
  selector: 'lz-report-list',
  imports: [
    DatePipe,
    NzAlertModule,
    NzButtonModule,
    NzEmptyModule,
    NzProgressModule,
    NzResultModule,
    NzSpinModule,
    NzTagModule,
    ReasonDialogComponent,
    TranslocoPipe,
  ],
  providers: [provideTranslocoScope('task'), provideNzIconsPatch([WarningFill])],
  template: `
    <div data-testid="report-list">
      @if (failed()) {
        <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
          <div nz-result-extra>
            <button nz-button (click)="load()">{{ 'state.retry' | transloco }}</button>
          </div>
        </nz-result>
      } @else if (loading() && reports().length === 0) {
        <nz-spin nzSimple [nzTip]="'state.loading' | transloco" />
      } @else if (reports().length === 0) {
        <nz-empty [nzNotFoundContent]="'task.reports.empty' | transloco" />
      } @else {
        <ul class="reports">
          @for (report of reports(); track report.id) {
            <li class="report" data-testid="report-row">
              <div class="head">
                <nz-progress
                  [nzPercent]="report.percent"
                  nzType="circle"
                  [nzWidth]="48"
                  data-testid="report-percent-value"
                />
                <div class="meta">
                  <div>
                    <strong>{{ report.organisationName }}</strong>
                    <nz-tag [nzColor]="statusColour(report.status)" data-testid="report-status">{{
                      statusLabel(report.status)
                    }}</nz-tag>
                  </div>
                  <div class="muted">
                    {{ report.createdAt | date: 'yyyy-MM-dd HH:mm' : '+0800' }}
                  </div>
                </div>
                @if (canReview() && report.status === 'submitted') {
                  <div class="review">
                    <button
                      nz-button
                      nzType="primary"
                      nzSize="small"
                      [nzLoading]="busy() === report.id"
                      (click)="accept(report)"
                      data-testid="review-accept"
                    >
                      {{ 'task.reports.accept' | transloco }}
                    </button>
                    <button
                      nz-button
                      nzSize="small"
                      (click)="startReturn(report)"
                      data-testid="review-return"
                    >
                      {{ 'task.reports.return' | transloco }}
                    </button>
                  </div>
                }
              </div>
              @if (report.status === 'returned' && report.reviewReason) {
                <nz-alert
                  nzType="warning"
                  [nzMessage]="('task.reports.returnedBecause' | transloco) + report.reviewReason"
                  class="block"
                  data-testid="report-return-reason"
                />
              }
              <dl>
                <dt>{{ 'task.report.narrative' | transloco }}</dt>
                <dd class="text">{{ report.narrative }}</dd>
                @if (report.problems) {
                  <dt>{{ 'task.report.problems' | transloco }}</dt>
                  <dd class="text">{{ report.problems }}</dd>
                }
                @if (report.needs) {
                  <dt>{{ 'task.report.needs' | transloco }}</dt>
                  <dd class="text">{{ report.needs }}</dd>
                }
              </dl>
              @let files = attachments()[report.id] ?? [];
              @if (files.length) {
                <div class="files">
                  <span class="muted">{{ 'task.reports.filesLabel' | transloco }}</span>
                  @for (file of files; track file.id) {
                    <button
                      nz-button
                      nzType="link"
                      nzSize="small"
                      (click)="download(file)"
                      data-testid="report-attachment"
                    >
                      {{ file.fileName }} ({{ size(file.size) }})
                    </button>
                  }
                </div>
              }
              @if (mine(report)) {
                <div class="add">
                  <label [for]="'report-add-' + report.id">{{
                    'task.reports.addFile' | transloco
                  }}</label>
                  <input
                    type="file"
                    [id]="'report-add-' + report.id"
                    [accept]="acceptTypes"
                    (change)="addFile(report, $event)"
                  />
                </div>
              }
            </li>
          }
        </ul>
      }
    </div>
    <lz-reason-dialog
      [open]="returning() !== null"
      [title]="'task.reports.returnTitle' | transloco"
      [label]="'task.reports.reason' | transloco"
      fieldId="review-reason"
      [busy]="busy() !== null"
      [error]="returnError()"
      (confirmed)="confirmReturn($event)"
      (cancelled)="returning.set(null)"
    />
  `,
  styles: `
    .reports {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .report {
      border-bottom: 1px solid #f0f0f0;
      padding: 12px 0;
    }
    .report:last-child {
      border-bottom: none;
    }
    .head {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
    }
    .meta {
      flex: 1;
      min-width: 160px;
    }
    .review {
      display: flex;
      gap: 8px;
    }
    .muted {
      color: var(--lz-text-secondary);
    }
    dl {
      margin: 8px 0 0;
    }
    dt {
      color: var(--lz-text-secondary);
      font-size: 12px;
    }
    dd {
      margin: 0 0 6px;
    }
    .text {
      white-space: pre-wrap;
    }
    .block {
      margin-top: 8px;
    }
    .add {
      margin-top: 6px;
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportListComponent {
  private readonly client = inject(TaskClient);
  private readonly session = inject(SessionStore);
  private readonly message = inject(NzMessageService);
  private readonly transloco = inject(TranslocoService);
  private readonly languages = inject(LanguageService);

  readonly subject = input.required<ReportSubject>();
  /** Whether the caller reviews this subject's reports (the chain side of its chain). */
  readonly canReview = input(false);
  /** A report was accepted (the subject's progress changes) or returned. */
  readonly reviewed = output<ProgressReportDto>();

  protected readonly acceptTypes = ATTACHMENT_ACCEPT;
  protected readonly reports = signal<readonly ProgressReportDto[]>([]);
  protected readonly attachments = signal<
    Readonly<Partial<Record<string, readonly AttachmentDto[]>>>
  >({});
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly busy = signal<string | null>(null);
  protected readonly returning = signal<ProgressReportDto | null>(null);
  protected readonly returnError = signal<string | null>(null);

  constructor() {
    effect(() => {
      this.subject();
      untracked(() => void this.load());
    });
  }

  async load(): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    try {
      const page = await this.client.reports(this.subject());
      this.reports.set(page.items);
      const lists = await Promise.all(
        page.items.map((report) =>
          this.client.attachments('reports', report.id).catch(() => [] as AttachmentDto[]),
        ),
      );
      this.attachments.set(Object.fromEntries(page.items.map((r, i) => [r.id, lists[i] ?? []])));
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  protected statusLabel(status: ReportStatus): string {
    return REPORT_STATUS_LABELS[status][this.languages.language()];
  }

  protected statusColour(status: ReportStatus): string {
    return REPORT_STATUS_COLOURS[status];
  }

  protected size(bytes: number): string {
    return fileSize(bytes);
  }

  protected mine(report: ProgressReportDto): boolean {
    const user = this.session.user();
    return (
      !!user && user.organisation.id === report.organisationId && this.session.can('report:create')
    );
  }

  protected async download(file: AttachmentDto): Promise<void> {
    try {
      saveBlob(await this.client.download(file.id), file.fileName);
    } catch (error) {
      this.message.error(
        apiError(error)?.message ?? this.transloco.translate('task.attachments.failed'),
      );
    }
  }

  protected async addFile(report: ProgressReportDto, event: Event): Promise<void> {
    const target = event.target as HTMLInputElement;
    const file = target.files?.[0];
    target.value = '';
    if (!file) return;
    try {
      await this.client.upload('reports', report.id, file);
      this.message.success(this.transloco.translate('task.attachments.uploaded'));
      await this.load();
    } catch (error) {
      this.message.error(
        `${file.name}: ${uploadRefusal(error, {
          tooLarge: this.transloco.translate('task.attachments.tooLarge'),
          failed: this.transloco.translate('task.attachments.failed'),
        })}`,
      );
    }
  }

  protected accept(report: ProgressReportDto): Promise<void> {
    return this.review(report, { decision: 'accept' });
  }

  protected startReturn(report: ProgressReportDto): void {
    this.returnError.set(null);
    this.returning.set(report);
  }

  protected async confirmReturn(reason: string): Promise<void> {
    const report = this.returning();
    if (report) await this.review(report, { decision: 'return', reason });
  }

  /** Checked with the contract (a return needs its reason), sent with the version read. */
  private async review(
    report: ProgressReportDto,
    decision: { decision: 'accept' } | { decision: 'return'; reason: string },
  ): Promise<void> {
    const parsed = reviewReportSchema.safeParse({
      ...decision,
      version: report.version,
      ...('reason' in decision && decision.reason.trim() ? { reason: decision.reason } : {}),
    });
    if (!parsed.success) {
      this.returnError.set(
        schemaFieldErrors(parsed.error.issues, this.languages.language())['reason'] ?? null,
      );
      return;
    }
    this.busy.set(report.id);
    try {
      const answer = await this.client.review(report.id, parsed.data);
      this.returning.set(null);
      this.reviewed.emit(answer);
      this.message.success(
        this.transloco.translate(
          decision.decision === 'accept' ? 'task.reports.accepted' : 'task.reports.returned',
        ),
      );
      await this.load();
    } catch (error) {
      const body = apiError(error);
      const reason = body?.details.find((d) => d.path === 'reason');
      if (reason && this.returning()) {
        this.returnError.set(reason.message);
        return;
      }
      this.returning.set(null);
      this.message.error(
        httpStatus(error) === 409
          ? (body?.details[0]?.message ?? body?.message ?? '')
          : (body?.message ?? this.transloco.translate('task.reports.failed')),
      );
      await this.load();
    } finally {
      this.busy.set(null);
    }
  }
}
