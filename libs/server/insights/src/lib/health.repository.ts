import { Injectable } from '@nestjs/common';
import type { HealthSnapshotDto } from '@lianzhang/contracts';
import {
  reportFreshness,
  type ChainColour,
  type ChainLevel,
  type HealthComponent,
  type HealthProject,
  type HealthWorkItem,
  type IndustryGroup,
  type ProjectStage,
  type ReportingItem,
  type ShortBoardStatus,
  type WorkdayCalendar,
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
  /** Those that owe progress reports, judged for the day (the domain's `reportFreshness`). */
  readonly reports: { readonly expected: number; readonly fresh: number };
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

/** Open work of a chain by the city of its 主办 (a county's enterprise counts for its city). */
export interface HeatFact {
  readonly regionCode: string;
  readonly openTasks: number;
  readonly overdueTasks: number;
}

/**
 * A chain's weekly history over the TREND_WEEKS weeks ending with the day's week, oldest
 * first: tasks created, tasks done, 督办单 issued, and open tasks overdue at the end of
 * each week (the day itself for its own week).
 */
export interface TrendFact {
  readonly created: readonly number[];
  readonly done: readonly number[];
  readonly notices: readonly number[];
  readonly overdue: readonly number[];
}

/** Everything the health score and the cockpit know of one leaf chain on one day. */
export interface ChainFacts {
  readonly tasks: TaskFacts;
  readonly notices: NoticeFacts;
  readonly shortBoards: readonly BoardFact[];
  readonly projects: readonly ProjectFact[];
  /**
   * Short boards and projects under way judged for reporting freshness on the day (each
   * should report from its start), as the tasks' are: a figure of the day, not of the hour.
   */
  readonly workReports: { readonly expected: number; readonly fresh: number };
  /** Coordination requests still open (open or assigned), and those past their reply date. */
  readonly requests: { readonly open: number; readonly overdue: number };
  readonly heat: readonly HeatFact[];
  readonly trend: TrendFact;
}

/**
 * The facts of a set of leaf chains, each of the same day: from `chain_facts` where they
 * are current, computed afresh for the rest (`computed`, which the caller stores once its
 * transaction is over: {@link HealthRepository.remember}).
 */
export interface HealthFacts {
  readonly now: Date;
  readonly today: string;
  /** Mondays of the TREND_WEEKS weeks the trends cover, oldest first. */
  readonly weeks: readonly string[];
  readonly chains: readonly ChainRow[];
  readonly byChain: ReadonlyMap<string, ChainFacts>;
  readonly computed: readonly ComputedFacts[];
  /**
   * The chains, their own versions (names, targets) and the versions their facts are
   * of, as one string: equal strings on the same day mean the same facts (what a reader
   * may memoise on).
   */
  readonly fingerprint: string;
}

export interface ComputedFacts {
  readonly chainId: string;
  /** The chain's `chain_facts.version` the facts were read at (0 when it had no row). */
  readonly version: string;
  readonly facts: ChainFacts;
}

/** Weeks of history the trend charts show. */
export const TREND_WEEKS = 12;

export const NO_TASKS: TaskFacts = { open: 0, overdue: 0, reports: { expected: 0, fresh: 0 } };
export const NO_NOTICES: NoticeFacts = { yellow: 0, red: 0, yellowTasks: 0, redTasks: 0 };

const CHAIN_COLUMNS = `c.id, c.code, c.name_zh AS "nameZh", c.name_en AS "nameEn", c.industry_group AS "industryGroup",
  c.level, c.region_code AS "regionCode", c.target_value AS "targetValue", c.target_unit AS "targetUnit",
  c.target_text AS "targetText"`;

type RawChain = Omit<ChainRow, 'targetValue'> & { targetValue: string | null };

/** Monday (ISO week start) of a `YYYY-MM-DD` day, as `YYYY-MM-DD`. */
function mondayOf(day: string): Date {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date;
}

/** The Mondays of the TREND_WEEKS weeks ending with `today`'s week, oldest first. */
export function trendWeeks(today: string): string[] {
  const monday = mondayOf(today);
  return Array.from({ length: TREND_WEEKS }, (_, i) => {
    const week = new Date(monday);
    week.setUTCDate(week.getUTCDate() - 7 * (TREND_WEEKS - 1 - i));
    return week.toISOString().slice(0, 10);
  });
}

/**
 * The queries behind chain health and the cockpit. Facts are kept per chain and day in
 * `chain_facts`; a read takes the current ones from there and computes the rest, whose
 * version (bumped by triggers on every table they read) moved since or whose day is past.
 * Each computation covers its set of chains at once (no query per chain), so a new day's
 * first read of the province costs the same handful of statements as one chain.
 */
@Injectable()
export class HealthRepository {
  /**
   * Facts this process has read or computed, by chain, with the version and day they are
   * of: a reader compares versions (one small query) and parses only what changed. Entries
   * of other versions or days are never used; a long-running process drops them all at
   * a size no province reaches.
   */
  private readonly kept = new Map<string, { version: string; day: string; facts: ChainFacts }>();

  private keep(chainId: string, version: string, day: string, facts: ChainFacts): void {
    if (this.kept.size >= 10_000) this.kept.clear();
    this.kept.set(chainId, { version, day, facts });
  }

  async facts(
    manager: EntityManager,
    ids: readonly string[] | null,
    calendar: WorkdayCalendar,
  ): Promise<HealthFacts> {
    const [clock] = (await manager.query(
      `SELECT now() AS now, to_char(${TODAY}, 'YYYY-MM-DD') AS today`,
    )) as [{ now: Date; today: string }];
    const rows = (await manager.query(
      `SELECT ${CHAIN_COLUMNS}, coalesce(f.version, 0)::text AS "factsVersion", c.version AS "chainVersion",
              coalesce(f.day = ${TODAY} AND f.computed_version = f.version, false) AS current
       FROM chain c LEFT JOIN chain_facts f ON f.chain_id = c.id
       WHERE ${LEAF_CHAIN} AND ($1::uuid[] IS NULL OR c.id = ANY($1)) ORDER BY c.code`,
      [ids],
    )) as (RawChain & { factsVersion: string; chainVersion: number; current: boolean })[];
    const weeks = trendWeeks(clock.today);
    const byChain = new Map<string, ChainFacts>();
    const stale: typeof rows = [];
    const unread: string[] = [];
    for (const row of rows) {
      const kept = this.kept.get(row.id);
      if (!row.current) stale.push(row);
      else if (kept && kept.version === row.factsVersion && kept.day === clock.today)
        byChain.set(row.id, kept.facts);
      else unread.push(row.id);
    }
    // Current facts this process has not parsed yet (another replica or the worker
    // computed them): read once, then kept here while their version holds.
    if (unread.length > 0) {
      const stored = (await manager.query(
        `SELECT chain_id AS "chainId", version::text AS version, facts FROM chain_facts
         WHERE chain_id = ANY($1) AND day = ${TODAY} AND computed_version = version`,
        [unread],
      )) as { chainId: string; version: string; facts: ChainFacts }[];
      for (const row of stored) {
        byChain.set(row.chainId, row.facts);
        this.keep(row.chainId, row.version, clock.today, row.facts);
      }
      const waiting = new Set(unread);
      for (const row of rows) if (waiting.has(row.id) && !byChain.has(row.id)) stale.push(row);
    }
    const computed: ComputedFacts[] = [];
    if (stale.length > 0) {
      const fresh = await this.compute(
        manager,
        stale.map((r) => r.id),
        clock.today,
        weeks,
        calendar,
      );
      for (const row of stale) {
        const facts = fresh.get(row.id) as ChainFacts;
        byChain.set(row.id, facts);
        computed.push({ chainId: row.id, version: row.factsVersion, facts });
        this.keep(row.id, row.factsVersion, clock.today, facts);
      }
    }
    return {
      now: clock.now,
      today: clock.today,
      weeks,
      chains: rows.map(({ factsVersion: _v, chainVersion: _c, current: _n, ...chain }) =>
        toChain(chain),
      ),
      byChain,
      computed,
      fingerprint: rows.map((r) => `${r.id}:${r.chainVersion}:${r.factsVersion}`).join(','),
    };
  }

  /**
   * Keeps facts computed by {@link facts} for the next reader, each only while its chain's
   * version is still the one it was computed at. Runs outside the reader's transaction:
   * a repeatable-read transaction may not write a row a writer bumped after its snapshot.
   */
  async remember(manager: EntityManager, facts: HealthFacts): Promise<void> {
    if (facts.computed.length === 0) return;
    await manager.query(
      `INSERT INTO chain_facts (chain_id, version, computed_version, day, facts)
       SELECT x.chain_id, x.version, x.version, $2::date, x.facts
       FROM unnest($1::uuid[], $3::bigint[], $4::json[]) AS x(chain_id, version, facts)
       ORDER BY x.chain_id
       ON CONFLICT (chain_id) DO UPDATE
         SET computed_version = EXCLUDED.computed_version, day = EXCLUDED.day, facts = EXCLUDED.facts
         WHERE chain_facts.version = EXCLUDED.computed_version`,
      [
        facts.computed.map((c) => c.chainId),
        facts.today,
        facts.computed.map((c) => c.version),
        facts.computed.map((c) => JSON.stringify(c.facts)),
      ],
    );
  }

  /** The facts of the leaf chains `ids` for `today`, in a few set-based queries. */
  private async compute(
    manager: EntityManager,
    ids: readonly string[],
    today: string,
    weeks: readonly string[],
    calendar: WorkdayCalendar,
  ): Promise<Map<string, ChainFacts>> {
    const p = [ids];
    // One row per open task: the counts, and the reporting items of those that owe reports.
    const tasks = (await manager.query(
      `SELECT t.chain_id AS "chainId", t.due_date < ${TODAY} AS overdue, ${REPORTING_TASK} AS reporting,
              to_char(coalesce(t.assigned_on, (t.created_at AT TIME ZONE 'Asia/Shanghai')::date), 'YYYY-MM-DD') AS since,
              CASE WHEN ${REPORTING_TASK} THEN to_char(${LAST_REPORT('task', 't.id')}, 'YYYY-MM-DD') END AS "lastReportOn",
              t.report_every_workdays AS "everyWorkdays"
       FROM task t WHERE ${OPEN_TASK} AND t.chain_id = ANY($1)`,
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
             WHERE ${OPEN_TASK} AND t.chain_id = ANY($1)
             GROUP BY t.chain_id, t.id) per_task
       GROUP BY "chainId"`,
      p,
    )) as (NoticeFacts & { chainId: string })[];
    const boards = (await manager.query(
      `SELECT s.chain_id AS "chainId", s.status, s.progress, s.chokepoint,
              to_char(s.start_date, 'YYYY-MM-DD') AS "startDate", to_char(s.target_date, 'YYYY-MM-DD') AS "endDate",
              CASE WHEN ${UNDER_WAY_BOARD} THEN to_char(${LAST_REPORT('short_board', 's.id')}, 'YYYY-MM-DD') END AS "lastReportOn"
       FROM short_board s WHERE s.chain_id = ANY($1) ORDER BY s.id`,
      p,
    )) as (BoardFact & { chainId: string })[];
    const projects = (await manager.query(
      `SELECT p.chain_id AS "chainId", p.stage, p.planned_investment AS "plannedInvestment",
              p.completed_investment AS "completedInvestment",
              to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", to_char(p.end_date, 'YYYY-MM-DD') AS "endDate",
              CASE WHEN ${UNDER_WAY_PROJECT} THEN to_char(${LAST_REPORT('project', 'p.id')}, 'YYYY-MM-DD') END AS "lastReportOn"
       FROM project p WHERE p.chain_id = ANY($1) ORDER BY p.id`,
      p,
    )) as (Omit<ProjectFact, 'plannedInvestment' | 'completedInvestment'> & {
      chainId: string;
      plannedInvestment: string;
      completedInvestment: string;
    })[];
    const requests = (await manager.query(
      `SELECT chain_id AS "chainId", count(*)::int AS open,
              count(*) FILTER (WHERE respond_by < ${TODAY})::int AS overdue
       FROM coordination_request WHERE chain_id = ANY($1) AND status IN ('open', 'assigned')
       GROUP BY chain_id`,
      p,
    )) as { chainId: string; open: number; overdue: number }[];
    const heat = (await manager.query(
      `SELECT t.chain_id AS "chainId", left(o.region_code, 4) || '00' AS "regionCode",
              count(*)::int AS "openTasks",
              count(*) FILTER (WHERE t.due_date < ${TODAY})::int AS "overdueTasks"
       FROM task t JOIN organisation o ON o.id = t.assignee_organisation_id
       WHERE t.chain_id = ANY($1) AND ${OPEN_TASK}
       GROUP BY 1, 2 ORDER BY 1, 2`,
      p,
    )) as (HeatFact & { chainId: string })[];
    const trend = await this.trend(manager, ids, weeks);

    const taskCounts = new Map<string, { open: number; overdue: number; items: ReportingItem[] }>();
    for (const t of tasks) {
      let counts = taskCounts.get(t.chainId);
      if (!counts) taskCounts.set(t.chainId, (counts = { open: 0, overdue: 0, items: [] }));
      counts.open++;
      if (t.overdue) counts.overdue++;
      if (t.reporting)
        counts.items.push({
          since: t.since,
          lastReportOn: t.lastReportOn,
          everyWorkdays: t.everyWorkdays,
        });
    }
    const noticesBy = new Map(notices.map(({ chainId, ...n }) => [chainId, n]));
    const boardsBy = groupBy(boards);
    const projectsBy = groupBy(
      projects.map((x) => ({
        ...x,
        plannedInvestment: Number(x.plannedInvestment),
        completedInvestment: Number(x.completedInvestment),
      })),
    );
    const requestsBy = new Map(requests.map(({ chainId, ...r }) => [chainId, r]));
    const heatBy = groupBy(heat);
    const result = new Map<string, ChainFacts>();
    for (const id of ids) {
      const counts = taskCounts.get(id);
      const chainBoards = boardsBy.get(id) ?? [];
      const chainProjects = projectsBy.get(id) ?? [];
      const underWay: ReportingItem[] = [
        ...chainBoards.filter((b) => boardUnderWay(b.status)),
        ...chainProjects.filter((p) => projectUnderWay(p.stage)),
      ].map((item) => ({
        since: item.startDate,
        lastReportOn: item.lastReportOn,
        everyWorkdays: null,
      }));
      result.set(id, {
        tasks: counts
          ? {
              open: counts.open,
              overdue: counts.overdue,
              reports: reportFreshness(counts.items, today, calendar),
            }
          : NO_TASKS,
        notices: noticesBy.get(id) ?? NO_NOTICES,
        shortBoards: chainBoards,
        projects: chainProjects,
        workReports: reportFreshness(underWay, today, calendar),
        requests: requestsBy.get(id) ?? { open: 0, overdue: 0 },
        heat: heatBy.get(id) ?? [],
        trend: trend.get(id) ?? emptyTrend(),
      });
    }
    return result;
  }

  /**
   * Week by week (Monday to Sunday, Asia/Shanghai), by chain: tasks created (their
   * `created_at`), done (`closed_on`), 督办单 issued, and open tasks overdue at each week's
   * end. A task late at some week's end is open and past due now, or was closed after its
   * due date: those are the rows of `ix_task_late`, so the count reads that index alone.
   */
  private async trend(
    manager: EntityManager,
    ids: readonly string[],
    weeks: readonly string[],
  ): Promise<Map<string, TrendFact>> {
    const start = weeks[0] as string;
    const p = [ids, start];
    const weekly = `to_char(date_trunc('week', %s)::date, 'YYYY-MM-DD')`;
    const created = (await manager.query(
      `SELECT t.chain_id AS "chainId", ${weekly.replace('%s', `(t.created_at AT TIME ZONE 'Asia/Shanghai')`)} AS week, count(*)::int AS n
       FROM task t WHERE t.chain_id = ANY($1) AND t.created_at >= $2::timestamp AT TIME ZONE 'Asia/Shanghai'
       GROUP BY 1, 2`,
      p,
    )) as WeekCount[];
    const done = (await manager.query(
      `SELECT t.chain_id AS "chainId", ${weekly.replace('%s', 't.closed_on')} AS week, count(*)::int AS n
       FROM task t WHERE t.chain_id = ANY($1) AND t.status = 'done' AND t.closed_on >= $2::date
       GROUP BY 1, 2`,
      p,
    )) as WeekCount[];
    const notices = (await manager.query(
      `SELECT t.chain_id AS "chainId", ${weekly.replace('%s', `(n.issued_at AT TIME ZONE 'Asia/Shanghai')`)} AS week, count(*)::int AS n
       FROM supervision_notice n JOIN task t ON t.id = n.task_id
       WHERE n.level IN ('yellow', 'red') AND n.issued_at >= $2::timestamp AT TIME ZONE 'Asia/Shanghai'
         AND t.chain_id = ANY($1)
       GROUP BY 1, 2`,
      p,
    )) as WeekCount[];
    const overdue = (await manager.query(
      `WITH weeks AS (
         SELECT w::date AS start, least((w + interval '7 days')::date, ${TODAY} + 1) AS finish
         FROM unnest($3::date[]) AS w
       ),
       late AS (
         SELECT t.chain_id, t.due_date, t.closed_on, (t.created_at AT TIME ZONE 'Asia/Shanghai')::date AS created
         FROM task t
         WHERE t.chain_id = ANY($1) AND t.status <> 'draft' AND (t.closed_on IS NULL OR t.closed_on > t.due_date)
           AND t.due_date < ${TODAY} AND (t.closed_on IS NULL OR t.closed_on >= $2::date)
       )
       SELECT k.chain_id AS "chainId", to_char(w.start, 'YYYY-MM-DD') AS week, count(*)::int AS n
       FROM late k JOIN weeks w
         ON k.created < w.finish AND k.due_date < w.finish - 1 AND (k.closed_on IS NULL OR k.closed_on >= w.finish)
       GROUP BY 1, 2`,
      [ids, start, weeks],
    )) as WeekCount[];
    const index = new Map(weeks.map((w, i) => [w, i]));
    const result = new Map<
      string,
      { created: number[]; done: number[]; notices: number[]; overdue: number[] }
    >();
    const add = (rows: WeekCount[], key: keyof TrendFact) => {
      for (const row of rows) {
        const at = index.get(row.week);
        if (at === undefined) continue;
        let trend = result.get(row.chainId);
        if (!trend) result.set(row.chainId, (trend = emptyTrend()));
        (trend[key] as number[])[at] = row.n;
      }
    };
    add(created, 'created');
    add(done, 'done');
    add(notices, 'notices');
    add(overdue, 'overdue');
    return result;
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

interface WeekCount {
  readonly chainId: string;
  readonly week: string;
  readonly n: number;
}

function emptyTrend(): { created: number[]; done: number[]; notices: number[]; overdue: number[] } {
  const zeros = () => Array.from({ length: TREND_WEEKS }, () => 0);
  return { created: zeros(), done: zeros(), notices: zeros(), overdue: zeros() };
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
