import 'reflect-metadata';
import {
  effects,
  OwnRedis,
  prepareDatabase,
  probe,
  Producer,
  spawnWorker,
  waitFor,
  type Fixture,
  type WorkerProcess,
} from '@lianzhang/server/scheduler-harness';
import { QueueConnection, QUEUE_CONCURRENCY } from '@lianzhang/server/core';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * `npm run bench:scheduler`: the scheduler pipeline on each queue backend, measured in
 * one run against a baseline of raw BullMQ no-op jobs on the same backend. Prints ratios
 * and percentiles; asserts nothing (DESIGN.md §8). Needs the machine's PostgreSQL
 * (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres) and
 * `redis-server` on the PATH (it starts its own, which it may flush).
 */
const ADMIN_URL =
  process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const THROUGHPUT_EVENTS = Number(process.env['BENCH_THROUGHPUT_EVENTS'] ?? 3_000);
const LATENESS_EVENTS = Number(process.env['BENCH_LATENESS_EVENTS'] ?? 10_000);
const FLUSH_EVENTS = Number(process.env['BENCH_FLUSH_EVENTS'] ?? 100_000);

type Backend = 'redis' | 'postgres';

interface Result {
  readonly backend: Backend;
  readonly baselinePerSecond: number;
  readonly pipelinePerSecond: number;
  readonly latenessP50Ms: number;
  readonly latenessP99Ms: number;
  readonly latenessMaxMs: number;
  readonly reenqueuePerSecond: number;
}

async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `lz_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

/** Raw BullMQ: `count` no-op jobs, all due at one instant, one worker at the scheduler queue's concurrency. */
async function baseline(env: NodeJS.ProcessEnv, count: number): Promise<number> {
  const connection = new QueueConnection({
    backend: env['QUEUE_BACKEND'] as Backend,
    prefix: `${env['QUEUE_PREFIX']}_base`,
    redisUrl: env['REDIS_URL'],
    databaseUrl: env['DATABASE_URL'],
  });
  try {
    const queue = connection.createQueue('system');
    let done = 0;
    let last = 0;
    const worker = connection.createWorker('system', async () => undefined, {
      concurrency: QUEUE_CONCURRENCY.scheduler,
    });
    worker.on('completed', () => {
      done++;
      last = Date.now();
    });
    await worker.waitUntilReady();
    const dueAt = Date.now() + 3_000;
    for (let i = 0; i < count; i += 1_000) {
      await queue.addBulk(
        Array.from({ length: Math.min(1_000, count - i) }, (_, j) => ({
          name: 'system.canary',
          data: { requestedAt: '' },
          opts: { jobId: `b-${i + j}`, delay: dueAt - Date.now(), removeOnComplete: true },
        })),
      );
    }
    await waitFor('the baseline jobs', async () => done === count, 600_000);
    return count / ((last - dueAt) / 1000);
  } finally {
    await connection.close();
  }
}

/** The whole pipeline: `count` event rows due at one instant → jobs → claims → notifications. */
async function pipeline(
  url: string,
  producer: Producer,
  fixture: Fixture,
  count: number,
  step: string,
) {
  const dueAt = new Date(Date.now() + 5_000);
  const drafts = Array.from({ length: count }, (_, i) =>
    probe(fixture.taskIds[i % fixture.taskIds.length] as string, `${step}-${i}`, dueAt),
  );
  for (let i = 0; i < drafts.length; i += 1_000)
    await producer.schedule(drafts.slice(i, i + 1_000));
  await waitFor(`${count} events`, async () => (await fired(url, step)) === count, 600_000);
  const [{ seconds }] = (await producer.dataSource.query(
    `SELECT extract(epoch FROM max(settled_at) - min(fire_at))::float8 AS seconds FROM scheduled_event WHERE step LIKE $1`,
    [`${step}-%`],
  )) as [{ seconds: number }];
  return count / seconds;
}

async function fired(url: string, step: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM scheduled_event WHERE step LIKE $1 AND status = 'fired'`,
      [`${step}-%`],
    );
    return (rows[0] as { n: number }).n;
  } finally {
    await client.end();
  }
}

