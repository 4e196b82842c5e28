import 'reflect-metadata';
import { PasswordHasher } from '@lianzhang/server/identity';
import { OwnRedis } from '@lianzhang/server/scheduler-harness';
import { DEMO_PASSWORD } from '@lianzhang/server/seed';
import { readFileSync } from 'node:fs';
import { benchApi, type ApiCase, type ApiReport } from './api/api.bench';
import { startBaseline, type CapturedStatement } from './api/baseline-server';
import { ensureProvince } from './province/province';
import { benchReconcile, type SchedulerReport } from './scheduler/reconcile.bench';
import { benchWeb, type WebReport } from './web/web.bench';

/**
 * `npm run bench` (issue 7): the province at full scale, generated once into its own
 * database and reused while its recipe holds, then measured against baselines of the same
 * run: the API under autocannon against a bare Node http + pg server running the same
 * statements; the reconciler over every pending event; the api's and worker's peak
 * memory under the API load; the web app's bundles and the cockpit's render time in
 * Chromium. Prints a table; asserts nothing (benchmarks never fail CI on timing).
 *
 * Settings (environment): BENCH_DATABASE_URL (the server's admin url), BENCH_SCALE (1),
 * BENCH_SECONDS (15 per measurement), BENCH_CONNECTIONS (32), BENCH_ONLY (api,scheduler,web),
 * BENCH_WEB_RUNS (5), BENCH_SETTLE_SECONDS (900: how long the worker may take over the
 * periodic reports a fresh province owes before the API load starts anyway). `--fresh`
 * generates the province again.
 */
const ADMIN_URL =
  process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCALE = Number(process.env['BENCH_SCALE'] ?? 1);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 15);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 32);
const ONLY = new Set((process.env['BENCH_ONLY'] ?? 'api,scheduler,web').split(','));
const WEB_RUNS = Number(process.env['BENCH_WEB_RUNS'] ?? 5);

const log = (line: string) => console.log(`[bench] ${line}`);

async function main(): Promise<void> {
  const province = await ensureProvince({
    adminUrl: ADMIN_URL,
    name: process.env['BENCH_PROVINCE_DATABASE'] ?? 'lz_bench_province',
    scale: SCALE,
    seed: 2026,
    passwordHash: () => new PasswordHasher().hash(DEMO_PASSWORD),
    fresh: process.argv.includes('--fresh'),
    log,
  });
  const r = province.report;
  const redis = await OwnRedis.start();
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'info',
    JWT_ACCESS_SECRET: 'bench-access-secret-0123456789abcdef0123',
    JWT_REFRESH_SECRET: 'bench-refresh-secret-0123456789abcdef012',
    DATABASE_URL: province.url,
    REDIS_URL: redis.url,
    QUEUE_BACKEND: 'redis',
    QUEUE_PREFIX: 'bench',
    DATA_DIR: '/tmp/lz-bench-data',
  };
  let api: ApiReport | undefined;
  let scheduler: SchedulerReport | undefined;
  let web: WebReport | undefined;
  try {
    if (ONLY.has('api')) {
      const cases: ApiCase[] = [
        {
          name: `enterprise task list (${r.bench.busyEnterpriseUser}, ${r.bench.busyEnterpriseTasks} tasks: the busiest)`,
          as: r.bench.busyEnterpriseUser,
          path: '/api/tasks?page=1&pageSize=20',
          goalP95Ms: 30,
        },
        {
          name: `enterprise task list (${r.bench.typicalEnterpriseUser}, ${r.bench.typicalEnterpriseTasks} tasks: the median)`,
          as: r.bench.typicalEnterpriseUser,
          path: '/api/tasks?page=1&pageSize=20',
          goalP95Ms: 30,
        },
        {
          name: `chain task list, in progress (${r.bench.chainCode}, ${r.bench.chainTasks} tasks)`,
          as: r.bench.chainLeaderUser,
          path: `/api/tasks?chainId=${r.bench.chainId}&status=in_progress&page=1&pageSize=20`,
          goalP95Ms: 30,
        },
        { name: 'cockpit summary (province)', as: 'admin', path: '/api/cockpit', goalP95Ms: 50 },
        {
          name: `chain detail (${r.bench.chainCode})`,
          as: r.bench.chainLeaderUser,
          path: `/api/chains/${r.bench.chainId}`,
          goalP95Ms: 30,
        },
      ];
      api = await benchApi({
        env,
        databaseUrl: province.url,
        cases,
        connections: CONNECTIONS,
        seconds: SECONDS,
        warmupSeconds: 3,
        settleSeconds: Number(process.env['BENCH_SETTLE_SECONDS'] ?? 900),
        log,
      });
    }
    // A section that fails says so and the others still print: the figures are what matter.
    const attempt = async <T>(name: string, run: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await run();
      } catch (error) {
        log(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    };
    if (ONLY.has('scheduler'))
      scheduler = await attempt('scheduler', () =>
        benchReconcile({ env, redis, horizons: [600, 86_400, 30 * 86_400], log }),
      );
    if (ONLY.has('web'))
      web = await attempt('web', () =>
        benchWeb({ adminUrl: ADMIN_URL, redisUrl: redis.url, runs: WEB_RUNS, log }),
      );
  } finally {
    await redis.dispose();
  }
  print(province.report, province.generatedInSeconds, api, scheduler, web);
}

