import { dropRedisPrefix, testQueuePrefix, testRedisUrl } from '@lianzhang/server/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  effects,
  OwnPostgres,
  prepareDatabase,
  probe,
  Producer,
  spawnWorker,
  waitFor,
  type WorkerProcess,
} from '@lianzhang/server/scheduler-harness';

jest.setTimeout(240_000);

/**
 * PostgreSQL restarted while a worker fires events: a PostgreSQL of the test's own (the
 * embedded one, on a free port), shut down mid-run and started again on the same data.
 * On the PostgreSQL queue backend the queue goes down with it.
 */
describe.each(testRedisUrl() ? (['redis', 'postgres'] as const) : (['postgres'] as const))(
  'PostgreSQL restarted during processing, queue on %s',
  (backend) => {
    let server: OwnPostgres;
    let worker: WorkerProcess | undefined;
    let producer: Producer | undefined;
    const prefix = testQueuePrefix('pgrestart');

    beforeAll(async () => {
      server = await OwnPostgres.start();
    });

    afterAll(async () => {
      await worker?.kill('SIGTERM');
      await producer?.close().catch(() => undefined);
      await server.dispose();
      await dropRedisPrefix(prefix);
    });

    it('fires every due step exactly once after the restart', async () => {
      const url = await server.createDatabase('faults');
      const fixture = await prepareDatabase(url, 20);
      const env = {
        DATABASE_URL: url,
        ...(backend === 'redis' ? { REDIS_URL: testRedisUrl() } : {}),
        QUEUE_BACKEND: backend,
        QUEUE_PREFIX: prefix,
        SCHEDULER_RECONCILE_SECONDS: '1',
      };
      producer = await Producer.start(env);
      worker = await spawnWorker(env);
      const start0 = Date.now() + 2_000;
      const drafts = Array.from({ length: 400 }, (_, i) =>
        probe(fixture.taskIds[i % 20] as string, `probe-${i}`, new Date(start0 + i * 15)),
      );
      await producer.schedule(drafts);
      await waitFor('some events to fire', async () => (await effects(url, 2)).fired >= 40);

      await server.stop();
      await sleep(5_000);
      await server.start();

      await waitFor(
        'every event to fire',
        async () => (await effects(url, fixture.assigneeUsers)).fired === 400,
        180_000,
      );
      expect(await effects(url, fixture.assigneeUsers)).toEqual({
        events: 400,
        fired: 400,
        pending: 0,
        wrongNotificationCount: 0,
        wrongHistoryCount: 0,
        early: 0,
      });
      // The worker came through on its own: it still answers its health check.
      expect(worker.child.exitCode).toBeNull();
    });
  },
);
