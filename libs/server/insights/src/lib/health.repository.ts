import { Injectable } from '@nestjs/common';
import type { HealthSnapshotDto } from '@lianzhang/contracts';
import type {
  ChainColour,
  ChainLevel,
  HealthComponent,
  HealthProject,
  HealthWorkItem,
  IndustryGroup,
  ProjectStage,
  ReportingItem,
  ShortBoardStatus,
} from '@lianzhang/domain';
import { TODAY } from '@lianzhang/server/core';
import type { EntityManager } from 'typeorm';

const OPEN_TASK = `t.status NOT IN ('draft', 'done', 'cancelled')`;
/** Statuses in which a task owes progress reports (the escalation ladder's `last_report` anchor). */
const REPORTING_TASK = `t.status IN ('accepted', 'in_progress', 'returned')`;
const UNDER_WAY_BOARD = `s.status IN ('identified', 'tackling', 'breakthrough')`;
const UNDER_WAY_PROJECT = `p.stage <> 'in_production'`;
/** A leaf chain: a group such as 新一代信息技术 is the sum of its chains, judged through them. */
const LEAF_CHAIN = `NOT EXISTS (SELECT 1 FROM chain k WHERE k.parent_id = c.id)`;

/**
 * Shanghai day of a subject's latest progress report, unless the office returned it: a
 * returned report was sent back as not good enough, so it keeps nothing fresh. A report
 * awaiting review counts (the enterprise did report). Used by freshness and the risk view.
 */
export const LAST_REPORT = (type: 'task' | 'short_board' | 'project', id: string) =>
  `(SELECT max((r.created_at AT TIME ZONE 'Asia/Shanghai')::date) FROM progress_report r
    WHERE r.subject_type = '${type}' AND r.subject_id = ${id} AND r.status <> 'returned')`;

/** A short board still to judge: neither resolved nor shelved (a shelved board has no pace). */
export function boardUnderWay(status: ShortBoardStatus): boolean {
  return status === 'identified' || status === 'tackling' || status === 'breakthrough';
}

/** A project still to judge: not yet in production. */
export function projectUnderWay(stage: ProjectStage): boolean {
  return stage !== 'in_production';
}

export interface ChainRow {
  readonly id: string;
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly industryGroup: IndustryGroup;
  readonly level: ChainLevel;
  readonly regionCode: string;
  readonly targetValue: number | null;
  readonly targetUnit: string | null;
  readonly targetText: string | null;
}

/** Every short board of a chain, whatever its status; the last report only for those under way. */
export interface BoardFact extends HealthWorkItem {
  readonly status: ShortBoardStatus;
  readonly chokepoint: boolean;
  readonly lastReportOn: string | null;
}

/** Every project of a chain, whatever its stage; the last report only for those under way. */
export interface ProjectFact extends HealthProject {
  readonly stage: ProjectStage;
  readonly lastReportOn: string | null;
}

/** A chain's open tasks (assigned, neither done nor cancelled). */
export interface TaskFacts {
  readonly open: number;
  /** Due before today (Asia/Shanghai). */
  readonly overdue: number;
  /** Those that owe progress reports, with their last one. */
  readonly reporting: readonly ReportingItem[];
}

/** 督办单 of a chain's open tasks. */
export interface NoticeFacts {
  /** Every notice issued, by level: what the cockpit lists and counts. */
  readonly yellow: number;
  readonly red: number;
  /**
   * Open tasks by the highest level of their notices (red when any is red, else yellow:
   * the task's `noticeLevel`). The ladder gives one late task a 黄牌 at +3 and a 红牌 at
   * +7; health counts that task once, as one 红牌.
   */
  readonly yellowTasks: number;
  readonly redTasks: number;
}

/**
 * Everything the health score, and the cockpit's counts beside it, need for a set of
 * leaf chains, gathered in a few set-based queries: each table read once.
 */
export interface HealthFacts {
  readonly now: Date;
  readonly today: string;
  readonly chains: readonly ChainRow[];
  readonly tasks: ReadonlyMap<string, TaskFacts>;
  readonly notices: ReadonlyMap<string, NoticeFacts>;
  readonly shortBoards: ReadonlyMap<string, readonly BoardFact[]>;
  readonly projects: ReadonlyMap<string, readonly ProjectFact[]>;
}

export const NO_TASKS: TaskFacts = { open: 0, overdue: 0, reporting: [] };
export const NO_NOTICES: NoticeFacts = { yellow: 0, red: 0, yellowTasks: 0, redTasks: 0 };

const CHAIN_COLUMNS = `c.id, c.code, c.name_zh AS "nameZh", c.name_en AS "nameEn", c.industry_group AS "industryGroup",
  c.level, c.region_code AS "regionCode", c.target_value AS "targetValue", c.target_unit AS "targetUnit",
  c.target_text AS "targetText"`;

type RawChain = Omit<ChainRow, 'targetValue'> & { targetValue: string | null };

/**
 * The queries behind chain health. `ids` null means every chain; otherwise the chains
 * listed. Only leaf chains are judged (a group is the sum of its chains). Each query
 * covers the whole set at once (no query per chain), so the nightly snapshot of the
 * province costs the same handful of statements as one chain.
 */
