import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  ConfigModule,
  DatabaseModule,
  inTransaction,
  loadConfig,
  migrate,
  QueueModule,
  type AppConfig,
} from '@lianzhang/server/core';
import { freePort } from '@lianzhang/server/embedded';
import { SchedulerModule, SchedulerService, type EventDraft } from '@lianzhang/server/scheduler';
import { SCHEMA } from '@lianzhang/server/schema';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

/** The workspace root: found from here, so this works in the tests and in a bundled tool. */
function workspaceRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}
const ROOT = workspaceRoot();
export const WORKER_MAIN = join(ROOT, 'dist', 'apps', 'worker', 'main.js');

/** Polls until `check` is true or `timeoutMs` passes (then throws with `what`). */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** A `redis-server` of the test's own on a free port, which the test may flush, stop and start. */
export class OwnRedis {
  private child: ChildProcess | undefined;
  private readonly dir = mkdtempSync(join(tmpdir(), 'lz-redis-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<OwnRedis> {
    const redis = new OwnRedis(await freePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        this.dir,
      ],
      { stdio: 'ignore' },
    );
    await waitFor(
      `redis on ${this.port}`,
      async () => (await this.command('PING')) === 'PONG',
      10_000,
    );
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async command(...args: string[]): Promise<string> {
    const { default: IORedis } = await import('ioredis');
    const client = new IORedis(this.url, {
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    // A server still starting refuses the connection: that is an answer, not an event to report.
    client.on('error', () => undefined);
    try {
      await client.connect();
      return String(await client.call(args[0] as string, ...args.slice(1)));
    } finally {
      client.disconnect();
    }
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * PostgreSQL on a free port and a data directory of the test's own, which the test may
 * stop (a clean shutdown) and start again on the same data.
 */
export class OwnPostgres {
  private child: ChildProcess | undefined;
  private readonly dir = mkdtempSync(join(tmpdir(), 'lz-pg-'));

  private constructor(readonly port: number) {
    // The cluster runs as the postgres user when the tests run as root.
    chmodSync(this.dir, 0o755);
  }

  static async start(): Promise<OwnPostgres> {
    const server = new OwnPostgres(await freePort());
    await server.start();
    return server;
  }

  urlOf(database: string): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'libs/server/scheduler-harness/src/lib/embedded-pg-server.mjs'),
        join(this.dir, 'pg'),
        String(this.port),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    let output = '';
    await new Promise<void>((resolveStart, rejectStart) => {
      child.stdout?.on('data', (c: Buffer) => {
        output += c.toString();
        if (output.includes('ready')) resolveStart();
      });
      child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
      child.once('exit', (code) => rejectStart(new Error(`PostgreSQL exited ${code}: ${output}`)));
    });
  }

  async createDatabase(name: string): Promise<string> {
    const client = new Client({ connectionString: this.urlOf('postgres') });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${name}"`);
    } finally {
      await client.end();
    }
    return this.urlOf(name);
  }

  /** A clean shutdown: connections are closed, the data stays. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface WorkerProcess {
  readonly child: ChildProcess;
  output(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Starts `dist/apps/worker/main.js` as a real process; resolves when its health answers 200. */
export async function spawnWorker(env: NodeJS.ProcessEnv): Promise<WorkerProcess> {
  const healthPort = await freePort();
  const child = spawn(process.execPath, [WORKER_MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'],
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      ...env,
      WORKER_HEALTH_PORT: String(healthPort),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await waitFor(
    'the worker to be healthy',
    async () => {
      if (child.exitCode !== null) throw new Error(`worker exited ${child.exitCode}: ${output}`);
      const response = await fetch(`http://127.0.0.1:${healthPort}/health`);
      return response.status === 200;
    },
    60_000,
  ).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${output}`);
  });
  return {
    child,
    output: () => output,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

@Module({})
class ProducerModule {}

/**
 * The api's side of the scheduler, in the test process: writes events with their
 * wake-up calls as a feature service does, through the real SchedulerService.
 */
export class Producer {
  private constructor(
    private readonly app: INestApplicationContext,
    readonly dataSource: DataSource,
    readonly scheduler: SchedulerService,
  ) {}

  /**
   * `scheduler` replaces the timers' settings after validation: the province benchmark
   * reconciles with horizons beyond what an operator may configure (one day at most).
   */
  static async start(
    env: NodeJS.ProcessEnv,
    scheduler: Partial<AppConfig['scheduler']> = {},
  ): Promise<Producer> {
    const loaded = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
    const config: AppConfig = { ...loaded, scheduler: { ...loaded.scheduler, ...scheduler } };
    const app = await NestFactory.createApplicationContext(
      {
        module: ProducerModule,
        imports: [
          ConfigModule.forRoot(config),
          DatabaseModule.forRoot(SCHEMA, 'lianzhang-test-producer'),
          QueueModule,
          SchedulerModule,
        ],
      },
      { logger: false },
    );
    await app.init();
    return new Producer(app, app.get(DataSource), app.get(SchedulerService));
  }

  schedule(drafts: readonly EventDraft[]): Promise<unknown> {
    return inTransaction(this.dataSource, (manager) => this.scheduler.schedule(manager, drafts));
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

export interface Fixture {
  readonly chainId: string;
  readonly organisationId: string;
  readonly taskIds: string[];
  /** Users of the assignee organisation: each `assignee` step notifies all of them. */
  readonly assigneeUsers: number;
}

/** Migrates an empty database and writes one chain, one enterprise with two users and `tasks` open tasks. */
export async function prepareDatabase(url: string, tasks: number): Promise<Fixture> {
  await migrate(url, SCHEMA);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const one = async <T>(sql: string, params: unknown[] = []) =>
      (await client.query(sql, params)).rows[0] as T;
    await client.query(
      `INSERT INTO region (code, name_zh, name_en, level) VALUES ('370000', '山东省', 'Shandong', 'province')`,
    );
    const { id: orgId } = await one<{ id: string }>(
      `INSERT INTO organisation (name, kind, credit_code, region_code) VALUES ('山东测试材料有限公司', 'enterprise', '91370100MA3C0B0C5N', '370000') RETURNING id`,
    );
    const { id: officeId } = await one<{ id: string }>(
      `INSERT INTO organisation (name, kind, region_code) VALUES ('省工业和信息化厅', 'government', '370000') RETURNING id`,
    );
    const user = async (username: string, role: string, organisationId: string) =>
      (
        await one<{ id: string }>(
          `INSERT INTO app_user (username, display_name, role, organisation_id, password_hash) VALUES ($1, $1, $2, $3, 'x') RETURNING id`,
          [username, role, organisationId],
        )
      ).id;
    await user('ent-a', 'enterprise_user', orgId);
    await user('ent-b', 'enterprise_user', orgId);
    const leader = await user('leader', 'chain_leader', officeId);
    const { id: chainId } = await one<{ id: string }>(
      `INSERT INTO chain (code, name_zh, name_en, industry_group, level, region_code) VALUES ('t-chain', '测试产业链', 'Test chain', 'new_materials', 'province', '370000') RETURNING id`,
    );
    await client.query(
      `INSERT INTO chain_leadership (chain_id, user_id, kind) VALUES ($1, $2, 'leader')`,
      [chainId, leader],
    );
    const taskIds: string[] = [];
    for (let i = 0; i < tasks; i++) {
      const { id } = await one<{ id: string }>(
        `INSERT INTO task (chain_id, title, assigner_user_id, assignee_organisation_id, status, due_date)
         VALUES ($1, $2, $3, $4, 'in_progress', (now() AT TIME ZONE 'Asia/Shanghai')::date + 30) RETURNING id`,
        [chainId, `测试任务 ${i + 1}`, leader, orgId],
      );
      taskIds.push(id);
    }
    return { chainId, organisationId: orgId, taskIds, assigneeUsers: 2 };
  } finally {
    await client.end();
  }
}

/** A reminder step to the assignee, due at `fireAt`: the probe every fault test counts. */
export function probe(
  taskId: string,
  step: string,
  fireAt: Date,
  channels: string[] = [],
): EventDraft {
  return {
    subjectType: 'task',
    subjectId: taskId,
    kind: 'task.step',
    step,
    fireAt,
    payload: {
      anchor: 'due',
      level: 'reminder',
      audience: ['assignee'],
      channels,
      offsetWorkdays: -1,
      fireOn: '',
    },
  };
}

export interface EffectReport {
  readonly events: number;
  readonly fired: number;
  readonly pending: number;
  /** Events whose notifications are not exactly one per assignee user. */
  readonly wrongNotificationCount: number;
  /** Events whose task history has not exactly one `remind` entry. */
  readonly wrongHistoryCount: number;
  /** Notifications written before their event's time. */
  readonly early: number;
}

/** The check of every fault test: each due step produced exactly one effect, none before its time. */
export async function effects(url: string, assigneeUsers: number): Promise<EffectReport> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS events,
              count(*) FILTER (WHERE e.status = 'fired')::int AS fired,
              count(*) FILTER (WHERE e.status = 'pending')::int AS pending,
              count(*) FILTER (WHERE e.status <> 'superseded' AND coalesce(n.count, 0) <> $1)::int AS "wrongNotificationCount",
              count(*) FILTER (WHERE e.status <> 'superseded' AND coalesce(h.count, 0) <> 1)::int AS "wrongHistoryCount",
              coalesce(sum(n.early), 0)::int AS early
       FROM scheduled_event e
       LEFT JOIN (SELECT event_id, count(*) AS count, count(*) FILTER (WHERE n.created_at < e2.fire_at) AS early
                  FROM notification n JOIN scheduled_event e2 ON e2.id = n.event_id GROUP BY event_id) n ON n.event_id = e.id
       LEFT JOIN (SELECT task_id, data->>'step' AS step, count(*) AS count FROM task_event WHERE action = 'remind' GROUP BY 1, 2) h
              ON h.task_id = e.subject_id AND h.step = e.step`,
      [assigneeUsers],
    );
    return rows[0] as EffectReport;
  } finally {
    await client.end();
  }
}
