import type { Page as ApiPage, PeriodicReportDto } from '@lianzhang/contracts';
import { periodicReportTitle, previousPeriod, reportSubject } from '@lianzhang/domain';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { keepScreenshot } from './browser';
import { startDemoPlatform, type DemoPlatform } from './demo-platform';

jest.setTimeout(180_000);

/**
 * Periodic reports in a real Chromium against the all-in-one server on the demo province:
 * the province office generates last month's province report on demand, the platform's
 * own worker builds it, the office downloads it and the file opens as the workbook it
 * should be; a chain leader sees the reports of their chain only.
 */
describe('periodic reports in the web app', () => {
  let demo: DemoPlatform;

  beforeAll(async () => {
    demo = await startDemoPlatform('reports');
  });

  afterAll(async () => {
    expect(await demo?.stop()).toBe(0);
  });

  /**
   * The page as it stays: its words loaded (the scope's translations come after the
   * data), and nothing on it still queued, so no refresh redraws the table under axe.
   */
  async function settled(page: Page): Promise<void> {
    await page.getByRole('heading', { name: '定期报告' }).waitFor();
    await page.locator('label[for="report-filter-scope"]', { hasText: '范围' }).waitFor();
    await page.getByTestId('report-row').first().waitFor();
    await page.getByTestId('reports-working').waitFor({ state: 'detached', timeout: 90_000 });
  }

  async function today(): Promise<string> {
    const { rows } = await demo.db.query(
      `SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS today`,
    );
    return (rows[0] as { today: string }).today;
  }

  it('a. the province office generates last month’s province report, waits for the worker, and downloads it', async () => {
    const page = await demo.signedIn('admin');
    await page.goto(`${demo.baseUrl}/reports`);
    // The schedule wrote last week's and last month's reports at start: a full list.
    await settled(page);
    // Checked before the report of this test exists: once it is ready, the shell's bell
    // shows the unread notice, and the bell's label leaves out its count (axe
    // label-content-name-mismatch: the shell's, reported, not this page's).
    await demo.expectAccessible(page, 'reports list');
    await page.getByTestId('report-generate').click();
    const form = page.getByTestId('report-form');
    await form.waitFor();
    await demo.expectAccessible(page, 'report form');
    // The defaults: the province, a monthly report, the last complete month.
    await form.getByTestId('report-submit').click();
    await form.waitFor({ state: 'detached' });

    const row = '[data-testid="report-row"][data-scope="province"]';
    await page.locator(row).filter({ hasText: '手动生成' }).first().waitFor();
    // Built by the platform's own worker; the page looks again by itself until it is.
    const ready = page.locator(`${row}[data-status="ready"]`).filter({ hasText: '手动生成' });
    await ready.first().waitFor({ timeout: 90_000 });
    await keepScreenshot(page, 'reports');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      ready.first().getByTestId('report-download').click(),
    ]);
    const month = previousPeriod('monthly', await today());
    expect(download.suggestedFilename()).toBe(
      `山东省产业链月报_${month.start.slice(0, 4)}年${Number(month.start.slice(5, 7))}月.xlsx`,
    );
    const path = join(demo.dataDir, 'downloaded.xlsx');
    await download.saveAs(path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    expect(book.getWorksheet('汇总')?.getCell('A1').value).toBe(
      periodicReportTitle(reportSubject('山东省', 'province'), month),
    );
    // The demo province's month: its tasks are in the ledger.
    expect(book.getWorksheet('任务台账')?.rowCount ?? 0).toBeGreaterThan(10);

    const stored = await demo.db.query(
      `SELECT trigger, status, requested_by_user_id IS NOT NULL AS requested FROM periodic_report
       WHERE scope = 'province' AND kind = 'monthly' AND trigger = 'on_demand'`,
    );
    expect(stored.rows).toEqual([{ trigger: 'on_demand', status: 'ready', requested: true }]);
  });

  it('b. a chain leader sees the reports of their chain only, and may ask for no province report', async () => {
    const { rows } = await demo.db.query(
      `SELECT id, name_zh AS name FROM chain WHERE code = 'ngit.ic'`,
    );
    const chain = rows[0] as { id: string; name: string };
    const page = await demo.signedIn('leader.ngit.ic');
    await page.goto(`${demo.baseUrl}/reports`);
    // The schedule wrote last week's and last month's reports of every chain at start.
    await settled(page);
    const row = page.getByTestId('report-row');
    const scopes = await row.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-scope')));
    expect(new Set(scopes)).toEqual(new Set(['chain']));
    for (const text of await row.allTextContents()) expect(text).toContain(chain.name);
    await demo.expectAccessible(page, 'reports list of a chain leader');

    await page.getByTestId('report-generate').click();
    await page.getByTestId('report-form').waitFor();
    expect(await page.getByTestId('scope-province').count()).toBe(0);

    const list = await fetch(`${demo.baseUrl}/api/periodic-reports?pageSize=100`, {
      headers: { Authorization: `Bearer ${await demo.token('leader.ngit.ic')}` },
    });
    const body = (await list.json()) as ApiPage<PeriodicReportDto>;
    expect(body.items.length).toBeGreaterThan(0);
    expect(new Set(body.items.map((r) => r.chainId))).toEqual(new Set([chain.id]));
  });
});
