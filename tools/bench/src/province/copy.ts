import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** One field of PostgreSQL's COPY text format: `\N` for null, the four special characters escaped. */
export function field(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

export function line(values: readonly (string | number | boolean | null)[]): string {
  return values.map(field).join('\t') + '\n';
}

/** Lines joined into chunks of about 256 KB, so the stream writes few large buffers. */
function* chunked(lines: Iterable<string>): Generator<string> {
  let buffer = '';
  for (const l of lines) {
    buffer += l;
    if (buffer.length >= 262_144) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/** `COPY table (columns) FROM STDIN` fed by a generator of text-format lines; returns the row count. */
export async function copyInto(
  client: Client,
  table: string,
  columns: readonly string[],
  lines: Iterable<string>,
): Promise<number> {
  const stream = client.query(
    copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`),
  );
  await pipeline(Readable.from(chunked(lines)), stream);
  return Number(stream.rowCount);
}

interface SavedDefinition {
  readonly name: string;
  readonly table: string;
  readonly sql: string;
}

/**
 * Drops the indexes, primary keys, unique constraints and foreign keys of `tables` (and
 * foreign keys pointing at them) for a bulk load, and returns what puts them back, as
 * pg_restore does: keys and indexes first, then foreign keys, each validated once.
 */
export async function withoutIndexes(
  client: Client,
  tables: readonly string[],
): Promise<() => Promise<void>> {
  const constraints = (
    await client.query<SavedDefinition & { type: string }>(
      `SELECT c.conname AS name, r.relname AS "table", c.contype AS type, pg_get_constraintdef(c.oid) AS sql
       FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
       LEFT JOIN pg_class f ON f.oid = c.confrelid
       WHERE c.contype IN ('p', 'u', 'f') AND (r.relname = ANY($1) OR f.relname = ANY($1))`,
      [tables],
    )
  ).rows;
  const indexes = (
    await client.query<SavedDefinition>(
      `SELECT i.indexname AS name, i.tablename AS "table", i.indexdef AS sql FROM pg_indexes i
       WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [tables],
    )
  ).rows;
  const foreign = constraints.filter((c) => c.type === 'f');
  const keys = constraints.filter((c) => c.type !== 'f');
  for (const c of foreign)
    await client.query(`ALTER TABLE "${c.table}" DROP CONSTRAINT "${c.name}"`);
  for (const c of keys) await client.query(`ALTER TABLE "${c.table}" DROP CONSTRAINT "${c.name}"`);
  for (const i of indexes) await client.query(`DROP INDEX "${i.name}"`);
  return async () => {
    await client.query(`SET maintenance_work_mem = '512MB'`);
    for (const c of keys)
      await client.query(`ALTER TABLE "${c.table}" ADD CONSTRAINT "${c.name}" ${c.sql}`);
    for (const i of indexes) await client.query(i.sql);
    for (const c of foreign)
      await client.query(`ALTER TABLE "${c.table}" ADD CONSTRAINT "${c.name}" ${c.sql}`);
  };
}
