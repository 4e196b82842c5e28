import {
  IMPORT_COLUMNS,
  IMPORT_KIND_LABELS,
  IMPORT_LIMITS,
  IMPORT_TEMPLATE,
  importHeaderText,
  type ImportColumn,
  type ImportKind,
} from '@lianzhang/contracts';
import { parseDecimal } from '@lianzhang/domain';
import {
  addTableSheet,
  newWorkbook,
  TABLE_HEADER_ROW,
  workbookBuffer,
  type SheetValue,
} from '@lianzhang/server/excel';
import type ExcelJS from 'exceljs';

const rows = IMPORT_LIMITS.maxRows.toLocaleString('en');
const megabytes = IMPORT_LIMITS.maxBytes / 1024 / 1024;
const INSTRUCTIONS =
  `填写说明：带 * 的列必填；第 ${IMPORT_TEMPLATE.exampleRow} 行为示例，原样保留时导入会忽略，可直接覆盖；` +
  `日期填 YYYY-MM-DD；不接受公式；单次最多 ${rows} 行、${megabytes} MB；全部行校验通过才会导入，任何一行有误都不写入。` +
  `各列的含义和可选值见“${IMPORT_TEMPLATE.guideSheet}”工作表。\n` +
  `Columns marked * are required; row ${IMPORT_TEMPLATE.exampleRow} is an example, ignored while unchanged (overwrite it freely); ` +
  `dates as YYYY-MM-DD; no formulas; at most ${rows} rows and ${megabytes} MB; nothing is imported unless every row is valid. ` +
  `The ${IMPORT_TEMPLATE.guideSheet} sheet explains each column.`;

const EXAMPLE_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF7F7F7F' } };
const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };

/** Text columns stay text when typed into (credit codes of 18 digits would lose digits). */
function numFmtOf(column: ImportColumn): string | undefined {
  if (column.type === 'date') return 'yyyy-mm-dd';
  if (column.type === 'number') return undefined;
  return '@';
}

/** The example as the cell it would be: a number, a date, or text. */
function exampleValue(column: ImportColumn): SheetValue {
  if (!column.example) return null;
  if (column.type === 'number' && parseDecimal(column.example) !== undefined)
    return Number(column.example);
  if (column.type === 'date') return new Date(`${column.example}T00:00:00Z`);
  return column.example;
}

function choicesOf(column: ImportColumn): string[] | undefined {
  if (column.type === 'yesno') return ['是', '否'];
  if (column.type === 'choice' && column.choices)
    return Object.values(column.choices).map((c) => c['zh-CN']);
  return undefined;
}

function letter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * The template of one kind: a 数据 sheet (title, instructions, the header `*中文名 key`
 * with each column's meaning as a note, frozen below the header, set widths, one
 * example row, drop-down lists for the columns with fixed values) and a 说明 sheet
 * describing every column in Chinese and English.
 */
export async function importTemplate(kind: ImportKind): Promise<Buffer> {
  const columns = IMPORT_COLUMNS[kind];
  const title = IMPORT_KIND_LABELS[kind].title;
  const workbook = newWorkbook(`${title['zh-CN']}导入模板`);
  const sheet = addTableSheet<null>(workbook, {
    name: IMPORT_TEMPLATE.sheet,
    title: `${title['zh-CN']}导入模板 · ${title.en} import template`,
    subtitle: INSTRUCTIONS,
    columns: columns.map((column) => ({
      header: importHeaderText(column),
      width: column.width,
      numFmt: numFmtOf(column),
      value: () => exampleValue(column),
    })),
    rows: [null],
  });
  const validations = (
    sheet as unknown as {
      dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
    }
  ).dataValidations;
  const lastRow = TABLE_HEADER_ROW + IMPORT_TEMPLATE.validatedRows;
  columns.forEach((column, index) => {
    const header = sheet.getCell(TABLE_HEADER_ROW, index + 1);
    if (column.required) header.font = REQUIRED_FONT;
    header.note = `${column.help['zh-CN']}\n${column.help.en}`;
    sheet.getCell(IMPORT_TEMPLATE.exampleRow, index + 1).font = EXAMPLE_FONT;
    const choices = choicesOf(column);
    if (choices) {
      const range = `${letter(index)}${IMPORT_TEMPLATE.exampleRow}:${letter(index)}${lastRow}`;
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${choices.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '不在可选值中 / Not a listed value',
        error: `可选：${choices.join('、')}`,
      });
    }
  });

  const guide = addTableSheet<ImportColumn>(workbook, {
    name: IMPORT_TEMPLATE.guideSheet,
    title: `${title['zh-CN']}导入模板：各列说明 · Columns of the ${title.en} template`,
    subtitle: INSTRUCTIONS,
    columns: [
      { header: '列 Column', width: 28, value: (c) => importHeaderText(c) },
      { header: '必填 Required', width: 12, value: (c) => (c.required ? '是 yes' : '否 no') },
      {
        header: '含义与格式 Meaning and format',
        width: 60,
        value: (c) => `${c.help['zh-CN']}\n${c.help.en}`,
      },
      {
        header: '可选值 Allowed values',
        width: 40,
        value: (c) => {
          if (c.type === 'yesno') return '是、否\nyes, no';
          if (!c.choices) return '';
          const values = Object.values(c.choices);
          return `${values.map((v) => v['zh-CN']).join('、')}\n${values.map((v) => v.en).join(', ')}`;
        },
      },
      { header: '示例 Example', width: 24, value: (c) => c.example },
    ],
    rows: columns,
  });
  for (const target of [sheet, guide]) {
    target.getCell(2, 1).alignment = { wrapText: true, vertical: 'top' };
    target.getRow(2).height = 66;
  }
  return workbookBuffer(workbook);
}
