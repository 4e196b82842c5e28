import { DEMO_PASSWORD } from '@lianzhang/server/seed';
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { CapturedStatement } from './baseline-server';
import { load, type LoadResult } from './load';
import { memoryOf, startProcess, waitForHttp, type Platform } from './processes';

export const API_MAIN = join(__dirname, '..', '..', 'apps', 'api', 'main.js');
export const WORKER_MAIN = join(__dirname, '..', '..', 'apps', 'worker', 'main.js');

export interface ApiCase {
  readonly name: string;
  /** Username the requests are made as. */
  readonly as: string;
  readonly path: string;
  /** The p95 goal of issue 7. */
  readonly goalP95Ms: number;
}

export interface ApiCaseResult {
  readonly case: ApiCase;
  readonly statements: number;
  readonly api: LoadResult;
  readonly baseline: LoadResult;
  /** The api with one connection: what a single user waits, with nobody queued ahead. */
  readonly alone: LoadResult;
}

export interface ApiReport {
  readonly results: readonly ApiCaseResult[];
  /** Highest resident set size sampled (every 200 ms) while the cases ran. */
  readonly apiPeakMb: number;
  readonly workerPeakMb: number;
  /**
   * Before the load: the worker's start-up work on this database (the periodic reports
   * of the periods just ended), how long it took, and its peak (VmHWM) meanwhile.
   */
  readonly settle: {
    readonly seconds: number;
    readonly settled: boolean;
    readonly workerPeakMb: number;
    readonly reports: number;
  };
}

/** The baseline serves each case at a path of its own: two cases may share the api's path as different users. */
const baselinePath = (c: ApiCase) => `/${c.name.replace(/\W+/g, '-').slice(0, 60)}`;

async function login(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200)
    throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/**
 * The statements the api runs for each case, read from its own `LOG_QUERIES` log: each
 * case is requested twice (the first warms caches) and the second request's lines,
 * found by its request id, are kept in order.
 */
async function capture(
  env: NodeJS.ProcessEnv,
  port: number,
  cases: readonly ApiCase[],
): Promise<Map<string, CapturedStatement[]>> {
  const api = startProcess(
    API_MAIN,
    { ...env, PORT: String(port), LOG_QUERIES: 'true', LOG_LEVEL: 'debug', LOG_FORMAT: 'json' },
    { keepLines: true, name: 'api (capture)' },
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${base}/api/health`);
    const routes = new Map<string, CapturedStatement[]>();
    for (const [index, c] of cases.entries()) {
      const token = await login(base, c.as);
      for (const round of [0, 1]) {
        const response = await fetch(`${base}${c.path}`, {
          headers: {
            authorization: `Bearer ${token}`,
            'x-request-id': `capture-${index}-${round}`,
          },
        });
        if (response.status !== 200)
          throw new Error(`${c.name}: ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    for (const [index, c] of cases.entries()) {
      const id = `capture-${index}-1`;
      const statements: CapturedStatement[] = [];
      for (const l of api.lines) {
        if (!l.startsWith('{')) continue;
        const entry = JSON.parse(l) as {
          context?: string;
          sql?: string;
          parameters?: unknown[];
          req?: { id?: string };
        };
        if (entry.context === 'Sql' && entry.sql && entry.req?.id === id)
          statements.push({ sql: entry.sql, parameters: entry.parameters ?? [] });
      }
      if (statements.length === 0) throw new Error(`${c.name}: no statements captured`);
      routes.set(baselinePath(c), statements);
    }
    return routes;
  } finally {
    await api.stop();
  }
}

/**
 * Waits until the worker has no periodic report left to generate (a fresh province has
 * the week's and the month's to make, for the province and every chain), so the API load
 * does not share the machine with them; gives up after `seconds`.
 */
async function settleWorker(
  databaseUrl: string,
  workerPid: number,
  seconds: number,
  log: (line: string) => void,
): Promise<ApiReport['settle']> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  try {
    await new Promise((r) => setTimeout(r, 5_000));
    for (;;) {
      const { rows } = await client.query<{ waiting: number; total: number }>(
        `SELECT count(*) FILTER (WHERE status IN ('pending', 'generating'))::int AS waiting, count(*)::int AS total FROM periodic_report`,
      );
      const [row] = rows;
      const elapsed = (Date.now() - started) / 1000;
      if (!row || row.waiting === 0 || elapsed > seconds) {
        const settled = !row || row.waiting === 0;
        log(
          `api: worker ${settled ? 'settled' : 'still busy'} after ${elapsed.toFixed(0)} s (${row?.waiting ?? 0} of ${row?.total ?? 0} periodic reports waiting)`,
        );
        return {
          seconds: elapsed,
          settled,
          workerPeakMb: memoryOf(workerPid).peakMb,
          reports: row?.total ?? 0,
        };
      }
      await new Promise((r) => setTimeout(r, 2_000));
    }
  } finally {
    await client.end();
  }
}

