import { Injectable, Module } from '@nestjs/common';
import { JobHandler, type HandlesJob } from '@lianzhang/server/core';
import { HealthService } from './health.service';
import { InsightsModule } from './insights.module';

/**
 * The nightly health snapshot (job scheduler `insight-snapshot`, 23:55 Shanghai): every
 * leaf chain in one pass, one row per chain and day, stored under the day whose state it
 * records (the day about to end); a second run the same day adds nothing.
 */
@Injectable()
@JobHandler('reports.health-snapshot')
export class InsightSnapshotHandler implements HandlesJob<'reports.health-snapshot'> {
  constructor(private readonly health: HealthService) {}

  handle(): Promise<{ day: string; chains: number; inserted: number }> {
    return this.health.snapshot();
  }
}

/**
 * The new day's chain facts (job scheduler `chain-facts`, 00:01 Shanghai): every leaf
 * chain's facts computed in one pass and kept in `chain_facts`, so the day's first cockpit
 * reads them instead of computing the province (seconds at 1,000,000 tasks).
 */
@Injectable()
@JobHandler('reports.chain-facts')
export class ChainFactsHandler implements HandlesJob<'reports.chain-facts'> {
  constructor(private readonly health: HealthService) {}

  handle(): Promise<{ day: string; computed: number }> {
    return this.health.prepareDay();
  }
}

/** Processors; imported by apps/worker only. */
@Module({ imports: [InsightsModule], providers: [InsightSnapshotHandler, ChainFactsHandler] })
export class InsightsJobsModule {}
