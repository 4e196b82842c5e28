import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { DOCUMENT } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { reviewReportSchema, type ProgressReportDto } from '@lianzhang/contracts';
import { REPORT_SUBJECT_LABELS, type ReportSubjectType } from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import { apiError, schemaFieldErrors, apiFieldErrors } from '../../forms/field-errors';
import { labelOf } from '../chain-labels';
import { ChainStore } from '../chain.store';
import { ChainsClient, type AttachmentDto } from '../chains.client';

interface Attachments {
  readonly status: 'loading' | 'error' | 'ready';
  readonly items: readonly AttachmentDto[];
}

/**
 * 审核: progress reports of the chain waiting for review, with what they say and the
 * files behind them; the chain office accepts one or returns it with a reason.
 */
@Component({
  selector: 'lz-review-queue',
  imports: [
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzProgressModule,
    NzResultModule,
    NzSpinModule,
    NzTagModule,
    TranslocoPipe,
  ],
  template: `
    <nz-card [nzTitle]="'chains.review.title' | transloco" data-testid="review-queue">
      @if (loading()) {
        <div class="state"><nz-spin [nzTip]="'state.loading' | transloco" /></div>
      } @else if (failed()) {
        <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
          <div nz-result-extra>
            <button nz-button (click)="load()">{{ 'state.retry' | transloco }}</button>
          </div>
        </nz-result>
      } @else if (reports().length === 0) {
        <nz-empty
          [nzNotFoundContent]="'chains.review.empty' | transloco"
          data-testid="review-empty"
        />
      } @else {
        <ul class="queue">
          @for (report of reports(); track report.id) {
            <li class="row" data-testid="review-row" [attr.data-report]="report.id">
              <header class="head">
                <nz-tag nzColor="geekblue">{{ subjectLabel(report.subjectType) }}</nz-tag>
                @if (report.subjectType === 'task') {
                  <a [routerLink]="['/tasks', report.subjectId]" class="subject">{{
                    subjectName(report)
                  }}</a>
                } @else {
                  <span class="subject">{{ subjectName(report) }}</span>
                }
                <span class="muted"
                  >{{ report.organisationName }} · {{ report.createdAt.slice(0, 10) }}</span
                >
              </header>
              <div class="percent">
                <span>{{ 'chains.reports.percent' | transloco }}</span>
                <nz-progress [nzPercent]="report.percent" nzSize="small" />
              </div>
              <dl>
                <dt>{{ 'chains.reports.narrative' | transloco }}</dt>
                <dd class="pre" data-testid="review-narrative">{{ report.narrative }}</dd>
                @if (report.problems) {
                  <dt>{{ 'chains.reports.problems' | transloco }}</dt>
                  <dd class="pre">{{ report.problems }}</dd>
                }
                @if (report.needs) {
                  <dt>{{ 'chains.reports.needs' | transloco }}</dt>
                  <dd class="pre">{{ report.needs }}</dd>
                }
                <dt>{{ 'chains.reports.attachments' | transloco }}</dt>
                <dd>
                  @let files = attachments()[report.id];
                  @if (!files || files.status === 'loading') {
                    <nz-spin nzSimple nzSize="small" />
                  } @else if (files.status === 'error') {
                    <span class="muted">{{ 'state.error' | transloco }}</span>
                  } @else {
                    @for (file of files.items; track file.id) {
                      <button
                        nz-button
                        nzType="link"
                        nzSize="small"
                        type="button"
                        (click)="download(file)"
                        data-testid="review-attachment"
                      >
                        <nz-icon nzType="paper-clip" /> <span>{{ file.fileName }}</span>
                        <span class="muted">({{ size(file.size) }})</span>
                      </button>
                    } @empty {
                      <span class="muted">{{ 'chains.reports.noAttachments' | transloco }}</span>
                    }
                  }
                </dd>
              </dl>
              @if (returning() === report.id) {
                <form
                  nz-form
                  nzLayout="vertical"
                  class="reason"
                  (ngSubmit)="confirmReturn(report)"
                  data-testid="review-return-form"
                >
                  <nz-form-item>
                    <nz-form-label [nzFor]="'return-reason-' + report.id" nzRequired>{{
                      'chains.review.reason' | transloco
                    }}</nz-form-label>
                    <nz-form-control
                      [nzValidateStatus]="reasonError() ? 'error' : ''"
                      [nzErrorTip]="reasonError() ?? ''"
                      data-testid="review-reason-control"
                    >
                      <textarea
                        nz-input
                        rows="3"
                        [id]="'return-reason-' + report.id"
                        name="reason"
                        [(ngModel)]="reason"
                        data-testid="review-reason"
                      ></textarea>
                    </nz-form-control>
                  </nz-form-item>
                  <div class="actions">
                    <button nz-button type="button" (click)="returning.set(null)">
                      {{ 'chains.form.cancel' | transloco }}
                    </button>
                    <button
                      nz-button
                      nzType="primary"
                      nzDanger
                      type="submit"
                      [nzLoading]="busy() === report.id"
                      data-testid="review-return-confirm"
                    >
                      {{ 'chains.review.confirmReturn' | transloco }}
                    </button>
                  </div>
                </form>
              } @else if (store.canReview()) {
                <div class="actions">
                  <button
                    nz-button
                    type="button"
                    (click)="startReturn(report)"
                    [disabled]="busy() !== null"
                    data-testid="review-return"
                  >
                    {{ 'chains.review.return' | transloco }}
                  </button>
                  <button
                    nz-button
                    nzType="primary"
                    type="button"
                    (click)="accept(report)"
                    [nzLoading]="busy() === report.id"
                    [disabled]="busy() !== null && busy() !== report.id"
                    data-testid="review-accept"
                  >
                    {{ 'chains.review.accept' | transloco }}
                  </button>
                </div>
              }
            </li>
          }
        </ul>
      }
    </nz-card>
  `,
  styles: `
    .state {
      padding: 48px;
      text-align: center;
    }
    .queue {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .row {
      border: 1px solid #f0f0f0;
      border-radius: 6px;
      padding: 12px 16px;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .subject {
      font-weight: 500;
    }
    .muted {
      color: var(--lz-text-secondary);
      font-size: 12px;
    }
    .percent {
      display: flex;
      align-items: center;
      gap: 8px;
      max-width: 360px;
      margin: 8px 0;
    }
    .percent nz-progress {
      flex: 1;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 0 0 8px;
    }
    dt {
      color: rgba(0, 0, 0, 0.65);
    }
    dd {
      margin: 0;
    }
    .pre {
      white-space: pre-wrap;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewQueueComponent implements OnInit {
  protected readonly store = inject(ChainStore);
  private readonly client = inject(ChainsClient);
  private readonly languages = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly message = inject(NzMessageService);
  private readonly document = inject(DOCUMENT);

  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly reports = signal<readonly ProgressReportDto[]>([]);
  protected readonly attachments = signal<Readonly<Record<string, Attachments>>>({});
  private readonly subjects = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly returning = signal<string | null>(null);
  protected readonly busy = signal<string | null>(null);
  protected readonly reasonError = signal<string | null>(null);
  protected reason = '';

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
        this.client.reports({ chainId: id, status: 'submitted', pageSize: 100, sort: 'createdAt' }),
      );
      this.reports.set(page.items);
      void this.loadSubjects(id, page.items);
      this.attachments.set({});
      for (const report of page.items) void this.loadAttachments(report.id);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  /** Names of what the reports are about; the queue works without them. */
  private async loadSubjects(
    chainId: string,
    reports: readonly ProgressReportDto[],
  ): Promise<void> {
    const types = new Set(reports.map((r) => r.subjectType));
    const names = new Map<string, string>();
    const jobs: Promise<void>[] = [];
    if (types.has('task'))
      jobs.push(
        firstValueFrom(this.client.tasks({ chainId, pageSize: 100 }))
          .then((page) => page.items.forEach((t) => names.set(t.id, t.title)))
          .catch(() => undefined),
      );
    if (types.has('short_board'))
      jobs.push(
        firstValueFrom(this.client.shortBoards(chainId))
          .then((boards) => boards.forEach((b) => names.set(b.id, b.title)))
          .catch(() => undefined),
      );
    if (types.has('project'))
      jobs.push(
        firstValueFrom(this.client.projects(chainId))
          .then((projects) => projects.forEach((p) => names.set(p.id, p.name)))
          .catch(() => undefined),
      );
    await Promise.all(jobs);
    this.subjects.set(names);
  }

  private async loadAttachments(reportId: string): Promise<void> {
    this.attachments.update((all) => ({ ...all, [reportId]: { status: 'loading', items: [] } }));
    try {
      const items = await firstValueFrom(this.client.reportAttachments(reportId));
      this.attachments.update((all) => ({ ...all, [reportId]: { status: 'ready', items } }));
    } catch {
      this.attachments.update((all) => ({ ...all, [reportId]: { status: 'error', items: [] } }));
    }
  }

  protected async accept(report: ProgressReportDto): Promise<void> {
    await this.send(report, { decision: 'accept', version: report.version });
  }

  protected startReturn(report: ProgressReportDto): void {
    this.reason = '';
    this.reasonError.set(null);
    this.returning.set(report.id);
  }

  /** A return needs a reason: the shared schema says so before anything is sent. */
  protected async confirmReturn(report: ProgressReportDto): Promise<void> {
    const parsed = reviewReportSchema.safeParse({
      decision: 'return',
      version: report.version,
      reason: this.reason,
    });
    if (!parsed.success) {
      const errors = schemaFieldErrors(parsed.error.issues, this.languages.language());
      this.reasonError.set(errors['reason'] ?? Object.values(errors)[0] ?? null);
      return;
    }
    this.reasonError.set(null);
    await this.send(report, parsed.data);
  }

  private async send(
    report: ProgressReportDto,
    body: { decision: 'accept' | 'return'; version: number; reason?: string },
  ): Promise<void> {
    this.busy.set(report.id);
    try {
      await firstValueFrom(this.client.review(report.id, body));
      this.message.success(
        this.transloco.translate(
          body.decision === 'accept' ? 'chains.review.accepted' : 'chains.review.returned',
        ),
      );
      this.returning.set(null);
      this.reports.update((reports) => reports.filter((r) => r.id !== report.id));
    } catch (error) {
      const problem = apiError(error);
      const reason = apiFieldErrors(problem?.details)['reason'];
      if (reason && this.returning() === report.id) {
        this.reasonError.set(reason);
      } else {
        this.message.error(problem?.message ?? this.transloco.translate('state.error'));
        // Stale (409) or gone: the queue as it is now.
        if (problem?.code === 'CONFLICT' || problem?.code === 'NOT_FOUND') await this.load();
      }
    } finally {
      this.busy.set(null);
    }
  }

  protected async download(file: AttachmentDto): Promise<void> {
    try {
      const blob = await firstValueFrom(this.client.download(file.id));
      const url = URL.createObjectURL(blob);
      const link = this.document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.message.error(apiError(error)?.message ?? this.transloco.translate('state.error'));
    }
  }

  protected subjectLabel(type: ReportSubjectType): string {
    return labelOf(REPORT_SUBJECT_LABELS, type, this.languages.language());
  }

  protected subjectName(report: ProgressReportDto): string {
    return this.subjects().get(report.subjectId) ?? this.subjectLabel(report.subjectType);
  }

  protected size(bytes: number): string {
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  }
}
