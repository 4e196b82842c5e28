import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { isFormulaLike, neutralise, restore } from './cell-safety';
import { RangeScanner, rangeListCells } from './range-scan';
import { readSheet, SheetRejectedError, type SheetRejection } from './reader';
import {
  addSummarySheet,
  addTableSheet,
  attachmentDisposition,
  newWorkbook,
  TABLE_HEADER_ROW,
  workbookBuffer,
} from './writer';

describe('formula-injection neutralisation', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 531 1234', "'+86 531 1234"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['=HYPERLINK("http://x","点我")', `'=HYPERLINK("http://x","点我")`],
    ['集成电路', '集成电路'],
    ["'quoted", "'quoted"],
    ['', ''],
    ['a=b', 'a=b'],
  ])('%j is written as %j and read back unchanged', (value, written) => {
    expect(neutralise(value)).toBe(written);
    expect(restore(neutralise(value))).toBe(value);
    expect(isFormulaLike(written)).toBe(false);
  });

  it('restores only what it neutralised', () => {
    expect(restore("'quoted")).toBe("'quoted");
    expect(restore("''=x")).toBe("''=x");
  });
});

async function tableBuffer(rows: readonly { name: string; amount: number; due: Date }[]) {
  const workbook = newWorkbook('测试');
  addSummarySheet(workbook, {
    name: '汇总',
    title: '汇总表',
    lines: [{ label: '任务总数', value: rows.length, unit: '项' }],
  });
  addTableSheet(workbook, {
    name: '台账',
    title: '任务台账',
    subtitle: '单位：万元',
    columns: [
      { header: '名称', width: 30, value: (r) => r.name },
      { header: '金额', unit: '万元', numFmt: '#,##0.00', value: (r) => r.amount },
      { header: '截止日期', numFmt: 'yyyy-mm-dd', value: (r) => r.due },
    ],
    rows,
  });
  return workbookBuffer(workbook);
}

