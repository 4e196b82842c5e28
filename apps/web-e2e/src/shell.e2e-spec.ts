import {
  createTestDatabase,
  freePort,
  requireBuilt,
  startPlatform,
  type RunningPlatform,
  type TestDatabase,
} from '@lianzhang/server/testing';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoginResponse } from '@lianzhang/contracts';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { keepScreenshot, launchChromium } from './browser';
import { WEB_INDEX } from './demo-platform';

let platformUrl = '';

describe('the web app served by the all-in-one server', () => {
  let database: TestDatabase;
  let platform: RunningPlatform;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    requireBuilt(WEB_INDEX);
    database = await createTestDatabase('e2e_shell');
    dataDir = mkdtempSync(join(tmpdir(), 'lz-e2e-'));
    platform = await startPlatform({
      port: await freePort(),
      env: {
        DATABASE_URL: database.url,
        QUEUE_BACKEND: 'postgres',
        QUEUE_PREFIX: 'e2e_shell',
        WORKER_HEALTH_PORT: String(await freePort()),
        DATA_DIR: dataDir,
        // The demo province and its accounts (README): people sign in before they see anything.
        DEMO_DATA: 'true',
      },
    });
    platformUrl = platform.baseUrl;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
  });

  afterAll(async () => {
    await browser?.close();
    const code = await platform?.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    expect(code).toBe(0);
  });

  it('asks for sign-in first, explains a refusal, and keeps the session over a reload', async () => {
    await page.goto(platform.baseUrl);
    await page.waitForURL(/\/login\?returnUrl=%2F$/);
    await page.getByLabel('用户名').fill('leader.ngit.ic');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').textContent()).toMatch(/用户名或密码/);
    await keepScreenshot(page, 'login-refused');

    await page.getByLabel('密码').fill('Lianzhang@2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('current-user').getByText('链长').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.reload();
    await page.getByTestId('current-user').waitFor();
  });

  it('shows a notification committed by the worker live on the badge, and reads it', async () => {
    await page.goto(`${platform.baseUrl}/notifications`);
    await page.getByTestId('notifications').waitFor();
    const badge = page.getByTestId('notification-badge');
    // Written as the worker writes it: the row and its pg_notify in one transaction.
    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      await db.query('BEGIN');
      await db.query(
        `INSERT INTO notification (user_id, kind, level, title, body, link)
         SELECT id, 'task.step', 'yellow', $1, $2, '/tasks/x' FROM app_user WHERE username = 'leader.ngit.ic'`,
        [
          JSON.stringify({
            'zh-CN': '黄牌督办（鲁链督〔2026〕1号）：任务「补链」已逾期 3 个工作日',
            en: 'Yellow notice',
          }),
          JSON.stringify({ 'zh-CN': '集成电路 · 承办单位：测试企业', en: 'IC' }),
        ],
      );
      await db.query(
        `SELECT pg_notify('lz_notification', json_build_array(id)::text) FROM app_user WHERE username = 'leader.ngit.ic'`,
      );
      await db.query('COMMIT');
    } finally {
      await db.end();
    }
    await badge.locator('.ant-badge-count', { hasText: '1' }).waitFor();
    await page.reload();
    const item = page.getByTestId('notification').filter({ hasText: '鲁链督〔2026〕1号' });
    await item.waitFor();
    await keepScreenshot(page, 'notifications');
    await item.click();
    await badge.locator('.ant-badge-count').waitFor({ state: 'detached' });
  });

  it('shows the shell in Chinese first, switches to English and remembers it', async () => {
    await page.goto(platform.baseUrl);
    await expectText(page, 'h1', '链长制产业链协同督办平台');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.getByTestId('status-card').getByText('正常').first().waitFor();
    await page.getByTestId('regions-card').getByText('共 16 个设区市').waitFor();
    await page.getByText('济南市').waitFor();
    expect(existsSync(await keepScreenshot(page, 'shell-zh-CN'))).toBe(true);

    await page.getByTestId('language-switch').getByText('EN').click();
    await expectText(page, 'h1', 'Industry Chain Leader Platform');
    await page.locator('.ant-radio-button-wrapper-checked', { hasText: 'EN' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByTestId('regions-card').getByText('16 prefecture-level cities').waitFor();
    await page.getByText('Jinan').waitFor();
    expect(await page.getByText('首页').count()).toBe(0);
    await keepScreenshot(page, 'shell-en');

    await page.reload();
    await expectText(page, 'h1', 'Industry Chain Leader Platform');
  });

  it('signs out for real: the app is behind sign-in again', async () => {
    await page.goto(platform.baseUrl);
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    await page.goto(platform.baseUrl);
    await page.waitForURL(/\/login\?returnUrl=%2F$/);
  });

  it('lets an enterprise 签收 a task, and asks for a reason before it declines one', async () => {
    // Two tasks the IC chain leader assigns to the chain master today, due tomorrow: first in its list.
    const leader = await signInByApi('leader.ngit.ic');
    const master = await signInByApi('ent.ngit.ic.1');
    const tomorrow = new Date(Date.now() + 32 * 3_600_000).toISOString().slice(0, 10);
    const titles = ['核心装备国产化替代', '关键材料本地配套'];
    for (const title of titles) {
      const created = await fetch(`${platform.baseUrl}/api/tasks`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${leader.accessToken}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({
          chainId: leader.user.chains[0]?.id,
          title,
          assigneeOrganisationId: master.user.organisation.id,
          dueDate: tomorrow,
          assign: true,
        }),
      });
      expect(created.status).toBe(201);
    }
    const context = await browser.newContext({
      viewport: { width: 1366, height: 800 },
      locale: 'zh-CN',
    });
    const enterprise = await context.newPage();
    try {
      await enterprise.goto(`${platform.baseUrl}/tasks`);
      await enterprise.waitForURL(/\/login\?returnUrl=%2Ftasks$/);
      await enterprise.getByLabel('用户名').fill('ent.ngit.ic.1');
      await enterprise.getByLabel('密码').fill('Lianzhang@2026');
      await enterprise.getByRole('button', { name: '登录' }).click();
      await enterprise.getByTestId('tasks').waitFor();
      const row = (title: string) => enterprise.getByTestId('task-row').filter({ hasText: title });
      await row(titles[0] as string).waitFor();
      await enterprise.locator('.ant-spin-blur').waitFor({ state: 'detached' });
      await enterprise.waitForTimeout(400); // let the fade-in of the rows finish for the picture
      await keepScreenshot(enterprise, 'enterprise-tasks');
      await row(titles[0] as string)
        .getByRole('button', { name: '签收' })
        .click();
      await row(titles[0] as string)
        .getByTestId('task-status')
        .getByText('已签收')
        .waitFor();

      await row(titles[1] as string)
        .getByRole('button', { name: '拒收' })
        .click();
      await enterprise.getByRole('button', { name: '确定' }).click();
      await enterprise.getByRole('alert').getByText('请填写原因').waitFor();
      await enterprise.getByTestId('reason').fill('该任务不属于本企业业务范围');
      await enterprise.getByRole('button', { name: '确定' }).click();
      // Declined goes back to the chain office: the enterprise no longer sees it.
      await row(titles[1] as string).waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  });

  it('serves client-side routes with the app and unknown api paths with the JSON error shape', async () => {
    const deepLink = await fetch(`${platform.baseUrl}/some/client/route`, {
      headers: { Accept: 'text/html' },
    });
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('<lz-root>');

    const missing = await fetch(`${platform.baseUrl}/api/no-such-thing`, {
      headers: { 'Accept-Language': 'zh-CN' },
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      code: 'NOT_FOUND',
      message: '未找到该内容',
      details: [],
    });
  });
});

/** Signs in through the api, as the app does, for test data made by another user. */
async function signInByApi(username: string): Promise<LoginResponse> {
  const response = await fetch(`${platformUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: 'Lianzhang@2026' }),
  });
  return (await response.json()) as LoginResponse;
}

async function expectText(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector, { hasText: text }).waitFor({ timeout: 15_000 });
}
