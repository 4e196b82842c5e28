import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  HEALTH_TREND_DAYS,
  type ChainHealthDto,
  type InsightsHealthDto,
} from '@lianzhang/contracts';
import {
  chainHealth,
  HEALTH_GROUP_CHAIN,
  reportFreshness,
  type ChainHealth,
  type ReportingItem,
} from '@lianzhang/domain';
import { CalendarService } from '@lianzhang/server/calendar';
import { ChainScopeService } from '@lianzhang/server/chains';
import { NotFoundError, type AuthenticatedUser } from '@lianzhang/server/core';
import { DataSource, type EntityManager } from 'typeorm';
import {
  boardUnderWay,
  HealthRepository,
  NO_NOTICES,
  NO_TASKS,
  projectUnderWay,
  type ChainRow,
  type HealthFacts,
} from './health.repository';

/**
 * Chain health (DESIGN.md §3, chain): the domain's `chainHealth` over facts gathered for
 * a whole set of leaf chains at once, read in one repeatable-read transaction so every
 * figure is of the same moment. Live scores for the screens and the cockpit (which
 * reads its own counts from the same facts); one snapshot per chain and Shanghai day
 * for the trend, written by the nightly `reports.health-snapshot` job at the end of the day.
 */
@Injectable()
export class HealthService {
  private readonly logger = new Logger(HealthService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ChainScopeService,
    private readonly repository: HealthRepository,
    private readonly calendars: CalendarService,
  ) {}

  /** Every leaf chain the user may see, worst first, with its trend. */
  async list(user: AuthenticatedUser): Promise<InsightsHealthDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const scope = await this.scope.visible(user, manager);
      return this.read(manager, scope.all ? null : scope.chainIds);
    });
  }

  /**
   * One chain; 404 when it is absent or out of the user's scope. A group of chains has
   * no score of its own: it comes without one, saying so.
   */
  async one(user: AuthenticatedUser, chainId: string): Promise<ChainHealthDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await this.scope.requireVisible(user, chainId, manager);
      const [chain] = (await this.read(manager, [chainId])).chains;
      if (chain) return chain;
      const group = await this.repository.chain(manager, chainId);
      if (!group) throw new NotFoundError('chain');
      return toDto(group, {
        score: null,
        grade: null,
        components: [],
        omitted: [],
        reason: HEALTH_GROUP_CHAIN,
      });
    });
  }

  /**
   * The facts of the leaf chains `ids` (null: all) and their scores, judged now, in the
   * caller's transaction. The cockpit takes its own counts from the same facts, so each
   * table is read once.
   */
  async assess(
    manager: EntityManager,
    ids: readonly string[] | null,
  ): Promise<{ facts: HealthFacts; scores: Map<string, ChainHealth> }> {
    const facts = await this.repository.facts(manager, ids);
    return { facts, scores: await this.judge(manager, facts) };
  }

  /**
   * Today's snapshot of every leaf chain, in one pass: the same queries as a live read of
   * the province, then one insert. The job runs at 23:55 Shanghai, so the row of a day
   * holds that day's state at its end. A chain already snapshotted today keeps its row,
   * so a second run the same day (a retry, a second worker) adds nothing.
   */
  async snapshot(): Promise<{ day: string; chains: number; inserted: number }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const { facts, scores } = await this.assess(manager, null);
      const inserted = await this.repository.insertSnapshots(
        manager,
        facts.today,
        facts.chains.map((chain) => {
          const health = scores.get(chain.id) as ChainHealth;
          return {
            chainId: chain.id,
            score: health.score,
            grade: health.grade,
            components: [...health.components],
          };
        }),
      );
      this.logger.log(
        `health snapshot ${facts.today}: ${inserted} of ${facts.chains.length} chains written`,
      );
      return { day: facts.today, chains: facts.chains.length, inserted };
    });
  }

  private async read(
    manager: EntityManager,
    ids: readonly string[] | null,
  ): Promise<InsightsHealthDto> {
    const { facts, scores } = await this.assess(manager, ids);
    const trends = await this.repository.trends(manager, ids, HEALTH_TREND_DAYS);
    const chains = facts.chains
      .map((chain) => toDto(chain, scores.get(chain.id) as ChainHealth, trends.get(chain.id)))
      .sort(
        (a, b) =>
          (a.score ?? Number.POSITIVE_INFINITY) - (b.score ?? Number.POSITIVE_INFINITY) ||
          a.code.localeCompare(b.code),
      );
    return { asOf: facts.today, chains };
  }

  private async judge(
    manager: EntityManager,
    facts: HealthFacts,
  ): Promise<Map<string, ChainHealth>> {
    const calendar = await this.calendars.calendar(manager);
    const scores = new Map<string, ChainHealth>();
    for (const chain of facts.chains) {
      const tasks = facts.tasks.get(chain.id) ?? NO_TASKS;
      const notices = facts.notices.get(chain.id) ?? NO_NOTICES;
      const boards = (facts.shortBoards.get(chain.id) ?? []).filter((b) => boardUnderWay(b.status));
      const projects = (facts.projects.get(chain.id) ?? []).filter((p) => projectUnderWay(p.stage));
      // Open work should report: a task from its assignment, a board or project from its start.
      const reporting: ReportingItem[] = [
        ...tasks.reporting,
        ...[...boards, ...projects].map((item) => ({
          since: item.startDate,
          lastReportOn: item.lastReportOn,
          everyWorkdays: null,
        })),
      ];
      scores.set(
        chain.id,
        chainHealth({
          now: facts.now,
          openTasks: tasks.open,
          overdueTasks: tasks.overdue,
          shortBoards: boards,
          projects,
          reports: reportFreshness(reporting, facts.today, calendar),
          yellowNotices: notices.yellowTasks,
          redNotices: notices.redTasks,
        }),
      );
    }
    return scores;
  }
}

function toDto(
  chain: ChainRow,
  health: ChainHealth,
  trend: ChainHealthDto['trend'] = [],
): ChainHealthDto {
  return {
    chainId: chain.id,
    code: chain.code,
    nameZh: chain.nameZh,
    nameEn: chain.nameEn,
    industryGroup: chain.industryGroup,
    level: chain.level,
    regionCode: chain.regionCode,
    score: health.score,
    grade: health.grade,
    components: health.components,
    omitted: health.omitted,
    reason: health.reason,
    trend,
  };
}
