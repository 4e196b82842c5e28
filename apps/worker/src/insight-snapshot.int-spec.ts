import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  AuditModule,
  ConfigModule,
  DatabaseModule,
  JOB_SCHEDULES,
  JobQueue,
  loadConfig,
  migrate,
  QueueConnection,
  QueueModule,
} from '@lianzhang/server/core';
import {
  HealthService,
  InsightSnapshotHandler,
  InsightsJobsModule,
} from '@lianzhang/server/insights';
import { SCHEMA } from '@lianzhang/server/schema';
import { seedCatalogue } from '@lianzhang/server/seed';
import {
  createTestDatabase,
  dropRedisPrefix,
  queueBackends,
  testQueuePrefix,
  testRedisUrl,
  type TestDatabase,
} from '@lianzhang/server/testing';
import type { Job, Worker } from 'bullmq';
import { DataSource } from 'typeorm';

jest.setTimeout(60_000);

type Result = { day: string; chains: number; inserted: number };

/**
 * The nightly `reports.health-snapshot` job through a real queue (PostgreSQL, and Redis when
 * the machine has one) into its handler, against a real database seeded with the plan's
 * chains: one row per chain and Shanghai day, a second run the same day adds nothing,
 * and the whole province costs a handful of statements, not one per chain.
 */
