import { Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { JobHandler, type HandlesJob } from '@lianzhang/server/core';
import type { Job } from 'bullmq';
import { EventEffects } from './event-effects';
import { SchedulerService, type FireOutcome } from './scheduler.service';

/** The scheduler's services: imported by every feature that schedules or fires events. */
@Module({
  providers: [SchedulerService, EventEffects],
  exports: [SchedulerService, EventEffects],
})
export class SchedulerModule {}

/** Wakes one event up: the row decides what, if anything, happens. */
@Injectable()
@JobHandler('scheduler.fire')
export class FireEventHandler implements HandlesJob<'scheduler.fire', FireOutcome> {
  constructor(private readonly scheduler: SchedulerService) {}

  handle(job: Job<{ eventId: string; version: number }>): Promise<FireOutcome> {
    return this.scheduler.fire(job.data.eventId, job.data.version);
  }
}

/** The reconciler, at worker start and then as a job scheduler (see `JOB_SCHEDULES`). */
@Injectable()
@JobHandler('scheduler.reconcile')
export class ReconcileEventsHandler
  implements HandlesJob<'scheduler.reconcile', { considered: number }>, OnApplicationBootstrap
{
  constructor(private readonly scheduler: SchedulerService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.reconcile();
  }

  handle(): Promise<{ considered: number }> {
    return this.scheduler.reconcile();
  }
}

/** Processors of the scheduler queue; imported by apps/worker only. */
@Module({
  imports: [SchedulerModule],
  providers: [FireEventHandler, ReconcileEventsHandler],
})
export class SchedulerJobsModule {}
