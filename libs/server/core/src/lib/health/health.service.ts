import { Inject, Injectable } from '@nestjs/common';
import type { HealthCheck, HealthResponse, QueueHealthCheck } from '@lianzhang/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { JobQueue } from '../queue/queue.module';
import { jobId, QUEUES } from '../queue/queue.definitions';

export const HEALTH_OPTIONS = Symbol('HEALTH_OPTIONS');
export interface HealthOptions {
  /** How long the canary may take through the queue and a worker. */
  readonly canaryTimeoutMs: number;
  readonly version: string;
}

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    @Inject(HEALTH_OPTIONS) private readonly options: HealthOptions,
  ) {}

  async check(): Promise<HealthResponse> {
    const [database, queue] = await Promise.all([this.checkDatabase(), this.checkQueue()]);
    return {
      status: database.status === 'up' && queue.status === 'up' ? 'up' : 'down',
      version: this.options.version,
      uptimeSeconds: Math.round(process.uptime()),
      checks: { database, queue },
    };
  }

  async checkDatabase(): Promise<HealthCheck> {
    return timed(async () => {
      await this.dataSource.query('SELECT 1');
    });
  }

  /**
   * A real round trip, not a ping: a canary job goes onto the system queue, a worker
   * takes it and its result comes back. Fails when no worker is running.
   */
  async checkQueue(): Promise<QueueHealthCheck> {
    const id = jobId('canary', randomUUID());
    const result = await timed(async () => {
      const events = await this.jobs.queueEvents(QUEUES.system);
      const job = await this.jobs.add(
        'system.canary',
        { requestedAt: new Date().toISOString() },
        { jobId: id },
      );
      await job.waitUntilFinished(events, this.options.canaryTimeoutMs);
    });
    return { ...result, backend: this.jobs.connection.settings.backend, canaryJobId: id };
  }
}

async function timed(check: () => Promise<void>): Promise<HealthCheck> {
  const started = performance.now();
  try {
    await check();
    return { status: 'up', durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      status: 'down',
      durationMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
