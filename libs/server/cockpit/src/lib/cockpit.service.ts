import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CockpitChainDto,
  CockpitDto,
  CockpitHeatCellDto,
  CockpitIndicatorDto,
  CockpitNoticeDto,
  CockpitTrendsDto,
} from '@lianzhang/contracts';
import {
  chainStatus,
  paceOf,
  projectPace,
  SHANDONG_CITIES,
  SHORT_BOARD_STATUSES,
  type ChainColour,
  type ShortBoardStatus,
} from '@lianzhang/domain';
import { ChainScopeService } from '@lianzhang/server/chains';
import { TODAY, type AuthenticatedUser } from '@lianzhang/server/core';
import {
  boardUnderWay,
  HealthService,
  projectUnderWay,
  type NoticeFacts,
  type TaskFacts,
} from '@lianzhang/server/insights';
import { DataSource, type EntityManager } from 'typeorm';

const OPEN = `t.status NOT IN ('done', 'cancelled')`;
/** Weeks of history the trend charts show. */
export const TREND_WEEKS = 12;
const NOTICE_LIMIT = 50;

const NO_TASKS: Pick<TaskFacts, 'open' | 'overdue'> = { open: 0, overdue: 0 };
const NO_NOTICES: Pick<NoticeFacts, 'yellow' | 'red'> = { yellow: 0, red: 0 };

const zeroStatuses = (): Record<ShortBoardStatus, number> =>
  Object.fromEntries(SHORT_BOARD_STATUSES.map((s) => [s, 0])) as Record<ShortBoardStatus, number>;

const day = (text: string) => new Date(`${text}T00:00:00+08:00`);

/**
 * The provincial cockpit (驾驶舱), read in one repeatable-read transaction so every
 * figure on the screen is of the same moment. Its chains, tasks, short boards, projects
 * and 督办单 are the facts chain health gathers (leaf chains, each table read once), so
 * the colour and the health score beside it judge the same work. Each chain's colour is
 * judged by the domain's `chainStatus` from those counts, with its reasons. Plain
 * aggregate queries over the scope; issue 7 measures them at province scale.
 */
