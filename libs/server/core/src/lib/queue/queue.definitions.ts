import type { JobsOptions } from 'bullmq';

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
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Proves that a job goes through the queue and the worker and comes back. */
  'system.canary': { readonly requestedAt: string };
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
