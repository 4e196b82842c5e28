import type { LoginResponse } from '@lianzhang/contracts';
import {
  createTestDatabase,
  freePort,
  requireBuilt,
  startPlatform,
  type RunningPlatform,
  type TestDatabase,
} from '@lianzhang/server/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from './accessibility';
import { launchChromium } from './browser';

/** The built web app the platform serves (`npm run build`). */
export const WEB_INDEX = resolve(
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

/** The password of every demo account (README). */
export const DEMO_PASSWORD = 'Lianzhang@2026';

export interface SignInOptions {
  /** zh-CN unless told otherwise. */
  readonly locale?: string;
  /** 1366 × 900 unless told otherwise. */
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Whether downloads are kept; Playwright's default, true, unless told otherwise. */
  readonly acceptDownloads?: boolean;
}

/** The all-in-one platform on the demo province, its database and a Chromium to drive it. */
export interface DemoPlatform {
  readonly baseUrl: string;
  /** A connection to the platform's own database, to arrange and check rows. */
  readonly db: Client;
  /** The platform's DATA_DIR, a temporary folder removed by `stop()`. */
  readonly dataDir: string;
  /** A fresh browser session signed in as `username` through the login form. */
  signedIn(username: string, options?: SignInOptions): Promise<Page>;
  /** An access token of `username`, for calls to the api beside the browser. */
  token(username: string): Promise<string>;
  /** Fails with the serious and critical axe-core violations of the page, named `what`. */
  expectAccessible(page: Page, what: string): Promise<void>;
  /** The one row `sql` returns; throws when it returns none or several. */
  one<T>(sql: string, params?: unknown[]): Promise<T>;
  /** The rows `sql` returns. */
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Closes the browser sessions, the browser and the connection, stops the platform, drops
   * its database and removes its DATA_DIR; resolves to the platform's exit code.
   */
  stop(): Promise<number>;
}

/**
 * Starts the built platform (`npm run build`) with the demo province on a database of its
 * own, named after `name` (e2e_<name>, also the queue prefix), with `extraEnv` on top of
 * the usual environment, and launches Chromium. One per test file: start it in `beforeAll`
 * and `expect(await demo?.stop()).toBe(0)` in `afterAll`.
 */
export async function startDemoPlatform(
  name: string,
  extraEnv: Record<string, string> = {},
): Promise<DemoPlatform> {
  requireBuilt(WEB_INDEX);
  const database: TestDatabase = await createTestDatabase(`e2e_${name}`);
  const dataDir = mkdtempSync(join(tmpdir(), `lz-${name}-`));
  const contexts: BrowserContext[] = [];
  let platform: RunningPlatform | undefined;
  let db: Client | undefined;
  let browser: Browser | undefined;

  /** Everything started so far, stopped and removed; the platform's exit code if it ran. */
  const shutDown = async (): Promise<number | undefined> => {
    let code: number | undefined;
    try {
      for (const context of contexts) await context.close();
      await browser?.close();
      await db?.end();
    } finally {
      try {
        code = await platform?.stop();
      } finally {
        await database.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    return code;
  };

  try {
    platform = await startPlatform({
      port: await freePort(),
      env: {
        DATABASE_URL: database.url,
        QUEUE_BACKEND: 'postgres',
        QUEUE_PREFIX: `e2e_${name}`,
        WORKER_HEALTH_PORT: String(await freePort()),
        DATA_DIR: dataDir,
        DEMO_DATA: 'true',
        ...extraEnv,
      },
    });
    db = new Client({ connectionString: database.url });
    await db.connect();
    browser = await launchChromium();
  } catch (error) {
    await shutDown().catch(() => undefined);
    throw error;
  }

  const running = platform;
  const { baseUrl } = running;
  const client = db;
  const chromium = browser;
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await client.query(sql, params)).rows as T[];

  return {
    baseUrl,
    db: client,
    dataDir,
    rows,
    stop: async () => (await shutDown()) ?? running.stop(),
    async signedIn(username, options = {}) {
      const context = await chromium.newContext({
        viewport: options.viewport ?? { width: 1366, height: 900 },
        locale: options.locale ?? 'zh-CN',
        acceptDownloads: options.acceptDownloads ?? true,
      });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByTestId('current-user').waitFor();
      return page;
    },
    async token(username) {
      const response = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      return ((await response.json()) as LoginResponse).accessToken;
    },
    async expectAccessible(page, what) {
      expect({ what, violations: await seriousViolations(page) }).toEqual({
        what,
        violations: [],
      });
    },
    async one<T>(sql: string, params: unknown[] = []): Promise<T> {
      const found = await rows<T>(sql, params);
      if (found.length !== 1) throw new Error(`expected one row from ${sql}, got ${found.length}`);
      return found[0] as T;
    },
  };
}
