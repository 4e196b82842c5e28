import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lianzhang/server/core';
import { Client } from 'pg';
import { Observable, Subject, filter, map } from 'rxjs';
import { NOTIFICATION_CHANNEL } from './notifications.service';

/**
 * Follows `pg_notify` of committed notifications on one PostgreSQL connection per api
 * process and tells each stream which users have news. Opened on the first subscriber;
 * reconnects after a lost connection (the streams resend the count on every news, so a
 * gap costs a late badge, never a wrong one).
 */
@Injectable()
export class NotificationStreamService implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationStreamService.name);
  private readonly news = new Subject<readonly string[]>();
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private closed = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Emits each time a notification for `userId` was committed. */
  forUser(userId: string): Observable<void> {
    void this.listen();
    return this.news.pipe(
      filter((users) => users.includes(userId)),
      map(() => undefined),
    );
  }

  private listen(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl });
    client.on('notification', (message) => {
      try {
        this.news.next(JSON.parse(message.payload ?? '[]') as string[]);
      } catch {
        // Not ours: ignore.
      }
    });
    client.on('error', (error) => {
      this.logger.warn(`notification listener lost: ${error.message}; reconnecting`);
      this.client = undefined;
      void client.end().catch(() => undefined);
      setTimeout(() => void this.listen(), 1_000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
      this.client = client;
    } catch (error) {
      this.logger.warn(`notification listener could not connect: ${(error as Error).message}`);
      await client.end().catch(() => undefined);
      setTimeout(() => void this.listen(), 2_000).unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.news.complete();
    await this.client?.end().catch(() => undefined);
  }
}