function print(
  r: Awaited<ReturnType<typeof ensureProvince>>['report'],
  generatedInSeconds: number | null,
  api: ApiReport | undefined,
  scheduler: SchedulerReport | undefined,
  web: WebReport | undefined,
): void {
  const n = (v: number) => v.toLocaleString('en-US');
  console.log(
    `\nProvince: ${n(r.chains)} chains (${n(r.localChains)} local), ${n(r.enterprises)} enterprises, ${n(r.users)} users, ${n(r.tasks)} tasks (${n(r.openTasks)} open, ${n(r.overdueTasks)} overdue), ${n(r.taskEvents)} task events, ${n(r.progressReports)} progress reports, ${n(r.notices)} 督办单, ${n(r.pendingEvents)} pending scheduled events${generatedInSeconds === null ? ' (reused)' : ` (generated in ${generatedInSeconds.toFixed(0)} s)`}`,
  );
  if (api) {
    console.log(
      `\nAPI at ${CONNECTIONS} connections, ${SECONDS} s each\n` +
        '| query | statements | api req/s | api p50 | api p95 | baseline req/s | baseline p50 | baseline p95 | ratio | p95 goal |\n' +
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const x of api.results) {
      const fail =
        x.api.failures + x.baseline.failures > 0
          ? ` (failures: api ${x.api.failures}, baseline ${x.baseline.failures})`
          : '';
      console.log(
        `| ${x.case.name}${fail} | ${x.statements} | ${x.api.perSecond.toFixed(0)} | ${x.api.p50Ms.toFixed(1)} ms | ${x.api.p95Ms.toFixed(1)} ms | ${x.baseline.perSecond.toFixed(0)} | ${x.baseline.p50Ms.toFixed(1)} ms | ${x.baseline.p95Ms.toFixed(1)} ms | ${(x.api.perSecond / x.baseline.perSecond).toFixed(2)} | < ${x.case.goalP95Ms} ms |`,
      );
    }
    console.log(
      `\nThe api alone (one connection): ` +
        api.results
          .map(
            (x) =>
              `${x.case.name}: p50 ${x.alone.p50Ms.toFixed(1)} ms, p95 ${x.alone.p95Ms.toFixed(1)} ms`,
          )
          .join('; '),
    );
    console.log(
      `\nPeak RSS under the API load: api ${api.apiPeakMb.toFixed(0)} MB, worker ${api.workerPeakMb.toFixed(0)} MB (goal < 300 MB each)` +
        `\nBefore it, the worker's start-up work (${api.settle.reports} periodic reports): ${api.settle.settled ? 'done' : 'not done'} after ${api.settle.seconds.toFixed(0)} s, worker peak ${api.settle.workerPeakMb.toFixed(0)} MB`,
    );
  }
  if (scheduler) {
    console.log(
      `\nReconciler over ${n(scheduler.pending)} pending events\n| horizon | due within it | pass after FLUSHALL | pass again |\n| ---: | ---: | ---: | ---: |`,
    );
    for (const p of scheduler.passes)
      console.log(
        `| ${n(p.horizonSeconds)} s | ${n(p.considered)} | ${p.afterFlushSeconds.toFixed(2)} s | ${p.steadySeconds.toFixed(2)} s |`,
      );
  }
  if (web) {
    const lazy = web.bundles.largestLazy[0];
    console.log(
      `\nWeb: initial JavaScript ${web.bundles.initial.gzipKb} KB gzipped (${web.bundles.initial.files} files, ${web.bundles.initial.rawKb} KB raw); largest lazy chunk ${lazy?.file} ${lazy?.gzipKb} KB gzipped` +
        `\nCockpit in Chromium (demo province, median of ${web.runs}): app shell ${web.shellMs} ms, ${web.charts} charts drawn ${web.cockpitMs} ms (${(web.cockpitMs / web.shellMs).toFixed(1)}× the shell)`,
    );
  }
}

async function baselineServer(file: string): Promise<void> {
  const spec = JSON.parse(readFileSync(file, 'utf8')) as {
    databaseUrl: string;
    port: number;
    routes: [string, CapturedStatement[]][];
  };
  const server = await startBaseline(spec.databaseUrl, new Map(spec.routes), spec.port);
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
}

const fail = (error: unknown) => {
  console.error(error);
  process.exit(1);
};
const baselineAt = process.argv.indexOf('--baseline-server');
if (baselineAt > 0) baselineServer(process.argv[baselineAt + 1] as string).catch(fail);
else main().then(() => process.exit(0), fail);
