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

/** Processors; imported by apps/worker only. */
@Module({ imports: [InsightsModule], providers: [InsightSnapshotHandler] })
export class InsightsJobsModule {}
