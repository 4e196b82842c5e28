import { Client } from 'pg';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
// Jest runs globalSetup outside its module registry, so the @lianzhang/* aliases do not resolve here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startEmbeddedPostgres } from '../../embedded/src/embedded-postgres';

/**
 * Runs once before the Jest projects: finds the PostgreSQL server for the integration
 * tests (TEST_DATABASE_URL, else the machine's server at 127.0.0.1:5432, else an
 * embedded one on a free port) and the Redis server (TEST_REDIS_URL, else
 * 127.0.0.1:6379). The answers reach the test workers through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const configured = process.env['TEST_DATABASE_URL'];
  const candidate = configured ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await postgresAnswers(candidate)) {
    process.env['LZ_TEST_PG_ADMIN_URL'] = candidate;
  } else if (configured) {
    throw new Error(`TEST_DATABASE_URL does not answer: ${configured}`);
  } else {
    const server = await startEmbeddedPostgres({
      dataDir: join(tmpdir(), `lianzhang-test-pg-${process.pid}`),
      persistent: false,
    });
    (globalThis as { __LZ_EMBEDDED_PG__?: { stop(): Promise<void> } }).__LZ_EMBEDDED_PG__ = server;
    process.env['LZ_TEST_PG_ADMIN_URL'] = server.adminUrl;
    console.warn(
      `\n[lianzhang tests] no PostgreSQL at 127.0.0.1:5432: using an embedded one on port ${server.port}\n`,
    );
  }

  const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  if (await redisAnswers(redisUrl)) {
    process.env['LZ_TEST_REDIS_URL'] = redisUrl;
  } else if (process.env['CI'] === 'true') {
    throw new Error(
      `CI=true and Redis does not answer at ${redisUrl}: the Redis suites cannot run`,
    );
  } else {
    process.env['LZ_TEST_REDIS_URL'] = '';
    console.warn(
      `\n${'!'.repeat(78)}\n[lianzhang tests] Redis does not answer at ${redisUrl}:\n` +
        `EVERY REDIS SUITE IS SKIPPED; only the PostgreSQL queue backend is tested.\n${'!'.repeat(78)}\n`,
    );
  }
}

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function redisAnswers(url: string): Promise<boolean> {
  const client = new IORedis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
