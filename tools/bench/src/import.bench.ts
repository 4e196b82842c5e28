import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IMPORT_COLUMNS, IMPORT_TEMPLATE } from '@lianzhang/contracts';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '@lianzhang/domain';
import {
  AuditModule,
  ConfigModule,
  DatabaseModule,
  dataSourceOptions,
  inTransaction,
  loadConfig,
  migrate,
  QueueModule,
  type AuthenticatedUser,
} from '@lianzhang/server/core';
import { readSheet, workbookBuffer } from '@lianzhang/server/excel';
import { ExchangeModule, ImportsService, importTemplate } from '@lianzhang/server/exchange';
import { SCHEMA } from '@lianzhang/server/schema';
import { readReportData, renderReportWorkbook } from '@lianzhang/server/reports';
import { seedCatalogue, seedDemo } from '@lianzhang/server/seed';
import { TasksService } from '@lianzhang/server/tasks';
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

/**
 * `npm run bench:import`: a 10,000-row task import, validated (dry run) and then validated
 * and committed, through the real `ImportsService` on a fresh database, against a baseline
 * measured in the same run: one plain INSERT of the same 10,000 rows into a scratch table.
 * It also times `TasksService.createWithin` on a sample of rows, the per-row path the
 * import's set-based writer replaces. Prints figures and ratios; asserts nothing. Needs
 * the machine's PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres);
 * the queue runs on PostgreSQL too, so no Redis is needed.
 */
const ADMIN_URL =
  process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROWS = Number(process.env['BENCH_IMPORT_ROWS'] ?? 10_000);
const SAMPLE = Number(process.env['BENCH_CREATE_WITHIN_ROWS'] ?? 300);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const ENTERPRISES = 200;
const PRIORITIES = ['低', '普通', '高', '紧急'];

