import {
  createTestDatabase,
  dropRedisPrefix,
  testQueuePrefix,
  type TestDatabase,
} from '@lianzhang/server/testing';
import { inTransaction } from '@lianzhang/server/core';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  effects,
  OwnRedis,
  prepareDatabase,
  probe,
  Producer,
  spawnWorker,
  waitFor,
  WORKER_MAIN,
  type Fixture,
  type WorkerProcess,
} from '@lianzhang/server/scheduler-harness';

/**
 * The faults of DESIGN.md §8 against real worker processes, a real PostgreSQL and a
 * redis-server of the test's own: whatever happens, every due step produces exactly
 * one effect (one notification per recipient, one history entry), none before its time.
 */
jest.setTimeout(180_000);

describe.each(['redis', 'postgres'] as const)(
  'scheduler faults on the %s queue backend',
  (backend) => {
    let redis: OwnRedis;
    let database: TestDatabase;
    let fixture: Fixture;
    let producer: Producer;
    let env: NodeJS.ProcessEnv;
    const workers: WorkerProcess[] = [];
    const prefix = testQueuePrefix('faults');

    beforeAll(async () => {
      if (!existsSync(WORKER_MAIN)) throw new Error(`${WORKER_MAIN} is missing: run npm run build`);
      redis = await OwnRedis.start();
    });

    beforeEach(async () => {
      database = await createTestDatabase('faults');
      fixture = await prepareDatabase(database.url, 20);
      env = {
        DATABASE_URL: database.url,
        ...(backend === 'redis' ? { REDIS_URL: redis.url } : {}),
        QUEUE_BACKEND: backend,
        QUEUE_PREFIX: prefix,
        SCHEDULER_RECONCILE_SECONDS: '1',
      };
      producer = await Producer.start(env);
    });

    afterEach(async () => {
      await Promise.all(workers.splice(0).map((w) => w.kill('SIGTERM')));
      await producer.close();
      await redis.command('FLUSHALL');
      await database.drop();
    });

    afterAll(async () => {
      await redis.dispose();
      await dropRedisPrefix(prefix);
    });

    /** `count` probe steps spread over the tasks, due between `from` and `from + spreadMs`. */
    async function scheduleProbes(count: number, fromMs: number, spreadMs: number): Promise<void> {
      const start = Date.now() + fromMs;
      const drafts = Array.from({ length: count }, (_, i) =>
        probe(
          fixture.taskIds[i % fixture.taskIds.length] as string,
          `probe-${i}`,
          new Date(start + Math.floor((i * spreadMs) / count)),
        ),
      );
      for (let i = 0; i < drafts.length; i += 250)
        await producer.schedule(drafts.slice(i, i + 250));
    }

    async function settled(events: number, timeoutMs = 120_000) {
      await waitFor(
        `${events} events to fire`,
        async () => (await effects(database.url, fixture.assigneeUsers)).fired === events,
        timeoutMs,
      );
      return effects(database.url, fixture.assigneeUsers);
    }

    const exactlyOnce = (events: number) => ({
      events,
      fired: events,
      pending: 0,
      wrongNotificationCount: 0,
      wrongHistoryCount: 0,
      early: 0,
    });

    it('fires 1,000 events exactly once when the worker is killed with SIGKILL mid-run', async () => {
      await scheduleProbes(1000, 3_000, 6_000);
      workers.push(await spawnWorker(env));
      await waitFor(
        'some events to fire',
        async () => (await effects(database.url, 2)).fired >= 150,
      );
      await workers[0]?.kill('SIGKILL');
      const midway = await effects(database.url, fixture.assigneeUsers);
      expect(midway.fired).toBeLessThan(1000);
      workers.push(await spawnWorker(env));
      expect(await settled(1000)).toEqual(exactlyOnce(1000));
    });

    // Flushing or stopping Redis only means something when the queue is on Redis.
    const redisOnly = backend === 'redis' ? it : ((() => undefined) as unknown as typeof it);

    redisOnly(
      'restores every wake-up call after FLUSHALL mid-run, through the reconciler',
      async () => {
        await scheduleProbes(300, 4_000, 8_000);
        workers.push(await spawnWorker(env));
        await waitFor(
          'some events to fire',
          async () => (await effects(database.url, 2)).fired >= 30,
        );
        expect(await redis.command('FLUSHALL')).toBe('OK');
        expect(await settled(300)).toEqual(exactlyOnce(300));
      },
    );

    redisOnly(
      'resumes by itself after Redis was down for 30 seconds',
      async () => {
        workers.push(await spawnWorker(env));
        await scheduleProbes(100, 2_000, 2_000);
        await waitFor('the first events', async () => (await effects(database.url, 2)).fired >= 1);
        await redis.stop();
        await sleep(30_000);
        await redis.start();
        expect(await settled(100)).toEqual(exactlyOnce(100));
        // Steps written after the outage still fire: the worker is consuming again.
        const after = () =>
          producer.schedule([
            probe(fixture.taskIds[0] as string, 'after-outage', new Date(Date.now() + 1_000)),
          ]);
        // The producer's own connection may still be reconnecting: one more try.
        await after().catch(async () => {
          await sleep(2_000);
          await after();
        });
        expect(await settled(101, 60_000)).toEqual(exactlyOnce(101));
      },
      180_000,
    );

    it('fires each step once with two workers taking jobs at once', async () => {
      workers.push(await spawnWorker(env), await spawnWorker(env));
      await scheduleProbes(500, 2_000, 3_000);
      expect(await settled(500)).toEqual(exactlyOnce(500));
    });

    it('writes one row and one effect for 100 concurrent schedulings of the same step', async () => {
      workers.push(await spawnWorker(env));
      const fireAt = new Date(Date.now() + 3_000);
      const taskId = fixture.taskIds[0] as string;
      await Promise.all(
        Array.from({ length: 100 }, () => producer.schedule([probe(taskId, 'same-step', fireAt)])),
      );
      expect(await settled(1)).toEqual(exactlyOnce(1));
    });

    it('fires only the new step when a due-date change races the firing of the old one', async () => {
      workers.push(await spawnWorker(env));
      const taskId = fixture.taskIds[0] as string;
      const oldAt = new Date(Date.now() + 2_000);
      await producer.schedule([probe(taskId, 'due-1', oldAt)]);
      // The change takes the task's lock before the old step is due and commits after it
      // was due, while the worker's claim waits on that lock: the claim must see the change.
      const newAt = new Date(Date.now() + 6_000);
      await inTransaction(producer.dataSource, async (manager) => {
        await manager.query(`SELECT 1 FROM task WHERE id = $1 FOR UPDATE`, [taskId]);
        await sleep(oldAt.getTime() - Date.now() + 1_500);
        await producer.scheduler.replace(
          manager,
          { type: 'task', id: taskId, kinds: ['task.step'] },
          [probe(taskId, 'due-1', newAt)],
        );
      });
      await waitFor('the new step', async () => (await effects(database.url, 2)).fired === 1);
      await sleep(1_000);
      const rows = (await producer.dataSource.query(
        `SELECT fire_at AS "fireAt", status FROM scheduled_event ORDER BY fire_at`,
      )) as { fireAt: Date; status: string }[];
      expect(rows).toEqual([
        { fireAt: oldAt, status: 'superseded' },
        { fireAt: newAt, status: 'fired' },
      ]);
      expect(await effects(database.url, fixture.assigneeUsers)).toMatchObject({
        fired: 1,
        wrongNotificationCount: 0,
        wrongHistoryCount: 0,
        early: 0,
      });
    });
  },
);
