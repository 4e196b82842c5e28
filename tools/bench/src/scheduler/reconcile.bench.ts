import { Producer, type OwnRedis } from '@lianzhang/server/scheduler-harness';

export interface ReconcilePass {
  readonly horizonSeconds: number;
  /** Pending events due within the horizon: the ones the pass enqueues. */
  readonly considered: number;
  /** After FLUSHALL: every considered event is added to the queue again. */
  readonly afterFlushSeconds: number;
  /** Again at once: BullMQ already holds every id, so nothing is added. */
  readonly steadySeconds: number;
}

export interface SchedulerReport {
  readonly pending: number;
  readonly passes: readonly ReconcilePass[];
}

/**
 * The reconciler at province scale: with every pending event of the province in
 * `scheduled_event`, one `reconcile()` pass right after the queue's Redis was flushed
 * (all jobs lost) and one more at once (nothing lost), for each horizon. The pass runs
 * in-process (`SchedulerService` as the worker builds it) against the bench's own Redis.
 * Horizons beyond the one-day maximum an operator may set stand for a worker that was
 * down that long: everything that came due meanwhile is due at once.
 */
export async function benchReconcile(options: {
  readonly env: NodeJS.ProcessEnv;
  readonly redis: OwnRedis;
  readonly horizons: readonly number[];
  readonly log: (line: string) => void;
}): Promise<SchedulerReport> {
  const passes: ReconcilePass[] = [];
  let pending = 0;
  for (const horizonSeconds of options.horizons) {
    const producer = await Producer.start(options.env, { horizonMs: horizonSeconds * 1000 });
    try {
      if (pending === 0) {
        const [row] = (await producer.dataSource.query(
          `SELECT count(*)::int AS n FROM scheduled_event WHERE status = 'pending'`,
        )) as [{ n: number }];
        pending = row.n;
      }
      await options.redis.command('FLUSHALL');
      let started = Date.now();
      const { considered } = await producer.scheduler.reconcile();
      const afterFlushSeconds = (Date.now() - started) / 1000;
      started = Date.now();
      await producer.scheduler.reconcile();
      const steadySeconds = (Date.now() - started) / 1000;
      options.log(
        `scheduler: horizon ${horizonSeconds} s: ${considered} of ${pending} pending enqueued in ${afterFlushSeconds.toFixed(2)} s after a flush, ${steadySeconds.toFixed(2)} s again`,
      );
      passes.push({ horizonSeconds, considered, afterFlushSeconds, steadySeconds });
    } finally {
      await producer.close();
    }
  }
  await options.redis.command('FLUSHALL');
  return { pending, passes };
}
