import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { creditCodeCheckCharacter } from '@lianzhang/domain';
import {
  AuditModule,
  ConfigModule,
  DatabaseModule,
  JobQueue,
  loadConfig,
  migrate,
  QueueModule,
} from '@lianzhang/server/core';
import { readSheet, TABLE_HEADER_ROW } from '@lianzhang/server/excel';
import {
  PeriodicReportsRepository,
  REPORT_MAX_ATTEMPTS,
  REPORT_SHEETS,
  ReportGeneratorService,
  ReportsJobsModule,
  RetryReportError,
  SCHEDULED_REPORT_PRIORITY,
} from '@lianzhang/server/reports';
import { SCHEMA } from '@lianzhang/server/schema';
import {
  createTestDatabase,
  dropRedisPrefix,
  testQueuePrefix,
  testRedisUrl,
  type TestDatabase,
} from '@lianzhang/server/testing';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

jest.setTimeout(120_000);

/** October 2026, a month that ended: the report reads it as it stood on the 31st. */
const OCTOBER = { start: '2026-10-01', end: '2026-10-31' };
/** Shanghai wall-clock time. */
const at = (text: string) => `${text}+08`;

interface Fixture {
  readonly officeId: string;
  readonly leaderId: string;
  readonly adminId: string;
  readonly enterprise: string;
  readonly institute: string;
  readonly groupId: string;
  readonly icId: string;
  readonly nmId: string;
  readonly lateChainId: string;
}

/**
 * A small province: a group chain over two chains (集成电路, 新材料), a chain added only
 * today, and work whose history crosses October: a task in progress then that is done
 * now, one created and done in October, one cancelled before it, one created after it,
 * a draft, and one on the other chain; reports, 督办单, a short board and a project.
 */
