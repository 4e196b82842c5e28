import { Injectable, Module } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandler, type HandlesJob } from './job-handler';
import type { JobPayloads } from './queue.definitions';

export interface CanaryResult {
  readonly requestedAt: string;
  readonly handledAt: string;
  readonly workerPid: number;
}

/** Answers the health check's canary: proof that the worker takes jobs off the queue. */
@Injectable()
@JobHandler('system.canary')
export class CanaryHandler implements HandlesJob<'system.canary', CanaryResult> {
  async handle(job: Job<JobPayloads['system.canary']>): Promise<CanaryResult> {
    return {
      requestedAt: job.data.requestedAt,
      handledAt: new Date().toISOString(),
      workerPid: process.pid,
    };
  }
}

/** The system queue's processors; imported by apps/worker only. */
@Module({ providers: [CanaryHandler] })
export class SystemJobsModule {}
