import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreatePeriodicReportRequest,
  Page,
  PeriodicReportDto,
  PeriodicReportListQuery,
  PeriodicReportOptionsDto,
} from '@lianzhang/contracts';
import {
  periodContaining,
  periodicReportAsciiFileName,
  PERIODIC_REPORT_MESSAGES,
  periodStarted,
  previousPeriod,
  seesWholeProvince,
  type IsoDate,
} from '@lianzhang/domain';
import { ChainScopeService, includes, type ChainScope } from '@lianzhang/server/chains';
import {
  afterCommit,
  AuditService,
  DomainError,
  fieldError,
  inTransaction,
  NotFoundError,
  ValidationFailedError,
  type AuthenticatedUser,
} from '@lianzhang/server/core';
import type { DataSource } from 'typeorm';
import { PeriodicReportsRepository } from './periodic-reports.repository';
import { ReportJobs } from './report-jobs';

/** Roles that see and ask for the province's report, and every chain's. */

/**
 * Reports one user may have waiting at once: enough for any office's morning, few enough
 * that nobody fills the queue by asking for every week since 2000 (429 beyond).
 */
export const MAX_OPEN_REQUESTS_PER_USER = 10;

export interface ReportDownload {
  readonly fileName: string;
  readonly asciiFileName: string;
  readonly content: Buffer;
}

/**
 * The api's side of the periodic reports: lists and downloads scoped to the caller, and
 * on-demand requests, written with their audit line and enqueued after commit.
 *
 * Scope: the province roles see every report; a chain leader, chain office or city
 * coordinator sees the reports of the chains in their scope, never the province's (it
 * covers chains they do not lead). Enterprises have no access (no permission).
 */
@Injectable()
export class PeriodicReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: PeriodicReportsRepository,
    private readonly scope: ChainScopeService,
    private readonly jobs: ReportJobs,
    private readonly audit: AuditService,
  ) {}

  async list(
    user: AuthenticatedUser,
    query: PeriodicReportListQuery,
  ): Promise<Page<PeriodicReportDto>> {
    return this.reports.list(await this.reportScope(user), query);
  }

  async get(user: AuthenticatedUser, id: string): Promise<PeriodicReportDto> {
    const report = await this.reports.dto(id);
    if (!report || !(await this.canSee(user, report.chainId))) {
      throw new NotFoundError('periodic report');
    }
    return report;
  }

  async options(user: AuthenticatedUser): Promise<PeriodicReportOptionsDto> {
    const scope = await this.reportScope(user);
    const chains = (await this.dataSource.query(
      `SELECT id, code, name_zh AS "nameZh", name_en AS "nameEn" FROM chain
       WHERE $1::uuid[] IS NULL OR id = ANY($1::uuid[]) ORDER BY code`,
      [scope.all ? null : scope.chainIds],
    )) as PeriodicReportOptionsDto['chains'];
    return { province: seesWholeProvince(user.role), chains };
  }

  /**
   * Asks for a report now (202: the worker builds it). The period is the one containing
   * `periodStart`, or the last one that ended. The same report still waiting is answered
   * instead of a second one (a double click, two colleagues at once).
   */
  async request(
    user: AuthenticatedUser,
    request: CreatePeriodicReportRequest,
  ): Promise<PeriodicReportDto> {
    if (request.scope === 'province' && !seesWholeProvince(user.role)) {
      throw new DomainError('FORBIDDEN', [
        fieldError('scope', PERIODIC_REPORT_MESSAGES.provinceOnly),
      ]);
    }
    const chainId = request.scope === 'chain' ? request.chainId : null;
    const id = await inTransaction(this.dataSource, async (manager) => {
      if (chainId) {
        if (seesWholeProvince(user.role)) {
          await this.scope.requireVisible(user, chainId, manager);
        } else await this.scope.requireManaged(user, chainId, manager);
      }
      const today = await this.today(manager);
      const period = request.periodStart
        ? periodContaining(request.kind, request.periodStart)
        : previousPeriod(request.kind, today);
      if (!periodStarted(period, today)) {
        throw new ValidationFailedError([
          fieldError('periodStart', PERIODIC_REPORT_MESSAGES.periodNotStarted),
        ]);
      }
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `periodic_report:${request.scope}:${chainId ?? ''}:${period.kind}:${period.start}`,
      ]);
      const twin = await this.reports.openTwin(manager, request.scope, chainId, period);
      if (twin) return twin;
      if ((await this.reports.openRequests(manager, user.id)) >= MAX_OPEN_REQUESTS_PER_USER) {
        throw new DomainError('RATE_LIMITED');
      }
      const created = await this.reports.insertOnDemand(
        manager,
        request.scope,
        chainId,
        period,
        user.id,
      );
      await this.audit.record(
        {
          action: 'periodic_report.request',
          subjectType: 'periodic_report',
          subjectId: created,
          after: { scope: request.scope, chainId, kind: period.kind, periodStart: period.start },
        },
        manager,
      );
      afterCommit(manager, () => this.jobs.enqueue([{ id: created, trigger: 'on_demand' }]));
      return created;
    });
    return this.get(user, id);
  }

  /** The file of a ready report the caller may see; 404 otherwise (also while it is being made). */
  async download(user: AuthenticatedUser, id: string): Promise<ReportDownload> {
    const row = await this.reports.row(id);
    if (!row || !(await this.canSee(user, row.chainId)) || row.status !== 'ready') {
      throw new NotFoundError('periodic report');
    }
    const content = await this.reports.file(id);
    if (!content || !row.fileName) throw new NotFoundError('periodic report');
    return {
      fileName: row.fileName,
      asciiFileName: periodicReportAsciiFileName(
        row.scope,
        row.chainCode,
        periodContaining(row.kind, row.periodStart),
      ),
      content,
    };
  }

  /**
   * The chains whose reports the caller reaches: every one for the province roles, the
   * chains they lead, staff or coordinate otherwise (an enterprise, which has no access
   * to this feature anyway, reaches none: its member chains are not its to report on).
   */
  private async reportScope(user: AuthenticatedUser): Promise<ChainScope> {
    return seesWholeProvince(user.role) ? { all: true } : this.scope.managed(user);
  }

  private async canSee(user: AuthenticatedUser, chainId: string | null): Promise<boolean> {
    if (seesWholeProvince(user.role)) return true;
    return chainId !== null && includes(await this.reportScope(user), chainId);
  }

  private async today(manager = this.dataSource.manager): Promise<IsoDate> {
    const [row] = (await manager.query(
      `SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS today`,
    )) as [{ today: IsoDate }];
    return row.today;
  }
}
