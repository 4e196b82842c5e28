import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, PeriodicReportDto, PeriodicReportListQuery } from '@lianzhang/contracts';
import type {
  IsoDate,
  PeriodicReportStatus,
  ReportPeriod,
  ReportPeriodKind,
  ReportScope,
  ReportTrigger,
} from '@lianzhang/domain';
import { scopeCondition, type ChainScope } from '@lianzhang/server/chains';
import type { DataSource, EntityManager } from 'typeorm';

/** A report row as the worker needs it to build the workbook. */
export interface ReportRow {
  readonly id: string;
  readonly scope: ReportScope;
  readonly chainId: string | null;
  readonly chainCode: string | null;
  readonly kind: ReportPeriodKind;
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  readonly trigger: ReportTrigger;
  readonly requestedByUserId: string | null;
  readonly status: PeriodicReportStatus;
  readonly attempts: number;
  readonly fileName: string | null;
}

const ROW = `r.id, r.scope, r.chain_id AS "chainId", c.code AS "chainCode", r.kind,
  to_char(r.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(r.period_end, 'YYYY-MM-DD') AS "periodEnd",
  r.trigger, r.requested_by_user_id AS "requestedByUserId", r.status, r.attempts, r.file_name AS "fileName"`;

const DTO = `r.id, r.scope, r.chain_id AS "chainId", c.name_zh AS "chainNameZh", c.name_en AS "chainNameEn",
  r.kind, to_char(r.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(r.period_end, 'YYYY-MM-DD') AS "periodEnd",
  r.trigger, r.requested_by_user_id AS "requestedById", u.display_name AS "requestedByName",
  r.status, r.attempts, r.last_error AS "lastError", r.file_name AS "fileName", r.size_bytes AS "sizeBytes",
  r.sha256, r.created_at AS "createdAt", r.generated_at AS "generatedAt", r.duration_ms AS "durationMs"`;

const FROM = `FROM periodic_report r
  LEFT JOIN chain c ON c.id = r.chain_id
  LEFT JOIN app_user u ON u.id = r.requested_by_user_id`;

type DtoRow = Omit<PeriodicReportDto, 'requestedBy' | 'createdAt' | 'generatedAt' | 'lastError'> & {
  requestedById: string | null;
  requestedByName: string | null;
  lastError: string | null;
  createdAt: Date;
  generatedAt: Date | null;
};

function toDto(row: DtoRow): PeriodicReportDto {
  const { requestedById, requestedByName, ...rest } = row;
  return {
    ...rest,
    requestedBy: requestedById ? { id: requestedById, name: requestedByName ?? '' } : null,
    // A ready report has nothing to explain; a failure keeps its reason.
    lastError: row.status === 'ready' ? null : (row.lastError?.slice(0, 500) ?? null),
    createdAt: row.createdAt.toISOString(),
    generatedAt: row.generatedAt?.toISOString() ?? null,
  };
}