describe.each(queueBackends())('the health snapshot job on %s', (backend) => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let worker: Worker;
  let dataSource: DataSource;
  const prefix = testQueuePrefix(`snapshot-${backend}`);
  const finished = new Map<string, (outcome: { result?: Result; error?: Error }) => void>();

  beforeAll(async () => {
    database = await createTestDatabase(`snapshot_${backend}`);
    await migrate(database.url, SCHEMA);
    const redisUrl = testRedisUrl();
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      QUEUE_PREFIX: prefix,
      ...(backend === 'redis' && redisUrl
        ? { QUEUE_BACKEND: 'redis', REDIS_URL: redisUrl }
        : { QUEUE_BACKEND: 'postgres' }),
    });
    @Module({
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(SCHEMA, 'test-snapshot'),
        QueueModule,
        AuditModule,
        InsightsJobsModule,
      ],
    })
    class SnapshotTestModule {}
    app = await NestFactory.createApplicationContext(SnapshotTestModule, { logger: false });
    await app.init();
    dataSource = app.get(DataSource);
    await seedCatalogue(dataSource);
    // The worker process dispatches by job name to the one handler; here the only job.
    const handler = app.get(InsightSnapshotHandler);
    worker = app
      .get(QueueConnection)
      .createWorker('reports', (job: Job) =>
        job.name === 'reports.health-snapshot'
          ? handler.handle()
          : Promise.reject(new Error(job.name)),
      );
    worker.on('completed', (job, result: Result) => finished.get(job.id as string)?.({ result }));
    worker.on('failed', (job, error) => job && finished.get(job.id as string)?.({ error }));
    await worker.waitUntilReady();
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await database?.drop();
    await dropRedisPrefix(prefix);
  });

  /** Enqueues the job as the scheduler would and waits for the worker's answer. */
  async function run(): Promise<Result> {
    const job = await app.get(JobQueue).add('reports.health-snapshot', {});
    const outcome = await new Promise<{ result?: Result; error?: Error }>((resolve) =>
      finished.set(job.id as string, resolve),
    );
    if (outcome.error) throw outcome.error;
    return outcome.result as Result;
  }

  const rows = () =>
    dataSource.query(
      `SELECT chain_id AS "chainId", to_char(day, 'YYYY-MM-DD') AS day, score, grade FROM chain_health_snapshot ORDER BY chain_id`,
    ) as Promise<{ chainId: string; day: string; score: string | null; grade: string | null }[]>;

  it('is scheduled at 23:55 Shanghai, so a day’s row holds the state at the end of that day', () => {
    // At 00:10 the row of day D would have held the end of D − 1 (judged with D as today).
    expect(
      JOB_SCHEDULES.find((s) => s.job === 'reports.health-snapshot')?.repeat({} as never),
    ).toEqual({
      pattern: '55 23 * * *',
      tz: 'Asia/Shanghai',
    });
  });

  it('writes one row per leaf chain for the Shanghai day of the database clock, then nothing more that day', async () => {
    const [ic] = (await dataSource.query(`SELECT id FROM chain WHERE code = 'ngit.ic'`)) as {
      id: string;
    }[];
    const [organisation] = (await dataSource.query(
      `INSERT INTO organisation (name, kind, credit_code, region_code) VALUES ('测试企业', 'enterprise', '91370100MA3C0B0C5N', '370100') RETURNING id`,
    )) as { id: string }[];
    const [user] = (await dataSource.query(
      `INSERT INTO app_user (username, display_name, role, organisation_id, password_hash) VALUES ('leader', 'leader', 'chain_leader', $1, 'x') RETURNING id`,
      [organisation?.id],
    )) as { id: string }[];
    // Two open tasks on the IC chain, one overdue: half overdue.
    for (const due of [-2, 5])
      await dataSource.query(
        `INSERT INTO task (chain_id, title, assigner_user_id, assignee_organisation_id, status, due_date)
         VALUES ($1, '任务', $2, $3, 'assigned', (now() AT TIME ZONE 'Asia/Shanghai')::date + $4::int)`,
        [ic?.id, user?.id, organisation?.id, due],
      );
    // Groups (新一代信息技术 …) are judged through their chains, not snapshotted themselves.
    const chains = Number(
      (
        (await dataSource.query(
          `SELECT count(*) AS n FROM chain c WHERE NOT EXISTS (SELECT 1 FROM chain k WHERE k.parent_id = c.id)`,
        )) as { n: string }[]
      )[0]?.n,
    );
    const [{ groups }] = (await dataSource.query(
      `SELECT count(*)::int AS groups FROM chain c WHERE EXISTS (SELECT 1 FROM chain k WHERE k.parent_id = c.id)`,
    )) as [{ groups: number }];
    expect(groups).toBeGreaterThan(0);
    const [{ today }] = (await dataSource.query(
      `SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS today`,
    )) as [{ today: string }];

    const first = await run();
    expect(first).toEqual({ day: today, chains, inserted: chains });
    const written = await rows();
    expect(written).toHaveLength(chains);
    expect(new Set(written.map((r) => r.day))).toEqual(new Set([today]));
    // overdue 0 (half overdue) × 0.6 + escalations 100 × 0.4; the rest has nothing to judge.
    expect(written.find((r) => r.chainId === ic?.id)).toMatchObject({
      score: '40.0',
      grade: 'red',
    });
    expect(written.filter((r) => r.score === null)).toHaveLength(chains - 1);

    // Later the same day the IC chain's overdue task is done: the day's row stays as written.
    await dataSource.query(`UPDATE task SET status = 'done' WHERE due_date < now()`);
    expect(await run()).toEqual({ day: today, chains, inserted: 0 });
    expect(await rows()).toEqual(written);
  });

  it('costs the same few statements for the whole province as for one chain', async () => {
    const health = app.get(HealthService);
    let statements = 0;
    // Count what reaches PostgreSQL: the driver's query runner, called through unchanged.
    const probe = dataSource.createQueryRunner();
    const runner = Object.getPrototypeOf(probe) as { query: (...args: unknown[]) => unknown };
    await probe.release();
    const query = runner.query;
    const spy = jest.spyOn(runner, 'query').mockImplementation(function (
      this: unknown,
      ...args: unknown[]
    ) {
      statements++;
      return query.apply(this, args);
    });
    try {
      await dataSource.query(`DELETE FROM chain_health_snapshot`);
      // No chain's facts kept: the whole province is computed.
      await dataSource.query(`DELETE FROM chain_facts`);
      const result = await health.snapshot();
      expect(result.chains).toBeGreaterThan(40);
      expect(result.inserted).toBe(result.chains);
      // Clock, chains with their kept facts, tasks (counts and reporting in one), notices,
      // boards, projects, requests, the heat map, the four weekly trends, the calendar,
      // the insert, the transaction's own BEGIN/SET/COMMIT, and keeping the facts: 20 when
      // measured (13 before the cockpit's facts joined health's) — never one per chain.
      expect(statements).toBeGreaterThanOrEqual(10);
      expect(statements).toBeLessThanOrEqual(21);
    } finally {
      spy.mockRestore();
    }
  });
});
