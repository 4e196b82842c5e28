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
import type { AuthenticatedUser } from '@lianzhang/server/core';
import {
  boardUnderWay,
  HealthService,
  NO_NOTICES,
  NO_TASKS,
  projectUnderWay,
  type HealthFacts,
} from '@lianzhang/server/insights';
import { DataSource, type EntityManager } from 'typeorm';

const OPEN = `t.status NOT IN ('done', 'cancelled')`;
const NOTICE_LIMIT = 50;
/** A cockpit judged for a minute, and its JSON once something asked for it. */
interface Judged {
  readonly dto: CockpitDto;
  json?: string;
}

/** Distinct scopes (the province, each leader's chains, …) memoised at once, at most. */
const MEMO_LIMIT = 200;

const zeroStatuses = (): Record<ShortBoardStatus, number> =>
  Object.fromEntries(SHORT_BOARD_STATUSES.map((s) => [s, 0])) as Record<ShortBoardStatus, number>;

const day = (text: string) => new Date(`${text}T00:00:00+08:00`);

/**
 * The provincial cockpit (驾驶舱), read in one repeatable-read transaction so every
 * figure on the screen is of the same moment. Its chains, tasks, short boards, projects
 * and 督办单 are the facts chain health gathers (leaf chains, each table read once), so
 * the colour and the health score beside it judge the same work. Each chain's colour is
 * judged by the domain's `chainStatus` from those counts, with its reasons. The facts
 * of each chain are kept per day in `chain_facts` and computed again only for chains whose
 * data changed (issue 7: at province scale the plain aggregates took minutes).
 */
@Injectable()
export class CockpitService {
  /** Cockpits judged this minute, by day, minute and the facts' fingerprint (which holds the scope's chains). */
  private readonly memo = new Map<string, Judged>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ChainScopeService,
    private readonly health: HealthService,
  ) {}

  async summary(user: AuthenticatedUser): Promise<CockpitDto> {
    return (await this.judged(user)).dto;
  }

  /**
   * The cockpit as the JSON the api sends: serialised once per judged cockpit (about
   * 280 KB for the province of 176 chains), not once per screen that asks for it.
   */
  async summaryJson(user: AuthenticatedUser): Promise<string> {
    const judged = await this.judged(user);
    judged.json ??= JSON.stringify(judged.dto);
    return judged.json;
  }

  private async judged(user: AuthenticatedUser): Promise<Judged> {
    const { judged, facts } = await this.dataSource.transaction('REPEATABLE READ', (manager) =>
      this.read(manager, user),
    );
    // Facts computed for this read are kept for the next one, outside the snapshot.
    await this.health.remember(facts);
    return judged;
  }

  private async read(
    manager: EntityManager,
    user: AuthenticatedUser,
  ): Promise<{ judged: Judged; facts: HealthFacts }> {
    const scope = await this.scope.visible(user, manager);
    // Leaf chains only (a group such as 新一代信息技术 is the sum of its chains), with
    // their open tasks, notices, short boards, projects, requests, heat and trends, and
    // the health score: each chain's facts are kept for the day until its data changes.
    const facts = await this.health.facts(manager, scope.all ? null : scope.chainIds);
    // The same facts (every chain's version unchanged, the same day) judged within the same
    // minute give the same cockpit: a province office with many screens open computes it
    // once a minute, not once per screen. Any change to a chain's data moves its version.
    const key = `${facts.today}|${Math.floor(facts.now.getTime() / 60_000)}|${facts.fingerprint}`;
    const memo = this.memo.get(key);
    if (memo) return { judged: memo, facts };
    const scores = this.health.judge(facts);
    const { chains, now } = facts;
    const ids = chains.map((c) => c.id);
    const lines = chains.map((chain): CockpitChainDto => {
      const f = facts.byChain.get(chain.id);
      const t = f?.tasks ?? NO_TASKS;
      const n = f?.notices ?? NO_NOTICES;
      const r = f?.requests ?? { open: 0, overdue: 0 };
      const chainBoards = f?.shortBoards ?? [];
      const chainProjects = f?.projects ?? [];
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
    // The province's list needs no list of every chain: only leaf chains are judged.
    const noticeList = await this.notices(manager, scope.all ? null : ids);
    const indicators = await this.indicators(manager);
    const heatmap: CockpitHeatCellDto[] = chains.flatMap((chain) =>
      (facts.byChain.get(chain.id)?.heat ?? []).map((cell) => ({ chainId: chain.id, ...cell })),
    );
    const trends: CockpitTrendsDto = {
      weeks: [...facts.weeks],
      created: weekly(facts, 'created'),
      done: weekly(facts, 'done'),
      notices: weekly(facts, 'notices'),
      overdue: weekly(facts, 'overdue'),
    };
    const dto: CockpitDto = {
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
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    const judged: Judged = { dto };
    this.memo.set(key, judged);
    return { judged, facts };
  }

  /**
   * The latest 督办单 on open tasks, 红牌 first: for each level, the newest walk down
   * `ix_supervision_notice_level_issued_at` until NOTICE_LIMIT of them are on open tasks
   * in scope, then the two lists merged. Across the province that stops after a few dozen
   * rows instead of sorting every notice ever issued.
   */
  private async notices(
    manager: EntityManager,
    ids: readonly string[] | null,
  ): Promise<CockpitNoticeDto[]> {
    const latest = (level: 'red' | 'yellow') => `(
      SELECT n.id, n.number, n.level, n.issued_at AS "issuedAt", n.seq, n.overdue_workdays AS "overdueWorkdays",
             t.id AS "taskId", t.title AS "taskTitle", t.chain_id AS "chainId", t.assignee_organisation_id AS assignee
      FROM supervision_notice n JOIN task t ON t.id = n.task_id
      WHERE n.level = '${level}' AND ${OPEN}
        AND ($1::uuid[] IS NULL OR t.chain_id = ANY($1))
        AND NOT EXISTS (SELECT 1 FROM chain k WHERE k.parent_id = t.chain_id)
      ORDER BY n.issued_at DESC, n.seq DESC LIMIT ${NOTICE_LIMIT})`;
    const rows = (await manager.query(
      `SELECT x.id, x.number, x.level, x."issuedAt", x."overdueWorkdays", x."taskId", x."taskTitle",
              x."chainId", c.name_zh AS "chainName", o.name AS "assigneeName"
       FROM (${latest('red')} UNION ALL ${latest('yellow')}) x
       JOIN chain c ON c.id = x."chainId"
       JOIN organisation o ON o.id = x.assignee
       ORDER BY x.level = 'red' DESC, x."issuedAt" DESC, x.seq DESC
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
}

/** The scope's week-by-week totals of one trend series. */
function weekly(facts: HealthFacts, key: 'created' | 'done' | 'notices' | 'overdue'): number[] {
  const totals = facts.weeks.map(() => 0);
  for (const chain of facts.chains) {
    const series = facts.byChain.get(chain.id)?.trend[key] ?? [];
    series.forEach((n, i) => (totals[i] = (totals[i] ?? 0) + n));
  }
  return totals;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