async function writeFixture(db: DataSource): Promise<Fixture> {
  const one = async (sql: string, params: unknown[] = []) =>
    ((await db.query(sql, params)) as { id: string }[])[0]?.id as string;
  await db.query(
    `INSERT INTO region (code, name_zh, name_en, level, parent_code) VALUES
     ('370000', '山东省', 'Shandong', 'province', NULL), ('370100', '济南市', 'Jinan', 'city', '370000')`,
  );
  const officeId = await one(
    `INSERT INTO organisation (name, kind, region_code) VALUES ('山东省工业和信息化厅', 'government', '370000') RETURNING id`,
  );
  const code = '91370100MA3C0B0C5';
  const enterprise = await one(
    `INSERT INTO organisation (name, kind, credit_code, region_code) VALUES ('济南芯测股份有限公司', 'enterprise', $1, '370100') RETURNING id`,
    [code + creditCodeCheckCharacter(code)],
  );
  const institute = await one(
    `INSERT INTO organisation (name, kind, region_code) VALUES ('山东省新材料研究院', 'institute', '370100') RETURNING id`,
  );
  const user = (username: string, name: string, role: string) =>
    one(
      `INSERT INTO app_user (username, display_name, role, organisation_id, password_hash) VALUES ($1, $2, $3, $4, 'x') RETURNING id`,
      [username, name, role, officeId],
    );
  const leaderId = await user('leader.ic', '王链长', 'chain_leader');
  const adminId = await user('admin', '省工信厅管理员', 'province_admin');
  const chain = (code: string, nameZh: string, parentId: string | null, created: string) =>
    one(
      `INSERT INTO chain (code, name_zh, name_en, industry_group, level, region_code, parent_id, created_at)
       VALUES ($1, $2, $3, 'next_generation_it', 'province', '370000', $4, $5) RETURNING id`,
      [code, nameZh, code, parentId, created],
    );
  const groupId = await chain('t', '测试产业集群', null, at('2025-01-01 09:00'));
  const icId = await chain('t.ic', '集成电路', groupId, at('2025-01-01 09:00'));
  const nmId = await chain('t.nm', '新材料', groupId, at('2025-01-01 09:00'));
  const lateChainId = await chain('z.late', '今日新设产业链', null, new Date().toISOString());

  const task = async (
    chainId: string,
    title: string,
    due: string,
    status: string,
    created: string,
    events: [string, string | null, string, string][],
    assignee = enterprise,
  ) => {
    const id = await one(
      `INSERT INTO task (chain_id, title, assigner_user_id, assignee_organisation_id, status, due_date, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [chainId, title, leaderId, assignee, status, due, at(created)],
    );
    await db.query(
      `INSERT INTO task_event (task_id, actor_user_id, action, to_status, occurred_at) VALUES ($1, $2, 'create', 'draft', $3)`,
      [id, leaderId, at(created)],
    );
    for (const [action, from, to, when] of events) {
      await db.query(
        `INSERT INTO task_event (task_id, actor_user_id, action, from_status, to_status, occurred_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, leaderId, action, from, to, at(when)],
      );
    }
    return id;
  };
  // In progress at the end of October, 40 % accepted then; done in November at 80 %.
  const t1 = await task(
    icId,
    '12英寸晶圆产线设备国产化评估',
    '2026-10-20',
    'done',
    '2026-09-20 10:00',
    [
      ['assign', 'draft', 'assigned', '2026-09-20 10:00'],
      ['accept', 'assigned', 'accepted', '2026-09-21 10:00'],
      ['start', 'accepted', 'in_progress', '2026-09-22 10:00'],
      ['submit', 'in_progress', 'submitted', '2026-11-10 10:00'],
      ['approve', 'submitted', 'done', '2026-11-12 10:00'],
    ],
  );
  // Created and done within October.
  const t2 = await task(
    icId,
    '=HYPERLINK("http://x","封装测试对接会")',
    '2026-10-28',
    'done',
    '2026-10-05 09:00',
    [
      ['assign', 'draft', 'assigned', '2026-10-05 09:00'],
      ['accept', 'assigned', 'accepted', '2026-10-06 09:00'],
      ['start', 'accepted', 'in_progress', '2026-10-08 09:00'],
      ['submit', 'in_progress', 'submitted', '2026-10-24 09:00'],
      ['approve', 'submitted', 'done', '2026-10-25 09:00'],
    ],
  );
  // Cancelled in September: not October's business.
  await task(icId, '已撤销的任务', '2026-09-30', 'cancelled', '2026-09-01 09:00', [
    ['assign', 'draft', 'assigned', '2026-09-01 09:00'],
    ['cancel', 'assigned', 'cancelled', '2026-09-15 09:00'],
  ]);
  // Created in November: not yet there in October.
  await task(icId, '十一月新任务', '2026-12-20', 'assigned', '2026-11-03 09:00', [
    ['assign', 'draft', 'assigned', '2026-11-03 09:00'],
  ]);
  // A draft, never assigned.
  await task(icId, '草稿任务', '2026-12-20', 'draft', '2026-10-02 09:00', []);
  // The other chain: assigned in October, due at the end of the year, handled by the institute.
  await task(
    nmId,
    '高纯石英砂提纯工艺攻关',
    '2026-12-31',
    'accepted',
    '2026-10-10 09:00',
    [
      ['assign', 'draft', 'assigned', '2026-10-10 09:00'],
      ['accept', 'assigned', 'accepted', '2026-10-12 09:00'],
    ],
    institute,
  );

  const report = (taskId: string, percent: number, status: string, created: string) =>
    db.query(
      `INSERT INTO progress_report (subject_type, subject_id, chain_id, organisation_id, author_user_id, percent, narrative, status, reviewed_at, created_at)
       VALUES ('task', $1, $2, $3, $4, $5, '进展', $6, $7, $7)`,
      [taskId, icId, enterprise, leaderId, percent, status, at(created)],
    );
  await report(t1, 40, 'accepted', '2026-10-08 15:00');
  await report(t2, 90, 'accepted', '2026-10-20 15:00');
  await report(t1, 80, 'accepted', '2026-11-05 15:00');

  const notice = (taskId: string, seq: number, level: string, step: string, issued: string) =>
    db.query(
      `INSERT INTO supervision_notice (task_id, event_id, year, seq, number, level, step, overdue_workdays, issued_at)
       VALUES ($1, gen_random_uuid(), 2026, $2, $3, $4, $5, $6, $7)`,
      [taskId, seq, `鲁链督〔2026〕${seq}号`, level, step, level === 'yellow' ? 3 : 7, at(issued)],
    );
  await notice(t1, 1, 'yellow', 'overdue-3', '2026-10-23 09:00');
  await notice(t1, 2, 'red', 'overdue-7', '2026-11-02 09:00');

  const board = await one(
    `INSERT INTO short_board (chain_id, title, category, chokepoint, foreign_dependence, status, progress, start_date, target_date)
     VALUES ($1, '高端光刻胶', 'basic_material', true, 0.85, 'tackling', 50, '2026-01-01', '2027-12-31') RETURNING id`,
    [icId],
  );
  await db.query(
    `INSERT INTO short_board_owner (short_board_id, organisation_id) VALUES ($1, $2), ($1, $3)`,
    [board, enterprise, institute],
  );
  await db.query(
    `INSERT INTO project (chain_id, name, type, region_code, owner_organisation_id, planned_investment, completed_investment, stage, start_date, end_date)
     VALUES ($1, '集成电路封测扩能项目', 'fill', '370100', $2, 1000.5, 250.25, 'under_construction', '2026-01-01', '2027-12-31')`,
    [icId, enterprise],
  );
  return { officeId, leaderId, adminId, enterprise, institute, groupId, icId, nmId, lateChainId };
}

