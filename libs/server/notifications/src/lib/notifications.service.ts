import { Inject, Injectable } from '@nestjs/common';
import type { DeliveryChannel, EscalationLevel } from '@lianzhang/domain';
import { afterCommit, APP_CONFIG, jobId, JobQueue, type AppConfig } from '@lianzhang/server/core';
import type { EntityManager } from 'typeorm';
import type { StoredText } from './notification.entities';

/** The PostgreSQL channel on which committed notifications announce their users. */
export const NOTIFICATION_CHANNEL = 'lz_notification';

const LEVEL_RANK: Readonly<Record<EscalationLevel, number>> = { reminder: 0, yellow: 1, red: 2 };

export interface NotifyInput {
  /** The scheduled event that fired; a user hears about one event once. */
  readonly eventId: string;
  readonly userIds: readonly string[];
  readonly kind: string;
  readonly level: EscalationLevel;
  readonly title: StoredText;
  readonly body: StoredText;
  readonly link: string | null;
  readonly subjectType: string;
  readonly subjectId: string;
  /** The chain whose robots may hear it; null for province-wide only. */
  readonly chainId: string | null;
  readonly channels: readonly DeliveryChannel[];
  /** Extra fields for webhooks (ids, dates), never personal data. */
  readonly data?: Record<string, unknown>;
}

/**
 * Writes notifications and their external deliveries inside the caller's transaction
 * (the claim of an event), and enqueues the deliveries after it commits.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {}

  async notify(
    manager: EntityManager,
    input: NotifyInput,
  ): Promise<{ notified: number; deliveries: number }> {
    const users = [...new Set(input.userIds)];
    const inserted = (await manager.query(
      `INSERT INTO notification (user_id, event_id, kind, level, title, body, link, subject_type, subject_id)
       SELECT u, $2, $3, $4, $5, $6, $7, $8, $9 FROM unnest($1::uuid[]) AS u
       ON CONFLICT (event_id, user_id) DO NOTHING RETURNING user_id AS "userId"`,
      [
        users,
        input.eventId,
        input.kind,
        input.level,
        JSON.stringify(input.title),
        JSON.stringify(input.body),
        input.link,
        input.subjectType,
        input.subjectId,
      ],
    )) as { userId: string }[];
    if (inserted.length > 0) {
      // Delivered to listeners when (and only if) the transaction commits.
      await manager.query(`SELECT pg_notify($1, $2)`, [
        NOTIFICATION_CHANNEL,
        JSON.stringify(inserted.map((r) => r.userId)),
      ]);
    }
    const message = {
      title: input.title['zh-CN'],
      text: input.body['zh-CN'],
      link: input.link ?? undefined,
      level: input.level,
      event: input.kind,
      idempotencyKey: input.eventId,
      data: { subjectType: input.subjectType, subjectId: input.subjectId, ...input.data },
    };
    const targets: { channel: string; endpointId: string | null; target: string }[] = [];
    if (input.channels.includes('email')) {
      const emails = (await manager.query(
        `SELECT p.email FROM notification_preference p JOIN app_user u ON u.id = p.user_id
         WHERE p.user_id = ANY($1::uuid[]) AND u.active AND p.email IS NOT NULL
           AND 'email' = ANY(p.channels) AND NOT p.daily_digest`,
        [inserted.map((r) => r.userId)],
      )) as { email: string }[];
      for (const { email } of emails)
        targets.push({ channel: 'email', endpointId: null, target: email });
    }
    const kinds = input.channels.filter((c) => c !== 'email');
    if (kinds.length > 0) {
      const endpoints = (await manager.query(
        `SELECT id, kind, name, min_level AS "minLevel" FROM delivery_endpoint
         WHERE enabled AND kind = ANY($1::text[]) AND (chain_id = $2 OR chain_id IS NULL)`,
        [kinds, input.chainId],
      )) as { id: string; kind: string; name: string; minLevel: EscalationLevel }[];
      for (const e of endpoints) {
        if (LEVEL_RANK[input.level] >= LEVEL_RANK[e.minLevel]) {
          targets.push({ channel: e.kind, endpointId: e.id, target: e.name });
        }
      }
    }
    const deliveries = await this.addDeliveries(
      manager,
      targets.map((t) => ({
        ...t,
        dedupeKey: `${input.eventId}:${t.channel}:${t.endpointId ?? t.target}`,
        eventId: input.eventId,
        message,
      })),
    );
    return { notified: inserted.length, deliveries };
  }

  /** Writes delivery rows (once per dedupe key) and enqueues them after commit. */
  async addDeliveries(
    manager: EntityManager,
    rows: readonly {
      dedupeKey: string;
      eventId: string | null;
      channel: string;
      endpointId: string | null;
      target: string;
      message: Record<string, unknown>;
    }[],
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const ids = (await manager.query(
      `INSERT INTO delivery (dedupe_key, event_id, channel, endpoint_id, target, message)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::jsonb[])
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        rows.map((r) => r.dedupeKey),
        rows.map((r) => r.eventId),
        rows.map((r) => r.channel),
        rows.map((r) => r.endpointId),
        rows.map((r) => r.target),
        rows.map((r) => JSON.stringify(r.message)),
      ],
    )) as { id: string }[];
    if (ids.length > 0) afterCommit(manager, () => this.enqueueDeliveries(ids.map((r) => r.id)));
    return ids.length;
  }

  async enqueueDeliveries(ids: readonly string[], delay = 0): Promise<void> {
    await this.jobs.addBulk(
      'delivery.send',
      ids.map((id) => ({
        payload: { deliveryId: id },
        jobId: jobId(id),
        delay,
        options: {
          attempts: this.config.delivery.attempts,
          backoff: { type: 'exponential', delay: this.config.delivery.backoffMs },
        },
      })),
    );
  }
}
