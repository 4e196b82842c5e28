import type { Bilingual } from '@lianzhang/contracts';
import { DomainError, fieldError } from '@lianzhang/server/core';
import ExcelJS from 'exceljs';
import * as yauzl from 'yauzl';
import { restore } from './cell-safety';
import { RangeScanner } from './range-scan';

/** What an uploaded workbook may be. The defaults are the import limits of issue 6. */
export interface SheetLimits {
  /** The file itself (10 MB). */
  readonly maxBytes: number;
  /** Data rows below the header (50,000). */
  readonly maxRows: number;
  /** Everything inside the zip once inflated (zip bomb). */
  readonly maxUncompressedBytes: number;
  /** Inflated over compressed size of any one part: XML compresses about 10:1, bombs 1000:1. */
  readonly maxCompressionRatio: number;
  /** Parts in the zip (an xlsx has a dozen or so). */
  readonly maxEntries: number;
  /**
   * Cells covered by merged and data-validation ranges, which exceljs expands one object
   * per cell (a range bomb: `A1:Z100000` in a 6 KB file). The import templates use a few
   * thousand; one whole-column validation is a million.
   */
  readonly maxRangeCells: number;
}

export const DEFAULT_SHEET_LIMITS: SheetLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxRows: 50_000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxEntries: 1_000,
  maxRangeCells: 200_000,
};

export type SheetRejection =
  | 'too_large'
  | 'not_xlsx'
  | 'zip_bomb'
  | 'too_many_rows'
  | 'oversized_ranges'
  | 'no_sheet'
  | 'empty';

const MESSAGES: Readonly<Record<SheetRejection, (limits: SheetLimits) => Bilingual>> = {
  too_large: (l) => ({
    'zh-CN': `文件超过 ${mb(l.maxBytes)} MB 上限`,
    en: `The file is larger than the ${mb(l.maxBytes)} MB limit`,
  }),
  not_xlsx: () => ({
    'zh-CN': '不是有效的 Excel（.xlsx）文件，请使用下载的模板',
    en: 'Not a valid Excel (.xlsx) file; use the downloaded template',
  }),
  zip_bomb: (l) => ({
    'zh-CN': `文件解压后过大或压缩比异常（上限 ${mb(l.maxUncompressedBytes)} MB，压缩比 ${l.maxCompressionRatio}:1），已拒绝`,
    en: `The file inflates too far or compresses suspiciously (limit ${mb(l.maxUncompressedBytes)} MB, ratio ${l.maxCompressionRatio}:1); refused`,
  }),
  too_many_rows: (l) => ({
    'zh-CN': `数据行超过 ${l.maxRows.toLocaleString('en')} 行上限，请分批导入`,
    en: `More than ${l.maxRows.toLocaleString('en')} data rows; import in parts`,
  }),
  oversized_ranges: (l) => ({
    'zh-CN': `文件中的合并单元格或数据有效性（下拉列表）范围过大（超过 ${l.maxRangeCells.toLocaleString('en')} 个单元格），请取消整列的合并或数据有效性后重试`,
    en: `The file's merged or data-validation ranges cover more than ${l.maxRangeCells.toLocaleString('en')} cells; remove whole-column merges or validations and try again`,
  }),
  no_sheet: () => ({
    'zh-CN': '文件中没有找到模板的工作表',
    en: "The file has no sheet of the template's name",
  }),
  empty: () => ({ 'zh-CN': '文件中没有表头行', en: 'The file has no header row' }),
};

/** An upload refused as a whole, before any row is looked at: 413 for size, 400 otherwise. */
export class SheetRejectedError extends DomainError {
  constructor(
    readonly reason: SheetRejection,
    limits: SheetLimits = DEFAULT_SHEET_LIMITS,
  ) {
    super(reason === 'too_large' ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', [
      fieldError('file', MESSAGES[reason](limits)),
    ]);
  }
}

/** One data row: its number in the sheet (as Excel shows it) and its cells by column. */
export interface SheetRow {
  readonly rowNumber: number;
  /** Text of each cell in header order; null when the cell is empty. */
  readonly cells: readonly (string | null)[];
}

/** A cell of {@link SheetRow.cells}: its row number and its index in the row's cells. */
export interface SheetCellRef {
  readonly rowNumber: number;
  readonly index: number;
}

export interface ReadSheet {
  /** The header row's texts, in column order. */
  readonly header: readonly string[];
  /** The row number of the header (data rows follow it). */
  readonly headerRow: number;
  readonly rows: readonly SheetRow[];
  /**
   * The data cells that hold a formula (their text in `cells` is `=…`). A text that
   * merely starts with `=` (typed after an apostrophe, or neutralised by our own export)
   * is not among them, so an import can refuse formulas and keep such texts.
   */
  readonly formulaCells: readonly SheetCellRef[];
}

export interface ReadOptions {
  /** The sheet to read; the first sheet when absent. */
  readonly sheetName?: string;
  /** The header row's number (templates put a title above it). */
  readonly headerRow?: number;
  readonly limits?: Partial<SheetLimits>;
}

