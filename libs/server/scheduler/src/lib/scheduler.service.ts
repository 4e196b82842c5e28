import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  afterCommit,
  APP_CONFIG,
  inTransaction,
  jobId,
  JobQueue,
  type AppConfig,
} from '@lianzhang/server/core';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, EntityManager } from 'typeorm';
import { EventEffects, type FiringEvent } from './event-effects';

/** A step to schedule: the row {@link SchedulerService.schedule} writes. */
export interface EventDraft {
  readonly subjectType: string;
  readonly subjectId: string;
  readonly kind: string;
  readonly step: string;
  readonly fireAt: Date;
  readonly payload?: Record<string, unknown>;
}

/** Enough of a pending row to enqueue its wake-up call. */
export interface PendingEventRef {
  readonly id: string;
  readonly version: number;
  readonly fireAt: Date;
}

export type FireOutcome = 'fired' | 'skipped' | 'stale' | 'missing' | 'early';

/** An early wake-up within this much of its time waits for it instead of coming back. */
const EARLY_WAIT_MS = 15_000;
const RECONCILE_BATCH = 1_000;

/**
 * The timers of DESIGN.md §4. PostgreSQL holds every future step as a `scheduled_event`
 * row written with the change that causes it; BullMQ delayed jobs (job id = event id)
 * only wake a worker up. {@link fire} claims a row with a conditional update under a
 * lock, so duplicate, stale and early wake-ups do nothing; {@link reconcile} enqueues
 * every pending row that is due or about to be, so a lost job (flushed Redis, a crash
 * between commit and enqueue) costs a delay, never an event.
 */
@Injectable()
export class SchedulerService {
  private readonly logger = new Logger(SchedulerService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly effects: EventEffects,
  ) {}

  /**
   * Writes the steps in the caller's transaction (one row per step, whoever else
   * schedules the same step at the same time) and enqueues their wake-up calls after
   * commit. Returns the rows it wrote.
   */
  async schedule(
    manager: EntityManager,
    drafts: readonly EventDraft[],
  ): Promise<PendingEventRef[]> {
    if (drafts.length === 0) return [];
    const rows = (await manager.query(
      `INSERT INTO scheduled_event (subject_type, subject_id, kind, step, fire_at, payload)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::jsonb[])
       ON CONFLICT (subject_type, subject_id, kind, step, fire_at) WHERE status <> 'superseded' DO NOTHING
       RETURNING id, version, fire_at AS "fireAt"`,
      [
        drafts.map((d) => d.subjectType),
        drafts.map((d) => d.subjectId),
        drafts.map((d) => d.kind),
        drafts.map((d) => d.step),
        drafts.map((d) => d.fireAt.toISOString()),
        drafts.map((d) => JSON.stringify(d.payload ?? {})),
      ],
    )) as PendingEventRef[];
    if (rows.length > 0) afterCommit(manager, () => this.wake(rows));
    return rows;
  }

  /**
   * Makes `drafts` the subject's pending steps of `kinds`: pending rows not among them
   * are superseded, new ones written, identical ones kept with their wake-up calls.
   * Call it with the subject locked, in the transaction that changed it.
   */
  async replace(
    manager: EntityManager,
    subject: { readonly type: string; readonly id: string; readonly kinds: readonly string[] },
    drafts: readonly EventDraft[],
  ): Promise<{ superseded: number; written: number }> {
    const [, superseded] = (await manager.query(
      `UPDATE scheduled_event e SET status = 'superseded', version = version + 1, settled_at = now()
       WHERE e.subject_type = $1 AND e.subject_id = $2 AND e.kind = ANY($3::text[]) AND e.status = 'pending'
         AND NOT EXISTS (SELECT 1 FROM unnest($4::text[], $5::text[], $6::timestamptz[]) AS n(kind, step, fire_at)
                         WHERE n.kind = e.kind AND n.step = e.step AND n.fire_at = e.fire_at)`,
      [
        subject.type,
        subject.id,
        subject.kinds,
        drafts.map((d) => d.kind),
        drafts.map((d) => d.step),
        drafts.map((d) => d.fireAt.toISOString()),
      ],
    )) as [unknown, number];
    const written = await this.schedule(manager, drafts);
    return { superseded, written: written.length };
  }

  /** Enqueues wake-up calls for the rows due within the horizon; later ones wait for the reconciler. */
  async wake(rows: readonly PendingEventRef[], now = Date.now()): Promise<number> {
    const soon = rows.filter((r) => r.fireAt.getTime() - now <= this.config.scheduler.horizonMs);
    for (let i = 0; i < soon.length; i += RECONCILE_BATCH) {
      await this.jobs.addBulk(
        'scheduler.fire',
        soon.slice(i, i + RECONCILE_BATCH).map((r) => ({
          payload: { eventId: r.id, version: r.version },
          jobId: jobId(r.id),
          delay: Math.max(0, Math.round(r.fireAt.getTime() - now)),
        })),
      );
    }
    return soon.length;
  }

