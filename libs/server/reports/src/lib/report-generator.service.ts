import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  duePeriods,
  PERIODIC_REPORT_STATUS_LABELS,
  periodContaining,
  periodicReportFileName,
  periodLabel,
  REPORT_PERIOD_KIND_LABELS,
  reportSubject,
  type IsoDate,
} from '@lianzhang/domain';
import { AuditService, inTransaction } from '@lianzhang/server/core';
import { NotificationsService } from '@lianzhang/server/notifications';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { PeriodicReportsRepository, type ReportRow } from './periodic-reports.repository';
import { ReportJobs } from './report-jobs';
import { readReportData, renderReportWorkbook } from './report-workbook';

/** Claims per report before it is `failed`; each failure is kept as `last_error`. */
export const REPORT_MAX_ATTEMPTS = 3;
/** How long a worker holds a claim; a worker that died lets go of it after this. */
export const REPORT_LEASE_SECONDS = 300;

export type GenerateOutcome = 'ready' | 'failed' | 'stale';

/** Thrown to make BullMQ try again after its backoff; the row already says `pending`. */
export class RetryReportError extends Error {
  override name = 'RetryReportError';
}

/**
 * The worker's side of the periodic reports. {@link schedule} writes the rows of the
 * periods that ended (once, however many workers run it) and enqueues every row that
 * needs a job; {@link generate} claims one row with a conditional update, builds its
 * workbook in one repeatable-read snapshot and stores the file and `ready` in one
 * transaction, or records the failure for a retry.
 */
@Injectable()
export class ReportGeneratorService {
  private readonly logger = new Logger(ReportGeneratorService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: PeriodicReportsRepository,
    private readonly jobs: ReportJobs,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Runs hourly-ish (a job scheduler: once per interval across all workers) and at
   * worker start. `today` is the database's Shanghai date unless a test says otherwise.
   */
  async schedule(today?: IsoDate): Promise<{ created: number; enqueued: number; failed: number }> {
    const day = today ?? (await this.today());
    const created = await inTransaction(this.dataSource, async (manager) => {
      let ids: string[] = [];
      for (const period of duePeriods(day)) {
        ids = ids.concat(await this.reports.insertScheduled(manager, period));
      }
      if (ids.length > 0) {
        await this.audit.record(
          {
            action: 'periodic_report.schedule',
            subjectType: 'periodic_report',
            after: { today: day, periods: duePeriods(day), created: ids.length },
          },
          manager,
        );
      }
      return ids;
    });
    const abandoned = await this.reports.failAbandoned(
      REPORT_MAX_ATTEMPTS,
      '生成过程中工作进程中断，重试次数已用完 / the worker stopped during the last attempt',
    );
    for (const row of abandoned) await this.announce(row, 'failed');
    // Every row that needs a job: the new ones, and any whose job was lost (a flushed
    // Redis, a crash between commit and enqueue, a worker killed mid-generation).
    const pending = await this.reports.needingJobs();
    await this.jobs.enqueue(pending);
    if (created.length > 0) this.logger.log(`scheduled ${created.length} periodic report(s)`);
    return { created: created.length, enqueued: pending.length, failed: abandoned.length };
  }

  /** Generates one report. A duplicate or stale job finds nothing to claim and does nothing. */
  async generate(reportId: string): Promise<GenerateOutcome> {
    const claim = await this.reports.claim(reportId, REPORT_LEASE_SECONDS, REPORT_MAX_ATTEMPTS);
    if (!claim) return 'stale';
    const started = Date.now();
    try {
      const data = await readReportData(this.dataSource, {
        scope: claim.scope,
        chainId: claim.chainId,
        kind: claim.kind,
        periodStart: claim.periodStart,
      });
      const content = await renderReportWorkbook(data);
      const fileName = periodicReportFileName(
        reportSubject(data.subjectNameZh, claim.scope),
        data.period,
      );
      const stored = await inTransaction(this.dataSource, async (manager) => {
        const done = await this.reports.complete(manager, claim, {
          fileName,
          content,
          sha256: createHash('sha256').update(content).digest('hex'),
          durationMs: Date.now() - started,
        });
        if (!done) return false;
        await this.audit.record(
          {
            action: 'periodic_report.generate',
            subjectType: 'periodic_report',
            subjectId: claim.id,
            after: {
              status: 'ready',
              fileName,
              sizeBytes: content.length,
              attempt: claim.attempts,
            },
          },
          manager,
        );
        await this.announce(claim, 'ready', manager);
        return true;
      });
      return stored ? 'ready' : 'stale';
    } catch (error) {
      const message = (error as Error).message || String(error);
      const status = await inTransaction(this.dataSource, async (manager) => {
        const next = await this.reports.fail(claim, message, REPORT_MAX_ATTEMPTS, manager);
        if (next === 'failed') {
          await this.audit.record(
            {
              action: 'periodic_report.generate',
              subjectType: 'periodic_report',
              subjectId: claim.id,
              after: { status: 'failed', error: message.slice(0, 500), attempt: claim.attempts },
            },
            manager,
          );
          await this.announce(claim, 'failed', manager);
        }
        return next;
      });
      this.logger.warn(
        `periodic report ${claim.id} attempt ${claim.attempts} failed (${status ?? 'claim lost'}): ${message}`,
      );
      if (status === 'pending') throw new RetryReportError(message);
      return status === 'failed' ? 'failed' : 'stale';
    }
  }

  /** Tells whoever asked for a report that it is ready or has failed, in the app's inbox. */
  private async announce(
    row: ReportRow,
    outcome: 'ready' | 'failed',
    manager?: EntityManager,
  ): Promise<void> {
    if (row.trigger !== 'on_demand' || !row.requestedByUserId) return;
    const period = periodContaining(row.kind, row.periodStart);
    const what = (language: 'zh-CN' | 'en') =>
      `${REPORT_PERIOD_KIND_LABELS[row.kind][language]} · ${periodLabel(period, language)}`;
    const write = (tx: EntityManager) =>
      this.notifications.notify(tx, {
        eventId: row.id,
        userIds: [row.requestedByUserId as string],
        kind: `periodic_report.${outcome}`,
        level: 'reminder',
        title: {
          'zh-CN': `报告${PERIODIC_REPORT_STATUS_LABELS[outcome]['zh-CN']}：${what('zh-CN')}`,
          en: `Report ${outcome === 'ready' ? 'ready' : 'failed'}: ${what('en')}`,
        },
        body: {
          'zh-CN':
            outcome === 'ready'
              ? '您申请生成的报告已生成，可在“定期报告”中下载。'
              : '您申请生成的报告多次生成失败，请稍后重新生成或联系管理员。',
          en:
            outcome === 'ready'
              ? 'The report you asked for is ready to download under Reports.'
              : 'The report you asked for failed several times; try again later or ask an administrator.',
        },
        link: '/reports',
        subjectType: 'periodic_report',
        subjectId: row.id,
        chainId: null,
        channels: [],
      });
    if (manager) await write(manager);
    else await inTransaction(this.dataSource, write);
  }

  private async today(): Promise<IsoDate> {
    const [row] = (await this.dataSource.query(
      `SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS today`,
    )) as [{ today: IsoDate }];
    return row.today;
  }
}
