import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from './queue.definitions';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

/** Marks a provider as the one handler of a job; the worker finds it at start. */
export const JobHandler = (name: JobName): ClassDecorator => SetMetadata(JOB_HANDLER, name);

export interface HandlesJob<N extends JobName, R = unknown> {
  handle(job: Job<JobPayloads[N], R, N>): Promise<R>;
}