/** Every query of the periodic reports. */
@Injectable()
export class PeriodicReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(scope: ChainScope, query: PeriodicReportListQuery): Promise<Page<PeriodicReportDto>> {
    const params: unknown[] = [];
    const where = [scopeCondition(scope, 'r.chain_id', params)];
    for (const [column, value] of [
      ['r.scope', query.scope],
      ['r.chain_id', query.chainId],
      ['r.kind', query.kind],
      ['r.status', query.status],
    ] as const) {
      if (value === undefined) continue;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
    const condition = where.join(' AND ');
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM periodic_report r WHERE ${condition}`,
      params,
    )) as [{ total: number }];
    params.push(query.pageSize, (query.page - 1) * query.pageSize);
    const rows = (await this.dataSource.query(
      `SELECT ${DTO} ${FROM} WHERE ${condition}
       ORDER BY r.created_at DESC, r.period_start DESC, r.id
       LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )) as DtoRow[];
    return { items: rows.map(toDto), total, page: query.page, pageSize: query.pageSize };
  }

  async dto(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PeriodicReportDto | null> {
    const [row] = (await manager.query(`SELECT ${DTO} ${FROM} WHERE r.id = $1`, [id])) as DtoRow[];
    return row ? toDto(row) : null;
  }

  async row(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ReportRow | null> {
    const [row] = (await manager.query(
      `SELECT ${ROW} FROM periodic_report r LEFT JOIN chain c ON c.id = r.chain_id WHERE r.id = $1`,
      [id],
    )) as ReportRow[];
    return row ?? null;
  }

  /** The bytes of a ready report. */
  async file(id: string): Promise<Buffer | null> {
    const [row] = (await this.dataSource.query(
      `SELECT f.content FROM periodic_report_file f JOIN periodic_report r ON r.id = f.report_id
       WHERE f.report_id = $1 AND r.status = 'ready'`,
      [id],
    )) as { content: Buffer }[];
    return row?.content ?? null;
  }

  /**
   * The scheduled rows of `period`: the province's and one per chain without sub-chains
   * (a group's work is its chains'). Each is written once whoever runs this, however
   * often (the partial unique indexes); returns the ids written now.
   */
  async insertScheduled(manager: EntityManager, period: ReportPeriod): Promise<string[]> {
    const rows = (await manager.query(
      `INSERT INTO periodic_report (scope, chain_id, kind, period_start, period_end, trigger)
       SELECT 'province', NULL::uuid, $1, $2::date, $3::date, 'schedule'
       UNION ALL
       SELECT 'chain', c.id, $1, $2::date, $3::date, 'schedule' FROM chain c
       WHERE NOT EXISTS (SELECT 1 FROM chain k WHERE k.parent_id = c.id)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [period.kind, period.start, period.end],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /**
   * An on-demand report of the same scope, chain and period still waiting or being
   * generated. A scheduled twin does not count: it waits behind the batch, and whoever
   * asks now is served first.
   */
  async openTwin(
    manager: EntityManager,
    scope: ReportScope,
    chainId: string | null,
    period: ReportPeriod,
  ): Promise<string | null> {
    const [row] = (await manager.query(
      `SELECT id FROM periodic_report
       WHERE scope = $1 AND chain_id IS NOT DISTINCT FROM $2::uuid AND kind = $3 AND period_start = $4::date
         AND trigger = 'on_demand' AND status IN ('pending', 'generating')
       ORDER BY created_at LIMIT 1`,
      [scope, chainId, period.kind, period.start],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  /** On-demand reports of one user still waiting or being generated. */
  async openRequests(manager: EntityManager, userId: string): Promise<number> {
    const [row] = (await manager.query(
      `SELECT count(*)::int AS n FROM periodic_report
       WHERE requested_by_user_id = $1 AND trigger = 'on_demand' AND status IN ('pending', 'generating')`,
      [userId],
    )) as [{ n: number }];
    return row.n;
  }

  async insertOnDemand(
    manager: EntityManager,
    scope: ReportScope,
    chainId: string | null,
    period: ReportPeriod,
    userId: string,
  ): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO periodic_report (scope, chain_id, kind, period_start, period_end, trigger, requested_by_user_id)
       VALUES ($1, $2, $3, $4, $5, 'on_demand', $6) RETURNING id`,
      [scope, chainId, period.kind, period.start, period.end, userId],
    )) as [{ id: string }];
    return row.id;
  }

  /**
   * Takes a row for generation: a pending one, or one whose worker's claim ran out, while
   * attempts remain. Returns it with its new attempt number (the fencing token), or null
   * when another worker has it or it is settled: a duplicate job then does nothing.
   */
  async claim(id: string, leaseSeconds: number, maxAttempts: number): Promise<ReportRow | null> {
    // A CTE's SELECT answers rows (an UPDATE … RETURNING alone would answer [rows, count]).
    const [row] = (await this.dataSource.query(
      `WITH claimed AS (
         UPDATE periodic_report SET status = 'generating', attempts = attempts + 1,
                lease_until = now() + make_interval(secs => $2), updated_at = now()
         WHERE id = $1 AND attempts < $3
           AND (status = 'pending' OR (status = 'generating' AND lease_until < now()))
         RETURNING *)
       SELECT ${ROW} FROM claimed r LEFT JOIN chain c ON c.id = r.chain_id`,
      [id, leaseSeconds, maxAttempts],
    )) as ReportRow[];
    return row ?? null;
  }

  /**
   * Stores the file and marks the row ready, if the claim is still this attempt's (a
   * worker whose lease ran out and was overtaken writes nothing). In the caller's transaction.
   */
  async complete(
    manager: EntityManager,
    claim: ReportRow,
    file: {
      readonly fileName: string;
      readonly content: Buffer;
      readonly sha256: string;
      readonly durationMs: number;
    },
  ): Promise<boolean> {
    const [rows] = (await manager.query(
      `UPDATE periodic_report SET status = 'ready', lease_until = NULL, last_error = NULL,
              file_name = $3, size_bytes = $4, sha256 = $5, duration_ms = $6,
              generated_at = now(), updated_at = now()
       WHERE id = $1 AND status = 'generating' AND attempts = $2 RETURNING id`,
      [claim.id, claim.attempts, file.fileName, file.content.length, file.sha256, file.durationMs],
    )) as [{ id: string }[], number];
    if (rows.length === 0) return false;
    await manager.query(
      `INSERT INTO periodic_report_file (report_id, content) VALUES ($1, $2)
       ON CONFLICT (report_id) DO UPDATE SET content = EXCLUDED.content`,
      [claim.id, file.content],
    );
    return true;
  }

  /**
   * Records a failed attempt: back to pending for another try while attempts remain,
   * `failed` after the last. Returns the new status, or null when the claim was lost.
   */
  async fail(
    claim: ReportRow,
    error: string,
    maxAttempts: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<'pending' | 'failed' | null> {
    const [rows] = (await manager.query(
      `UPDATE periodic_report SET status = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'pending' END,
              lease_until = NULL, last_error = $4, updated_at = now()
       WHERE id = $1 AND status = 'generating' AND attempts = $2 RETURNING status`,
      [claim.id, claim.attempts, maxAttempts, error.slice(0, 2000)],
    )) as [{ status: 'pending' | 'failed' }[], number];
    return rows[0]?.status ?? null;
  }

  /** Generating rows whose worker stopped after the last attempt: failed, with the reason. */
  async failAbandoned(maxAttempts: number, reason: string): Promise<ReportRow[]> {
    const [rows] = (await this.dataSource.query(
      `UPDATE periodic_report SET status = 'failed', lease_until = NULL, last_error = $2, updated_at = now()
       WHERE status = 'generating' AND lease_until < now() AND attempts >= $1
       RETURNING id, scope, chain_id AS "chainId", kind, to_char(period_start, 'YYYY-MM-DD') AS "periodStart",
                 to_char(period_end, 'YYYY-MM-DD') AS "periodEnd", trigger, requested_by_user_id AS "requestedByUserId",
                 status, attempts, file_name AS "fileName", NULL AS "chainCode"`,
      [maxAttempts, reason],
    )) as [ReportRow[], number];
    return rows;
  }

  /** Rows that need a job: pending ones, and generating ones whose claim ran out. */
  async needingJobs(limit = 1_000): Promise<{ id: string; trigger: ReportTrigger }[]> {
    return (await this.dataSource.query(
      `SELECT id, trigger FROM periodic_report
       WHERE status = 'pending' OR (status = 'generating' AND lease_until < now())
       ORDER BY trigger = 'schedule', created_at LIMIT $1`,
      [limit],
    )) as { id: string; trigger: ReportTrigger }[];
  }
}