@Module({})
class ReportsWorkerTestModule {}

/**
 * The worker's side of the periodic reports against the real database and queue: the
 * schedule writes each due report once however many workers run it, generation rebuilds
 * the period from the history and stores a workbook that opens again cell by cell, a
 * duplicate job or a lost claim does nothing, and failures are retried and recorded.
 */
describe('periodic reports in the worker', () => {
  let database: TestDatabase;
  let apps: INestApplicationContext[];
  let db: DataSource;
  let fixture: Fixture;
  const prefix = testQueuePrefix('reports_worker');

  async function workerContext(): Promise<INestApplicationContext> {
    const redisUrl = testRedisUrl();
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      ...(redisUrl
        ? { REDIS_URL: redisUrl, QUEUE_BACKEND: 'redis' }
        : { QUEUE_BACKEND: 'postgres' }),
      QUEUE_PREFIX: prefix,
    });
    const app = await NestFactory.createApplicationContext(
      {
        module: ReportsWorkerTestModule,
        imports: [
          ConfigModule.forRoot(config),
          DatabaseModule.forRoot(SCHEMA, 'test-reports-worker'),
          QueueModule,
          AuditModule,
          ReportsJobsModule,
        ],
      },
      { logger: false },
    );
    await app.init();
    return app;
  }

  beforeAll(async () => {
    database = await createTestDatabase('reports_worker');
    await migrate(database.url, SCHEMA);
    // Two workers, as two replicas: each runs the schedule at start.
    apps = [];
    const first = await workerContext();
    apps.push(first);
    db = first.get(DataSource);
    fixture = await writeFixture(db);
    apps.push(await workerContext());
  });

  afterAll(async () => {
    for (const app of apps ?? []) await app.close();
    await database?.drop();
    await dropRedisPrefix(prefix);
  });

  const generator = (index = 0) =>
    (apps[index] as INestApplicationContext).get(ReportGeneratorService);

  async function rowsOf(periodStart: string, kind: string) {
    return (await db.query(
      `SELECT id, scope, chain_id AS "chainId", status, attempts, trigger FROM periodic_report
       WHERE period_start = $1 AND kind = $2 ORDER BY scope DESC, chain_id`,
      [periodStart, kind],
    )) as { id: string; scope: string; chainId: string | null; status: string; attempts: number }[];
  }

  it('writes each due report once across two runs and two workers, and enqueues it behind on-demand work', async () => {
    // Monday 2 November 2026: last week (26 October – 1 November) and October are due.
    const runs = await Promise.all([
      generator(0).schedule('2026-11-02'),
      generator(1).schedule('2026-11-02'),
    ]);
    expect(runs.map((r) => r.created).sort()).toEqual([0, 8]);
    expect((await generator(0).schedule('2026-11-02')).created).toBe(0);

    for (const [start, kind] of [
      ['2026-10-26', 'weekly'],
      [OCTOBER.start, 'monthly'],
    ] as const) {
      const rows = await rowsOf(start, kind);
      // The province and every chain without sub-chains (a chain added since included,
      // with nothing to say); not the group, whose work is its chains'.
      expect(rows.map((r) => [r.scope, r.chainId, r.status]).sort()).toEqual(
        [
          ['province', null, 'pending'],
          ['chain', fixture.icId, 'pending'],
          ['chain', fixture.nmId, 'pending'],
          ['chain', fixture.lateChainId, 'pending'],
        ].sort(),
      );
      const queue = (apps[0] as INestApplicationContext).get(JobQueue).queue('reports');
      for (const row of rows) {
        const job = await queue.getJob(row.id);
        expect({
          id: row.id,
          name: job?.name,
          data: job?.data,
          priority: job?.opts.priority,
        }).toEqual({
          id: row.id,
          name: 'reports.generate',
          data: { reportId: row.id },
          priority: SCHEDULED_REPORT_PRIORITY,
        });
      }
    }
    expect(
      (
        await db.query(`SELECT count(*)::int AS n FROM periodic_report WHERE chain_id = $1`, [
          fixture.groupId,
        ])
      )[0].n,
    ).toBe(0);
  });

  async function stored(id: string) {
    const [row] = (await db.query(
      `SELECT r.status, r.attempts, r.file_name AS "fileName", r.size_bytes AS "sizeBytes", r.sha256,
              r.last_error AS "lastError", f.content
       FROM periodic_report r LEFT JOIN periodic_report_file f ON f.report_id = r.id WHERE r.id = $1`,
      [id],
    )) as {
      status: string;
      attempts: number;
      fileName: string | null;
      sizeBytes: number | null;
      sha256: string | null;
      lastError: string | null;
      content: Buffer | null;
    }[];
    return row;
  }

  async function workbook(content: Buffer): Promise<ExcelJS.Workbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(content as unknown as ArrayBuffer);
    return book;
  }

  const rowTexts = async (content: Buffer, sheetName: string) =>
    (await readSheet(content, { sheetName, headerRow: TABLE_HEADER_ROW })).rows.map((r) => r.cells);

  it('builds October’s province report from the history as it stood on the 31st, and stores it', async () => {
    const province = (await rowsOf(OCTOBER.start, 'monthly')).find((r) => r.scope === 'province');
    const id = province?.id as string;
    expect(await generator(0).generate(id)).toBe('ready');

    const row = await stored(id);
    const content = row?.content as Buffer;
    expect(row).toMatchObject({
      status: 'ready',
      attempts: 1,
      fileName: '山东省产业链月报_2026年10月.xlsx',
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      lastError: null,
    });

    const book = await workbook(content);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      REPORT_SHEETS.summary,
      REPORT_SHEETS.chains,
      REPORT_SHEETS.ledger,
      REPORT_SHEETS.shortBoards,
      REPORT_SHEETS.projects,
      REPORT_SHEETS.notices,
    ]);
    const summary = book.getWorksheet(REPORT_SHEETS.summary) as ExcelJS.Worksheet;
    expect(summary.getCell('A1').value).toBe('山东省产业链链长制工作月报（2026年10月）');
    expect(String(summary.getCell('A2').value)).toMatch(
      /^统计期间：2026-10-01 至 2026-10-31\u3000生成时间：\d{4}-\d\d-\d\d \d\d:\d\d（北京时间）$/,
    );
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: TABLE_HEADER_ROW });

    // Every summary line, figure and unit, as worked out by hand from the fixture.
    const lines = await rowTexts(content, REPORT_SHEETS.summary);
    expect(lines).toEqual([
      ['统计期间', '2026-10-01 至 2026-10-31', null],
      ['纳入统计的产业链', '3', '条'],
      ['其中：运行正常', '2', '条'],
      ['关注', '1', '条'],
      ['预警', '0', '条'],
      ['期内任务', '3', '项'],
      ['其中：本期新增', '2', '项'],
      ['本期办结', '1', '项'],
      ['期末在办任务', '2', '项'],
      ['期末逾期任务', '1', '项'],
      ['任务办结率', String(1 / 3), '%'],
      ['本期报送进展报告', '2', '份'],
      ['短板总数', '1', '项'],
      ['其中：已识别', '0', '项'],
      ['攻关中', '1', '项'],
      ['已突破', '0', '项'],
      ['已解决', '0', '项'],
      ['已搁置', '0', '项'],
      ['未解决的卡脖子短板', '1', '项'],
      ['进度滞后短板', '0', '项'],
      ['重点项目', '1', '个'],
      ['计划总投资', '1000.5', '万元'],
      ['已完成投资', '250.25', '万元'],
      ['投资完成率', String(250.25 / 1000.5), '%'],
      ['进度滞后项目', '1', '个'],
      ['本期签发黄牌督办单', '1', '张'],
      ['本期签发红牌督办单', '0', '张'],
    ]);
    expect(summary.getCell(`B${TABLE_HEADER_ROW + 11}`).numFmt).toBe('0.0%');
    expect(summary.getCell(`B${TABLE_HEADER_ROW + 22}`).numFmt).toBe('#,##0.00');

    // The ledger, cell by cell against the database and the history.
    const names = (await db.query(
      `SELECT t.title, o.name AS assignee FROM task t JOIN organisation o ON o.id = t.assignee_organisation_id
       WHERE t.chain_id = ANY($1) ORDER BY t.created_at`,
      [[fixture.icId, fixture.nmId]],
    )) as { title: string; assignee: string }[];
    const assignee = (title: string) => names.find((n) => n.title === title)?.assignee;
    const ledger = book.getWorksheet(REPORT_SHEETS.ledger) as ExcelJS.Worksheet;
    expect(ledger.getRow(TABLE_HEADER_ROW).values).toEqual([
      undefined,
      '序号',
      '产业链',
      '任务名称',
      '主办单位',
      '交办人',
      '交办日期',
      '截止日期',
      '状态',
      '逾期（工作日）',
      '最新进度（%）',
      '最近报送日期',
    ]);
    expect(ledger.views[0]).toMatchObject({ state: 'frozen', ySplit: TABLE_HEADER_ROW });
    expect(ledger.getColumn(3).width).toBe(36);
    expect(await rowTexts(content, REPORT_SHEETS.ledger)).toEqual([
      // Overdue since 20 October: 8 workdays by the 31st (21–23 and 26–30 October).
      [
        '1',
        '集成电路',
        '12英寸晶圆产线设备国产化评估',
        assignee('12英寸晶圆产线设备国产化评估'),
        '王链长',
        '2026-09-20',
        '2026-10-20',
        '办理中',
        '8',
        '40',
        '2026-10-08',
      ],
      [
        '2',
        '集成电路',
        // Written neutralised, read back as it was: never a formula.
        '=HYPERLINK("http://x","封装测试对接会")',
        assignee('=HYPERLINK("http://x","封装测试对接会")'),
        '王链长',
        '2026-10-05',
        '2026-10-28',
        '已办结',
        null,
        '100',
        '2026-10-20',
      ],
      [
        '3',
        '新材料',
        '高纯石英砂提纯工艺攻关',
        '山东省新材料研究院',
        '王链长',
        '2026-10-10',
        '2026-12-31',
        '已签收',
        null,
        '0',
        null,
      ],
    ]);
    const dueCell = ledger.getCell(TABLE_HEADER_ROW + 1, 7);
    expect(dueCell.value).toEqual(new Date('2026-10-20T00:00:00Z'));
    expect(dueCell.numFmt).toBe('yyyy-mm-dd');
    expect(ledger.getCell(TABLE_HEADER_ROW + 2, 3).value).toBe(
      `'=HYPERLINK("http://x","封装测试对接会")`,
    );

    // The per-chain sheet: the chains, not the group.
    expect((await rowTexts(content, REPORT_SHEETS.chains)).map((r) => r.slice(0, 7))).toEqual([
      ['集成电路', '关注', '2', '1', '1', '1', '1'],
      ['新材料', '正常', '1', '1', '0', '1', '0'],
      ['今日新设产业链', '正常', '0', '0', '0', '0', '0'],
    ]);

    // The 督办单 of October only, addressed as the default ladder's 黄牌 step says.
    const notices = book.getWorksheet(REPORT_SHEETS.notices) as ExcelJS.Worksheet;
    expect(await rowTexts(content, REPORT_SHEETS.notices)).toEqual([
      [
        '1',
        '鲁链督〔2026〕1号',
        '黄牌督办',
        '集成电路',
        '12英寸晶圆产线设备国产化评估',
        '济南芯测股份有限公司',
        '2026-10-23T09:00:00.000Z',
        '3',
        '主办单位、链长办、链长',
        '已办结',
      ],
    ]);
    expect(notices.getCell(TABLE_HEADER_ROW + 1, 7).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(notices.properties.tabColor).toEqual({ argb: 'FFC00000' });

    expect(await rowTexts(content, REPORT_SHEETS.shortBoards)).toEqual([
      [
        '1',
        '集成电路',
        '高端光刻胶',
        '基础材料',
        '是',
        '0.85',
        // Owners in code-point order; 50 % by 1 November of a two-year plan is ahead of pace.
        '山东省新材料研究院、济南芯测股份有限公司',
        '攻关中',
        '50',
        '2026-01-01',
        '2027-12-31',
        '进度正常',
      ],
    ]);
    const projects = book.getWorksheet(REPORT_SHEETS.projects) as ExcelJS.Worksheet;
    // 25 % of the investment by 1 November of a two-year plan (42 % elapsed) is far behind.
    expect((await rowTexts(content, REPORT_SHEETS.projects))[0]).toEqual([
      '1',
      '集成电路',
      '集成电路封测扩能项目',
      '补链',
      '济南市',
      '济南芯测股份有限公司',
      '1000.5',
      '250.25',
      String(250.25 / 1000.5),
      '在建',
      '2026-01-01',
      '2027-12-31',
      '严重滞后',
    ]);
    expect(projects.getRow(TABLE_HEADER_ROW).getCell(7).value).toBe('计划投资（万元）');
    expect(projects.getCell(TABLE_HEADER_ROW + 1, 7).numFmt).toBe('#,##0.00');
  });

  it('builds a chain’s report of that chain only, without a chain column', async () => {
    const ic = (await rowsOf(OCTOBER.start, 'monthly')).find((r) => r.chainId === fixture.icId);
    expect(await generator(1).generate(ic?.id as string)).toBe('ready');
    const row = await stored(ic?.id as string);
    expect(row?.fileName).toBe('集成电路产业链月报_2026年10月.xlsx');
    const content = row?.content as Buffer;
    const book = await workbook(content);
    expect(book.worksheets.map((s) => s.name)).not.toContain(REPORT_SHEETS.chains);
    expect(book.getWorksheet(REPORT_SHEETS.summary)?.getCell('A1').value).toBe(
      '集成电路产业链链长制工作月报（2026年10月）',
    );
    const ledger = await readSheet(content, {
      sheetName: REPORT_SHEETS.ledger,
      headerRow: TABLE_HEADER_ROW,
    });
    expect(ledger.header).not.toContain('产业链');
    expect(ledger.rows.map((r) => r.cells[1])).toEqual([
      '12英寸晶圆产线设备国产化评估',
      '=HYPERLINK("http://x","封装测试对接会")',
    ]);
    expect((await rowTexts(content, REPORT_SHEETS.summary))[1]).toEqual([
      '纳入统计的产业链',
      '1',
      '条',
    ]);
  });

  it('does nothing for a duplicate job or a second claim, and a lost claim writes nothing', async () => {
    const [province] = await rowsOf(OCTOBER.start, 'monthly');
    const before = await stored(province?.id as string);
    expect(await generator(1).generate(province?.id as string)).toBe('stale');
    expect(await stored(province?.id as string)).toEqual(before);

    // Two workers woken for the same pending report: one builds it, the other finds it taken.
    const weekly = (await rowsOf('2026-10-26', 'weekly')).find((r) => r.chainId === fixture.nmId);
    const outcomes = await Promise.all([
      generator(0).generate(weekly?.id as string),
      generator(1).generate(weekly?.id as string),
    ]);
    expect(outcomes.sort()).toEqual(['ready', 'stale']);
    expect(await stored(weekly?.id as string)).toMatchObject({ status: 'ready', attempts: 1 });

    // A worker that stalled past its lease is overtaken; when it comes back, its claim is
    // no longer the latest and its result is dropped.
    const other = (await rowsOf('2026-10-26', 'weekly')).find((r) => r.chainId === fixture.icId);
    const repository = (apps[0] as INestApplicationContext).get(PeriodicReportsRepository);
    const stalled = await repository.claim(other?.id as string, 300, REPORT_MAX_ATTEMPTS);
    expect(stalled?.attempts).toBe(1);
    expect(await generator(1).generate(other?.id as string)).toBe('stale');
    await db.query(
      `UPDATE periodic_report SET lease_until = now() - interval '1 second' WHERE id = $1`,
      [other?.id],
    );
    expect(await generator(1).generate(other?.id as string)).toBe('ready');
    const late = await db.transaction((manager) =>
      repository.complete(manager, stalled as NonNullable<typeof stalled>, {
        fileName: 'stale.xlsx',
        content: Buffer.from('stale'),
        sha256: 'x',
        durationMs: 1,
      }),
    );
    expect(late).toBe(false);
    expect(await stored(other?.id as string)).toMatchObject({
      status: 'ready',
      attempts: 2,
      fileName: '集成电路产业链周报_2026年第44周.xlsx',
    });
  });

  it('records a failed attempt and retries it, fails after the last attempt, and tells who asked', async () => {
    // The store refuses the file, as a full disk or a lost connection would.
    await db.query(`CREATE FUNCTION refuse_report_file() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'disk full (test)'; END $$`);
    await db.query(`CREATE TRIGGER refuse_report_file BEFORE INSERT ON periodic_report_file
                    FOR EACH ROW EXECUTE FUNCTION refuse_report_file()`);
    try {
      const [retried] = (await db.query(
        `INSERT INTO periodic_report (scope, chain_id, kind, period_start, period_end, trigger, requested_by_user_id)
         VALUES ('chain', $1, 'weekly', '2026-10-19', '2026-10-25', 'on_demand', $2),
                ('province', NULL, 'weekly', '2026-10-19', '2026-10-25', 'on_demand', $3) RETURNING id`,
        [fixture.icId, fixture.leaderId, fixture.adminId],
      )) as { id: string }[];
      const failing = (
        (await db.query(
          `SELECT id FROM periodic_report WHERE scope = 'province' AND period_start = '2026-10-19' AND trigger = 'on_demand'`,
        )) as { id: string }[]
      )[0]?.id as string;

      await expect(generator(0).generate(retried?.id as string)).rejects.toBeInstanceOf(
        RetryReportError,
      );
      expect(await stored(retried?.id as string)).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: expect.stringContaining('disk full (test)'),
        content: null,
      });
      // Nothing half-written: the row did not say ready without its file.
      expect((await stored(retried?.id as string))?.fileName).toBeNull();

      for (let attempt = 1; attempt <= REPORT_MAX_ATTEMPTS; attempt++) {
        const outcome = generator(attempt % 2).generate(failing);
        if (attempt < REPORT_MAX_ATTEMPTS)
          await expect(outcome).rejects.toBeInstanceOf(RetryReportError);
        else await expect(outcome).resolves.toBe('failed');
      }
      expect(await stored(failing)).toMatchObject({
        status: 'failed',
        attempts: REPORT_MAX_ATTEMPTS,
        lastError: expect.stringContaining('disk full (test)'),
      });
      expect(await generator(0).generate(failing)).toBe('stale');
      const told = (await db.query(
        `SELECT kind, title->>'zh-CN' AS title, link FROM notification WHERE user_id = $1 AND subject_id = $2`,
        [fixture.adminId, failing],
      )) as { kind: string; title: string; link: string }[];
      expect(told).toEqual([
        {
          kind: 'periodic_report.failed',
          title: '报告生成失败：周报 · 2026年第43周（10月19日—10月25日）',
          link: '/reports',
        },
      ]);

      // The store works again: the next attempt of the first report succeeds.
      await db.query(`DROP TRIGGER refuse_report_file ON periodic_report_file`);
      expect(await generator(1).generate(retried?.id as string)).toBe('ready');
      expect(await stored(retried?.id as string)).toMatchObject({
        status: 'ready',
        attempts: 2,
        lastError: null,
      });
      expect(
        (await db.query(`SELECT kind FROM notification WHERE user_id = $1 AND subject_id = $2`, [
          fixture.leaderId,
          retried?.id,
        ])) as { kind: string }[],
      ).toEqual([{ kind: 'periodic_report.ready' }]);
    } finally {
      await db.query(`DROP TRIGGER IF EXISTS refuse_report_file ON periodic_report_file`);
      await db.query(`DROP FUNCTION IF EXISTS refuse_report_file()`);
    }
  });

  it('puts back the job of a pending report whose job was lost, and fails one whose worker died on its last attempt', async () => {
    const queue = (apps[0] as INestApplicationContext).get(JobQueue).queue('reports');
    const [lost] = (await db.query(
      `INSERT INTO periodic_report (scope, chain_id, kind, period_start, period_end, trigger)
       VALUES ('chain', $1, 'monthly', '2026-09-01', '2026-09-30', 'on_demand') RETURNING id`,
      [fixture.nmId],
    )) as { id: string }[];
    const [dead] = (await db.query(
      `INSERT INTO periodic_report (scope, chain_id, kind, period_start, period_end, trigger, status, attempts, lease_until)
       VALUES ('chain', $1, 'monthly', '2026-08-01', '2026-08-31', 'on_demand', 'generating', $2, now() - interval '1 minute') RETURNING id`,
      [fixture.nmId, REPORT_MAX_ATTEMPTS],
    )) as { id: string }[];
    expect(await queue.getJob(lost?.id as string)).toBeUndefined();
    const outcome = await generator(1).schedule('2026-11-02');
    expect(outcome.failed).toBe(1);
    const job = await queue.getJob(lost?.id as string);
    // Somebody asked for it: no priority, ahead of the scheduled batch.
    expect({ data: job?.data, priority: job?.opts.priority ?? 0 }).toEqual({
      data: { reportId: lost?.id },
      priority: 0,
    });
    expect(await stored(dead?.id as string)).toMatchObject({
      status: 'failed',
      lastError: expect.stringContaining('worker stopped'),
    });
  });
});