  /**
   * Claims and fires one event. Returns what happened: `fired` or `skipped` (its status
   * now), `stale` (superseded, already settled, or another version), `missing`, or
   * `early` (not yet due by the database clock; the reconciler brings it back).
   */
  async fire(eventId: string, version: number): Promise<FireOutcome> {
    const [head] = (await this.dataSource.query(
      `SELECT subject_id AS "subjectId", kind, status FROM scheduled_event WHERE id = $1`,
      [eventId],
    )) as { subjectId: string; kind: string; status: string }[];
    if (!head) return 'missing';
    if (head.status !== 'pending') return 'stale';
    const effect = this.effects.get(head.kind);
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.claim(eventId, version, head, effect).catch(
        async (error: Error) => {
          await this.dataSource
            .query(
              `UPDATE scheduled_event SET failures = failures + 1, last_error = $2 WHERE id = $1 AND status = 'pending'`,
              [eventId, error.message.slice(0, 2000)],
            )
            .catch(() => undefined);
          throw error;
        },
      );
      if (typeof outcome === 'string') return outcome;
      if (outcome.waitMs > EARLY_WAIT_MS || attempt >= 2) return 'early';
      await sleep(outcome.waitMs + 10);
    }
  }

  private async claim(
    eventId: string,
    version: number,
    head: { subjectId: string; kind: string },
    effect: ReturnType<EventEffects['get']>,
  ): Promise<Exclude<FireOutcome, 'early'> | { waitMs: number }> {
    return inTransaction(this.dataSource, async (manager) => {
      // Subject first, then the event: the order in which the api changes both.
      const subjectExists = await effect.lockSubject(manager, head.subjectId);
      const [row] = (await manager.query(
        `SELECT id, subject_type AS "subjectType", subject_id AS "subjectId", kind, step, fire_at AS "fireAt",
                payload, status, version, fire_at <= now() AS due,
                greatest(0, ceil(extract(epoch FROM fire_at - now()) * 1000))::int AS "waitMs"
         FROM scheduled_event WHERE id = $1 FOR UPDATE`,
        [eventId],
      )) as (FiringEvent & { status: string; version: number; due: boolean; waitMs: number })[];
      if (!row) return 'missing';
      if (row.status !== 'pending' || row.version !== version) return 'stale';
      if (!row.due) return { waitMs: row.waitMs };
      const outcome = subjectExists ? await effect.apply(manager, row) : 'skipped';
      await manager.query(
        `UPDATE scheduled_event SET status = $2, version = version + 1, settled_at = now() WHERE id = $1`,
        [eventId, outcome],
      );
      return outcome;
    });
  }

  /**
   * Enqueues a wake-up call for every pending event due within the horizon, in batches;
   * BullMQ ignores an id it already holds, so only lost or new ones are added. Runs at
   * worker start and as a job scheduler (once per interval across all workers).
   */
  async reconcile(): Promise<{ considered: number }> {
    let considered = 0;
    let after: { fireAt: Date; id: string } | null = null;
    // One page is enqueued while the next is read: the database and Redis work at once.
    let waking: Promise<number> = Promise.resolve(0);
    for (;;) {
      const rows = (await this.dataSource
        .query(
          `SELECT id, version, fire_at AS "fireAt", (extract(epoch FROM now()) * 1000)::float8 AS "dbNow"
         FROM scheduled_event
         WHERE status = 'pending' AND fire_at <= now() + make_interval(secs => $1)
           AND ($2::timestamptz IS NULL OR (fire_at, id) > ($2::timestamptz, $3::uuid))
         ORDER BY fire_at, id LIMIT ${RECONCILE_BATCH}`,
          [this.config.scheduler.horizonMs / 1000, after?.fireAt ?? null, after?.id ?? null],
        )
        .catch(async (error: unknown) => {
          // Settle the page in flight before giving up, so its failure is not left unhandled.
          await waking.catch(() => undefined);
          throw error;
        })) as (PendingEventRef & { dbNow: number })[];
      await waking;
      if (rows.length === 0) break;
      // Delays by the database clock, which decides when an event is due.
      waking = this.wake(rows, rows[0]?.dbNow);
      considered += rows.length;
      const last = rows[rows.length - 1] as PendingEventRef;
      after = { fireAt: last.fireAt, id: last.id };
      if (rows.length < RECONCILE_BATCH) break;
    }
    await waking;
    if (considered > 0) this.logger.debug(`reconciled ${considered} pending event(s)`);
    return { considered };
  }
}
