import { creditCodeSchema, type Bilingual, type ImportColumn } from '@lianzhang/contracts';
import {
  normaliseDate,
  parseChoice,
  parseDecimal,
  parseInteger,
  parseShare,
  parseYesNo,
  splitList,
} from '@lianzhang/domain';
import { fieldErrors } from '@lianzhang/server/core';
import type { z } from 'zod';
import { IMPORT_MESSAGES, type RowErrors } from './import-errors';
import type { ImportRow } from './import-sheet';

/**
 * The cells of one row as the values of a contract, each reader reporting the cell it
 * cannot read (once per cell) and returning undefined for it. A blank optional cell is
 * undefined without a problem; a blank required one is reported as required.
 */
export class RowReader {
  constructor(
    readonly source: ImportRow,
    private readonly columns: ReadonlyMap<string, ImportColumn>,
    private readonly errors: RowErrors,
  ) {}

  get row(): number {
    return this.source.row;
  }

  /** Reports a problem of this row at `column`. */
  fail(column: string, message: Bilingual): undefined {
    this.errors.add(this.row, column, message);
    return undefined;
  }

  failed(column: string): boolean {
    return this.errors.has(this.row, column);
  }

  /** The cell's text; reports a blank required cell. */
  text(key: string): string | undefined {
    const value = this.source.cells.get(key);
    if (value === undefined && this.columns.get(key)?.required && !this.failed(key)) {
      return this.fail(key, IMPORT_MESSAGES.required);
    }
    return value;
  }

  choice<K extends string>(
    key: string,
    labels: Readonly<Record<K, Bilingual>>,
    aliases: Readonly<Partial<Record<K, readonly string[]>>> = {} as Partial<
      Record<K, readonly string[]>
    >,
  ): K | undefined {
    const value = this.text(key);
    if (value === undefined) return undefined;
    const code = parseChoice(value, labels, aliases);
    if (code !== undefined) return code;
    return this.fail(key, IMPORT_MESSAGES.choice(labels));
  }

  yesNo(key: string): boolean | undefined {
    const value = this.text(key);
    if (value === undefined) return undefined;
    return parseYesNo(value) ?? this.fail(key, IMPORT_MESSAGES.yesNo);
  }

  decimal(key: string): number | undefined {
    const value = this.text(key);
    if (value === undefined) return undefined;
    return parseDecimal(value) ?? this.fail(key, IMPORT_MESSAGES.number);
  }

  integer(key: string): number | undefined {
    const value = this.text(key);
    if (value === undefined) return undefined;
    return parseInteger(value) ?? this.fail(key, IMPORT_MESSAGES.integer);
  }

  share(key: string): number | undefined {
    const value = this.text(key);
    if (value === undefined) return undefined;
    return parseShare(value) ?? this.fail(key, IMPORT_MESSAGES.share);
  }

  /** A date as YYYY-MM-DD, or the text as written for the contract's date check to refuse. */
  date(key: string): string | undefined {
    const value = this.text(key);
    return value === undefined ? undefined : normaliseDate(value);
  }

  /** A credit code, checked with its GB 32100 check character and normalised to capitals. */
  creditCode(key: string): string | undefined {
    const value = this.text(key);
    if (value === undefined) return undefined;
    return this.code(key, value);
  }

  /** Every credit code of a list cell, each checked; undefined when any is wrong. */
  creditCodes(key: string): string[] | undefined {
    const value = this.text(key);
    if (value === undefined) return undefined;
    const codes: string[] = [];
    for (const item of splitList(value)) {
      const code = this.code(key, item);
      if (code === undefined) return undefined;
      codes.push(code);
    }
    return [...new Set(codes)];
  }

  /**
   * Checks a request built from this row against its contract schema and reports each
   * problem at the column it came from (`fields` maps the request's fields to columns).
   * Returns the parsed request, or undefined when anything is wrong.
   */
  check<S extends z.ZodType>(
    schema: S,
    request: unknown,
    fields: Readonly<Record<string, string>>,
  ): z.output<S> | undefined {
    const parsed = schema.safeParse(request);
    if (parsed.success) return parsed.data;
    const first = this.columns.keys().next().value ?? '(row)';
    for (const problem of fieldErrors(parsed.error)) {
      const field = problem.path.split('.')[0] ?? '';
      const column = fields[field] ?? first;
      if (!this.failed(column)) this.fail(column, problem.message);
    }
    return undefined;
  }

  private code(key: string, value: string): string | undefined {
    const parsed = creditCodeSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    const [problem] = fieldErrors(parsed.error);
    return problem ? this.fail(key, problem.message) : undefined;
  }
}
