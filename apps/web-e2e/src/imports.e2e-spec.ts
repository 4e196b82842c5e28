import { IMPORT_COLUMNS, IMPORT_TEMPLATE } from '@lianzhang/contracts';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { keepScreenshot } from './browser';
import { startDemoPlatform, type DemoPlatform } from './demo-platform';

const TITLES = ['导入演示：车规级封装材料验证', '导入演示：晶圆级测试设备对接'];

/**
 * Excel import in a real Chromium on the demo province: the IC chain office downloads the
 * task template, fills it in (exceljs, as Excel would save it), uploads it with a bad row
 * (errors by row and column, nothing imported), corrects the row, imports, and finds the
 * tasks in the chain's task list. axe-core checks the page in each state.
 */
describe('Excel import through the web app', () => {
  let demo: DemoPlatform;

  beforeAll(async () => {
    demo = await startDemoPlatform('imports');
  });

  afterAll(async () => {
    expect(await demo?.stop()).toBe(0);
  });

  const imported = async () =>
    Number(
      (await demo.db.query(`SELECT count(*) AS n FROM task WHERE title = ANY($1)`, [TITLES]))
        .rows[0].n,
    );

  /** The downloaded template with `rows` typed in from the example row down. */
  async function fill(template: Buffer, rows: readonly Record<string, unknown>[]) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(IMPORT_TEMPLATE.sheet);
    if (!sheet) throw new Error('the template has no data sheet');
    rows.forEach((row, index) => {
      IMPORT_COLUMNS.tasks.forEach((column, at) => {
        sheet.getRow(IMPORT_TEMPLATE.exampleRow + index).getCell(at + 1).value = (row[column.key] ??
          null) as ExcelJS.CellValue;
      });
    });
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async function upload(page: Page, buffer: Buffer): Promise<void> {
    await page.getByTestId('import-upload').locator('input[type="file"]').setInputFiles({
      name: '集成电路任务.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
  }

  it('a chain office downloads the task template, fixes the row the check refuses, imports, and finds the tasks', async () => {
    const chain = await demo.one<{ id: string }>(`SELECT id FROM chain WHERE code = 'ngit.ic'`);
    const assignee = await demo.one<{ code: string }>(
      `SELECT o.credit_code AS code FROM organisation o JOIN app_user u ON u.organisation_id = o.id
       WHERE u.username = 'ent.ngit.ic.1'`,
    );
    const due = await demo.one<{ due: string }>(
      `SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date + 40, 'YYYY-MM-DD') AS due`,
    );
    const page = await demo.signedIn('office.ngit.ic');
    await page.goto(`${demo.baseUrl}/imports`);
    await page.getByTestId('import-kind-tasks').waitFor();
    // Organisations are the province's: a chain office is not offered them.
    expect(await page.getByTestId('import-kind-organisations').count()).toBe(0);
    await demo.expectAccessible(page, 'imports');

    await page.getByTestId('import-kind-tasks').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-template').click(),
    ]);
    expect(download.suggestedFilename()).toBe('任务导入模板.xlsx');
    const template = readFileSync((await download.path()) as string);

    const good = (title: string) => ({
      chainCode: 'ngit.ic',
      title,
      assigneeCreditCode: assignee.code,
      dueDate: new Date(`${due.due}T00:00:00Z`),
      priority: '高',
      assign: '是',
    });
    // The first row's credit code has a wrong check character.
    const wrong = assignee.code.slice(0, 17) + (assignee.code.endsWith('0') ? '1' : '0');
    await upload(
      page,
      await fill(template, [
        { ...good(TITLES[0] as string), assigneeCreditCode: wrong },
        good(TITLES[1] as string),
      ]),
    );
    await page.getByTestId('import-invalid').waitFor();
    const problems = page.getByTestId('import-problem');
    expect(await problems.count()).toBe(1);
    expect((await problems.first().locator('td').allTextContents()).map((t) => t.trim())).toEqual([
      '4',
      '承办单位信用代码 assigneeCreditCode',
      '统一社会信用代码校验位不正确',
    ]);
    expect(await page.getByTestId('import-invalid').textContent()).toContain(
      '发现 1 处问题，未导入任何数据',
    );
    expect(await imported()).toBe(0);
    await keepScreenshot(page, 'imports-errors');
    await demo.expectAccessible(page, 'imports with errors');

    await upload(
      page,
      await fill(template, [good(TITLES[0] as string), good(TITLES[1] as string)]),
    );
    await page.getByTestId('import-valid').waitFor();
    expect(await page.getByTestId('import-valid').textContent()).toContain('2 行可以导入');
    expect(await imported()).toBe(0);
    await demo.expectAccessible(page, 'imports, valid');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toContain('已导入 2 条');
    expect(await imported()).toBe(2);

    await page.goto(`${demo.baseUrl}/chains/${chain.id}/tasks`);
    await page.getByTestId('task-search').fill('导入演示');
    for (const title of TITLES) {
      await page.getByTestId('task-row').filter({ hasText: title }).waitFor();
    }
    expect(await page.getByTestId('task-row').filter({ hasText: '导入演示' }).count()).toBe(2);
  });
});
