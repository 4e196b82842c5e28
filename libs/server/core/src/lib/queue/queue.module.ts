import {
  Global,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Job, JobsOptions, Queue, QueueEvents } from 'bullmq';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { QueueConnection, queueSettings } from './queue-connection';
import { JOBS, type JobName, type JobPayloads, type QueueName } from './queue.definitions';

/** Adds jobs by name with their typed payload and their preset options. */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  private readonly events = new Map<QueueName, QueueEvents>();

  constructor(readonly connection: QueueConnection) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connection.checkRedisPolicy();
  }

  async add<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: Pick<JobsOptions, 'jobId' | 'delay' | 'priority'> = {},
  ): Promise<Job<JobPayloads[N], unknown, N>> {
    const definition = JOBS[name];
    return (await this.queue(definition.queue).add(name, payload, {
      ...definition.options,
      ...options,
    })) as Job<JobPayloads[N], unknown, N>;
  }

  /** Many jobs of one name in one round trip; an id the queue already holds is skipped. */
  async addBulk<N extends JobName>(
    name: N,
    items: readonly {
      readonly payload: JobPayloads[N];
      readonly jobId: string;
      readonly delay?: number;
      readonly options?: Pick<JobsOptions, 'attempts' | 'backoff'>;
    }[],
  ): Promise<void> {
    if (items.length === 0) return;
    const definition = JOBS[name];
    await this.queue(definition.queue).addBulk(
      items.map((item) => ({
        name,
        data: item.payload,
        opts: { ...definition.options, ...item.options, jobId: item.jobId, delay: item.delay },
      })),
    );
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.connection.createQueue(name);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** One event listener per queue, created on first use (health checks, tests). */
  async queueEvents(name: QueueName): Promise<QueueEvents> {
    let events = this.events.get(name);
    if (!events) {
      events = this.connection.createQueueEvents(name);
      this.events.set(name, events);
      await events.waitUntilReady();
    }
    return events;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: QueueConnection,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new QueueConnection(queueSettings(config)),
    },
    JobQueue,
  ],
  exports: [QueueConnection, JobQueue],
})
export class QueueModule {}