async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `lz_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

@Module({})
class BenchModule {}

function creditCode(n: number): string {
  let first = `91370100MA${String(n).padStart(4, '0')}`;
  while (first.length < 17) first += CREDIT_CODE_ALPHABET.charAt((n * 7 + first.length) % 31);
  return first + creditCodeCheckCharacter(first);
}

interface Fixture {
  readonly user: AuthenticatedUser;
  readonly chainId: string;
  readonly organisationIds: readonly string[];
  readonly codes: readonly string[];
}

async function prepare(dataSource: DataSource): Promise<Fixture> {
  await seedCatalogue(dataSource);
  const [{ id: chainId }] = (await dataSource.query(
    `SELECT id FROM chain WHERE code = 'ngit.ic'`,
  )) as [{ id: string }];
  const [{ id: officeId }] = (await dataSource.query(
    `INSERT INTO organisation (name, kind, region_code) VALUES ('集成电路产业链链长办', 'government', '370000') RETURNING id`,
  )) as [{ id: string }];
  const [{ id: userId }] = (await dataSource.query(
    `INSERT INTO app_user (username, display_name, role, organisation_id, password_hash)
     VALUES ('bench.office', '链长办（压测）', 'chain_office', $1, 'not-a-hash') RETURNING id`,
    [officeId],
  )) as [{ id: string }];
  await dataSource.query(
    `INSERT INTO chain_leadership (chain_id, user_id, kind) VALUES ($1, $2, 'office')`,
    [chainId, userId],
  );
  const codes = Array.from({ length: ENTERPRISES }, (_, n) => creditCode(n));
  const organisations = (await dataSource.query(
    `INSERT INTO organisation (name, kind, credit_code, region_code)
     SELECT '压测企业 ' || n, 'enterprise', code, '370100' FROM unnest($1::text[]) WITH ORDINALITY AS c(code, n)
     RETURNING id`,
    [codes],
  )) as { id: string }[];
  return {
    user: {
      id: userId,
      sessionId: 'bench',
      username: 'bench.office',
      displayName: '链长办（压测）',
      role: 'chain_office',
      organisationId: officeId,
      regionCode: null,
    },
    chainId,
    organisationIds: organisations.map((o) => o.id),
    codes,
  };
}

/** Today plus `days`, Asia/Shanghai. */
const day = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

interface TaskRow {
  readonly title: string;
  readonly code: string;
  readonly due: string;
  readonly priority: string;
}

function taskRows(prefix: string, count: number, codes: readonly string[]): TaskRow[] {
  return Array.from({ length: count }, (_, i) => ({
    title: `${prefix}任务 ${String(i + 1).padStart(5, '0')}：关键材料验证与配套对接`,
    code: codes[i % codes.length] as string,
    due: day(30 + (i % 90)),
    priority: PRIORITIES[i % PRIORITIES.length] as string,
  }));
}

/** The downloaded template filled with `rows`, as a chain office would from its own list. */
async function workbook(rows: readonly TaskRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await importTemplate('tasks')) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(IMPORT_TEMPLATE.sheet);
  if (!sheet) throw new Error('no data sheet');
  const index = (key: string) => IMPORT_COLUMNS.tasks.findIndex((c) => c.key === key) + 1;
  rows.forEach((row, i) => {
    const cells = sheet.getRow(IMPORT_TEMPLATE.exampleRow + i);
    for (let c = 1; c <= IMPORT_COLUMNS.tasks.length; c++) cells.getCell(c).value = null;
    cells.getCell(index('chainCode')).value = 'ngit.ic';
    cells.getCell(index('title')).value = row.title;
    cells.getCell(index('assigneeCreditCode')).value = row.code;
    cells.getCell(index('dueDate')).value = new Date(`${row.due}T00:00:00Z`);
    cells.getCell(index('priority')).value = row.priority;
    cells.getCell(index('reportEveryWorkdays')).value = 10;
    cells.getCell(index('assign')).value = '是';
  });
  return workbookBuffer(book);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** The median time of RUNS runs of `work`. */
async function median(work: () => Promise<unknown>): Promise<{ ms: number }> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) times.push((await timed(work)).ms);
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] as number };
}

async function counts(dataSource: DataSource) {
  const [row] = (await dataSource.query(
    `SELECT (SELECT count(*)::int FROM task) AS tasks, (SELECT count(*)::int FROM task_event) AS events,
            (SELECT count(*)::int FROM scheduled_event) AS steps`,
  )) as [{ tasks: number; events: number; steps: number }];
  return row;
}

/** One INSERT of the same rows into a scratch table shaped like `task`, without its indexes. */
async function baseline(
  dataSource: DataSource,
  fixture: Fixture,
  rows: readonly TaskRow[],
  table: string,
) {
  await dataSource.query(
    `CREATE TABLE ${table} (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), chain_id uuid, title text, description text,
       assigner_user_id uuid, assignee_organisation_id uuid, status text, priority text, due_date date,
       report_every_workdays int, created_at timestamptz DEFAULT now())`,
  );
  const ids = new Map(fixture.codes.map((code, i) => [code, fixture.organisationIds[i]]));
  return timed(() =>
    dataSource.query(
      `INSERT INTO ${table} (chain_id, title, description, assigner_user_id, assignee_organisation_id, status, priority,
                                  due_date, report_every_workdays)
       SELECT $1::uuid, t.title, '', $2::uuid, t.assignee, 'assigned', t.priority, t.due, 10
       FROM unnest($3::text[], $4::uuid[], $5::text[], $6::date[]) AS t(title, assignee, priority, due)`,
      [
        fixture.chainId,
        fixture.user.id,
        rows.map((r) => r.title),
        rows.map((r) => ids.get(r.code)),
        rows.map((r) => ['low', 'normal', 'high', 'urgent'][PRIORITIES.indexOf(r.priority)]),
        rows.map((r) => r.due),
      ],
    ),
  );
}

async function main(): Promise<void> {
  await withDatabase(async (url) => {
    await migrate(url, SCHEMA);
    const dataDir = mkdtempSync(join(tmpdir(), 'lz-bench-import-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: url,
      QUEUE_BACKEND: 'postgres',
      QUEUE_PREFIX: `lz_bench_import_${randomBytes(3).toString('hex')}`,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    });
    const app = await NestFactory.createApplicationContext(
      {
        module: BenchModule,
        imports: [
          ConfigModule.forRoot(config),
          DatabaseModule.forRoot(SCHEMA, 'lianzhang-bench-import'),
          QueueModule,
          AuditModule,
          ExchangeModule,
        ],
      },
      { logger: false },
    );
    try {
      await app.init();
      const dataSource = app.get(DataSource);
      const imports = app.get(ImportsService);
      const fixture = await prepare(dataSource);
      const upload = (buffer: Buffer) => ({
        originalname: 'tasks.xlsx',
        buffer,
        size: buffer.length,
      });

      // Warm-up: the code paths and the database caches, on other titles.
      await imports.run(
        fixture.user,
        'tasks',
        upload(await workbook(taskRows('预热', 500, fixture.codes))),
        false,
      );

      const rows = taskRows('压测1', ROWS, fixture.codes);
      const buffer = await workbook(rows);
      console.log(
        `[bench] ${ROWS.toLocaleString('en')} task rows, ${(buffer.length / 1024).toFixed(0)} KB xlsx; median of ${RUNS} runs each`,
      );
      const read = await median(() =>
        readSheet(buffer, {
          sheetName: IMPORT_TEMPLATE.sheet,
          headerRow: IMPORT_TEMPLATE.headerRow,
        }),
      );
      const dry = await median(() => imports.run(fixture.user, 'tasks', upload(buffer), true));
      // Each commit its own titles (the same titles again would be duplicates of open tasks).
      const files = [buffer];
      for (let run = 2; run <= RUNS; run++)
        files.push(await workbook(taskRows(`压测${run}`, ROWS, fixture.codes)));
      const before = await counts(dataSource);
      const commit = await median(async () => {
        const result = await imports.run(
          fixture.user,
          'tasks',
          upload(files.shift() as Buffer),
          false,
        );
        if (result.created !== ROWS) throw new Error(`created ${result.created}, expected ${ROWS}`);
      });
      const after = await counts(dataSource);
      let table = 0;
      const base = await median(() =>
        baseline(dataSource, fixture, rows, `bench_scratch_${++table}`),
      );

      // The per-row path: createWithin for a sample, in one transaction.
      const tasks = app.get(TasksService, { strict: false });
      const sample = taskRows('逐条', SAMPLE, fixture.codes);
      const ids = new Map(
        fixture.codes.map((code, i) => [code, fixture.organisationIds[i] as string]),
      );
      const perRow = await timed(() =>
        inTransaction(dataSource, async (manager) => {
          for (const row of sample) {
            await tasks.createWithin(manager, fixture.user, {
              chainId: fixture.chainId,
              title: row.title,
              assigneeOrganisationId: ids.get(row.code) as string,
              dueDate: row.due,
              priority: 'normal',
              reportEveryWorkdays: 10,
              assign: true,
            });
          }
        }),
      );
      const perRowMs = perRow.ms / SAMPLE;

      const rate = (ms: number) => Math.round((ROWS / ms) * 1000).toLocaleString('en');
      const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
      const ratio = (ms: number) => `${(ms / base.ms).toFixed(1)}×`;
      const per = (n: number) => Math.round(n / RUNS).toLocaleString('en');
      console.log(
        `[bench] each commit wrote ${per(after.tasks - before.tasks)} tasks, ${per(after.events - before.events)} history events, ${per(after.steps - before.steps)} scheduled steps and 1 audit entry\n`,
      );
      console.log(`${'step'.padEnd(52)} |     time |    rows/s | ÷ baseline`);
      const line = (label: string, ms: number) =>
        console.log(
          `${label.padEnd(52)} | ${s(ms).padStart(8)} | ${rate(ms).padStart(9)} | ${ratio(ms).padStart(10)}`,
        );
      line('read the sheet (size, zip, ranges, exceljs)', read.ms);
      line('validate only (?dryRun=true, read included)', dry.ms);
      line('validate and commit (read included)', commit.ms);
      line('  of which writing (commit − dry run)', commit.ms - dry.ms);
      line(`baseline: one INSERT of ${ROWS.toLocaleString('en')} rows, scratch table`, base.ms);
      line(`createWithin per row (${SAMPLE} timed, scaled)`, perRowMs * ROWS);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

/**
 * The province's monthly report on the demo province (a fresh database, seeded as
 * `npm start` seeds it): reading its figures in one snapshot, writing the workbook, and
 * the whole. Baseline in the same run: the same rows dumped into an unstyled exceljs
 * workbook (one sheet per table, no titles, formats, borders or neutralisation).
 */
async function reportBench(): Promise<void> {
  await withDatabase(async (url) => {
    await migrate(url, SCHEMA);
    const dataSource = new DataSource(
      dataSourceOptions(url, SCHEMA, { applicationName: 'lianzhang-bench-report' }),
    );
    await dataSource.initialize();
    try {
      await seedCatalogue(dataSource);
      await seedDemo(dataSource, async () => 'not-a-hash');
      const [{ today: lastMonth }] = (await dataSource.query(
        // The last whole month, as the schedule would generate it today.
        `SELECT (date_trunc('month', current_date) - interval '1 month')::date::text AS today`,
      )) as [{ today: string }];
      const spec = {
        scope: 'province',
        chainId: null,
        kind: 'monthly',
        periodStart: lastMonth,
      } as const;
      const data = await readReportData(dataSource, spec);
      await renderReportWorkbook(data); // warm-up
      const read = await median(() => readReportData(dataSource, spec));
      const write = await median(() => renderReportWorkbook(data));
      const whole = await median(async () =>
        renderReportWorkbook(await readReportData(dataSource, spec)),
      );
      const tables = [data.perChain, data.tasks, data.shortBoards, data.projects, data.notices];
      const base = await median(async () => {
        const plain = new ExcelJS.Workbook();
        tables.forEach((rows, index) => {
          const sheet = plain.addWorksheet(`t${index}`);
          for (const row of rows) sheet.addRow(Object.values(row).map(plainCell));
        });
        await plain.xlsx.writeBuffer();
      });
      const rows = tables.reduce((sum, rows) => sum + rows.length, 0);
      const bytes = (await renderReportWorkbook(data)).length;
      console.log(
        `\n[bench] province monthly report on the demo province: ${data.chains.length} chains, ${data.tasks.length} ledger tasks, ${data.shortBoards.length} short boards, ${data.projects.length} projects, ${data.notices.length} 督办单; ${rows} table rows, ${(bytes / 1024).toFixed(0)} KB; median of ${RUNS} runs each\n`,
      );
      console.log(`${'step'.padEnd(52)} |     time | ÷ baseline`);
      const line = (label: string, ms: number) =>
        console.log(
          `${label.padEnd(52)} | ${`${ms.toFixed(0)} ms`.padStart(8)} | ${`${(ms / base.ms).toFixed(1)}×`.padStart(10)}`,
        );
      line('read the figures (one repeatable-read snapshot)', read.ms);
      line('write the workbook (7 sheets, formatted)', write.ms);
      line('whole report (read + write)', whole.ms);
      line('baseline: same rows, unstyled exceljs workbook', base.ms);
    } finally {
      await dataSource.destroy();
    }
  });
}

function plainCell(value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return value;
  return JSON.stringify(value);
}

main()
  .then(() => reportBench())
  .then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
