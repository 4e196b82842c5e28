import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { shanghaiDate } from '@lianzhang/domain';
import { CalendarService } from '@lianzhang/server/calendar';
import { APP_CONFIG, inTransaction, type AppConfig } from '@lianzhang/server/core';
import type { DataSource } from 'typeorm';
import {
  DeliverySender,
  type DeliveryMessage,
  type DeliveryOutcome,
  type DeliveryTarget,
} from './delivery';
import { NotificationsService } from './notifications.service';

export type SendResult = 'delivered' | 'retry' | 'dead' | 'stale';

/** Thrown to make BullMQ try again after its backoff; the row already says `pending`. */
export class RetryDeliveryError extends Error {
  override name = 'RetryDeliveryError';
}

function smtpUrl(config: AppConfig): string | undefined {
  const smtp = config.smtp;
  if (!smtp) return undefined;
  const url = new URL(`${smtp.secure ? 'smtps' : 'smtp'}://${smtp.host}:${smtp.port}`);
  if (smtp.user) url.username = smtp.user;
  if (smtp.password) url.password = smtp.password;
  return url.toString();
}

/**
 * Sends `delivery` rows. A row is leased while it is sent (two wake-ups of the same
 * row send it once); every attempt is recorded; a failure that can pass is retried with
 * exponential backoff up to `DELIVERY_ATTEMPTS`, anything else ends in the dead letter,
 * which an admin can send again.
 */
@Injectable()
export class DeliveryService implements OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryService.name);
  private readonly sender: DeliverySender;
  /** The SSRF policy; its allow-list is read from the database before each send. */
  private readonly policy: { timeoutMs: number; allowHosts: readonly string[] };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly calendar: CalendarService,
  ) {
    this.policy = { timeoutMs: config.delivery.timeoutMs, allowHosts: [] };
    this.sender = new DeliverySender({
      policy: this.policy,
      smtpUrl: smtpUrl(config),
      mailFrom: config.smtp?.from ?? 'lianzhang <no-reply@localhost>',
    });
  }

  async send(deliveryId: string): Promise<SendResult> {
    const lease = Math.ceil((this.config.delivery.timeoutMs * 2) / 1000) + 5;
    // An UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [[row]] = (await this.dataSource.query(
      `UPDATE delivery SET status = 'sending', attempts = attempts + 1, lease_until = now() + make_interval(secs => $2), updated_at = now()
       WHERE id = $1 AND (status = 'pending' OR (status = 'sending' AND lease_until < now()))
       RETURNING id, channel, endpoint_id AS "endpointId", target, message, attempts`,
      [deliveryId, lease],
    )) as [
      {
        id: string;
        channel: DeliveryTarget['kind'];
        endpointId: string | null;
        target: string;
        message: DeliveryMessage;
        attempts: number;
      }[],
      number,
    ];
    if (!row) return 'stale';
    const target = await this.target(row);
    const started = Date.now();
    let outcome: DeliveryOutcome;
    if (typeof target === 'string') {
      outcome = { ok: false, error: target, retryable: false };
    } else {
      this.policy.allowHosts = (
        (await this.dataSource.query(`SELECT host FROM outbound_allow_host`)) as { host: string }[]
      ).map((h) => h.host);
      outcome = await this.sender.send(target, row.message);
    }
    const retry = !outcome.ok && outcome.retryable && row.attempts < this.config.delivery.attempts;
    const status = outcome.ok ? 'delivered' : retry ? 'pending' : 'dead';
    await inTransaction(this.dataSource, async (manager) => {
      await manager.query(
        `INSERT INTO delivery_attempt (delivery_id, attempt, ok, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          row.id,
          row.attempts,
          outcome.ok,
          outcome.status ?? null,
          outcome.error ?? null,
          Date.now() - started,
        ],
      );
      await manager.query(
        `UPDATE delivery SET status = $2, lease_until = NULL, last_error = $3, updated_at = now(),
                delivered_at = CASE WHEN $2 = 'delivered' THEN now() END
         WHERE id = $1`,
        [row.id, status, outcome.ok ? null : (outcome.error ?? 'failed')],
      );
    });
    if (status === 'dead') {
      this.logger.warn(
        `delivery ${row.id} (${row.channel} → ${row.target}) is dead: ${outcome.error}`,
      );
    }
    if (retry) throw new RetryDeliveryError(outcome.error ?? 'failed');
    return outcome.ok ? 'delivered' : 'dead';
  }

  /** Pending rows whose job was lost (a flushed Redis), and leases of crashed senders. */
  async reconcile(): Promise<{ requeued: number }> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM delivery
       WHERE (status = 'pending' AND updated_at < now() - make_interval(secs => $1))
          OR (status = 'sending' AND lease_until < now())
       ORDER BY updated_at LIMIT 5000`,
      [Math.max(5, this.config.scheduler.reconcileEveryMs / 1000)],
    )) as { id: string }[];
    await this.notifications.enqueueDeliveries(rows.map((r) => r.id));
    return { requeued: rows.length };
  }

  /**
   * The 08:30 digest: on a workday, one e-mail per user who asked for it, listing the
   * notifications of the last day they have not read.
   */
  async digest(now = new Date()): Promise<{ sent: number } | 'not_a_workday'> {
    const today = shanghaiDate(now);
    if (!(await this.calendar.calendar()).isWorkday(today)) return 'not_a_workday';
    return inTransaction(this.dataSource, async (manager) => {
      const rows = (await manager.query(
        `SELECT p.user_id AS "userId", p.email, count(n.id)::int AS count,
                string_agg(n.title->>'zh-CN', E'\\n' ORDER BY n.created_at) AS titles
         FROM notification_preference p JOIN app_user u ON u.id = p.user_id AND u.active
         JOIN notification n ON n.user_id = p.user_id AND n.read_at IS NULL AND n.created_at > now() - interval '1 day'
         WHERE p.daily_digest AND p.email IS NOT NULL AND 'email' = ANY(p.channels)
         GROUP BY p.user_id, p.email`,
      )) as { userId: string; email: string; count: number; titles: string }[];
      const written = await this.notifications.addDeliveries(
        manager,
        rows.map((r) => ({
          dedupeKey: `digest:${today}:${r.userId}`,
          eventId: null,
          channel: 'email',
          endpointId: null,
          target: r.email,
          message: {
            title: `链长制平台每日摘要（${today}）：${r.count} 条未读`,
            text: r.titles,
            link: '/notifications',
            level: 'reminder',
            event: 'digest',
            idempotencyKey: `digest:${today}:${r.userId}`,
            data: { date: today, count: r.count },
          },
        })),
      );
      return { sent: written };
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sender.close();
  }

  private async target(row: {
    channel: DeliveryTarget['kind'];
    endpointId: string | null;
    target: string;
  }): Promise<DeliveryTarget | string> {
    if (row.channel === 'email') return { kind: 'email', to: row.target };
    const [endpoint] = (await this.dataSource.query(
      `SELECT kind, url, secret, enabled FROM delivery_endpoint WHERE id = $1`,
      [row.endpointId],
    )) as {
      kind: Exclude<DeliveryTarget['kind'], 'email'>;
      url: string;
      secret: string | null;
      enabled: boolean;
    }[];
    if (!endpoint) return 'the endpoint was removed';
    if (!endpoint.enabled) return 'the endpoint is disabled';
    return { kind: endpoint.kind, url: endpoint.url, secret: endpoint.secret };
  }
}
