import {
  createTestDatabase,
  dropRedisPrefix,
  testQueuePrefix,
  testRedisUrl,
  type TestDatabase,
} from '@lianzhang/server/testing';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  AuditModule,
  ConfigModule,
  DatabaseModule,
  inTransaction,
  loadConfig,
  QueueModule,
} from '@lianzhang/server/core';
import {
  DeliveryJobsModule,
  DeliveryService,
  NotificationsService,
  verifyWebhookSignature,
} from '@lianzhang/server/notifications';
import { SCHEMA } from '@lianzhang/server/schema';
import { DataSource } from 'typeorm';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import {
  prepareDatabase,
  probe,
  Producer,
  spawnWorker,
  waitFor,
  type Fixture,
  type WorkerProcess,
} from '@lianzhang/server/scheduler-harness';

jest.setTimeout(120_000);

interface Received {
  readonly idempotencyKey: string | undefined;
  readonly signed: boolean;
}

/** A webhook receiver on 127.0.0.1 answering each request as `answer` decides. */
async function receiver(answer: (count: number, response: ServerResponse) => void) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (c: Buffer) => (body += c.toString()));
    request.on('end', () => {
      received.push({
        idempotencyKey: request.headers['idempotency-key'] as string | undefined,
        signed: verifyWebhookSignature(
          'hook-secret',
          request.headers['x-lianzhang-signature'],
          body,
          Math.floor(Date.now() / 1000),
        ),
      });
      answer(received.length, response);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/**
 * External deliveries through a real worker: retries with backoff until the receiver
 * answers, the dead letter when it never does, and the SSRF guard on a private address.
 */
describe('webhook deliveries', () => {
  let database: TestDatabase;
  let fixture: Fixture;
  let producer: Producer;
  let worker: WorkerProcess;
  let db: Client;
  const prefix = testQueuePrefix('deliveries');

  beforeAll(async () => {
    database = await createTestDatabase('deliveries');
    fixture = await prepareDatabase(database.url, 3);
    const redisUrl = testRedisUrl();
    const env = {
      DATABASE_URL: database.url,
      ...(redisUrl
        ? { REDIS_URL: redisUrl, QUEUE_BACKEND: 'redis' }
        : { QUEUE_BACKEND: 'postgres' }),
      QUEUE_PREFIX: prefix,
      SCHEDULER_RECONCILE_SECONDS: '1',
      DELIVERY_BACKOFF_MS: '200',
      DELIVERY_ATTEMPTS: '5',
      DELIVERY_TIMEOUT_MS: '500',
    };
    producer = await Producer.start(env);
    worker = await spawnWorker(env);
    db = new Client({ connectionString: database.url });
    await db.connect();
  });

  afterAll(async () => {
    if (process.env['LZ_DEBUG']) console.log(worker.output());
    await worker.kill('SIGTERM');
    await producer.close();
    await db.end();
    await database.drop();
    await dropRedisPrefix(prefix);
  });

  async function endpoint(url: string): Promise<void> {
    await db.query(`DELETE FROM delivery_endpoint`);
    await db.query(
      `INSERT INTO delivery_endpoint (chain_id, kind, name, url, secret) VALUES ($1, 'webhook', '测试回调', $2, 'hook-secret')`,
      [fixture.chainId, url],
    );
  }

  async function fireWebhookStep(step: string): Promise<string> {
    await producer.schedule([
      probe(fixture.taskIds[0] as string, step, new Date(Date.now() + 500), ['webhook']),
    ]);
    let deliveryId = '';
    await waitFor(`the delivery of ${step}`, async () => {
      const { rows } = await db.query(
        `SELECT d.id FROM delivery d JOIN scheduled_event e ON e.id = d.event_id WHERE e.step = $1 AND d.status IN ('delivered', 'dead')`,
        [step],
      );
      deliveryId = rows[0]?.id ?? '';
      return deliveryId !== '';
    });
    return deliveryId;
  }

  async function attempts(deliveryId: string) {
    const { rows } = await db.query(
      `SELECT d.status, d.attempts, d.last_error AS "lastError",
              (SELECT json_agg(json_build_object('ok', a.ok, 'statusCode', a.status_code) ORDER BY a.attempt)
               FROM delivery_attempt a WHERE a.delivery_id = d.id) AS log
       FROM delivery d WHERE d.id = $1`,
      [deliveryId],
    );
    return rows[0];
  }

  it('delivers once after four attempts to a receiver that fails three times, recording each', async () => {
    await db.query(
      `INSERT INTO outbound_allow_host (host) VALUES ('127.0.0.1') ON CONFLICT DO NOTHING`,
    );
    const hook = await receiver((count, response) =>
      response.writeHead(count <= 3 ? 503 : 200).end('ok'),
    );
    try {
      await endpoint(hook.url);
      const id = await fireWebhookStep('hook-flaky');
      expect(await attempts(id)).toEqual({
        status: 'delivered',
        attempts: 4,
        lastError: null,
        log: [
          { ok: false, statusCode: 503 },
          { ok: false, statusCode: 503 },
          { ok: false, statusCode: 503 },
          { ok: true, statusCode: 200 },
        ],
      });
      expect(hook.received).toHaveLength(4);
      // The same idempotency key every time, and every request signed with the endpoint's secret.
      expect(new Set(hook.received.map((r) => r.idempotencyKey)).size).toBe(1);
      expect(hook.received.every((r) => r.signed)).toBe(true);
    } finally {
      await hook.close();
    }
  });

  it('ends in the dead letter after the last attempt when the receiver never answers', async () => {
    const hook = await receiver(() => undefined);
    try {
      await endpoint(hook.url);
      const id = await fireWebhookStep('hook-silent');
      const result = await attempts(id);
      expect(result).toMatchObject({ status: 'dead', attempts: 5 });
      expect(result.log).toHaveLength(5);
      expect(result.lastError).toMatch(/timed out/);
    } finally {
      await hook.close();
    }
  });

  it('refuses a private address that is not allow-listed, without calling it', async () => {
    await db.query(`DELETE FROM outbound_allow_host`);
    const hook = await receiver((_, response) => response.writeHead(200).end('ok'));
    try {
      await endpoint(hook.url);
      const id = await fireWebhookStep('hook-private');
      const result = await attempts(id);
      expect(result).toMatchObject({ status: 'dead', attempts: 1 });
      expect(result.lastError).toMatch(/127\.0\.0\.1/);
      expect(hook.received).toHaveLength(0);
    } finally {
      await hook.close();
    }
  });
});

/** The daily digest and the e-mail preference, against the real services and database. */
describe('daily digest', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let users: { id: string; username: string }[];
  const prefix = testQueuePrefix('digest');

  beforeAll(async () => {
    database = await createTestDatabase('digest');
    await prepareDatabase(database.url, 1);
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      QUEUE_BACKEND: 'postgres',
      QUEUE_PREFIX: prefix,
    });
    @Module({
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(SCHEMA, 'test-digest'),
        QueueModule,
        AuditModule,
        DeliveryJobsModule,
      ],
    })
    class DigestTestModule {}
    app = await NestFactory.createApplicationContext(DigestTestModule, { logger: false });
    await app.init();
    users = (await app
      .get(DataSource)
      .query(
        `SELECT id, username FROM app_user WHERE username IN ('ent-a', 'ent-b') ORDER BY username`,
      )) as { id: string; username: string }[];
    // ent-a wants one e-mail a morning; ent-b wants each one as it comes.
    await app
      .get(DataSource)
      .query(
        `INSERT INTO notification_preference (user_id, email, daily_digest) VALUES ($1, 'a@example.cn', true), ($2, 'b@example.cn', false)`,
        [users[0]?.id, users[1]?.id],
      );
  });

  afterAll(async () => {
    await app?.close();
    await database.drop();
  });

  const deliveries = async () =>
    (await app
      .get(DataSource)
      .query(
        `SELECT dedupe_key AS key, target, message->>'text' AS text FROM delivery ORDER BY created_at, target`,
      )) as { key: string; target: string; text: string }[];

  it('sends at once only to those who did not ask for the digest, and the digest once a workday', async () => {
    const notifications = app.get(NotificationsService);
    const dataSource = app.get(DataSource);
    for (const [eventId, title] of [
      ['00000000-0000-4000-8000-00000000000a', '任务「补链」将于 2026-12-04 到期'],
      ['00000000-0000-4000-8000-00000000000b', '黄牌督办：任务「强链」已逾期 3 个工作日'],
    ] as const) {
      await inTransaction(dataSource, (manager) =>
        notifications.notify(manager, {
          eventId,
          userIds: users.map((u) => u.id),
          kind: 'task.step',
          level: 'reminder',
          title: { 'zh-CN': title, en: title },
          body: { 'zh-CN': '测试', en: 'test' },
          link: null,
          subjectType: 'task',
          subjectId: eventId,
          chainId: null,
          channels: ['email'],
        }),
      );
    }
    expect((await deliveries()).map((d) => d.target)).toEqual(['b@example.cn', 'b@example.cn']);

    const service = app.get(DeliveryService);
    // Saturday 2026-11-28 is no workday; Monday 2026-11-30 is.
    expect(await service.digest(new Date('2026-11-28T08:30:00+08:00'))).toBe('not_a_workday');
    expect(await service.digest(new Date('2026-11-30T08:30:00+08:00'))).toEqual({ sent: 1 });
    expect(await service.digest(new Date('2026-11-30T08:30:00+08:00'))).toEqual({ sent: 0 });
    const digest = (await deliveries()).filter((d) => d.target === 'a@example.cn');
    expect(digest).toEqual([
      {
        key: `digest:2026-11-30:${users[0]?.id}`,
        target: 'a@example.cn',
        text: '任务「补链」将于 2026-12-04 到期\n黄牌督办：任务「强链」已逾期 3 个工作日',
      },
    ]);
  });
});
