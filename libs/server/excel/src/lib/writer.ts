import ExcelJS from 'exceljs';
import { neutralise } from './cell-safety';

/** A value of one cell; strings are neutralised on the way out, dates are dates. */
export type SheetValue = string | number | boolean | Date | null | undefined;

export interface SheetColumn<T> {
  /** The header as the reader sees it, e.g. 计划投资. */
  readonly header: string;
  /** Shown in the header after the name, e.g. 万元 → 计划投资（万元）. */
  readonly unit?: string;
  /** In characters; Chinese characters count about two. */
  readonly width?: number;
  /** Excel number format: `#,##0.00`, `0.0%`, `yyyy-mm-dd`… */
  readonly numFmt?: string;
  readonly value: (row: T) => SheetValue;
}

export interface TableSheet<T> {
  /** The tab's name (Excel allows 31 characters, no `[]:*?/\`). */
  readonly name: string;
  /** Row 1, merged over the table, e.g. 集成电路产业链任务台账. */
  readonly title: string;
  /** Row 2, e.g. 统计期间：2026-11-01 至 2026-11-30, 单位：万元. */
  readonly subtitle?: string;
  readonly columns: readonly SheetColumn<T>[];
  readonly rows: Iterable<T>;
  /** A tab colour (ARGB), e.g. red for the escalations sheet. */
  readonly tabColor?: string;
}

/** Where the header of a {@link addTableSheet} sheet is; the reader needs it. */
export const TABLE_HEADER_ROW = 3;

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFD9E1F2' },
};
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

/** A workbook with its document properties set. */
export function newWorkbook(title: string, creator = 'lianzhang 链长制平台'): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  workbook.title = title;
  workbook.created = new Date();
  return workbook;
}

/**
 * A table as an office expects it: a merged title, a subtitle (period, units), a bold
 * header with units in （）, frozen below the header, an auto filter, set widths, thin
 * borders, printing landscape on A4 fitted to the page width with the header repeated.
 * Every text is neutralised against formula injection.
 */
export function addTableSheet<T>(
  workbook: ExcelJS.Workbook,
  table: TableSheet<T>,
): ExcelJS.Worksheet {
  const width = Math.max(table.columns.length, 1);
  const sheet = workbook.addWorksheet(table.name, {
    views: [{ state: 'frozen', ySplit: TABLE_HEADER_ROW, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${TABLE_HEADER_ROW}:${TABLE_HEADER_ROW}`,
    },
    properties: table.tabColor ? { tabColor: { argb: table.tabColor } } : {},
  });
  table.columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width ?? 14;
    if (column.numFmt) sheet.getColumn(index + 1).numFmt = column.numFmt;
  });

  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value = neutralise(table.title);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 28;

  sheet.mergeCells(2, 1, 2, width);
  const subtitle = sheet.getCell(2, 1);
  subtitle.value = neutralise(table.subtitle ?? '');
  subtitle.font = { size: 10, color: { argb: 'FF595959' } };
  subtitle.alignment = { horizontal: 'left', vertical: 'middle' };

  const header = sheet.getRow(TABLE_HEADER_ROW);
  table.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = neutralise(column.unit ? `${column.header}（${column.unit}）` : column.header);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 30;

  let rowNumber = TABLE_HEADER_ROW;
  for (const item of table.rows) {
    rowNumber += 1;
    const row = sheet.getRow(rowNumber);
    table.columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      cell.value = cellValue(column.value(item));
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: typeof cell.value === 'string' };
    });
  }
  sheet.autoFilter = {
    from: { row: TABLE_HEADER_ROW, column: 1 },
    to: { row: TABLE_HEADER_ROW, column: width },
  };
  return sheet;
}

/** One labelled figure of a summary sheet. */
export interface SummaryLine {
  readonly label: string;
  readonly value: SheetValue;
  readonly unit?: string;
  readonly numFmt?: string;
}

/** A summary sheet: title, subtitle, then 指标 / 数值 / 单位 lines. */
export function addSummarySheet(
  workbook: ExcelJS.Workbook,
  summary: {
    readonly name: string;
    readonly title: string;
    readonly subtitle?: string;
    readonly headers?: readonly [string, string, string];
    readonly lines: readonly SummaryLine[];
  },
): ExcelJS.Worksheet {
  const [label, value, unit] = summary.headers ?? ['指标', '数值', '单位'];
  const sheet = addTableSheet<SummaryLine>(workbook, {
    name: summary.name,
    title: summary.title,
    subtitle: summary.subtitle,
    columns: [
      { header: label, width: 36, value: (line) => line.label },
      { header: value, width: 16, value: (line) => line.value },
      { header: unit, width: 10, value: (line) => line.unit ?? '' },
    ],
    rows: summary.lines,
  });
  summary.lines.forEach((line, index) => {
    if (line.numFmt) sheet.getCell(TABLE_HEADER_ROW + 1 + index, 2).numFmt = line.numFmt;
  });
  return sheet;
}

/** The .xlsx bytes of a workbook. */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The MIME type of an .xlsx download. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A `Content-Disposition` for a download whose name is Chinese: an ASCII fallback plus
 * the UTF-8 name (RFC 6266 / 5987), which every current browser uses.
 */
export function attachmentDisposition(fileName: string, asciiFallback = 'lianzhang.xlsx'): string {
  const fallback = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function cellValue(value: SheetValue): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return neutralise(value);
  return value;
}