@Injectable()
export class HealthRepository {
  async facts(manager: EntityManager, ids: readonly string[] | null): Promise<HealthFacts> {
    const p = [ids];
    const [clock] = (await manager.query(
      `SELECT now() AS now, to_char(${TODAY}, 'YYYY-MM-DD') AS today`,
    )) as [{ now: Date; today: string }];
    const chains = (
      (await manager.query(
        `SELECT ${CHAIN_COLUMNS} FROM chain c
         WHERE ${LEAF_CHAIN} AND ($1::uuid[] IS NULL OR c.id = ANY($1)) ORDER BY c.code`,
        p,
      )) as RawChain[]
    ).map(toChain);
    // One row per open task: the counts, and the reporting items of those that owe reports.
    const tasks = (await manager.query(
      `SELECT t.chain_id AS "chainId", t.due_date < ${TODAY} AS overdue, ${REPORTING_TASK} AS reporting,
              to_char(coalesce(t.assigned_on, (t.created_at AT TIME ZONE 'Asia/Shanghai')::date), 'YYYY-MM-DD') AS since,
              CASE WHEN ${REPORTING_TASK} THEN to_char(${LAST_REPORT('task', 't.id')}, 'YYYY-MM-DD') END AS "lastReportOn",
              t.report_every_workdays AS "everyWorkdays"
       FROM task t WHERE ${OPEN_TASK} AND ($1::uuid[] IS NULL OR t.chain_id = ANY($1))`,
      p,
    )) as {
      chainId: string;
      overdue: boolean;
      reporting: boolean;
      since: string;
      lastReportOn: string | null;
      everyWorkdays: number | null;
    }[];
    const notices = (await manager.query(
      `SELECT "chainId", sum(yellow)::int AS yellow, sum(red)::int AS red,
              count(*) FILTER (WHERE red = 0)::int AS "yellowTasks",
              count(*) FILTER (WHERE red > 0)::int AS "redTasks"
       FROM (SELECT t.chain_id AS "chainId",
                    count(*) FILTER (WHERE n.level = 'yellow') AS yellow,
                    count(*) FILTER (WHERE n.level = 'red') AS red
             FROM supervision_notice n JOIN task t ON t.id = n.task_id
             WHERE ${OPEN_TASK} AND ($1::uuid[] IS NULL OR t.chain_id = ANY($1))
             GROUP BY t.chain_id, t.id) per_task
       GROUP BY "chainId"`,
      p,
    )) as (NoticeFacts & { chainId: string })[];
    const boards = (await manager.query(
      `SELECT s.chain_id AS "chainId", s.status, s.progress, s.chokepoint,
              to_char(s.start_date, 'YYYY-MM-DD') AS "startDate", to_char(s.target_date, 'YYYY-MM-DD') AS "endDate",
              CASE WHEN ${UNDER_WAY_BOARD} THEN to_char(${LAST_REPORT('short_board', 's.id')}, 'YYYY-MM-DD') END AS "lastReportOn"
       FROM short_board s WHERE ($1::uuid[] IS NULL OR s.chain_id = ANY($1))`,
      p,
    )) as (BoardFact & { chainId: string })[];
    const projects = (await manager.query(
      `SELECT p.chain_id AS "chainId", p.stage, p.planned_investment AS "plannedInvestment",
              p.completed_investment AS "completedInvestment",
              to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", to_char(p.end_date, 'YYYY-MM-DD') AS "endDate",
              CASE WHEN ${UNDER_WAY_PROJECT} THEN to_char(${LAST_REPORT('project', 'p.id')}, 'YYYY-MM-DD') END AS "lastReportOn"
       FROM project p WHERE ($1::uuid[] IS NULL OR p.chain_id = ANY($1))`,
      p,
    )) as (Omit<ProjectFact, 'plannedInvestment' | 'completedInvestment'> & {
      chainId: string;
      plannedInvestment: string;
      completedInvestment: string;
    })[];

    const taskFacts = new Map<
      string,
      { open: number; overdue: number; reporting: ReportingItem[] }
    >();
    for (const t of tasks) {
      let facts = taskFacts.get(t.chainId);
      if (!facts) taskFacts.set(t.chainId, (facts = { open: 0, overdue: 0, reporting: [] }));
      facts.open++;
      if (t.overdue) facts.overdue++;
      if (t.reporting)
        facts.reporting.push({
          since: t.since,
          lastReportOn: t.lastReportOn,
          everyWorkdays: t.everyWorkdays,
        });
    }

    return {
      now: clock.now,
      today: clock.today,
      chains,
      tasks: taskFacts,
      notices: new Map(notices.map(({ chainId, ...n }) => [chainId, n])),
      shortBoards: groupBy(boards),
      projects: groupBy(
        projects.map((x) => ({
          ...x,
          plannedInvestment: Number(x.plannedInvestment),
          completedInvestment: Number(x.completedInvestment),
        })),
      ),
    };
  }

  /** One chain's row, leaf or group; null when there is none. */
  async chain(manager: EntityManager, id: string): Promise<ChainRow | null> {
    const [row] = (await manager.query(`SELECT ${CHAIN_COLUMNS} FROM chain c WHERE c.id = $1`, [
      id,
    ])) as RawChain[];
    return row ? toChain(row) : null;
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

function toChain(row: RawChain): ChainRow {
  return { ...row, targetValue: row.targetValue === null ? null : Number(row.targetValue) };
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
