import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { currentRequestContext } from '../context/request-context';

export interface AuditRecord {
  readonly actorId?: string | null;
  readonly actorRole?: string | null;
  readonly action: string;
  readonly subjectType?: string | null;
  readonly subjectId?: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly clientAddress?: string | null;
  readonly requestId?: string | null;
}

/** Serialises appends to the one chain (the lock ends with the transaction). */
const CHAIN_LOCK = 0x6c7a_a0d1;
/** Microsecond UTC text of a timestamptz: the form the hash covers, byte for byte. */
const TIME_TEXT = `to_char($1::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface ChainVerification {
  readonly entries: number;
  /** The first entry whose hash or link does not match, if any. */
  readonly firstBroken: { readonly id: string; readonly reason: 'hash' | 'link' } | undefined;
}

/** The content a hash covers: every field but the hash itself, canonical JSON (RFC 8785). */
export function auditHash(
  prevHash: string | null,
  occurredAt: string,
  record: AuditRecord,
): string {
  const content = canonicalize({
    prevHash,
    occurredAt,
    actorId: record.actorId ?? null,
    actorRole: record.actorRole ?? null,
    action: record.action,
    subjectType: record.subjectType ?? null,
    subjectId: record.subjectId ?? null,
    before: record.before ?? null,
    after: record.after ?? null,
    clientAddress: record.clientAddress ?? null,
    requestId: record.requestId ?? null,
  }) as string;
  return createHash('sha256').update(content).digest('hex');
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an entry in the caller's transaction, so a change and its audit line commit
   * or roll back together. Without a transaction, it opens its own.
   */
  async record(input: AuditRecord, manager?: EntityManager): Promise<void> {
    const context = currentRequestContext();
    const record: AuditRecord = {
      actorId: context?.user?.id ?? null,
      actorRole: context?.user?.role ?? null,
      clientAddress: context?.clientAddress ?? null,
      requestId: context?.requestId ?? null,
      ...input,
    };
    if (!manager?.queryRunner?.isTransactionActive) {
      await this.dataSource.transaction((tx) => this.append(tx, record));
      return;
    }
    await this.append(manager, record);
  }

  private async append(manager: EntityManager, input: AuditRecord): Promise<void> {
    // What the hash covers is what jsonb gives back: plain JSON, no Dates, no undefined.
    const record: AuditRecord = {
      ...input,
      before: toJson(input.before),
      after: toJson(input.after),
    };
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [CHAIN_LOCK]);
    const [last] = (await manager.query(
      `SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1`,
    )) as { hash: string }[];
    const [{ now }] = (await manager.query(
      `SELECT ${TIME_TEXT.replace('$1', 'now()')} AS now`,
    )) as [{ now: string }];
    const prevHash = last?.hash ?? null;
    await manager.query(
      `INSERT INTO audit_entry (occurred_at, actor_id, actor_role, action, subject_type, subject_id, before, after,
                                client_address, request_id, prev_hash, hash)
       VALUES ($1::timestamptz, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11, $12)`,
      [
        now,
        record.actorId ?? null,
        record.actorRole ?? null,
        record.action,
        record.subjectType ?? null,
        record.subjectId ?? null,
        record.before === undefined ? null : JSON.stringify(record.before),
        record.after === undefined ? null : JSON.stringify(record.after),
        record.clientAddress ?? null,
        record.requestId ?? null,
        prevHash,
        auditHash(prevHash, now, record),
      ],
    );
  }

  /** Walks the chain from the first entry; names the first one whose hash or link is wrong. */
  async verify(batchSize = 5_000): Promise<ChainVerification> {
    let previous: string | null = null;
    let afterId = '0';
    let entries = 0;
    for (;;) {
      const rows = (await this.dataSource.query(
        `SELECT id::text, ${TIME_TEXT.replace('$1', 'occurred_at')} AS occurred_at, actor_id, actor_role, action,
                subject_type, subject_id, before, after, client_address, request_id, prev_hash, hash
         FROM audit_entry WHERE audit_entry.id > $1::bigint ORDER BY audit_entry.id LIMIT $2`,
        [afterId, batchSize],
      )) as {
        id: string;
        occurred_at: string;
        actor_id: string | null;
        actor_role: string | null;
        action: string;
        subject_type: string | null;
        subject_id: string | null;
        before: unknown;
        after: unknown;
        client_address: string | null;
        request_id: string | null;
        prev_hash: string | null;
        hash: string;
      }[];
      if (rows.length === 0) return { entries, firstBroken: undefined };
      for (const row of rows) {
        entries++;
        if (row.prev_hash !== previous)
          return { entries, firstBroken: { id: row.id, reason: 'link' } };
        const expected = auditHash(row.prev_hash, row.occurred_at, {
          actorId: row.actor_id,
          actorRole: row.actor_role,
          action: row.action,
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          before: row.before,
          after: row.after,
          clientAddress: row.client_address,
          requestId: row.request_id,
        });
        if (expected !== row.hash) return { entries, firstBroken: { id: row.id, reason: 'hash' } };
        previous = row.hash;
        afterId = row.id;
      }
    }
  }
}

function toJson(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}
