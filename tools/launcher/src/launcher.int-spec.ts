import type { HealthResponse } from '@lianzhang/contracts';
import {
  createTestDatabase,
  dropRedisPrefix,
  freePort,
  requireBuilt,
  startPlatform,
  testQueuePrefix,
  testRedisUrl,
} from '@lianzhang/server/testing';
import { AuditService, dataSourceOptions, migrate } from '@lianzhang/server/core';
import { SCHEMA } from '@lianzhang/server/schema';
import { spawnSync } from 'node:child_process';
import { DataSource } from 'typeorm';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const DIST = resolve(__dirname, '..', '..', '..', 'dist');
const API = join(DIST, 'apps', 'api', 'main.js');
const WORKER = join(DIST, 'apps', 'worker', 'main.js');

beforeAll(() => requireBuilt(API, WORKER));

/** True when something accepts TCP connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolveProbe) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolveProbe(true)));
    socket.once('error', () => resolveProbe(false));
  });
}

async function health(base: string): Promise<{ status: number; body: HealthResponse }> {
  const response = await fetch(`${base}/api/health`);
  return { status: response.status, body: (await response.json()) as HealthResponse };
}

describe('npm start without any server: embedded PostgreSQL, queue on PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lz-launcher-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data directory.
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('comes up healthy, stops cleanly on SIGTERM, and a second start reuses the data', async () => {
    const workerHealthPort = await freePort();
    const env = { DATA_DIR: dataDir, WORKER_HEALTH_PORT: String(workerHealthPort) };

    const first = await startPlatform({ port: await freePort(), env, timeoutMs: 120_000 });
    const { status, body } = await health(first.baseUrl);
    expect(status).toBe(200);
    expect(body.checks.queue).toMatchObject({ status: 'up', backend: 'postgres' });
    expect(body.checks.queue.canaryJobId).toMatch(/^canary-/);
    const worker = await fetch(`http://127.0.0.1:${workerHealthPort}/health`);
    expect(worker.status).toBe(200);
    expect(await worker.json()).toMatchObject({
      status: 'up',
      database: 'up',
      queue: { running: true },
    });

    const pidFile = join(dataDir, 'pg', 'postmaster.pid');
    expect(existsSync(pidFile)).toBe(true);
    const pgPort = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
    expect(pgPort).not.toBe(5432);
    expect(await listening(pgPort)).toBe(true);

    expect(await first.stop()).toBe(0);
    expect(first.output()).toContain('embedded PostgreSQL stopped');
    expect(existsSync(pidFile)).toBe(false);
    expect(await listening(pgPort)).toBe(false);
    expect(existsSync(join(dataDir, 'secrets.json'))).toBe(true);

    const second = await startPlatform({ port: await freePort(), env, timeoutMs: 120_000 });
    try {
      expect(second.output()).toContain('migrations: up to date');
      expect(second.output()).not.toContain('initdb');
      expect((await health(second.baseUrl)).status).toBe(200);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 240_000);

  it('drains and exits 0 on Ctrl-C, which signals PostgreSQL, api and worker at once', async () => {
    const platform = await startPlatform({
      port: await freePort(),
      env: { DATA_DIR: dataDir, WORKER_HEALTH_PORT: String(await freePort()) },
      timeoutMs: 120_000,
    });
    const code = await platform.interrupt();
    const output = platform.output();
    // The launcher's own account of the shutdown, when it did not end cleanly.
    expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
    expect(output).toContain('api exited with 0');
    expect(output).toContain('worker exited with 0');
    expect(output).toContain('embedded PostgreSQL stopped');
    expect(output).not.toMatch(/terminating connection|ECONNREFUSED|exited with [1-9]/);
  }, 120_000);
});

describe('a launcher killed with SIGKILL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lz-launcher-kill-'));
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('leaves no api or worker holding a port, and the next start stops the orphaned PostgreSQL', async () => {
    const port = await freePort();
    const workerHealthPort = await freePort();
    const env = { DATA_DIR: dataDir, WORKER_HEALTH_PORT: String(workerHealthPort) };
    const killed = await startPlatform({ port, env, timeoutMs: 120_000 });
    const pgPort = Number(
      readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3],
    );
    // The process that owns PostgreSQL, the api and the worker is the supervisor's child.
    const owner = Number(
      spawnSync('pgrep', ['-P', String(killed.process.pid)], { encoding: 'utf8' })
        .stdout.trim()
        .split('\n')[0],
    );
    expect(owner).toBeGreaterThan(0);
    const portsClosed = new Promise<void>((resolveClosed) => {
      const probe = setInterval(() => {
        void Promise.all([listening(port), listening(workerHealthPort)]).then(
          ([api, worker]) => api || worker || (clearInterval(probe), resolveClosed()),
        );
      }, 100);
    });
    process.kill(owner, 'SIGKILL');
    expect(await killed.stop()).not.toBe(0);
    await portsClosed;
    expect(await listening(pgPort)).toBe(true);

    const next = await startPlatform({ port, env, timeoutMs: 120_000 });
    try {
      expect(await listening(pgPort)).toBe(false);
      expect((await health(next.baseUrl)).status).toBe(200);
    } finally {
      const code = await next.stop();
      // The launcher's own account of the shutdown, when it did not end cleanly.
      expect({ code, output: code === 0 ? '' : next.output() }).toEqual({ code: 0, output: '' });
    }
  }, 240_000);
});

describe('npm start with the machine PostgreSQL and Redis', () => {
  it('comes up healthy with the queue on Redis and stops cleanly', async () => {
    const redisUrl = testRedisUrl();
    if (!redisUrl) {
      console.warn('Redis is not running: the Redis start-up test did not run');
      return;
    }
    const database = await createTestDatabase('launcher_redis');
    const prefix = testQueuePrefix('launcher');
    const dataDir = mkdtempSync(join(tmpdir(), 'lz-launcher-redis-'));
    try {
      const platform = await startPlatform({
        port: await freePort(),
        env: {
          DATABASE_URL: database.url,
          REDIS_URL: redisUrl,
          QUEUE_PREFIX: prefix,
          DATA_DIR: dataDir,
          WORKER_HEALTH_PORT: String(await freePort()),
        },
      });
      const { status, body } = await health(platform.baseUrl);
      expect(status).toBe(200);
      expect(body.checks.queue).toMatchObject({ status: 'up', backend: 'redis' });
      expect(await platform.stop()).toBe(0);
      expect(platform.output()).not.toContain('embedded PostgreSQL');
    } finally {
      await database.drop();
      await dropRedisPrefix(prefix);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('audit:verify', () => {
  it('says the chain is intact, then names the first broken entry and exits 1', async () => {
    const database = await createTestDatabase('audit_verify');
    try {
      await migrate(database.url, SCHEMA);
      const dataSource = await new DataSource(dataSourceOptions(database.url, SCHEMA)).initialize();
      const audit = new AuditService(dataSource);
      for (let i = 0; i < 3; i++)
        await audit.record({ action: 'test.entry', subjectId: String(i) });
      const verify = () =>
        spawnSync(process.execPath, [join(DIST, 'tools', 'launcher', 'main.js'), 'audit:verify'], {
          env: { PATH: process.env['PATH'], DATABASE_URL: database.url },
          encoding: 'utf8',
          timeout: 30_000,
        });
      const intact = verify();
      expect(intact.status).toBe(0);
      expect(intact.stdout).toContain('audit chain intact: 3 entries');

      await dataSource.query(`ALTER TABLE audit_entry DISABLE TRIGGER tr_audit_entry_append_only`);
      await dataSource.query(`UPDATE audit_entry SET subject_id = 'forged' WHERE id = 2`);
      await dataSource.destroy();
      const broken = verify();
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain(
        'audit chain BROKEN at entry 2 (its content does not match its hash); 1 entries before it are intact',
      );
    } finally {
      await database.drop();
    }
  });
});

describe('a bad configuration stops a process with one clear line and a non-zero exit', () => {
  const run = (entry: string, env: Record<string, string>) =>
    spawnSync(process.execPath, [entry], {
      env: { PATH: process.env['PATH'], ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it.each([API, WORKER])('%s refuses a database whose migrations have not run', async (entry) => {
    const database = await createTestDatabase('behind');
    try {
      const result = run(entry, {
        DATABASE_URL: database.url,
        PORT: String(await freePort()),
        WORKER_HEALTH_PORT: String(await freePort()),
      });
      expect(result.status).toBe(78);
      expect(result.stderr).toMatch(
        /the database is behind the code: \d+ migration\(s\) not applied \(Regions1764300000000, .*run `npm run db:migrate`/,
      );
    } finally {
      await database.drop();
    }
  });

  it.each([
    [API, { DATABASE_URL: 'localhost/lianzhang' }, 'DATABASE_URL: expected a URL like postgres://'],
    [
      API,
      { DATABASE_URL: 'postgres://u@127.0.0.1:1/x', QUEUE_BACKEND: 'rabbitmq' },
      'QUEUE_BACKEND: expected redis or postgres (got "rabbitmq")',
    ],
    [
      API,
      {
        DATABASE_URL: 'postgres://u@127.0.0.1:1/x',
        NODE_ENV: 'production',
        JWT_REFRESH_SECRET: 'r'.repeat(40),
      },
      'JWT_ACCESS_SECRET: required in production',
    ],
    [WORKER, {}, 'DATABASE_URL: required for this process'],
    [
      WORKER,
      { DATABASE_URL: 'postgres://u@127.0.0.1:1/x', REDIS_URL: 'redis//nohost' },
      'REDIS_URL: expected a URL like redis://',
    ],
    [join(DIST, 'tools', 'launcher', 'main.js'), { PORT: 'http' }, 'PORT: expected a port number'],
  ])('%s with %j', (entry, env, expected) => {
    const result = run(entry, env);
    expect(result.status).toBe(78);
    expect(result.stderr).toContain(expected);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
