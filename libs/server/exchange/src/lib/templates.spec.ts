import {
  IMPORT_COLUMNS,
  IMPORT_ERROR_LIMIT,
  IMPORT_KINDS,
  IMPORT_TEMPLATE,
  importHeaderText,
} from '@lianzhang/contracts';
import { DomainError } from '@lianzhang/server/core';
import { readSheet, workbookBuffer } from '@lianzhang/server/excel';
import ExcelJS from 'exceljs';
import { RowErrors } from './import-errors';
import { columnOfHeader, importSheet } from './import-sheet';
import { importTemplate } from './templates';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** The details of the 400 `work` throws, as `path: message (zh)`. */
function problems(work: () => unknown): string[] {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) {
      return error.details.map((d) => `${d.path}: ${d.message['zh-CN']}`);
    }
    throw error;
  }
  return [];
}

describe('import templates', () => {
  it.each(IMPORT_KINDS)(
    '%s: a header the reader matches, frozen, with notes, an example row and a guide',
    async (kind) => {
      const columns = IMPORT_COLUMNS[kind];
      const workbook = await load(await importTemplate(kind));
      const sheet = workbook.getWorksheet(IMPORT_TEMPLATE.sheet);
      if (!sheet) throw new Error('no data sheet');
      const header = sheet.getRow(IMPORT_TEMPLATE.headerRow);
      expect(columns.map((_, i) => header.getCell(i + 1).value)).toEqual(
        columns.map(importHeaderText),
      );
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: IMPORT_TEMPLATE.headerRow });
      expect(String(sheet.getCell(2, 1).value)).toContain('带 * 的列必填');
      expect(header.getCell(1).note).toBeTruthy();
      const guide = workbook.getWorksheet(IMPORT_TEMPLATE.guideSheet);
      expect(guide?.getCell(IMPORT_TEMPLATE.headerRow + columns.length, 1).value).toBe(
        importHeaderText(columns[columns.length - 1] as (typeof columns)[number]),
      );

      // Read back as an upload: every column found, and the untouched example left out.
      const read = await readSheet(await workbookBuffer(workbook), {
        sheetName: IMPORT_TEMPLATE.sheet,
        headerRow: IMPORT_TEMPLATE.headerRow,
      });
      expect(read.header.map((h) => columnOfHeader(h, columns)?.key)).toEqual(
        columns.map((c) => c.key),
      );
      expect(problems(() => importSheet(read, columns, new RowErrors([])))).toEqual([
        'file: 文件中没有数据行（示例行不计）',
      ]);
    },
  );

  it('offers the fixed values of a column as a drop-down list', async () => {
    const workbook = await load(await importTemplate('tasks'));
    const sheet = workbook.getWorksheet(IMPORT_TEMPLATE.sheet);
    const priority = IMPORT_COLUMNS.tasks.findIndex((c) => c.key === 'priority') + 1;
    expect(sheet?.getCell(IMPORT_TEMPLATE.exampleRow + 10, priority).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"低,普通,高,紧急"'],
    });
  });

  it('keeps a changed example row, and takes cells by header whatever the column order', async () => {
    const workbook = await load(await importTemplate('chain-members'));
    const sheet = workbook.getWorksheet(IMPORT_TEMPLATE.sheet);
    if (!sheet) throw new Error('no data sheet');
    // Swap two columns, headers and all, and change the example's role.
    const a = sheet.getColumn(2).values;
    sheet.getColumn(2).values = sheet.getColumn(4).values;
    sheet.getColumn(4).values = a;
    sheet.getCell(IMPORT_TEMPLATE.exampleRow, 2).value = '链主';
    const read = await readSheet(await workbookBuffer(workbook), {
      sheetName: IMPORT_TEMPLATE.sheet,
      headerRow: IMPORT_TEMPLATE.headerRow,
    });
    const imported = importSheet(read, IMPORT_COLUMNS['chain-members'], new RowErrors([]));
    expect(imported.exampleSkipped).toBe(false);
    expect(Object.fromEntries(imported.rows[0]?.cells ?? [])).toEqual({
      chainCode: 'ngit.ic',
      creditCode: '91370100MA3C5ER72M',
      organisationName: '山东示例新材料有限公司',
      role: '链主',
    });
  });

  it('reports unknown, repeated and missing columns at the header row, and stops there', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(IMPORT_TEMPLATE.sheet);
    sheet.getRow(IMPORT_TEMPLATE.headerRow).values = ['任务名称', 'title', '备注', 'dueDate'];
    sheet.getRow(IMPORT_TEMPLATE.headerRow + 1).values = ['a', 'b', 'c', '2030-01-01'];
    const read = await readSheet(await workbookBuffer(workbook), {
      sheetName: IMPORT_TEMPLATE.sheet,
      headerRow: IMPORT_TEMPLATE.headerRow,
    });
    const errors = new RowErrors(IMPORT_COLUMNS.tasks.map((c) => c.key));
    expect(problems(() => importSheet(read, IMPORT_COLUMNS.tasks, errors))).toEqual([
      'rows.3.chainCode: 缺少这一必填列，请使用下载的模板',
      'rows.3.title: 这一列出现了两次',
      'rows.3.assigneeCreditCode: 缺少这一必填列，请使用下载的模板',
      'rows.3.备注: 无法识别这一列，请使用下载的模板',
    ]);
  });

  it('lists at most the error limit and counts the rest', () => {
    const errors = new RowErrors(['title']);
    for (let row = 4; row < 4 + IMPORT_ERROR_LIMIT + 5; row++) {
      errors.add(row, 'title', { 'zh-CN': '必填', en: 'Required' });
      errors.add(row, 'title', { 'zh-CN': '第二个问题不再报告', en: 'only the first per cell' });
    }
    const found = problems(() => errors.throwIfAny());
    expect(found).toHaveLength(IMPORT_ERROR_LIMIT + 1);
    expect(found[0]).toBe('rows.4.title: 必填');
    expect(found[IMPORT_ERROR_LIMIT]).toBe(
      'rows: 共 1,005 处错误，只列出前 1,000 处；请修改后重新上传',
    );
  });
});
