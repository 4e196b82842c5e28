import { DEMO_PASSWORD } from '@lianzhang/server/seed';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { chromium } from 'playwright-core';
import { startProcess } from '../api/processes';

const ROOT = resolve(__dirname, '..', '..', '..');

export interface BundleFigures {
  readonly initial: { readonly files: number; readonly gzipKb: number; readonly rawKb: number };
  /** The five largest lazy chunks, largest first. */
  readonly largestLazy: readonly {
    readonly file: string;
    readonly source: string;
    readonly gzipKb: number;
    readonly rawKb: number;
  }[];
}

export interface WebReport {
  readonly bundles: BundleFigures;
  /** Median over the runs, ms from navigation to the app shell's first render (the baseline). */
  readonly shellMs: number;
  /** Median over the runs, ms from navigation until every cockpit chart has drawn. */
  readonly cockpitMs: number;
  readonly charts: number;
  readonly runs: number;
}

/** The figures `tools/web/bundle-budget.mjs` checks on every build (its `--json` output). */
export function bundleFigures(): BundleFigures {
  const out = execFileSync(
    process.execPath,
    [join(ROOT, 'tools', 'web', 'bundle-budget.mjs'), '--json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  return JSON.parse(out) as BundleFigures;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/**
 * The cockpit in Chromium on the demo province (the all-in-one platform as `npm start`
 * runs it, on a database of its own): each run opens a fresh browser context, signs in
 * as the province administrator through the form, then times a navigation to the cockpit
 * until every ECharts instance on it has finished drawing. The baseline of the same run is
 * the time to the signed-in app shell (the page's header rendered) on the same navigation.
 */
export async function benchWeb(options: {
  readonly adminUrl: string;
  readonly redisUrl: string;
  readonly runs: number;
  readonly log: (line: string) => void;
}): Promise<WebReport> {
  const bundles = bundleFigures();
  const name = `lz_bench_web_${process.pid}`;
  const admin = new Client({ connectionString: options.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(options.adminUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'lz-bench-web-'));
  // The all-in-one launcher, as `npm start` runs it (migrations, the demo province, api
  // and worker), healthy once its canary has gone through the worker.
  const port = 3310;
  const platform = startProcess(
    join(ROOT, 'dist', 'tools', 'launcher', 'main.js'),
    {
      PORT: String(port),
      DATABASE_URL: url.toString(),
      REDIS_URL: options.redisUrl,
      QUEUE_PREFIX: 'bench_web',
      DEMO_DATA: 'true',
      DATA_DIR: dataDir,
      WORKER_HEALTH_PORT: '3311',
      LOG_LEVEL: 'warn',
    },
    { name: 'platform' },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (
    (await fetch(`${baseUrl}/api/health`).then(
      (r) => r.status,
      () => 0,
    )) !== 200
  ) {
    if (Date.now() > deadline) throw new Error('the demo platform was not healthy within 180 s');
    await new Promise((r) => setTimeout(r, 500));
  }
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const shell: number[] = [];
    const cockpit: number[] = [];
    let charts = 0;
    for (let run = 0; run < options.runs; run++) {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        locale: 'zh-CN',
      });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('用户名').fill('admin');
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByTestId('current-user').waitFor();
      // A full navigation: the app boots, restores the session, loads the cockpit's data,
      // its lazy chart code, and draws.
      const started = Date.now();
      await page.goto(`${baseUrl}/cockpit`, { waitUntil: 'commit' });
      await page.getByTestId('current-user').waitFor();
      shell.push(Date.now() - started);
      charts = await page
        .waitForFunction(
          () => {
            const hosts = [...document.querySelectorAll('[_echarts_instance_]')];
            const drawn = hosts.filter((h) => h.querySelector('canvas, svg'));
            return hosts.length >= 3 && drawn.length === hosts.length ? hosts.length : 0;
          },
          undefined,
          { timeout: 60_000, polling: 'raf' },
        )
        .then((handle) => handle.jsonValue() as Promise<number>);
      cockpit.push(Date.now() - started);
      await context.close();
    }
    options.log(`web: cockpit ${cockpit.join(', ')} ms; shell ${shell.join(', ')} ms`);
    return {
      bundles,
      shellMs: median(shell),
      cockpitMs: median(cockpit),
      charts,
      runs: options.runs,
    };
  } finally {
    await browser.close();
    await platform.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
