import { Injectable } from '@nestjs/common';
import type { HealthSnapshotDto } from '@lianzhang/contracts';
import type {
  ChainColour,
  ChainLevel,
  HealthComponent,
  HealthProject,
  HealthWorkItem,
  IndustryGroup,
  ReportingItem,
} from '@lianzhang/domain';
import type { EntityManager } from 'typeorm';

/** Today in Asia/Shanghai, the calendar every due date is read in. */
export const TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;
const OPEN_TASK = `t.status NOT IN ('draft', 'done', 'cancelled')`;
/** Statuses in which a task owes progress reports (the escalation ladder's `last_report` anchor). */
const REPORTING_TASK = `t.status IN ('accepted', 'in_progress', 'returned')`;
const OPEN_BOARD = `s.status IN ('identified', 'tackling', 'breakthrough')`;
const OPEN_PROJECT = `p.stage <> 'in_production'`;
/** Shanghai day of a subject's latest progress report, whatever its review state. */
const LAST_REPORT = (type: string, id: string) =>
  `(SELECT max((r.created_at AT TIME ZONE 'Asia/Shanghai')::date) FROM progress_report r
    WHERE r.subject_type = '${type}' AND r.subject_id = ${id})`;

export interface ChainRow {
  readonly id: string;
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly industryGroup: IndustryGroup;
  readonly level: ChainLevel;
  readonly regionCode: string;
}

/** Everything the score of every chain in a set needs, gathered in a few set-based queries. */
export interface HealthFacts {
  readonly now: Date;
  readonly today: string;
  readonly chains: readonly ChainRow[];
  readonly tasks: ReadonlyMap<string, { open: number; overdue: number }>;
  readonly notices: ReadonlyMap<string, { yellow: number; red: number }>;
  readonly shortBoards: ReadonlyMap<string, HealthWorkItem[]>;
  readonly projects: ReadonlyMap<string, HealthProject[]>;
  readonly reporting: ReadonlyMap<string, ReportingItem[]>;
}

/**
 * The queries behind chain health. `ids` null means every chain; otherwise the chains
 * listed. Each query covers the whole set at once (no query per chain), so the nightly
 * snapshot of the province costs the same handful of statements as one chain.
 */
@Injectable()
export class HealthRepository {
  async facts(manager: EntityManager, ids: readonly string[] | null): Promise<HealthFacts> {
    const p = [ids];
    const [clock] = (await manager.query(
      `SELECT now() AS now, to_char(${TODAY}, 'YYYY-MM-DD') AS today`,
    )) as [{ now: Date; today: string }];
    const chains = (await manager.query(
      `SELECT c.id, c.code, c.name_zh AS "nameZh", c.name_en AS "nameEn", c.industry_group AS "industryGroup",
              c.level, c.region_code AS "regionCode"
       FROM chain c WHERE ($1::uuid[] IS NULL OR c.id = ANY($1)) ORDER BY c.code`,
      p,
    )) as ChainRow[];
    const tasks = (await manager.query(
      `SELECT t.chain_id AS "chainId", count(*)::int AS open,
              count(*) FILTER (WHERE t.due_date < ${TODAY})::int AS overdue
       FROM task t WHERE ${OPEN_TASK} AND ($1::uuid[] IS NULL OR t.chain_id = ANY($1))
       GROUP BY t.chain_id`,
      p,
    )) as { chainId: string; open: number; overdue: number }[];
    const notices = (await manager.query(
      `SELECT t.chain_id AS "chainId",
              count(*) FILTER (WHERE n.level = 'yellow')::int AS yellow,
              count(*) FILTER (WHERE n.level = 'red')::int AS red
       FROM supervision_notice n JOIN task t ON t.id = n.task_id
       WHERE ${OPEN_TASK} AND ($1::uuid[] IS NULL OR t.chain_id = ANY($1))
       GROUP BY t.chain_id`,
      p,
    )) as { chainId: string; yellow: number; red: number }[];
    const boards = (await manager.query(
      `SELECT s.chain_id AS "chainId", s.progress,
              to_char(s.start_date, 'YYYY-MM-DD') AS "startDate", to_char(s.target_date, 'YYYY-MM-DD') AS "endDate",
              to_char(${LAST_REPORT('short_board', 's.id')}, 'YYYY-MM-DD') AS "lastReportOn"
       FROM short_board s WHERE ${OPEN_BOARD} AND ($1::uuid[] IS NULL OR s.chain_id = ANY($1))`,
      p,
    )) as (HealthWorkItem & { chainId: string; lastReportOn: string | null })[];
    const projects = (await manager.query(
      `SELECT p.chain_id AS "chainId", p.planned_investment AS "plannedInvestment",
              p.completed_investment AS "completedInvestment",
              to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", to_char(p.end_date, 'YYYY-MM-DD') AS "endDate",
              to_char(${LAST_REPORT('project', 'p.id')}, 'YYYY-MM-DD') AS "lastReportOn"
       FROM project p WHERE ${OPEN_PROJECT} AND ($1::uuid[] IS NULL OR p.chain_id = ANY($1))`,
      p,
    )) as {
      chainId: string;
      plannedInvestment: string;
      completedInvestment: string;
      startDate: string;
      endDate: string;
      lastReportOn: string | null;
    }[];
    const reportingTasks = (await manager.query(
      `SELECT t.chain_id AS "chainId",
              to_char(coalesce(t.assigned_on, (t.created_at AT TIME ZONE 'Asia/Shanghai')::date), 'YYYY-MM-DD') AS since,
              to_char(${LAST_REPORT('task', 't.id')}, 'YYYY-MM-DD') AS "lastReportOn",
              t.report_every_workdays AS "everyWorkdays"
       FROM task t WHERE ${REPORTING_TASK} AND ($1::uuid[] IS NULL OR t.chain_id = ANY($1))`,
      p,
    )) as (ReportingItem & { chainId: string })[];

    const reporting = new Map<string, ReportingItem[]>();
    const push = (chainId: string, item: ReportingItem) => {
      const list = reporting.get(chainId);
      if (list) list.push(item);
      else reporting.set(chainId, [item]);
    };
    for (const t of reportingTasks)
      push(t.chainId, {
        since: t.since,
        lastReportOn: t.lastReportOn,
        everyWorkdays: t.everyWorkdays,
      });
    for (const b of boards)
      push(b.chainId, { since: b.startDate, lastReportOn: b.lastReportOn, everyWorkdays: null });
    for (const x of projects)
      push(x.chainId, { since: x.startDate, lastReportOn: x.lastReportOn, everyWorkdays: null });

    return {
      now: clock.now,
      today: clock.today,
      chains,
      tasks: new Map(tasks.map((r) => [r.chainId, r])),
      notices: new Map(notices.map((r) => [r.chainId, r])),
      shortBoards: groupBy(
        boards.map((b) => ({
          chainId: b.chainId,
          progress: b.progress,
          startDate: b.startDate,
          endDate: b.endDate,
        })),
      ),
      projects: groupBy(
        projects.map((x) => ({
          chainId: x.chainId,
          plannedInvestment: Number(x.plannedInvestment),
          completedInvestment: Number(x.completedInvestment),
          startDate: x.startDate,
          endDate: x.endDate,
        })),
      ),
      reporting,
    };
  }

