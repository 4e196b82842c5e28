import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  parseSort,
  type MarkNotificationsReadRequest,
  type NotificationDto,
  type NotificationListQuery,
  type NotificationPreferencesDto,
  type NotificationPreferencesRequest,
  type Page,
} from '@lianzhang/contracts';
import { ConflictError, SqlFilter, type AuthenticatedUser } from '@lianzhang/server/core';
import type { DataSource } from 'typeorm';

const COLUMNS = `id, kind, level, title, body, link, subject_type AS "subjectType", subject_id AS "subjectId",
  read_at AS "readAt", created_at AS "createdAt"`;

type Row = Omit<NotificationDto, 'readAt' | 'createdAt'> & { readAt: Date | null; createdAt: Date };

/** Everyone's own inbox and preferences: rows are always filtered by the caller's id. */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    user: AuthenticatedUser,
    query: NotificationListQuery,
  ): Promise<Page<NotificationDto>> {
    const filter = new SqlFilter().add('user_id = ?', user.id);
    if (query.unread)
      filter.raw(query.unread === 'true' ? 'read_at IS NULL' : 'read_at IS NOT NULL');
    const sort = parseSort<'createdAt'>(query.sort);
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM notification WHERE ${filter.where}`,
      filter.params,
    )) as [{ total: number }];
    const page = filter.page(query);
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notification WHERE ${filter.where} ORDER BY created_at ${sort.direction}, id ${page.sql}`,
      page.params,
    )) as Row[];
    return {
      items: rows.map((r) => ({
        ...r,
        readAt: r.readAt?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async unread(userId: string): Promise<number> {
    const [{ unread }] = (await this.dataSource.query(
      `SELECT count(*)::int AS unread FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    )) as [{ unread: number }];
    return unread;
  }

  /** Marks the caller's own notifications read; ids of others' are ignored, not revealed. */
  async markRead(
    user: AuthenticatedUser,
    request: MarkNotificationsReadRequest,
  ): Promise<{ updated: number; unread: number }> {
    const [, updated] = (await this.dataSource.query(
      'all' in request
        ? `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`
        : `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND id = ANY($2::uuid[])`,
      'all' in request ? [user.id] : [user.id, request.ids],
    )) as [unknown, number];
    return { updated, unread: await this.unread(user.id) };
  }

  async preferences(user: AuthenticatedUser): Promise<NotificationPreferencesDto> {
    const [row] = (await this.dataSource.query(
      `SELECT email, channels, daily_digest AS "dailyDigest", version FROM notification_preference WHERE user_id = $1`,
      [user.id],
    )) as NotificationPreferencesDto[];
    // Nothing stored yet: e-mail on, no address, no digest (version 0 creates the row).
    return row ?? { email: null, channels: ['email'], dailyDigest: false, version: 0 };
  }

  async setPreferences(
    user: AuthenticatedUser,
    request: NotificationPreferencesRequest & { version: number },
  ): Promise<NotificationPreferencesDto> {
    const params = [user.id, request.email, [...new Set(request.channels)], request.dailyDigest];
    let written: number;
    if (request.version === 0) {
      // Version 0: nothing stored yet; a row written meanwhile makes this a conflict.
      const rows = (await this.dataSource.query(
        `INSERT INTO notification_preference (user_id, email, channels, daily_digest) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
        params,
      )) as unknown[];
      written = rows.length;
    } else {
      [, written] = (await this.dataSource.query(
        `UPDATE notification_preference SET email = $2, channels = $3, daily_digest = $4, version = version + 1, updated_at = now()
         WHERE user_id = $1 AND version = $5`,
        [...params, request.version],
      )) as [unknown, number];
    }
    if (written === 0) throw new ConflictError();
    return this.preferences(user);
  }
}
