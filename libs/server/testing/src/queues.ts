import { randomBytes } from 'node:crypto';

export type QueueBackendName = 'redis' | 'postgres';

/** The Redis URL of the test run, or undefined when the run has none (never with CI=true). */
export function testRedisUrl(): string | undefined {
  return process.env['LZ_TEST_REDIS_URL'] || undefined;
}

/**
 * The queue backends a suite runs on: PostgreSQL always, Redis when it answers. Use it
 * with `describe.each(queueBackends())`; the global setup has already said loudly when
 * Redis is missing.
 */
export function queueBackends(): QueueBackendName[] {
  return testRedisUrl() ? ['postgres', 'redis'] : ['postgres'];
}

/** A queue prefix no other test file uses (Redis key prefix; PostgreSQL schema `<prefix>_queue`). */
export function testQueuePrefix(label: string): string {
  return `t_${label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 16)}_${randomBytes(3).toString('hex')}`;
}

/** Deletes the Redis keys of a test prefix, so runs leave nothing behind. */
export async function dropRedisPrefix(prefix: string): Promise<void> {
  const url = testRedisUrl();
  if (!url) return;
  const { default: IORedis } = await import('ioredis');
  const client = new IORedis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await client.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}