describe('writer', () => {
  it('lays a table out as an office expects: title, subtitle, header with units, frozen, filtered', async () => {
    const buffer = await tableBuffer([
      { name: '=cmd|"/c calc"!A1', amount: 1234.5, due: new Date('2026-12-31T00:00:00Z') },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('台账');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    expect(sheet.getCell('A1').value).toBe('任务台账');
    expect(sheet.getCell('A1').isMerged).toBe(true);
    expect(sheet.getCell('A2').value).toBe('单位：万元');
    expect(sheet.getRow(TABLE_HEADER_ROW).values).toEqual([
      undefined,
      '名称',
      '金额（万元）',
      '截止日期',
    ]);
    expect(sheet.getCell('A3').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: TABLE_HEADER_ROW });
    expect(sheet.getColumn(1).width).toBe(30);
    // The dangerous text is a plain string with its apostrophe: no formula cell exists.
    expect(sheet.getCell('A4').value).toBe(`'=cmd|"/c calc"!A1`);
    expect(sheet.getCell('A4').formula).toBeFalsy();
    expect(sheet.getCell('B4').value).toBe(1234.5);
    expect(sheet.getCell('B4').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('C4').value).toEqual(new Date('2026-12-31T00:00:00Z'));
    expect(workbook.getWorksheet('汇总')?.getCell('A4').value).toBe('任务总数');
  });

  it('names a Chinese download for every browser', () => {
    expect(attachmentDisposition('月报 2026-11.xlsx', 'report-2026-11.xlsx')).toBe(
      `attachment; filename="report-2026-11.xlsx"; filename*=UTF-8''%E6%9C%88%E6%8A%A5%202026-11.xlsx`,
    );
  });
});

describe('reader', () => {
  it('reads back what the writer wrote: a formula-injection string round-trips as text', async () => {
    const buffer = await tableBuffer([
      { name: '=HYPERLINK("http://evil","x")', amount: 10, due: new Date('2027-01-04T00:00:00Z') },
      { name: '集成电路', amount: 0.5, due: new Date('2027-02-01T00:00:00Z') },
    ]);
    const sheet = await readSheet(buffer, { sheetName: '台账', headerRow: TABLE_HEADER_ROW });
    expect(sheet.header).toEqual(['名称', '金额（万元）', '截止日期']);
    expect(sheet.rows).toEqual([
      { rowNumber: 4, cells: ['=HYPERLINK("http://evil","x")', '10', '2027-01-04'] },
      { rowNumber: 5, cells: ['集成电路', '0.5', '2027-02-01'] },
    ]);
  });

  it('reads a formula as its text, never as its cached result, and skips empty rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    sheet.addRow(['名称', '数值']);
    sheet.addRow([
      { richText: [{ text: '富' }, { text: '文本' }] },
      { formula: 'SUM(1,2)', result: 3 },
    ]);
    sheet.addRow([null, null]);
    sheet.addRow(['  空格  ', true]);
    const read = await readSheet(await workbookBuffer(workbook));
    expect(read.rows).toEqual([
      { rowNumber: 2, cells: ['富文本', '=SUM(1,2)'] },
      { rowNumber: 4, cells: ['空格', 'TRUE'] },
    ]);
  });

  async function rejection(buffer: Buffer, limits = {}): Promise<SheetRejection | undefined> {
    try {
      await readSheet(buffer, { limits });
      return undefined;
    } catch (error) {
      if (error instanceof SheetRejectedError) return error.reason;
      throw error;
    }
  }

  it('refuses a file over the size limit with 413', async () => {
    const buffer = await tableBuffer([]);
    await expect(rejection(buffer, { maxBytes: buffer.length - 1 })).resolves.toBe('too_large');
    await expect(readSheet(buffer, { limits: { maxBytes: 10 } })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('refuses more data rows than the limit', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    sheet.addRow(['n']);
    for (let n = 1; n <= 11; n += 1) sheet.addRow([n]);
    const buffer = await workbookBuffer(workbook);
    await expect(rejection(buffer, { maxRows: 10 })).resolves.toBe('too_many_rows');
    await expect(rejection(buffer, { maxRows: 11 })).resolves.toBeUndefined();
  });

  it('refuses what is not an xlsx', async () => {
    await expect(rejection(Buffer.from('名称,数值\n=1+1,2\n'))).resolves.toBe('not_xlsx');
    const zip = new JSZip();
    zip.file('hello.txt', 'not a workbook');
    const notWorkbook = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    await expect(rejection(notWorkbook)).resolves.toBe('not_xlsx');
  });

  /** A real xlsx with one extra part: 50 MB of zeros, about 50 KB compressed. */
  async function bomb(): Promise<Buffer> {
    const zip = await JSZip.loadAsync(await tableBuffer([]));
    zip.file('xl/media/zeros.bin', Buffer.alloc(50 * 1024 * 1024));
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }

  it('refuses a zip bomb by its declared sizes and ratio', async () => {
    const buffer = await bomb();
    expect(buffer.length).toBeLessThan(1024 * 1024);
    await expect(rejection(buffer)).resolves.toBe('zip_bomb');
    await expect(rejection(buffer, { maxUncompressedBytes: 10 * 1024 * 1024 })).resolves.toBe(
      'zip_bomb',
    );
  });

  it('refuses a zip bomb whose headers lie about its size', async () => {
    const buffer = await bomb();
    // Declare the zeros part as 1 KB in its local header and in the central directory.
    const name = Buffer.from('xl/media/zeros.bin');
    let patched = 0;
    for (let at = 0; at < buffer.length - 4; at += 1) {
      const signature = buffer.readUInt32LE(at);
      if (
        signature === 0x04034b50 &&
        buffer.subarray(at + 30, at + 30 + name.length).equals(name)
      ) {
        buffer.writeUInt32LE(1024, at + 22);
        patched += 1;
      }
      if (
        signature === 0x02014b50 &&
        buffer.subarray(at + 46, at + 46 + name.length).equals(name)
      ) {
        buffer.writeUInt32LE(1024, at + 24);
        patched += 1;
      }
    }
    expect(patched).toBe(2);
    await expect(rejection(buffer)).resolves.toBe('zip_bomb');
  });
});

describe('reader: formulas and range bombs (issue 6 imports)', () => {
  it('lists the cells that hold a formula, and not texts that merely start with =', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    sheet.addRow(['名称', '说明']);
    sheet.addRow([{ formula: 'HYPERLINK("http://evil","x")', result: 'x' }, neutralise('=1+1')]);
    sheet.addRow(['=typed after an apostrophe', { sharedFormula: 'A2', result: 0 }]);
    sheet.getCell('B3').value = { formula: 'A2', result: 'x' };
    const read = await readSheet(await workbookBuffer(workbook));
    expect(read.rows.map((r) => r.cells)).toEqual([
      ['=HYPERLINK("http://evil","x")', '=1+1'],
      ['=typed after an apostrophe', '=A2'],
    ]);
    expect(read.formulaCells).toEqual([
      { rowNumber: 2, index: 0 },
      { rowNumber: 3, index: 1 },
    ]);
  });

  async function withSheetXml(edit: (xml: string) => string): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    sheet.addRow(['a', 'b']);
    sheet.mergeCells('A3:B4');
    (
      sheet as unknown as { dataValidations: { add(a: string, v: object): void } }
    ).dataValidations.add('B5:B1004', { type: 'list', allowBlank: true, formulae: ['"是,否"'] });
    const zip = await JSZip.loadAsync(await workbookBuffer(workbook));
    const part = zip.file('xl/worksheets/sheet1.xml');
    if (!part) throw new Error('no sheet part');
    zip.file('xl/worksheets/sheet1.xml', edit(await part.async('string')));
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }

  async function reason(buffer: Buffer): Promise<SheetRejection | undefined> {
    try {
      await readSheet(buffer);
      return undefined;
    } catch (error) {
      if (error instanceof SheetRejectedError) return error.reason;
      throw error;
    }
  }

  it('accepts the few merged and validated cells of a template', async () => {
    await expect(reason(await withSheetXml((xml) => xml))).resolves.toBeUndefined();
  });

  it.each([
    ['a merge over 2.6 million cells', (xml: string) => xml.replace('A3:B4', 'A3:Z100000')],
    ['a whole-column validation', (xml: string) => xml.replace('B5:B1004', 'B1:B1048576')],
    [
      'many small validated ranges',
      (xml: string) => xml.replace('B5:B1004', Array(300).fill('C1:C1000').join(' ')),
    ],
  ])('refuses %s before exceljs expands it', async (_label, edit) => {
    const buffer = await withSheetXml(edit);
    expect(buffer.length).toBeLessThan(64 * 1024);
    await expect(reason(buffer)).resolves.toBe('oversized_ranges');
  });

  it('does not count a selection or a conditional format, which exceljs keeps as text', async () => {
    const whole = 'A1:XFD1048576';
    let edited = '';
    const buffer = await withSheetXml((xml) => {
      edited = xml
        .replace(
          /(<dimension [^>]*\/>)/,
          `$1<sheetViews><sheetView workbookViewId="0"><selection sqref="${whole}"/></sheetView></sheetViews>`,
        )
        .replace(
          '</mergeCells>',
          `</mergeCells><conditionalFormatting sqref="${whole}"><cfRule type="containsBlanks" priority="1"><formula>LEN(TRIM(A1))=0</formula></cfRule></conditionalFormatting>`,
        );
      return edited;
    });
    expect(edited).toContain(`<selection sqref="${whole}"/>`);
    expect(edited).toContain(`<conditionalFormatting sqref="${whole}">`);
    await expect(reason(buffer)).resolves.toBeUndefined();
  });

  it.each([
    ['A1', 1],
    ['A1:C3', 9],
    ['$A$1:$B$10 D4', 21],
    ['C3:A1', 9],
    ['B:B', 1_048_576],
    ['2:3', 2 * 16_384],
  ])('counts %s as %i cells', (list, cells) => {
    expect(rangeListCells(list)).toBe(cells);
  });

  it('finds a range whose tag is cut between two inflated chunks', () => {
    const scanner = new RangeScanner();
    const xml = Buffer.from('<mergeCells count="1"><mergeCell ref="A1:J10"/></mergeCells>');
    for (let at = 0; at < xml.length; at += 3) scanner.push(xml.subarray(at, at + 3));
    expect(scanner.cells).toBe(100);
  });
});