@Injectable()
export class CockpitService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ChainScopeService,
    private readonly health: HealthService,
  ) {}

  async summary(user: AuthenticatedUser): Promise<CockpitDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const scope = await this.scope.visible(user, manager);
      // Leaf chains only (a group such as 新一代信息技术 is the sum of its chains), with
      // their open tasks, notices, short boards and projects, and the health score.
      const { facts, scores } = await this.health.assess(
        manager,
        scope.all ? null : scope.chainIds,
      );
      const { chains, now } = facts;
      const ids = chains.map((c) => c.id);
      // One connection, one query at a time (pg queues them anyway, and warns).
      const requests = await this.requestCounts(manager, ids);
      const lines = chains.map((chain): CockpitChainDto => {
        const t = facts.tasks.get(chain.id) ?? NO_TASKS;
        const n = facts.notices.get(chain.id) ?? NO_NOTICES;
        const r = requests.get(chain.id) ?? { open: 0, overdue: 0 };
        const chainBoards = facts.shortBoards.get(chain.id) ?? [];
        const chainProjects = facts.projects.get(chain.id) ?? [];
        const byStatus = zeroStatuses();
        for (const board of chainBoards) byStatus[board.status]++;
        // Pace of the boards under way: neither resolved nor shelved, as health judges them.
        const boardPaces = chainBoards
          .filter((b) => boardUnderWay(b.status))
          .map((b) => ({
            chokepoint: b.chokepoint,
            pace: paceOf(b.progress, day(b.startDate), day(b.endDate), now).colour,
          }));
        const projectPaces = chainProjects
          .filter((p) => projectUnderWay(p.stage))
          .map((p) => ({
            pace: projectPace(
              p.plannedInvestment,
              p.completedInvestment,
              day(p.startDate),
              day(p.endDate),
              now,
            ).colour,
          }));
        const status = chainStatus({
          openTasks: t.open,
          overdueTasks: t.overdue,
          yellowNotices: n.yellow,
          redNotices: n.red,
          shortBoards: boardPaces,
          projects: projectPaces,
          overdueRequests: r.overdue,
        });
        return {
          id: chain.id,
          code: chain.code,
          nameZh: chain.nameZh,
          nameEn: chain.nameEn,
          industryGroup: chain.industryGroup,
          colour: status.colour,
          healthScore: scores.get(chain.id)?.score ?? null,
          reasons: status.reasons,
          openTasks: t.open,
          overdueTasks: t.overdue,
          shortBoards: byStatus,
          shortBoardsBehind: boardPaces.filter((b) => b.pace !== 'green').length,
          projects: chainProjects.length,
          projectsBehind: projectPaces.filter((p) => p.pace !== 'green').length,
          plannedInvestment: sum(chainProjects.map((p) => p.plannedInvestment)),
          completedInvestment: sum(chainProjects.map((p) => p.completedInvestment)),
          yellowNotices: n.yellow,
          redNotices: n.red,
          openRequests: r.open,
          overdueRequests: r.overdue,
          targetValue: chain.targetValue,
          targetUnit: chain.targetUnit,
          targetText: chain.targetText,
        };
      });
      const colours: Record<ChainColour, number> = { green: 0, yellow: 0, red: 0 };
      const shortBoards = zeroStatuses();
      for (const line of lines) {
        colours[line.colour]++;
        for (const status of SHORT_BOARD_STATUSES) shortBoards[status] += line.shortBoards[status];
      }
      const noticeList = await this.notices(manager, ids);
      const indicators = await this.indicators(manager);
      const heatmap = await this.heatmap(manager, ids);
      const trends = await this.trends(manager, ids);
      return {
        asOf: facts.today,
        totals: {
          chains: colours,
          openTasks: sum(lines.map((l) => l.openTasks)),
          overdueTasks: sum(lines.map((l) => l.overdueTasks)),
          shortBoards,
          plannedInvestment: sum(lines.map((l) => l.plannedInvestment)),
          completedInvestment: sum(lines.map((l) => l.completedInvestment)),
          yellowNotices: sum(lines.map((l) => l.yellowNotices)),
          redNotices: sum(lines.map((l) => l.redNotices)),
        },
        chains: lines,
        notices: noticeList,
        indicators,
        heatmap: {
          cities: SHANDONG_CITIES.map((c) => ({
            code: c.code,
            nameZh: c.nameZh,
            nameEn: c.nameEn,
          })),
          cells: heatmap,
        },
        trends,
      };
    });
  }

  private async requestCounts(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<Map<string, { open: number; overdue: number }>> {
    const rows = (await manager.query(
      `SELECT chain_id AS "chainId",
              count(*)::int AS open,
              count(*) FILTER (WHERE respond_by < ${TODAY})::int AS overdue
       FROM coordination_request WHERE chain_id = ANY($1) AND status IN ('open', 'assigned')
       GROUP BY chain_id`,
      [ids],
    )) as { chainId: string; open: number; overdue: number }[];
    return new Map(rows.map((r) => [r.chainId, r]));
  }

  private async notices(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<CockpitNoticeDto[]> {
    const rows = (await manager.query(
      `SELECT n.id, n.number, n.level, n.issued_at AS "issuedAt", n.overdue_workdays AS "overdueWorkdays",
              t.id AS "taskId", t.title AS "taskTitle", c.id AS "chainId", c.name_zh AS "chainName",
              o.name AS "assigneeName"
       FROM supervision_notice n
       JOIN task t ON t.id = n.task_id
       JOIN chain c ON c.id = t.chain_id
       JOIN organisation o ON o.id = t.assignee_organisation_id
       WHERE t.chain_id = ANY($1) AND ${OPEN}
       ORDER BY n.level = 'red' DESC, n.issued_at DESC, n.seq DESC
       LIMIT ${NOTICE_LIMIT}`,
      [ids],
    )) as (Omit<CockpitNoticeDto, 'issuedAt'> & { issuedAt: Date })[];
    return rows.map((r) => ({ ...r, issuedAt: r.issuedAt.toISOString() }));
  }

  private async indicators(manager: EntityManager): Promise<CockpitIndicatorDto[]> {
    const rows = (await manager.query(
      `SELECT code, name_zh AS "nameZh", name_en AS "nameEn", unit, base2020 AS "base2020",
              target2025 AS "target2025", nature, category
       FROM plan_indicator ORDER BY sort_order, code`,
    )) as (Omit<CockpitIndicatorDto, 'base2020' | 'target2025'> & {
      base2020: string | null;
      target2025: string | null;
    })[];
    return rows.map((r) => ({
      ...r,
      base2020: r.base2020 === null ? null : Number(r.base2020),
      target2025: r.target2025 === null ? null : Number(r.target2025),
    }));
  }

  /** Open work by the city of its 主办 (a county's enterprise counts for its city). */
  private async heatmap(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<CockpitHeatCellDto[]> {
    return (await manager.query(
      `SELECT t.chain_id AS "chainId", left(o.region_code, 4) || '00' AS "regionCode",
              count(*)::int AS "openTasks",
              count(*) FILTER (WHERE t.due_date < ${TODAY})::int AS "overdueTasks"
       FROM task t JOIN organisation o ON o.id = t.assignee_organisation_id
       WHERE t.chain_id = ANY($1) AND ${OPEN} AND t.status <> 'draft'
       GROUP BY 1, 2 ORDER BY 1, 2`,
      [ids],
    )) as CockpitHeatCellDto[];
  }

  /**
   * Week by week (Monday to Sunday, Asia/Shanghai) over the last TREND_WEEKS weeks, this
   * week included: tasks created, tasks done, 督办单 issued, and open tasks overdue at the
   * end of the week (today for this week), rebuilt from the task history.
   */
  private async trends(manager: EntityManager, ids: readonly string[]): Promise<CockpitTrendsDto> {
    const rows = (await manager.query(
      `WITH weeks AS (
         SELECT w::date AS start, least((w + interval '7 days')::date, ${TODAY} + 1) AS finish
         FROM generate_series(date_trunc('week', ${TODAY}) - interval '${TREND_WEEKS - 1} weeks',
                              date_trunc('week', ${TODAY}), interval '1 week') AS w
       ),
       events AS (
         SELECT (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS day, e.action, e.to_status
         FROM task_event e JOIN task t ON t.id = e.task_id
         WHERE t.chain_id = ANY($1)
           AND e.occurred_at >= (SELECT min(start) FROM weeks)::timestamp AT TIME ZONE 'Asia/Shanghai'
       ),
       closed AS (
         SELECT t.id, t.due_date, (t.created_at AT TIME ZONE 'Asia/Shanghai')::date AS created,
                (SELECT min((e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date) FROM task_event e
                 WHERE e.task_id = t.id AND e.to_status IN ('done', 'cancelled')) AS closed
         FROM task t WHERE t.chain_id = ANY($1) AND t.status <> 'draft'
       )
       SELECT to_char(w.start, 'YYYY-MM-DD') AS week,
              (SELECT count(*) FROM events e WHERE e.action = 'create' AND e.day >= w.start AND e.day < w.finish)::int AS created,
              (SELECT count(*) FROM events e WHERE e.to_status = 'done' AND e.day >= w.start AND e.day < w.finish)::int AS done,
              (SELECT count(*) FROM supervision_notice n JOIN task t ON t.id = n.task_id
               WHERE t.chain_id = ANY($1)
                 AND (n.issued_at AT TIME ZONE 'Asia/Shanghai')::date >= w.start
                 AND (n.issued_at AT TIME ZONE 'Asia/Shanghai')::date < w.finish)::int AS notices,
              (SELECT count(*) FROM closed k
               WHERE k.created < w.finish AND k.due_date < w.finish - 1
                 AND (k.closed IS NULL OR k.closed >= w.finish))::int AS overdue
       FROM weeks w ORDER BY w.start`,
      [ids],
    )) as { week: string; created: number; done: number; notices: number; overdue: number }[];
    return {
      weeks: rows.map((r) => r.week),
      created: rows.map((r) => r.created),
      done: rows.map((r) => r.done),
      notices: rows.map((r) => r.notices),
      overdue: rows.map((r) => r.overdue),
    };
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
