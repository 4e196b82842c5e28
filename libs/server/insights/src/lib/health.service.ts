import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  HEALTH_TREND_DAYS,
  type ChainHealthDto,
  type InsightsHealthDto,
} from '@lianzhang/contracts';
import { chainHealth, reportFreshness, type ChainHealth } from '@lianzhang/domain';
import { CalendarService } from '@lianzhang/server/calendar';
import { ChainScopeService } from '@lianzhang/server/chains';
import type { AuthenticatedUser } from '@lianzhang/server/core';
import { DataSource, type EntityManager } from 'typeorm';
import { HealthRepository, type ChainRow, type HealthFacts } from './health.repository';

/**
 * Chain health (DESIGN.md §3, chain): the domain's `chainHealth` over facts gathered for
 * a whole set of chains at once, read in one repeatable-read transaction so every
 * figure is of the same moment. Live scores for the screens; one snapshot per chain and
 * Shanghai day for the trend, written by the nightly `insight.snapshot` job.
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

  /** Every chain the user may see, worst first, with its trend. */
  async list(user: AuthenticatedUser): Promise<InsightsHealthDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const scope = await this.scope.visible(user, manager);
      return this.read(manager, scope.all ? null : scope.chainIds);
    });
  }

  /** One chain; 404 when it is absent or out of the user's scope. */
  async one(user: AuthenticatedUser, chainId: string): Promise<ChainHealthDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await this.scope.requireVisible(user, chainId, manager);
      const [chain] = (await this.read(manager, [chainId])).chains;
      return chain as ChainHealthDto;
    });
  }

  /** Scores of the chains `ids` (null: all), judged now; for the cockpit and the screens. */
  async scores(
    manager: EntityManager,
    ids: readonly string[] | null,
  ): Promise<{ today: string; scores: Map<string, ChainHealth> }> {
    const facts = await this.repository.facts(manager, ids);
    return { today: facts.today, scores: await this.judge(manager, facts) };
  }

  /**
   * Today's snapshot of every chain, in one pass: the same queries as a live read of the
   * province, then one insert. A chain already snapshotted today keeps its row, so a
   * second run the same day (a retry, a second worker) adds nothing.
   */
  async snapshot(): Promise<{ day: string; chains: number; inserted: number }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const facts = await this.repository.facts(manager, null);
      const scores = await this.judge(manager, facts);
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
    const facts = await this.repository.facts(manager, ids);
    const scores = await this.judge(manager, facts);
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
      const tasks = facts.tasks.get(chain.id) ?? { open: 0, overdue: 0 };
      const notices = facts.notices.get(chain.id) ?? { yellow: 0, red: 0 };
      scores.set(
        chain.id,
        chainHealth({
          now: facts.now,
          openTasks: tasks.open,
          overdueTasks: tasks.overdue,
          shortBoards: facts.shortBoards.get(chain.id) ?? [],
          projects: facts.projects.get(chain.id) ?? [],
          reports: reportFreshness(facts.reporting.get(chain.id) ?? [], facts.today, calendar),
          yellowNotices: notices.yellow,
          redNotices: notices.red,
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
