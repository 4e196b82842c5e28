import {
  createTestDatabase,
  dropRedisPrefix,
  queueBackends,
  testQueuePrefix,
  testRedisUrl,
  type TestDatabase,
} from '@lianzhang/server/testing';
import type { Job } from 'bullmq';
import { QueueConnection } from './queue-connection';
import { jobId, QUEUES } from './queue.definitions';

describe.each(queueBackends())('QueueConnection on %s', (backend) => {
  let database: TestDatabase;
  let connection: QueueConnection;
  const prefix = testQueuePrefix(`qc_${backend}`);

  beforeAll(async () => {
    database = await createTestDatabase(`queue_${backend}`);
  });

  beforeEach(() => {
    connection = new QueueConnection({
      backend,
      prefix,
      redisUrl: testRedisUrl(),
      databaseUrl: database.url,
    });
  });

  afterEach(async () => {
    await connection.close();
  });

  afterAll(async () => {
    await database.drop();
    await dropRedisPrefix(prefix);
  });

  it('runs a job added twice under one id once', async () => {
    const queue = connection.createQueue<{ n: number }>(QUEUES.system);
    await queue.add('system.canary', { n: 1 }, { jobId: jobId('same', 1) });
    await queue.add('system.canary', { n: 2 }, { jobId: jobId('same', 1) });
    const seen: number[] = [];
    await new Promise<void>((resolveDone) => {
      const worker = connection.createWorker<{ n: number }>(QUEUES.system, async (job) => {
        seen.push(job.data.n);
      });
      worker.on('drained', () => resolveDone());
    });
    expect(seen).toEqual([1]);
    expect(await queue.getJobCounts('completed', 'waiting', 'delayed')).toEqual({
      completed: 1,
      waiting: 0,
      delayed: 0,
    });
  });

  it('holds a delayed job until its time', async () => {
    const queue = connection.createQueue(QUEUES.system);
    const added = Date.now();
    await queue.add('system.canary', {}, { jobId: jobId('later', 1), delay: 700 });
    const ranAt = await new Promise<number>((resolveRan) => {
      connection.createWorker(QUEUES.system, async (job: Job) => {
        resolveRan(Date.now());
        return job.id;
      });
    });
    expect(ranAt - added).toBeGreaterThanOrEqual(700);
  });

  it('lets the active job finish when it closes', async () => {
    const queue = connection.createQueue(QUEUES.system);
    await queue.add('system.canary', {}, { jobId: jobId('slow', 1) });
    let release: () => void = () => undefined;
    const started = new Promise<void>((resolveStarted) => {
      connection.createWorker(QUEUES.system, async () => {
        resolveStarted();
        await new Promise<void>((resolveRelease) => (release = resolveRelease));
        return 'finished';
      });
    });
    await started;
    const closing = connection.close();
    release();
    await closing;
    const reopened = new QueueConnection({
      backend,
      prefix,
      redisUrl: testRedisUrl(),
      databaseUrl: database.url,
    });
    try {
      const job = await reopened.createQueue(QUEUES.system).getJob(jobId('slow', 1));
      expect(await job?.getState()).toBe('completed');
      expect(job?.returnvalue).toBe('finished');
    } finally {
      await reopened.close();
    }
  });
});
