import type { JobsOptions } from 'bullmq';
import type { AppConfig } from '../config/config';

/**
 * Every queue, job and option preset of the platform, in one place.
 *
 * Each job name has exactly one payload type (in {@link JobPayloads}) and exactly one
 * handler in the worker; the worker refuses to start otherwise. Payloads carry ids
 * only: handlers re-read the database, which is the truth (DESIGN.md §4).
 */
export const QUEUES = {
  /** Platform plumbing: the canary of the health check. */
  system: 'system',
  /** Wake-up calls of scheduled events (reminders, escalations) and the reconciler. */
  scheduler: 'scheduler',
  /** External deliveries: e-mail, group robots, webhooks; their reconciler and digests. */
  delivery: 'delivery',
  /** Slow, bounded work: daily chain-health snapshots, periodic Excel reports. */
  reports: 'reports',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Proves that a job goes through the queue and the worker and comes back. */
  'system.canary': { readonly requestedAt: string };
  /** Fire one scheduled event: job id = event id; the row is the truth. */
  'scheduler.fire': { readonly eventId: string; readonly version: number };
  /** Enqueue every pending event that entered the horizon or lost its job. */
  'scheduler.reconcile': Record<string, never>;
  /** Send one delivery row: job id = delivery id. */
  'delivery.send': { readonly deliveryId: string };
  /** Re-enqueue pending deliveries whose job was lost. */
  'delivery.reconcile': Record<string, never>;
  /** The daily digest e-mail, on workdays, for users who asked for it. */
  'delivery.digest': Record<string, never>;
  /** Snapshot every chain's health score for today (idempotent per chain and day). */
  'reports.health-snapshot': Record<string, never>;
  /** Compute every chain's facts for the new day, so the day's first cockpit finds them ready. */
  'reports.chain-facts': Record<string, never>;
  /** Generate one periodic report row: job id = report id; the row is the truth. */
  'reports.generate': { readonly reportId: string };
  /** Create the weekly and monthly report rows that are due, and enqueue the pending ones. */
  'reports.schedule': Record<string, never>;
}
export type JobName = keyof JobPayloads;

const HOUR = 3600;
const DAY = 24 * HOUR;

/** Retention is bounded everywhere; retries back off exponentially. */
export const JOB_PRESETS = {
  /** Short-lived probes: no retry, gone within an hour. */
  ephemeral: {
    attempts: 1,
    removeOnComplete: { age: HOUR, count: 100 },
    removeOnFail: { age: DAY, count: 100 },
  },
  /** Work that must happen: retried with backoff, failures kept for a week. */
  /**
   * A wake-up call: gone as soon as it is done or failed, so the reconciler can enqueue
   * the same id again; the event row keeps attempts and the last error.
   */
  wakeUp: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: true,
    removeOnFail: true,
  },
  durable: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 2_000 },
    removeOnComplete: { age: DAY, count: 10_000 },
    removeOnFail: { age: 7 * DAY },
  },
} as const satisfies Record<string, JobsOptions>;

export interface JobDefinition {
  readonly queue: QueueName;
  readonly options: JobsOptions;
}

export const JOBS: { readonly [N in JobName]: JobDefinition } = {
  'system.canary': { queue: QUEUES.system, options: JOB_PRESETS.ephemeral },
  'scheduler.fire': { queue: QUEUES.scheduler, options: JOB_PRESETS.wakeUp },
  'scheduler.reconcile': { queue: QUEUES.scheduler, options: JOB_PRESETS.ephemeral },
  // Attempts and backoff live on the delivery row (the dead letter is a row state).
  'delivery.send': { queue: QUEUES.delivery, options: JOB_PRESETS.wakeUp },
  'delivery.reconcile': { queue: QUEUES.delivery, options: JOB_PRESETS.ephemeral },
  'delivery.digest': { queue: QUEUES.delivery, options: JOB_PRESETS.ephemeral },
  'reports.health-snapshot': { queue: QUEUES.reports, options: JOB_PRESETS.ephemeral },
  'reports.chain-facts': { queue: QUEUES.reports, options: JOB_PRESETS.ephemeral },
  // Attempts and the last error live on the report row, as for deliveries.
  'reports.generate': { queue: QUEUES.reports, options: JOB_PRESETS.wakeUp },
  'reports.schedule': { queue: QUEUES.reports, options: JOB_PRESETS.ephemeral },
};

/**
 * Recurring work, as BullMQ job schedulers: upserted by every worker at start, fired
 * once per interval across all of them (never a cron inside each replica).
 */
export interface JobSchedule {
  readonly id: string;
  readonly job: JobName;
  readonly repeat: (config: AppConfig) => { every: number } | { pattern: string; tz: string };
}
export const JOB_SCHEDULES: readonly JobSchedule[] = [
  {
    id: 'scheduler-reconcile',
    job: 'scheduler.reconcile',
    repeat: (config) => ({ every: config.scheduler.reconcileEveryMs }),
  },
  {
    id: 'delivery-reconcile',
    job: 'delivery.reconcile',
    repeat: (config) => ({ every: config.scheduler.reconcileEveryMs }),
  },
  // The digest goes out at 08:30 Shanghai; its handler skips days that are not workdays.
  {
    id: 'delivery-digest',
    job: 'delivery.digest',
    repeat: () => ({ pattern: '30 8 * * *', tz: 'Asia/Shanghai' }),
  },
  // Health is snapshotted each night after the day's work (idempotent per chain and day).
  {
    id: 'insight-snapshot',
    job: 'reports.health-snapshot',
    repeat: () => ({ pattern: '55 23 * * *', tz: 'Asia/Shanghai' }),
  },
  // Each chain's facts are kept per day: a minute into the day the worker computes them
  // for the whole province at once, instead of the day's first cockpit visitor.
  {
    id: 'chain-facts',
    job: 'reports.chain-facts',
    repeat: () => ({ pattern: '1 0 * * *', tz: 'Asia/Shanghai' }),
  },
  // Every hour: creates the week's and month's report rows once their period has ended,
  // and re-enqueues pending rows whose job was lost (the row, not the queue, is the truth).
  {
    id: 'report-schedule',
    job: 'reports.schedule',
    repeat: (config) => ({ every: Math.max(config.scheduler.reconcileEveryMs, 60_000) }),
  },
];

/** Jobs taken at once by one worker process, per queue (each holds a database connection at most). */
export const QUEUE_CONCURRENCY: { readonly [Q in QueueName]: number } = {
  system: 2,
  scheduler: 8,
  delivery: 8,
  reports: 1,
};

/**
 * Names of BullMQ's own keys beside the job hashes (`<prefix>:<queue>:<name>`): a job
 * with one of these ids would overwrite the queue's structure (WRONGTYPE errors).
 */
const RESERVED_IDS = new Set([
  'wait',
  'waiting',
  'active',
  'delayed',
  'completed',
  'failed',
  'paused',
  'prioritized',
  'priority',
  'meta',
  'id',
  'events',
  'marker',
  'stalled',
  'stalled-check',
  'limiter',
  'repeat',
  'pc',
  'de',
  'metrics',
]);

/** A deterministic job id: parts joined by `-`, never `:` (it separates Redis keys), never a reserved name. */
export function jobId(...parts: readonly (string | number)[]): string {
  const id = parts.join('-');
  if (id.includes(':')) {
    throw new RangeError(`a job id may not contain ':' (${id})`);
  }
  if (RESERVED_IDS.has(id) || id === '') {
    throw new RangeError(`"${id}" is not a usable job id: it names one of BullMQ's own keys`);
  }
  return id;
}
