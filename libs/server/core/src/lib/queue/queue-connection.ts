import { Logger } from '@nestjs/common';
import {
  createPostgresBackend,
  Queue,
  QueueEvents,
  withBackend,
  Worker,
  type Processor,
  type WorkerOptions,
} from 'bullmq';
import IORedis, { type Redis } from 'ioredis';
import type { AppConfig } from '../config/config';
import type { QueueName } from './queue.definitions';

/** BullMQ's classes bound to its PostgreSQL backend (the process-wide default stays Redis). */
const OnPostgres = withBackend(createPostgresBackend);

export interface QueueConnectionSettings {
  readonly backend: 'redis' | 'postgres';
  /** Redis key prefix; on PostgreSQL the queues live in the schema `<prefix>_queue`. */
  readonly prefix: string;
  readonly redisUrl?: string;
  readonly databaseUrl?: string;
}

export function queueSettings(config: AppConfig): QueueConnectionSettings {
  return {
    backend: config.queue.backend,
    prefix: config.queue.prefix,
    redisUrl: config.redisUrl,
    databaseUrl: config.databaseUrl,
  };
}

/**
 * Builds BullMQ queues, workers and event listeners on whichever backend the
 * configuration names: Redis through ioredis, or BullMQ's PostgreSQL backend (the
 * embedded all-in-one mode). Everything it builds it closes in {@link close}.
 */
export class QueueConnection {
  private readonly logger = new Logger(QueueConnection.name);
  private readonly owned: { close(): Promise<unknown> }[] = [];
  private readonly redisClients: Redis[] = [];

  constructor(readonly settings: QueueConnectionSettings) {
    if (settings.backend === 'redis' && !settings.redisUrl) {
      throw new Error('the redis queue backend needs a Redis URL');
    }
    if (settings.backend === 'postgres' && !settings.databaseUrl) {
      throw new Error('the postgres queue backend needs a database URL');
    }
  }

  get schema(): string {
    return `${this.settings.prefix}_queue`;
  }

  createQueue<T = unknown>(name: QueueName): Queue<T> {
    const queue =
      this.settings.backend === 'redis'
        ? new Queue<T>(name, { connection: this.redis('producer'), prefix: this.settings.prefix })
        : (new OnPostgres.Queue<T>(name, {
            connection: this.postgresConnection(),
          }) as unknown as Queue<T>);
    this.watchErrors(queue, `queue ${name}`);
    this.owned.push(queue);
    return queue;
  }

  createWorker<T = unknown, R = unknown>(
    name: QueueName,
    processor: Processor<T, R>,
    options: Omit<WorkerOptions, 'connection' | 'prefix'> = {},
  ): Worker<T, R> {
    const worker =
      this.settings.backend === 'redis'
        ? new Worker<T, R>(name, processor, {
            ...options,
            connection: this.redis('worker'),
            prefix: this.settings.prefix,
          })
        : (new OnPostgres.Worker<T, R>(name, processor as never, {
            ...options,
            connection: this.postgresConnection(),
          }) as unknown as Worker<T, R>);
    this.owned.push(worker);
    return worker;
  }

  createQueueEvents(name: QueueName): QueueEvents {
    const events =
      this.settings.backend === 'redis'
        ? new QueueEvents(name, { connection: this.redis('events'), prefix: this.settings.prefix })
        : (new OnPostgres.QueueEvents(name, {
            connection: this.postgresConnection(),
          }) as unknown as QueueEvents);
    this.watchErrors(events, `events of ${name}`);
    this.owned.push(events);
    return events;
  }

  /**
   * Redis evicting keys loses jobs: warn at start when `maxmemory-policy` is not
   * `noeviction`. Returns the policy it found (undefined when it could not ask).
   */
  async checkRedisPolicy(): Promise<string | undefined> {
    if (this.settings.backend !== 'redis') return undefined;
    const client = this.redis('producer');
    try {
      const reply = (await client.config('GET', 'maxmemory-policy')) as string[];
      const policy = reply[1];
      if (policy !== 'noeviction') {
        this.logger.warn(
          `Redis maxmemory-policy is "${policy}"; set it to "noeviction", otherwise Redis may evict queued jobs under memory pressure`,
        );
      }
      return policy;
    } catch (error) {
      this.logger.warn(`could not read Redis maxmemory-policy: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Closes workers first (they finish their active jobs), then queues, then connections. */
  async close(): Promise<void> {
    const owned = this.owned.splice(0).reverse();
    const workers = owned.filter((o) => o instanceof Worker);
    await Promise.allSettled(workers.map((w) => w.close()));
    await Promise.allSettled(owned.filter((o) => !(o instanceof Worker)).map((o) => o.close()));
    await Promise.allSettled(this.redisClients.splice(0).map((c) => c.quit()));
  }

  /**
   * A lost connection (Redis or PostgreSQL restarting) is reported as an `error` event;
   * without a listener Node throws it and the process dies. BullMQ reconnects by itself:
   * log it and carry on.
   */
  private watchErrors(
    emitter: { on(event: 'error', listener: (error: Error) => void): unknown },
    what: string,
  ): void {
    emitter.on('error', (error) => this.logger.warn(`${what}: ${error.message}`));
  }

  private postgresConnection() {
    return {
      connectionString: this.settings.databaseUrl as string,
      schema: this.schema,
      migrate: true,
    };
  }

  private readonly shared = new Map<string, Redis>();

  /**
   * Workers and event listeners block, so BullMQ requires `maxRetriesPerRequest: null`
   * on them; producers share one connection.
   */
  private redis(role: 'producer' | 'worker' | 'events'): Redis {
    if (role === 'producer') {
      const existing = this.shared.get(role);
      if (existing) return existing;
    }
    const client = new IORedis(this.settings.redisUrl as string, {
      maxRetriesPerRequest: role === 'producer' ? 3 : null,
      enableReadyCheck: true,
      connectionName: `lianzhang-${role}`,
    });
    client.on('error', (error) => this.logger.warn(`Redis (${role}): ${error.message}`));
    if (role === 'producer') this.shared.set(role, client);
    this.redisClients.push(client);
    return client;
  }
}
