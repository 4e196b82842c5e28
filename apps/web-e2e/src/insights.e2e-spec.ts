import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keepScreenshot } from './browser';
import { startDemoPlatform, type DemoPlatform } from './demo-platform';

const INDICATOR = 'manufacturing_value_added_share';

/**
 * Issue 6's insights in a real Chromium on the demo province: the province admin reads
 * chain health with its breakdown, filters and downloads the risk list, enters a yearly
 * actual of a plan indicator; a chain leader sees only their chains. Each tab is checked
 * with axe-core; screenshots are kept under test-output/screenshots.
 */
describe('insights in the web app', () => {
  let demo: DemoPlatform;
  let downloads: string;

  beforeAll(async () => {
    downloads = mkdtempSync(join(tmpdir(), 'lz-insights-downloads-'));
    demo = await startDemoPlatform('insights');
  });

  afterAll(async () => {
    const code = await demo?.stop();
    rmSync(downloads, { recursive: true, force: true });
    expect(code).toBe(0);
  });

  it('a. the province admin reads chain health and a chain’s breakdown', async () => {
    const page = await demo.signedIn('admin');
    await page.goto(`${demo.baseUrl}/insights`);
    await page.waitForURL(/\/insights\/health$/);
    const table = page.getByTestId('health-table');
    await table.getByTestId('health-row').first().waitFor();
    const chains = await demo.rows<{ n: number }>(`SELECT count(*)::int AS n FROM chain`);
    expect(await page.getByTestId('health-grade-filter').textContent()).toContain('全部');
    // Worst first: the scores of the page never go down.
    const scores = (
      await table
        .getByTestId('health-row')
        .locator('td:nth-child(2)')
        .evaluateAll((cells) => cells.map((cell) => cell.textContent?.trim() ?? ''))
    )
      .filter((text) => text !== '—')
      .map(Number);
    expect(scores.length).toBeGreaterThan(0);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    await keepScreenshot(page, 'insights-health');
    await demo.expectAccessible(page, 'insights health');

    // Ten days of history for the worst chain, as the nightly job would have left them.
    const worst = await table.getByTestId('health-row').first().getAttribute('data-chain');
    await demo.db.query(
      `INSERT INTO chain_health_snapshot (chain_id, day, score, grade, components)
       SELECT c.id, (now() AT TIME ZONE 'Asia/Shanghai')::date - d, 50 + d * 3, CASE WHEN 50 + d * 3 >= 60 THEN 'yellow' ELSE 'red' END, '[]'
       FROM chain c, generate_series(1, 10) AS d WHERE c.code = $1`,
      [worst],
    );
    await page.reload();
    await table.getByTestId('health-details').first().click();
    const breakdown = page.getByTestId('health-breakdown');
    await breakdown.waitFor();
    await page.locator('[data-testid^="health-part-"]').first().waitFor();
    expect(await page.locator('[data-testid^="health-part-"]').count()).toBeGreaterThan(0);
    await page.getByTestId('health-trend').locator('svg').waitFor();
    await keepScreenshot(page, 'insights-health-breakdown');
    await demo.expectAccessible(page, 'insights health breakdown');
    expect(chains[0]?.n).toBeGreaterThan(30);
  });

  it('b. filters the risk list and downloads it as .xlsx', async () => {
    const page = await demo.signedIn('admin');
    await page.goto(`${demo.baseUrl}/insights/health`);
    await page.getByTestId('insights-tab-risks').click();
    await page.waitForURL(/\/insights\/risks$/);
    const table = page.getByTestId('risk-table');
    await table.getByTestId('risk-row').first().waitFor();
    await keepScreenshot(page, 'insights-risks');
    const [{ total }] = await demo.rows<{ total: number }>(
      `SELECT count(*)::int AS total FROM chain_node n
       WHERE (SELECT count(*) FROM chain_node_enterprise ne JOIN organisation o ON o.id = ne.organisation_id
              WHERE ne.node_id = n.id AND o.region_code LIKE '37%') = 1`,
    );
    // Only single-source links, as the filter says.
    await page.getByLabel('风险类型').click();
    await page.locator('nz-option-item', { hasText: '省内单一供应商' }).click();
    await page.getByTestId('risk-search').click();
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('[data-testid="risk-row"]')).every(
        (row) => row.getAttribute('data-kind') === 'single_source',
      ),
    );
    expect(await page.locator('.ant-pagination-total-text').textContent()).toContain(
      `共 ${total} 条`,
    );
    await demo.expectAccessible(page, 'insights risks');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('risk-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^产业链风险清单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const saved = join(downloads, download.suggestedFilename());
    await download.saveAs(saved);
    // An .xlsx is a zip: it starts with PK.
    expect(readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('c. the province admin enters a yearly actual with its source and sees the progress', async () => {
    const page = await demo.signedIn('admin');
    await page.goto(`${demo.baseUrl}/insights/indicators`);
    const row = page.locator(`[data-testid="indicator-row"][data-code="${INDICATOR}"]`);
    await row.waitFor();
    await demo.expectAccessible(page, 'insights indicators');

    await row.getByTestId('indicator-enter').click();
    const form = page.getByTestId('actual-form');
    await form.waitFor();
    // The dialog is named by its title (ng-zorro gives it none); axe checks the open dialog.
    await page.locator('nz-modal-container.lz-actual-modal[aria-label]').waitFor();
    await demo.expectAccessible(page, 'actual entry');
    await form.getByLabel('年份').fill('2024');
    await form.getByLabel('实际值（%）').fill('27.6');
    await form.getByLabel('数据来源').fill('2024 年山东省国民经济和社会发展统计公报');
    await form.getByTestId('actual-submit').click();
    await form.waitFor({ state: 'detached' });
    // (27.6 − 27.2) / (28 − 27.2): half way to the 2025 target.
    await row.getByTestId('progress-text').filter({ hasText: '50%' }).waitFor();
    expect(await row.textContent()).toContain('2024 年山东省国民经济和社会发展统计公报');
    await keepScreenshot(page, 'insights-indicators');
    const stored = await demo.rows<{ value: string; source: string }>(
      `SELECT value, source FROM plan_indicator_actual WHERE indicator_code = $1 AND year = 2024`,
      [INDICATOR],
    );
    expect(stored).toEqual([
      { value: '27.6000', source: '2024 年山东省国民经济和社会发展统计公报' },
    ]);
    const audit = await demo.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'indicator.actual.set' AND subject_id = $1`,
      [INDICATOR],
    );
    expect(audit[0]?.n).toBe(1);
  });

  it('d. a chain leader sees only their chains’ health and risks, and the health on the chain overview', async () => {
    const mine = await demo.rows<{ id: string; code: string }>(
      `SELECT c.id, c.code FROM chain c JOIN chain_leadership l ON l.chain_id = c.id
       JOIN app_user u ON u.id = l.user_id WHERE u.username = 'leader.ngit.ic' ORDER BY c.code`,
    );
    expect(mine.length).toBeGreaterThan(0);
    const page = await demo.signedIn('leader.ngit.ic');
    await page.goto(`${demo.baseUrl}/insights/health`);
    await page.getByTestId('health-row').first().waitFor();
    const codes = await page
      .getByTestId('health-row')
      .evaluateAll((all) => all.map((row) => row.getAttribute('data-chain')));
    expect(codes.sort()).toEqual(mine.map((c) => c.code));

    await page.goto(`${demo.baseUrl}/insights/risks`);
    await page.getByTestId('risk-table').waitFor();
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="risk-table"] .ant-spin-spinning'),
    );
    const links = await page
      .getByTestId('risk-row')
      .locator('a[href*="/overview"]')
      .evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    for (const href of links)
      expect(mine.some((c) => href?.includes(`/chains/${c.id}/`))).toBe(true);

    await page.goto(`${demo.baseUrl}/chains/${mine[0]?.id}/overview`);
    await page.getByTestId('chain-health-card').getByTestId('health-breakdown').waitFor();
    await demo.expectAccessible(page, 'chain overview with health');
  });
});
