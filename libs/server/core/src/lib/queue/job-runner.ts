import {
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import type { Job, JobsOptions, Worker } from 'bullmq';
import { JOB_HANDLER, type HandlesJob } from './job-handler';
import { QueueConnection } from './queue-connection';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { JobQueue } from './queue.module';
import {
  JOB_SCHEDULES,
  JOBS,
  QUEUE_CONCURRENCY,
  type JobName,
  type QueueName,
} from './queue.definitions';

/** Thrown at start when a job has no handler or more than one. */
export class JobHandlerRegistryError extends Error {
  override name = 'JobHandlerRegistryError';
}

/**
 * Checks that every job of {@link JOBS} has exactly one handler, then starts one BullMQ
 * worker per queue that dispatches by job name. Imported by apps/worker only: a process
 * that loads it consumes jobs.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly workers: Worker[] = [];
  private handlers = new Map<JobName, HandlesJob<JobName>>();
  private watchdog: NodeJS.Timeout | undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly connection: QueueConnection,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Job names this process handles, and whether every worker is running. */
  status(): { readonly running: boolean; readonly jobs: readonly JobName[] } {
    return {
      running: this.workers.length > 0 && this.workers.every((w) => w.isRunning()),
      jobs: [...this.handlers.keys()],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    this.handlers = collectHandlers(
      this.discovery
        .getProviders()
        .filter((wrapper) => wrapper.metatype && wrapper.instance)
        .map((wrapper) => ({
          name: Reflect.getMetadata(JOB_HANDLER, wrapper.metatype as object) as JobName | undefined,
          instance: wrapper.instance as HandlesJob<JobName>,
          className: (wrapper.metatype as { name: string }).name,
        })),
    );
    const queues = new Set<QueueName>(Object.values(JOBS).map((job) => job.queue));
    for (const queue of queues) {
      const worker = this.connection.createWorker(queue, (job: Job) => this.dispatch(job), {
        concurrency: QUEUE_CONCURRENCY[queue],
        // A worker killed mid-job holds its jobs until the lock runs out; the live one
        // renews it every half period. 15 s + a 5 s check brings them back within 20 s.
        lockDuration: 15_000,
        stalledInterval: 5_000,
      });
      worker.on('failed', (job, error) =>
        this.logger.warn(
          `job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`,
        ),
      );
      worker.on('error', (error) => this.logger.error(`worker ${queue}: ${error.message}`));
      this.workers.push(worker);
    }
    // Ready means connected: a process that says it started is one that takes jobs.
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
    await this.ensureSchedules(true);
    // A flushed or replaced Redis loses the job schedulers with everything else: each
    // worker checks for them every interval and puts back what is missing.
    this.watchdog = setInterval(
      () => void this.ensureSchedules(false).catch(() => undefined),
      this.config.scheduler.reconcileEveryMs,
    );
    this.logger.log(
      `consuming ${queues.size} queue(s) on ${this.connection.settings.backend}: ${[...queues].join(', ')}`,
    );
  }

  private async ensureSchedules(force: boolean): Promise<void> {
    for (const schedule of JOB_SCHEDULES) {
      const queue = this.jobs.queue(JOBS[schedule.job].queue);
      if (!force && (await queue.getJobScheduler(schedule.id))) continue;
      if (!force) this.logger.warn(`job scheduler ${schedule.id} was missing; restored`);
      await queue.upsertJobScheduler(schedule.id, schedule.repeat(this.config), {
        name: schedule.job,
        data: {},
        opts: JOBS[schedule.job].options as JobsOptions,
      });
    }
  }

  /** Before the database closes: let active jobs finish, take no new ones. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.watchdog);
    await Promise.allSettled(this.workers.splice(0).map((w) => w.close()));
  }

  private dispatch(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) {
      throw new Error(`no handler for job "${job.name}"`);
    }
    return handler.handle(job as never);
  }
}

/** Pure check of the handler set: every job exactly one handler, no handler without a job. */
export function collectHandlers(
  candidates: readonly {
    name: JobName | undefined;
    instance: HandlesJob<JobName>;
    className: string;
  }[],
  jobs: readonly JobName[] = Object.keys(JOBS) as JobName[],
): Map<JobName, HandlesJob<JobName>> {
  const found = new Map<JobName, { instance: HandlesJob<JobName>; className: string }[]>();
  for (const candidate of candidates) {
    if (!candidate.name) continue;
    if (!jobs.includes(candidate.name)) {
      throw new JobHandlerRegistryError(
        `${candidate.className} handles unknown job "${candidate.name}"`,
      );
    }
    found.set(candidate.name, [...(found.get(candidate.name) ?? []), candidate]);
  }
  const problems: string[] = [];
  for (const name of jobs) {
    const handlers = found.get(name) ?? [];
    if (handlers.length === 0) problems.push(`job "${name}" has no handler`);
    if (handlers.length > 1) {
      problems.push(
        `job "${name}" has ${handlers.length} handlers: ${handlers.map((h) => h.className).join(', ')}`,
      );
    }
  }
  if (problems.length > 0) {
    throw new JobHandlerRegistryError(problems.join('; '));
  }
  return new Map(
    [...found].map(([name, handlers]) => [
      name,
      (handlers[0] as (typeof handlers)[number]).instance,
    ]),
  );
}

@Module({
  imports: [DiscoveryModule],
  providers: [JobRunner],
  exports: [JobRunner],
})
export class JobRunnerModule {}
