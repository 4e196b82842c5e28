import type { ImportKind } from '@lianzhang/contracts';
import { normaliseCellText } from '@lianzhang/domain';
import type { EntityManager } from 'typeorm';
import type { ImportContext } from '../import-context';
import { IMPORT_MESSAGES } from '../import-errors';
import type { RowReader } from '../row-reader';

/** What a valid upload will write, once the service has seen that no row has a problem. */
export interface PreparedImport {
  /** Writes every row in the caller's transaction; returns the ids created, for the audit. */
  write(manager: EntityManager): Promise<readonly string[]>;
}

/**
 * One kind of import: reads and checks every row (cells through the contracts' schemas,
 * references and duplicates against the file and the database, with one query per kind
 * of reference), reporting each problem at its row and column, and says what to write.
 */
export interface Importer {
  readonly kind: ImportKind;
  prepare(rows: readonly RowReader[], context: ImportContext): Promise<PreparedImport>;
}

/** A valid id for a reference not known yet: lets a contract schema check the rest of a row. */
export const SOME_ID = '00000000-0000-4000-8000-000000000000';

/** The chain code of a row as the catalogue writes them (lower case). */
export function chainCodeOf(reader: RowReader): string | undefined {
  const code = reader.text('chainCode');
  return code === undefined ? undefined : normaliseCellText(code).toLowerCase();
}

/** The chains the rows name that the user manages, in one query. */
export async function chainsOf(
  rows: readonly RowReader[],
  context: ImportContext,
): Promise<Map<string, string>> {
  const codes = rows.map((r) => r.source.cells.get('chainCode'));
  return context.chains(
    codes.filter((c): c is string => !!c).map((c) => normaliseCellText(c).toLowerCase()),
  );
}

/** The row's chain id; an unknown or unmanaged chain is reported, the same way. */
export function chainOf(
  reader: RowReader,
  chains: ReadonlyMap<string, string>,
): string | undefined {
  const code = chainCodeOf(reader);
  if (code === undefined) return undefined;
  return chains.get(code) ?? reader.fail('chainCode', IMPORT_MESSAGES.unknownChain);
}

/** Every credit code the rows hold in these columns (lists split), upper case, for one lookup. */
export function creditCodesIn(rows: readonly RowReader[], ...keys: string[]): string[] {
  const codes = new Set<string>();
  for (const row of rows) {
    for (const key of keys) {
      const value = row.source.cells.get(key);
      if (!value) continue;
      for (const part of value.split(/[、，,；;\n\r]+/)) {
        const code = normaliseCellText(part).toUpperCase();
        if (code) codes.add(code);
      }
    }
  }
  return [...codes];
}

/** A trimmed text cell, or undefined: titles and names are compared as written. */
export function textOf(reader: RowReader, key: string): string | undefined {
  const value = reader.text(key);
  return value === undefined ? undefined : value.trim();
}