/**
 * issue 7's API figures: each case under autocannon (`connections` at once) against the
 * real api (with its worker running, as deployed) and against the bare baseline server
 * running the same statements, in this run and on this database.
 */
export async function benchApi(options: {
  readonly env: NodeJS.ProcessEnv;
  readonly databaseUrl: string;
  readonly cases: readonly ApiCase[];
  readonly connections: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  /** How long to wait for the worker's periodic reports before loading the api anyway. */
  readonly settleSeconds: number;
  readonly log: (line: string) => void;
}): Promise<ApiReport> {
  const { log } = options;
  const apiPort = 3300;
  const baselinePort = 3302;
  const routes = await capture(options.env, apiPort, options.cases);
  log(`api: captured ${[...routes.values()].map((r) => r.length).join(' / ')} statements per case`);
  const file = join(tmpdir(), `lz-bench-routes-${process.pid}.json`);
  writeFileSync(
    file,
    JSON.stringify({ databaseUrl: options.databaseUrl, port: baselinePort, routes: [...routes] }),
  );
  const baseline = fork(process.argv[1] as string, ['--baseline-server', file], {
    stdio: 'inherit',
  });
  let api: Platform | undefined;
  let worker: Platform | undefined;
  try {
    worker = startProcess(
      WORKER_MAIN,
      { ...options.env, WORKER_HEALTH_PORT: '3301' },
      { name: 'worker' },
    );
    api = startProcess(API_MAIN, { ...options.env, PORT: String(apiPort) }, { name: 'api' });
    const base = `http://127.0.0.1:${apiPort}`;
    await waitForHttp(`${base}/api/health`);
    await waitForHttp(`http://127.0.0.1:${baselinePort}/`);
    const settle = await settleWorker(options.databaseUrl, worker.pid, options.settleSeconds, log);
    const peaks = { api: 0, worker: 0 };
    const sampler = setInterval(() => {
      peaks.api = Math.max(peaks.api, memoryOf(api?.pid ?? 0).rssMb || 0);
      peaks.worker = Math.max(peaks.worker, memoryOf(worker?.pid ?? 0).rssMb || 0);
    }, 200);
    const tokens = new Map<string, string>();
    for (const c of options.cases) if (!tokens.has(c.as)) tokens.set(c.as, await login(base, c.as));
    const results: ApiCaseResult[] = [];
    for (const c of options.cases) {
      const headers = { authorization: `Bearer ${tokens.get(c.as)}` };
      const run = (url: string, seconds: number) =>
        load({ url, headers, connections: options.connections, seconds });
      await run(`${base}${c.path}`, options.warmupSeconds);
      const apiResult = await run(`${base}${c.path}`, options.seconds);
      const baseUrl = `http://127.0.0.1:${baselinePort}${baselinePath(c)}`;
      await run(baseUrl, options.warmupSeconds);
      const baselineResult = await run(baseUrl, options.seconds);
      const alone = await load({
        url: `${base}${c.path}`,
        headers,
        connections: 1,
        seconds: Math.max(3, Math.round(options.seconds / 3)),
      });
      log(
        `api: ${c.name}: ${apiResult.perSecond.toFixed(0)} req/s (p95 ${apiResult.p95Ms.toFixed(1)} ms) vs baseline ${baselineResult.perSecond.toFixed(0)} req/s (p95 ${baselineResult.p95Ms.toFixed(1)} ms)`,
      );
      results.push({
        case: c,
        statements: routes.get(baselinePath(c))?.length ?? 0,
        api: apiResult,
        baseline: baselineResult,
        alone,
      });
    }
    clearInterval(sampler);
    return { results, apiPeakMb: peaks.api, workerPeakMb: peaks.worker, settle };
  } finally {
    await api?.stop();
    await worker?.stop();
    baseline.kill('SIGTERM');
  }
}
