import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  parseSort,
  type CreateDeliveryEndpointRequest,
  type DeliveryDto,
  type DeliveryEndpointDto,
  type DeliveryListQuery,
  type OutboundAllowHostDto,
  type OutboundAllowHostRequest,
  type Page,
  type UpdateDeliveryEndpointRequest,
} from '@lianzhang/contracts';
import {
  AuditService,
  ConflictError,
  fieldError,
  inTransaction,
  NotFoundError,
  SqlFilter,
  ValidationFailedError,
  versionedUpdate,
} from '@lianzhang/server/core';
import type { DataSource, EntityManager } from 'typeorm';
import { checkOutboundUrl, OutboundRefusedError } from './delivery';
import { NotificationsService } from './notifications.service';

const ENDPOINT_COLUMNS = `id, chain_id AS "chainId", kind, name, url, secret IS NOT NULL AS "hasSecret",
  min_level AS "minLevel", enabled, version`;

/** Robot URLs carry their access token in the query: the list shows scheme, host and path only. */
function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}${parsed.search ? '?…' : ''}`;
  } catch {
    return url;
  }
}

/**
 * The province admin's side of deliveries: endpoints (group robots, webhooks), the
 * outgoing allow-list, and the dead letter with its retry.
 */
@Injectable()
export class DeliveryAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async endpoints(): Promise<DeliveryEndpointDto[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM delivery_endpoint ORDER BY chain_id NULLS FIRST, name`,
    )) as DeliveryEndpointDto[];
    return rows.map((r) => ({ ...r, url: withoutQuery(r.url) }));
  }

  async endpoint(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DeliveryEndpointDto> {
    const [row] = (await manager.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM delivery_endpoint WHERE id = $1`,
      [id],
    )) as DeliveryEndpointDto[];
    if (!row) throw new NotFoundError('delivery endpoint');
    return { ...row, url: withoutQuery(row.url) };
  }

  async createEndpoint(request: CreateDeliveryEndpointRequest): Promise<DeliveryEndpointDto> {
    return this.write(async (manager) => {
      await this.checkUrl(manager, request.url);
      const [{ id }] = (await manager.query(
        `INSERT INTO delivery_endpoint (chain_id, kind, name, url, secret, min_level, enabled) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          request.chainId,
          request.kind,
          request.name,
          request.url,
          request.secret ?? null,
          request.minLevel,
          request.enabled,
        ],
      )) as [{ id: string }];
      const { secret: _secret, ...logged } = request;
      await this.audit.record(
        {
          action: 'delivery.endpoint.create',
          subjectType: 'delivery_endpoint',
          subjectId: id,
          after: { ...logged, url: withoutQuery(request.url) },
        },
        manager,
      );
      return this.endpoint(id, manager);
    });
  }

  async updateEndpoint(
    id: string,
    request: UpdateDeliveryEndpointRequest,
  ): Promise<DeliveryEndpointDto> {
    const { version, ...changes } = request;
    return this.write(async (manager) => {
      const [current] = (await manager.query(
        `SELECT version FROM delivery_endpoint WHERE id = $1 FOR UPDATE`,
        [id],
      )) as {
        version: number;
      }[];
      if (!current) throw new NotFoundError('delivery endpoint');
      if (current.version !== version) throw new ConflictError();
      if (changes.url) await this.checkUrl(manager, changes.url);
      await versionedUpdate(manager, 'delivery_endpoint', id, changes);
      const { secret: _secret, ...logged } = changes;
      await this.audit.record(
        {
          action: 'delivery.endpoint.update',
          subjectType: 'delivery_endpoint',
          subjectId: id,
          after: {
            ...logged,
            url: changes.url ? withoutQuery(changes.url) : undefined,
            secretChanged: changes.secret !== undefined,
          },
        },
        manager,
      );
      return this.endpoint(id, manager);
    });
  }

  async removeEndpoint(id: string): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const [rows] = (await manager.query(
        `DELETE FROM delivery_endpoint WHERE id = $1 RETURNING name`,
        [id],
      )) as [unknown[], number];
      if (!rows?.length) throw new NotFoundError('delivery endpoint');
      await this.audit.record(
        {
          action: 'delivery.endpoint.remove',
          subjectType: 'delivery_endpoint',
          subjectId: id,
          before: rows[0],
        },
        manager,
      );
    });
  }

  async allowHosts(): Promise<OutboundAllowHostDto[]> {
    const rows = (await this.dataSource.query(
      `SELECT host, note, created_at AS "createdAt" FROM outbound_allow_host ORDER BY host`,
    )) as (Omit<OutboundAllowHostDto, 'createdAt'> & { createdAt: Date })[];
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }

  async allowHost(request: OutboundAllowHostRequest): Promise<OutboundAllowHostDto[]> {
    await inTransaction(this.dataSource, async (manager) => {
      await manager.query(
        `INSERT INTO outbound_allow_host (host, note) VALUES ($1, $2) ON CONFLICT (host) DO UPDATE SET note = EXCLUDED.note`,
        [request.host, request.note],
      );
      await this.audit.record(
        {
          action: 'delivery.allow_host.set',
          subjectType: 'outbound_allow_host',
          subjectId: request.host,
          after: request,
        },
        manager,
      );
    });
    return this.allowHosts();
  }

  async disallowHost(host: string): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const [rows] = (await manager.query(
        `DELETE FROM outbound_allow_host WHERE host = $1 RETURNING host`,
        [host.toLowerCase()],
      )) as [unknown[], number];
      if (!rows?.length) throw new NotFoundError('allowed host');
      await this.audit.record(
        {
          action: 'delivery.allow_host.remove',
          subjectType: 'outbound_allow_host',
          subjectId: host,
        },
        manager,
      );
    });
  }

  async deliveries(query: DeliveryListQuery): Promise<Page<DeliveryDto>> {
    const filter = new SqlFilter();
    if (query.status) filter.add('d.status = ?', query.status);
    if (query.channel) filter.add('d.channel = ?', query.channel);
    const sort = parseSort<'createdAt'>(query.sort);
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM delivery d WHERE ${filter.where}`,
      filter.params,
    )) as [{ total: number }];
    const page = filter.page(query);
    const rows = (await this.dataSource.query(
      `SELECT d.id, d.channel, d.target, d.status, d.attempts, d.last_error AS "lastError", d.message->>'title' AS title,
              d.created_at AS "createdAt", d.delivered_at AS "deliveredAt",
              coalesce((SELECT json_agg(json_build_object('attempt', a.attempt, 'at', a.at, 'ok', a.ok, 'statusCode', a.status_code,
                                                          'error', a.error, 'durationMs', a.duration_ms) ORDER BY a.id)
                        FROM delivery_attempt a WHERE a.delivery_id = d.id), '[]') AS log
       FROM delivery d WHERE ${filter.where} ORDER BY d.created_at ${sort.direction}, d.id ${page.sql}`,
      page.params,
    )) as (Omit<DeliveryDto, 'createdAt' | 'deliveredAt'> & {
      createdAt: Date;
      deliveredAt: Date | null;
    })[];
    return {
      items: rows.map((r) => ({
        ...r,
        createdAt: r.createdAt.toISOString(),
        deliveredAt: r.deliveredAt?.toISOString() ?? null,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Sends a dead delivery again with a fresh set of attempts (its earlier attempts stay in the log). */
  async retry(id: string): Promise<{ status: 'pending' }> {
    await inTransaction(this.dataSource, async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE delivery SET status = 'pending', attempts = 0, last_error = NULL, next_attempt_at = now(), updated_at = now()
         WHERE id = $1 AND status = 'dead' RETURNING id`,
        [id],
      )) as [unknown[], number];
      if (!rows?.length) {
        const exists = (await manager.query(`SELECT 1 FROM delivery WHERE id = $1`, [
          id,
        ])) as unknown[];
        if (exists.length === 0) throw new NotFoundError('delivery');
        throw new ConflictError([
          fieldError('status', {
            'zh-CN': '只能重发已失败（死信）的投递',
            en: 'Only a dead delivery can be retried',
          }),
        ]);
      }
      await this.audit.record(
        { action: 'delivery.retry', subjectType: 'delivery', subjectId: id },
        manager,
      );
    });
    await this.notifications.enqueueDeliveries([id]);
    return { status: 'pending' };
  }

  private async checkUrl(manager: EntityManager, url: string): Promise<void> {
    const hosts = (
      (await manager.query(`SELECT host FROM outbound_allow_host`)) as { host: string }[]
    ).map((h) => h.host);
    try {
      await checkOutboundUrl(url, { allowHosts: hosts, timeoutMs: 0 });
    } catch (error) {
      if (!(error instanceof OutboundRefusedError)) throw error;
      throw new ValidationFailedError([
        fieldError('url', {
          'zh-CN': '不允许的地址：只能使用公网 http(s) 地址，内网地址须由管理员加入白名单',
          en: 'Refused: only public http(s) addresses, unless an administrator allows the host',
        }),
      ]);
    }
  }

  private write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work, (constraint) =>
      constraint === 'fk_delivery_endpoint_chain'
        ? new ValidationFailedError([
            fieldError('chainId', { 'zh-CN': '产业链不存在', en: 'No such chain' }),
          ])
        : undefined,
    );
  }
}
