import { Module, type INestApplication, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ApiError, HealthResponse, RegionDto } from '@lianzhang/contracts';
import {
  AuditModule,
  ConfigModule,
  DatabaseModule,
  dataSourceOptions,
  JobRunnerModule,
  loadConfig,
  migrate,
  LoggingModule,
  QueueModule,
  SystemJobsModule,
  type AppConfig,
} from '@lianzhang/server/core';
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
import { InsightsJobsModule } from '@lianzhang/server/insights';
import { DeliveryJobsModule } from '@lianzhang/server/notifications';
import { ReportsJobsModule } from '@lianzhang/server/reports';
import { SchedulerJobsModule } from '@lianzhang/server/scheduler';
import { TasksModule } from '@lianzhang/server/tasks';
import { DataSource } from 'typeorm';
import { createApi } from './bootstrap';

/** The worker's processors, started in this test process beside the api. */
function workerContext(config: AppConfig): Promise<INestApplicationContext> {
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      LoggingModule.forRoot(config, 'worker'),
      DatabaseModule.forRoot(SCHEMA, 'test-worker'),
      QueueModule,
      AuditModule,
      JobRunnerModule,
      SystemJobsModule,
      // Every job needs its handler, as in apps/worker.
      TasksModule,
      SchedulerJobsModule,
      DeliveryJobsModule,
      InsightsJobsModule,
      ReportsJobsModule,
    ],
  })
  class TestWorkerModule {}
  return NestFactory.createApplicationContext(TestWorkerModule, { logger: false });
}

describe.each(queueBackends())('api over HTTP, queue on %s', (backend) => {
  let database: TestDatabase;
  let config: AppConfig;
  let api: INestApplication;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase(`api_${backend}`);
    await migrate(database.url, SCHEMA);
    const dataSource = await new DataSource(dataSourceOptions(database.url, SCHEMA)).initialize();
    await seedCatalogue(dataSource);
    await dataSource.destroy();
    config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      REDIS_URL: backend === 'redis' ? testRedisUrl() : undefined,
      QUEUE_BACKEND: backend,
      QUEUE_PREFIX: testQueuePrefix(`api_${backend}`),
      LOG_LEVEL: 'silent',
    });
    api = await createApi(config, { canaryTimeoutMs: 4_000 });
    await api.listen(0, '127.0.0.1');
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
    await dropRedisPrefix(config.queue.prefix);
  });

  it('reports the queue down (503) while no worker takes the canary, and up (200) once one does', async () => {
    const down = await fetch(`${base}/api/health`);
    expect(down.status).toBe(503);
    const downBody = (await down.json()) as HealthResponse;
    expect(downBody.checks.database.status).toBe('up');
    expect(downBody.checks.queue).toMatchObject({ status: 'down', backend });

    const worker = await workerContext(config);
    await worker.init();
    try {
      // The first canary a fresh worker takes can be slow on a loaded machine: ask again
      // until the health check says up (each answer is itself a full canary round trip).
      let up = await fetch(`${base}/api/health`);
      for (let attempt = 1; up.status !== 200 && attempt < 8; attempt++) {
        up = await fetch(`${base}/api/health`);
      }
      const body = (await up.json()) as HealthResponse;
      expect(up.status).toBe(200);
      expect(body).toMatchObject({
        status: 'up',
        checks: { database: { status: 'up' }, queue: { status: 'up', backend } },
      });
      expect(body.checks.queue.canaryJobId).toMatch(/^canary-[0-9a-f-]{36}$/);
      expect(up.headers.get('cache-control')).toBe('no-store');
    } finally {
      await worker.close();
    }
  });

  it('lists the seeded province and its 16 cities', async () => {
    const response = await fetch(`${base}/api/regions`);
    const regions = (await response.json()) as RegionDto[];
    expect(response.status).toBe(200);
    expect(regions.filter((r) => r.level === 'city')).toHaveLength(16);
    expect(regions[0]).toEqual({
      code: '370000',
      nameZh: '山东省',
      nameEn: 'Shandong',
      level: 'province',
      parentCode: null,
    });
  });

  it('answers unknown routes with the error shape, in the language asked for', async () => {
    const zh = await fetch(`${base}/api/nothing-here`);
    expect(zh.status).toBe(404);
    expect(await zh.json()).toMatchObject({
      code: 'NOT_FOUND',
      message: '未找到该内容',
      details: [],
    });
    const en = await fetch(`${base}/api/nothing-here`, {
      headers: { 'Accept-Language': 'en-GB,en;q=0.9' },
    });
    expect(((await en.json()) as ApiError).message).toBe('Not found');
  });

  it('refuses malformed JSON and oversized bodies with 400 and 413, never 500', async () => {
    const malformed = await fetch(`${base}/api/regions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name": ',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: '(body)' }],
    });

    const huge = await fetch(`${base}/api/regions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as ApiError).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const kept = await fetch(`${base}/api/regions`, { headers: { 'X-Request-Id': 'abc-123' } });
    expect(kept.headers.get('x-request-id')).toBe('abc-123');
    const replaced = await fetch(`${base}/api/regions`, {
      headers: { 'X-Request-Id': 'bad id\twith spaces' },
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('publishes the OpenAPI document', async () => {
    const response = await fetch(`${base}/api/docs/json`);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(response.status).toBe(200);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/regions']),
    );
  });
});
