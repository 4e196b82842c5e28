import { IMPORT_TEMPLATE, type ImportColumn } from '@lianzhang/contracts';
import { normaliseCellText } from '@lianzhang/domain';
import { fieldError, ValidationFailedError } from '@lianzhang/server/core';
import type { ReadSheet } from '@lianzhang/server/excel';
import { IMPORT_MESSAGES, type RowErrors } from './import-errors';

/** One data row of an upload: its number in Excel and its non-empty cells by column key. */
export interface ImportRow {
  readonly row: number;
  readonly cells: ReadonlyMap<string, string>;
}

export interface ImportSheet {
  readonly rows: readonly ImportRow[];
  /** The template's example row was there, unchanged, and is left out. */
  readonly exampleSkipped: boolean;
}

const squash = (value: string) => normaliseCellText(value).replace(/\s+/g, '').toLowerCase();

/**
 * The column a header names: by its English key (the last word: `*任务名称 title`), or by
 * its Chinese or English label alone (`任务名称`), with or without the star.
 */
export function columnOfHeader(
  header: string,
  columns: readonly ImportColumn[],
): ImportColumn | undefined {
  const plain = normaliseCellText(header).replace(/\*/g, '').trim();
  if (!plain) return undefined;
  const last = (plain.split(/\s+/).pop() ?? '').toLowerCase();
  return (
    columns.find((c) => c.key.toLowerCase() === last) ??
    columns.find(
      (c) => squash(c.label['zh-CN']) === squash(plain) || squash(c.label.en) === squash(plain),
    )
  );
}

/**
 * Matches the header to the template's columns (any order; unknown, repeated and missing
 * required columns are reported at the header row and stop the import there), then
 * takes each row's cells by column. A cell holding a formula is reported and left out:
 * an import never stores one. The example row is skipped while it is unchanged.
 */
export function importSheet(
  sheet: ReadSheet,
  columns: readonly ImportColumn[],
  errors: RowErrors,
): ImportSheet {
  const layout: (ImportColumn | null)[] = [];
  const seen = new Set<string>();
  sheet.header.forEach((header, index) => {
    if (!header.trim()) {
      layout[index] = null;
      return;
    }
    const column = columnOfHeader(header, columns);
    if (!column) {
      errors.add(sheet.headerRow, header, IMPORT_MESSAGES.unknownColumn);
      layout[index] = null;
      return;
    }
    if (seen.has(column.key)) {
      errors.add(sheet.headerRow, column.key, IMPORT_MESSAGES.repeatedColumn);
      layout[index] = null;
      return;
    }
    seen.add(column.key);
    layout[index] = column;
  });
  for (const column of columns) {
    if (column.required && !seen.has(column.key)) {
      errors.add(sheet.headerRow, column.key, IMPORT_MESSAGES.missingColumn);
    }
  }
  errors.throwIfAny();

  const formulas = new Set(sheet.formulaCells.map((c) => `${c.rowNumber}:${c.index}`));
  let exampleSkipped = false;
  const rows: ImportRow[] = [];
  for (const row of sheet.rows) {
    const cells = new Map<string, string>();
    layout.forEach((column, index) => {
      if (!column) return;
      if (formulas.has(`${row.rowNumber}:${index}`)) {
        errors.add(row.rowNumber, column.key, IMPORT_MESSAGES.formula);
        return;
      }
      const value = row.cells[index];
      if (value !== null && value !== undefined) cells.set(column.key, value);
    });
    if (row.rowNumber === IMPORT_TEMPLATE.exampleRow && isExample(cells, columns)) {
      exampleSkipped = true;
      continue;
    }
    rows.push({ row: row.rowNumber, cells });
  }
  if (rows.length === 0 && errors.count === 0) {
    throw new ValidationFailedError([fieldError('file', IMPORT_MESSAGES.noRows)]);
  }
  return { rows, exampleSkipped };
}

function isExample(cells: ReadonlyMap<string, string>, columns: readonly ImportColumn[]): boolean {
  return columns.every((column) => (cells.get(column.key) ?? '') === column.example);
}