/**
 * Reads the table of one sheet of an uploaded .xlsx as text, after checking the file's
 * size and inflating every part of its zip once with a running count, so a zip bomb
 * (including one whose headers lie about sizes) is refused before exceljs sees it.
 * Formulas are read as their text (`=…`), never evaluated and never by their cached
 * result; dates as `YYYY-MM-DD`; numbers as written; a neutralised text is restored.
 */
export async function readSheet(buffer: Buffer, options: ReadOptions = {}): Promise<ReadSheet> {
  const limits: SheetLimits = { ...DEFAULT_SHEET_LIMITS, ...options.limits };
  if (buffer.length > limits.maxBytes) throw new SheetRejectedError('too_large', limits);
  await checkZip(buffer, limits);

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new SheetRejectedError('not_xlsx', limits);
  }
  const sheet = options.sheetName
    ? workbook.getWorksheet(options.sheetName)
    : workbook.worksheets[0];
  if (!sheet) throw new SheetRejectedError('no_sheet', limits);

  const headerRow = options.headerRow ?? 1;
  const header = sheet.getRow(headerRow);
  const texts: string[] = [];
  header.eachCell({ includeEmpty: true }, (cell, column) => {
    texts[column - 1] = cellText(cell) ?? '';
  });
  while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
  if (texts.length === 0) throw new SheetRejectedError('empty', limits);

  const rows: SheetRow[] = [];
  const formulaCells: SheetCellRef[] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow || tooMany) return;
    const cells = texts.map((_, index) => cellText(row.getCell(index + 1)));
    if (cells.every((cell) => cell === null)) return;
    if (rows.length === limits.maxRows) {
      tooMany = true;
      return;
    }
    rows.push({ rowNumber, cells });
    texts.forEach((_, index) => {
      if (isFormula(row.getCell(index + 1).value)) formulaCells.push({ rowNumber, index });
    });
  });
  if (tooMany) throw new SheetRejectedError('too_many_rows', limits);
  return { header: texts, headerRow, rows, formulaCells };
}

/** The text of a cell as the user typed it; null for an empty cell. */
export function cellText(cell: ExcelJS.Cell): string | null {
  const text = valueText(cell.value, cell);
  if (text === null) return null;
  const trimmed = restore(text.trim());
  return trimmed === '' ? null : trimmed;
}

function isFormula(value: ExcelJS.CellValue): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Date) &&
    ('formula' in value || 'sharedFormula' in value)
  );
}

function valueText(value: ExcelJS.CellValue, cell: ExcelJS.Cell): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if ('formula' in value || 'sharedFormula' in value) {
    // The formula's text, never its cached result: imports take formulas as plain text.
    const formula = cell.formula || ('formula' in value ? value.formula : '');
    return formula ? `=${formula}` : null;
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : null;
  if ('error' in value) return String(value.error);
  return null;
}

/**
 * Opens the zip's central directory, refuses too many parts or declared sizes beyond the
 * limits, then inflates each part once, counting bytes: yauzl also stops a part that
 * inflates beyond what its header declared, so lying headers cannot get past. Worksheet
 * parts are scanned on the way for merged and validated ranges exceljs would expand.
 */
async function checkZip(buffer: Buffer, limits: SheetLimits): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (error, file) => (error || !file ? reject(error) : resolve(file)),
    ),
  ).catch(() => {
    throw new SheetRejectedError('not_xlsx', limits);
  });
  if (zip.entryCount > limits.maxEntries) {
    if (zip.isOpen) zip.close();
    throw new SheetRejectedError('zip_bomb', limits);
  }
  let inflated = 0;
  const names = new Set<string>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        const declared = entry.uncompressedSize;
        const ratio = declared / Math.max(entry.compressedSize, 1);
        if (
          inflated + declared > limits.maxUncompressedBytes ||
          (declared > 1024 * 1024 && ratio > limits.maxCompressionRatio)
        ) {
          reject(new SheetRejectedError('zip_bomb', limits));
          return;
        }
        names.add(entry.fileName);
        if (entry.fileName.endsWith('/')) {
          zip.readEntry();
          return;
        }
        const ranges = /^xl\/worksheets\/[^/]+\.xml$/.test(entry.fileName)
          ? new RangeScanner()
          : undefined;
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) {
            reject(error ?? new Error('no stream'));
            return;
          }
          stream.on('data', (chunk: Buffer) => {
            inflated += chunk.length;
            if (inflated > limits.maxUncompressedBytes) {
              stream.destroy();
              reject(new SheetRejectedError('zip_bomb', limits));
              return;
            }
            ranges?.push(chunk);
            if (ranges && (ranges.overlong || ranges.cells > limits.maxRangeCells)) {
              stream.destroy();
              reject(new SheetRejectedError('oversized_ranges', limits));
            }
          });
          stream.on('error', reject);
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  } catch (error) {
    throw error instanceof SheetRejectedError
      ? error
      : new SheetRejectedError(
          /too many bytes in the stream/.test(String((error as Error)?.message))
            ? 'zip_bomb'
            : 'not_xlsx',
          limits,
        );
  } finally {
    if (zip.isOpen) zip.close();
  }
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    throw new SheetRejectedError('not_xlsx', limits);
  }
}

function mb(bytes: number): string {
  return String(Math.round(bytes / 1024 / 1024));
}
