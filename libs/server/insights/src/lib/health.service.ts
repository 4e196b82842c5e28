import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  HEALTH_TREND_DAYS,
  type ChainHealthDto,
  type InsightsHealthDto,
} from '@lianzhang/contracts';
import { chainHealth, HEALTH_GROUP_CHAIN, type ChainHealth } from '@lianzhang/domain';
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
    const { dto, facts } = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const scope = await this.scope.visible(user, manager);
      return this.read(manager, scope.all ? null : scope.chainIds);
    });
    await this.remember(facts);
    return dto;
  }

  /**
   * One chain; 404 when it is absent or out of the user's scope. A group of chains has
   * no score of its own: it comes without one, saying so.
   */
  async one(user: AuthenticatedUser, chainId: string): Promise<ChainHealthDto> {
    const { dto, facts } = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await this.scope.requireVisible(user, chainId, manager);
      const read = await this.read(manager, [chainId]);
      const [chain] = read.dto.chains;
      if (chain) return { dto: chain, facts: read.facts };
      const group = await this.repository.chain(manager, chainId);
      if (!group) throw new NotFoundError('chain');
      const dto = toDto(group, {
        score: null,
        grade: null,
        components: [],
        omitted: [],
        reason: HEALTH_GROUP_CHAIN,
      });
      return { dto, facts: read.facts };
    });
    await this.remember(facts);
    return dto;
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
    const facts = await this.facts(manager, ids);
    return { facts, scores: this.judge(facts) };
  }

  /** The facts alone, for a reader that may already hold what it would judge from them. */
  async facts(manager: EntityManager, ids: readonly string[] | null): Promise<HealthFacts> {
    const calendar = await this.calendars.calendar(manager);
    return this.repository.facts(manager, ids, calendar);
  }

  /** Computes and keeps the facts of every leaf chain not yet current for today. */
  async prepareDay(): Promise<{ day: string; computed: number }> {
    const facts = await this.dataSource.transaction('REPEATABLE READ', (manager) =>
      this.facts(manager, null),
    );
    await this.remember(facts);
    this.logger.log(`chain facts ${facts.today}: ${facts.computed.length} chains computed`);
    return { day: facts.today, computed: facts.computed.length };
  }

  /**
   * Keeps the facts `assess` had to compute for the next reader (`chain_facts`). Call it
   * after the transaction `assess` ran in, so that a repeatable-read snapshot never writes.
   */
  async remember(facts: HealthFacts): Promise<void> {
    await this.repository.remember(this.dataSource.manager, facts);
  }

  /**
   * Today's snapshot of every leaf chain, in one pass: the same queries as a live read of
   * the province, then one insert. The job runs at 23:55 Shanghai, so the row of a day
   * holds that day's state at its end. A chain already snapshotted today keeps its row,
   * so a second run the same day (a retry, a second worker) adds nothing.
   */
  async snapshot(): Promise<{ day: string; chains: number; inserted: number }> {
    const { result, facts } = await this.dataSource.transaction(
      'REPEATABLE READ',
      async (manager) => {
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
        return { result: { day: facts.today, chains: facts.chains.length, inserted }, facts };
      },
    );
    await this.remember(facts);
    return result;
  }

  private async read(
    manager: EntityManager,
    ids: readonly string[] | null,
  ): Promise<{ dto: InsightsHealthDto; facts: HealthFacts }> {
    const { facts, scores } = await this.assess(manager, ids);
    const trends = await this.repository.trends(manager, ids, HEALTH_TREND_DAYS);
    const chains = facts.chains
      .map((chain) => toDto(chain, scores.get(chain.id) as ChainHealth, trends.get(chain.id)))
      .sort(
        (a, b) =>
          (a.score ?? Number.POSITIVE_INFINITY) - (b.score ?? Number.POSITIVE_INFINITY) ||
          a.code.localeCompare(b.code),
      );
    return { dto: { asOf: facts.today, chains }, facts };
  }

  /** Each chain's score, judged now from its facts. */
  judge(facts: HealthFacts): Map<string, ChainHealth> {
    const scores = new Map<string, ChainHealth>();
    for (const chain of facts.chains) {
      const chainFacts = facts.byChain.get(chain.id);
      const tasks = chainFacts?.tasks ?? NO_TASKS;
      const notices = chainFacts?.notices ?? NO_NOTICES;
      const boards = (chainFacts?.shortBoards ?? []).filter((b) => boardUnderWay(b.status));
      const projects = (chainFacts?.projects ?? []).filter((p) => projectUnderWay(p.stage));
      // Open work should report: a task from its assignment, a board or project from its
      // start; both judged for the day with the facts.
      const others = chainFacts?.workReports ?? { expected: 0, fresh: 0 };
      scores.set(
        chain.id,
        chainHealth({
          now: facts.now,
          openTasks: tasks.open,
          overdueTasks: tasks.overdue,
          shortBoards: boards,
          projects,
          reports: {
            expected: tasks.reports.expected + others.expected,
            fresh: tasks.reports.fresh + others.fresh,
          },
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
