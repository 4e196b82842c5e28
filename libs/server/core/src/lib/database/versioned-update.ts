import type { EntityManager } from 'typeorm';
import { snakeCase } from './snake-naming.strategy';

/**
 * `UPDATE <table> SET <changes>, version = version + 1, updated_at = now() WHERE id = …`.
 * Keys are camelCase fields of a strict contract (never raw request keys), written as
 * their snake_case columns; undefined values are left alone. The caller has already
 * locked the row and checked its version.
 */
export async function versionedUpdate(
  manager: EntityManager,
  table: string,
  id: string,
  changes: Readonly<Record<string, unknown>>,
): Promise<void> {
  const params: unknown[] = [id];
  const sets = ['version = version + 1', 'updated_at = now()'];
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    params.push(value);
    sets.push(`"${snakeCase(key)}" = $${params.length}`);
  }
  await manager.query(`UPDATE "${table}" SET ${sets.join(', ')} WHERE id = $1`, params);
}
