import {
  createTestDatabase,
  freePort,
  requireBuilt,
  startPlatform,
  type RunningPlatform,
  type TestDatabase,
} from '@lianzhang/server/testing';
import type { LoginResponse, Page as ApiPage, PeriodicReportDto } from '@lianzhang/contracts';
import { periodicReportTitle, previousPeriod, reportSubject } from '@lianzhang/domain';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from './accessibility';
import { keepScreenshot, launchChromium } from './browser';

const WEB_INDEX = resolve(
  __dirname,
  '..',
  '..',
  '..',
  'dist',
  'apps',
  'web',
  'browser',
  'index.html',
);
const PASSWORD = 'Lianzhang@2026';

jest.setTimeout(180_000);

/**
 * Periodic reports in a real Chromium against the all-in-one server on the demo province:
 * the province office generates last month's province report on demand, the platform's
 * own worker builds it, the office downloads it and the file opens as the workbook it
 * should be; a chain leader sees the reports of their chain only.
 */
describe('periodic reports in the web app', () => {
  let database: TestDatabase;
  let platform: RunningPlatform;
  let browser: Browser;
  let db: Client;
  let dataDir: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    requireBuilt(WEB_INDEX);
    database = await createTestDatabase('e2e_reports');
    dataDir = mkdtempSync(join(tmpdir(), 'lz-reports-'));
    platform = await startPlatform({
      port: await freePort(),
      env: {
        DATABASE_URL: database.url,
        QUEUE_BACKEND: 'postgres',
        QUEUE_PREFIX: 'e2e_reports',
        WORKER_HEALTH_PORT: String(await freePort()),
        DATA_DIR: dataDir,
        DEMO_DATA: 'true',
      },
    });
    db = new Client({ connectionString: database.url });
    await db.connect();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await db?.end();
    const code = await platform?.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    expect(code).toBe(0);
  });

  async function signedIn(username: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${platform.baseUrl}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  async function expectAccessible(page: Page, what: string): Promise<void> {
    expect({ what, violations: await seriousViolations(page) }).toEqual({ what, violations: [] });
  }

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

  async function token(username: string): Promise<string> {
    const response = await fetch(`${platform.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    return ((await response.json()) as LoginResponse).accessToken;
  }

  async function today(): Promise<string> {
    const { rows } = await db.query(
      `SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS today`,
    );
    return (rows[0] as { today: string }).today;
  }

  it('a. the province office generates last month’s province report, waits for the worker, and downloads it', async () => {
    const page = await signedIn('admin');
    await page.goto(`${platform.baseUrl}/reports`);
    // The schedule wrote last week's and last month's reports at start: a full list.
    await settled(page);
    // Checked before the report of this test exists: once it is ready, the shell's bell
    // shows the unread notice, and the bell's label leaves out its count (axe
    // label-content-name-mismatch: the shell's, reported, not this page's).
    await expectAccessible(page, 'reports list');
    await page.getByTestId('report-generate').click();
    const form = page.getByTestId('report-form');
    await form.waitFor();
    await expectAccessible(page, 'report form');
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
    const path = join(dataDir, 'downloaded.xlsx');
    await download.saveAs(path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    expect(book.getWorksheet('汇总')?.getCell('A1').value).toBe(
      periodicReportTitle(reportSubject('山东省', 'province'), month),
    );
    // The demo province's month: its tasks are in the ledger.
    expect(book.getWorksheet('任务台账')?.rowCount ?? 0).toBeGreaterThan(10);

    const stored = await db.query(
      `SELECT trigger, status, requested_by_user_id IS NOT NULL AS requested FROM periodic_report
       WHERE scope = 'province' AND kind = 'monthly' AND trigger = 'on_demand'`,
    );
    expect(stored.rows).toEqual([{ trigger: 'on_demand', status: 'ready', requested: true }]);
  });

  it('b. a chain leader sees the reports of their chain only, and may ask for no province report', async () => {
    const { rows } = await db.query(`SELECT id, name_zh AS name FROM chain WHERE code = 'ngit.ic'`);
    const chain = rows[0] as { id: string; name: string };
    const page = await signedIn('leader.ngit.ic');
    await page.goto(`${platform.baseUrl}/reports`);
    // The schedule wrote last week's and last month's reports of every chain at start.
    await settled(page);
    const row = page.getByTestId('report-row');
    const scopes = await row.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-scope')));
    expect(new Set(scopes)).toEqual(new Set(['chain']));
    for (const text of await row.allTextContents()) expect(text).toContain(chain.name);
    await expectAccessible(page, 'reports list of a chain leader');

    await page.getByTestId('report-generate').click();
    await page.getByTestId('report-form').waitFor();
    expect(await page.getByTestId('scope-province').count()).toBe(0);

    const list = await fetch(`${platform.baseUrl}/api/periodic-reports?pageSize=100`, {
      headers: { Authorization: `Bearer ${await token('leader.ngit.ic')}` },
    });
    const body = (await list.json()) as ApiPage<PeriodicReportDto>;
    expect(body.items.length).toBeGreaterThan(0);
    expect(new Set(body.items.map((r) => r.chainId))).toEqual(new Set([chain.id]));
  });
});