/** `count` events spread over one minute: how late each fires, by the database clock. */
async function lateness(url: string, producer: Producer, fixture: Fixture, count: number) {
  const start = Date.now() + 10_000;
  const drafts = Array.from({ length: count }, (_, i) =>
    probe(
      fixture.taskIds[i % fixture.taskIds.length] as string,
      `late-${i}`,
      new Date(start + Math.floor((i * 60_000) / count)),
    ),
  );
  for (let i = 0; i < drafts.length; i += 1_000)
    await producer.schedule(drafts.slice(i, i + 1_000));
  await waitFor(`${count} events`, async () => (await fired(url, 'late')) === count, 900_000);
  const [row] = (await producer.dataSource.query(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::float8 AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::float8 AS p99,
            max(ms)::float8 AS max
     FROM (SELECT extract(epoch FROM settled_at - fire_at) * 1000 AS ms FROM scheduled_event WHERE step LIKE 'late-%') AS l`,
  )) as [{ p50: number; p99: number; max: number }];
  return row;
}

/** `count` pending events due within the horizon, their jobs gone: how fast the reconciler puts them back. */
async function reenqueue(producer: Producer, fixture: Fixture, count: number): Promise<number> {
  await producer.dataSource.query(
    `INSERT INTO scheduled_event (subject_type, subject_id, kind, step, fire_at, payload)
     SELECT 'task', ($1::uuid[])[1 + i % array_length($1::uuid[], 1)], 'task.step', 'flush-' || i,
            now() + interval '5 minutes' + i * interval '1 millisecond', '{"anchor":"due","level":"reminder","audience":["assignee"],"channels":[]}'
     FROM generate_series(1, $2) AS i`,
    [fixture.taskIds, count],
  );
  const started = Date.now();
  const { considered } = await producer.scheduler.reconcile();
  return considered / ((Date.now() - started) / 1000);
}

async function run(backend: Backend, redis: OwnRedis): Promise<Result> {
  return withDatabase(async (url) => {
    const fixture = await prepareDatabase(url, 50);
    const env: NodeJS.ProcessEnv = {
      DATABASE_URL: url,
      QUEUE_BACKEND: backend,
      QUEUE_PREFIX: `bench_${randomBytes(3).toString('hex')}`,
      ...(backend === 'redis' ? { REDIS_URL: redis.url } : {}),
      SCHEDULER_RECONCILE_SECONDS: '60',
      LOG_LEVEL: 'error',
    };
    const baselinePerSecond = await baseline(env, THROUGHPUT_EVENTS);
    const producer = await Producer.start(env);
    let worker: WorkerProcess | undefined;
    try {
      worker = await spawnWorker(env);
      const pipelinePerSecond = await pipeline(url, producer, fixture, THROUGHPUT_EVENTS, 'tp');
      const late = await lateness(url, producer, fixture, LATENESS_EVENTS);
      // Speed is worth nothing if an effect is missing, doubled or early.
      const check = await effects(url, fixture.assigneeUsers);
      if (
        check.fired !== check.events ||
        check.wrongNotificationCount + check.wrongHistoryCount + check.early > 0
      ) {
        throw new Error(`effects are wrong: ${JSON.stringify(check)}`);
      }
      await worker.kill('SIGTERM');
      worker = undefined;
      if (backend === 'redis') await redis.command('FLUSHALL');
      else
        await producer.dataSource.query(
          `DROP SCHEMA IF EXISTS "${env['QUEUE_PREFIX']}_queue" CASCADE`,
        );
      // On PostgreSQL the dropped queue schema is the flush: a new producer migrates it afresh.
      const fresh = backend === 'postgres' ? await Producer.start(env) : producer;
      try {
        const reenqueuePerSecond = await reenqueue(fresh, fixture, FLUSH_EVENTS);
        return {
          backend,
          baselinePerSecond,
          pipelinePerSecond,
          latenessP50Ms: late.p50,
          latenessP99Ms: late.p99,
          latenessMaxMs: late.max,
          reenqueuePerSecond,
        };
      } finally {
        if (fresh !== producer) await fresh.close();
      }
    } finally {
      await worker?.kill('SIGTERM');
      await producer.close();
    }
  });
}

async function main(): Promise<void> {
  const redis = await OwnRedis.start();
  const results: Result[] = [];
  try {
    for (const backend of ['redis', 'postgres'] as const) {
      console.log(
        `[bench] ${backend}: ${THROUGHPUT_EVENTS} throughput events, ${LATENESS_EVENTS} lateness events, ${FLUSH_EVENTS} pending after a flush`,
      );
      results.push(await run(backend, redis));
    }
  } finally {
    await redis.dispose();
  }
  const round = (n: number) => Math.round(n);
  console.log(
    '\nbackend   | raw BullMQ no-op jobs/s | pipeline events/s | pipeline / raw | lateness p50 | p99 | max | re-enqueue after flush',
  );
  for (const r of results) {
    console.log(
      `${r.backend.padEnd(9)} | ${String(round(r.baselinePerSecond)).padStart(23)} | ${String(round(r.pipelinePerSecond)).padStart(17)} | ${(r.pipelinePerSecond / r.baselinePerSecond).toFixed(3).padStart(14)} | ${round(r.latenessP50Ms)} ms | ${round(r.latenessP99Ms)} ms | ${round(r.latenessMaxMs)} ms | ${round(r.reenqueuePerSecond)} events/s`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