  /** Snapshots of the last `days` days (today included), oldest first, by chain. */
  async trends(
    manager: EntityManager,
    ids: readonly string[] | null,
    days: number,
  ): Promise<Map<string, HealthSnapshotDto[]>> {
    const rows = (await manager.query(
      `SELECT chain_id AS "chainId", to_char(day, 'YYYY-MM-DD') AS day, score, grade
       FROM chain_health_snapshot
       WHERE day > ${TODAY} - $2::int AND ($1::uuid[] IS NULL OR chain_id = ANY($1))
       ORDER BY chain_id, day`,
      [ids, days],
    )) as { chainId: string; day: string; score: string | null; grade: ChainColour | null }[];
    const trends = new Map<string, HealthSnapshotDto[]>();
    for (const row of rows) {
      const point = {
        day: row.day,
        score: row.score === null ? null : Number(row.score),
        grade: row.grade,
      };
      const list = trends.get(row.chainId);
      if (list) list.push(point);
      else trends.set(row.chainId, [point]);
    }
    return trends;
  }

  /** Writes the day's rows; a chain already snapshotted that day keeps its row. Returns rows added. */
  async insertSnapshots(
    manager: EntityManager,
    day: string,
    rows: readonly {
      chainId: string;
      score: number | null;
      grade: ChainColour | null;
      components: readonly HealthComponent[];
    }[],
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const inserted = (await manager.query(
      `INSERT INTO chain_health_snapshot (chain_id, day, score, grade, components)
       SELECT chain_id, $2::date, score, grade, components
       FROM unnest($1::uuid[], $3::numeric[], $4::text[], $5::jsonb[]) AS x(chain_id, score, grade, components)
       ON CONFLICT (chain_id, day) DO NOTHING
       RETURNING chain_id`,
      [
        rows.map((r) => r.chainId),
        day,
        rows.map((r) => r.score),
        rows.map((r) => r.grade),
        rows.map((r) => JSON.stringify(r.components)),
      ],
    )) as unknown[];
    return inserted.length;
  }
}

function groupBy<T extends { chainId: string }>(
  items: readonly T[],
): Map<string, Omit<T, 'chainId'>[]> {
  const groups = new Map<string, Omit<T, 'chainId'>[]>();
  for (const { chainId, ...item } of items) {
    const group = groups.get(chainId);
    if (group) group.push(item);
    else groups.set(chainId, [item]);
  }
  return groups;
}
