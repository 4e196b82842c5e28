import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type {
  ApiError,
  Page,
  PeriodicReportDto,
  PeriodicReportOptionsDto,
} from '@lianzhang/contracts';
import { previousPeriod } from '@lianzhang/domain';
import {
  AuditModule,
  ConfigModule,
  DatabaseModule,
  JobQueue,
  loadConfig,
  QueueModule,
} from '@lianzhang/server/core';
import { TABLE_HEADER_ROW, XLSX_MIME } from '@lianzhang/server/excel';
import {
  MAX_OPEN_REQUESTS_PER_USER,
  ReportGeneratorService,
  REPORT_SHEETS,
  ReportsJobsModule,
} from '@lianzhang/server/reports';
import { SCHEMA } from '@lianzhang/server/schema';
import ExcelJS from 'exceljs';
import { ApiHarness } from './testing/api-harness';

type Signed = Awaited<ReturnType<ApiHarness['signedIn']>>;

const PATH = '/api/periodic-reports';

@Module({})
class InProcessWorkerModule {}

/**
 * The periodic reports over HTTP: an on-demand request is written and enqueued, the
 * worker's service takes the enqueued job and builds it, and the download is the .xlsx;
 * every list, detail, request and download is scoped (a chain leader reaches the reports
 * of the chains they lead and nothing of the province; an enterprise nothing at all).
 */
describe('periodic reports over HTTP', () => {
  let api: ApiHarness;
  let worker: INestApplicationContext;
  let admin: Signed;
  let analyst: Signed;
  let leader: Signed;
  let coordinator: Signed;
  let enterprise: Signed;
  let mine: string;
  let other: string;
  let cityChain: string;
  let today: string;

  beforeAll(async () => {
    api = await ApiHarness.start('periodic_reports');
    // The worker's side, in this process, on the same database and queue.
    worker = await NestFactory.createApplicationContext(
      {
        module: InProcessWorkerModule,
        imports: [
          ConfigModule.forRoot(loadConfig(configEnv(api))),
          DatabaseModule.forRoot(SCHEMA, 'test-reports-worker'),
          QueueModule,
          AuditModule,
          ReportsJobsModule,
        ],
      },
      { logger: false },
    );
    await worker.init();
    admin = await api.signedIn('province_admin');
    analyst = await api.signedIn('province_analyst');
    leader = await api.signedIn('chain_leader');
    coordinator = await api.signedIn('city_coordinator', { regionCode: '370200' });
    enterprise = await api.signedIn('enterprise_user');
    mine = await api.chain({
      leaders: [{ userId: leader.id }],
      members: [{ organisationId: enterprise.organisationId }],
    });
    other = await api.chain({ members: [{ organisationId: enterprise.organisationId }] });
    cityChain = await api.chain({ level: 'city', regionCode: '370200' });
    const [row] = (await api.dataSource.query(
      `SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS today`,
    )) as { today: string }[];
    today = (row as { today: string }).today;
  });

  afterAll(async () => {
    await worker?.close();
    await api?.stop();
  });

  function configEnv(harness: ApiHarness): Record<string, string> {
    return {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: harness.config.databaseUrl as string,
      QUEUE_BACKEND: 'postgres',
      QUEUE_PREFIX: harness.config.queue.prefix,
      DATA_DIR: harness.config.dataDir,
    };
  }

  const ask = (who: Signed, body: unknown) =>
    api.request<PeriodicReportDto & ApiError>('POST', PATH, { token: who.token, body });

  /** What a worker does with the job the api enqueued: take its payload and generate. */
  async function runEnqueuedJob(reportId: string): Promise<string> {
    const job = await api.app.get(JobQueue).queue('reports').getJob(reportId);
    expect({ name: job?.name, data: job?.data }).toEqual({
      name: 'reports.generate',
      data: { reportId },
    });
    return worker
      .get(ReportGeneratorService)
      .generate((job?.data as { reportId: string }).reportId);
  }

  it('takes a province report on demand, builds it through the queued job, and downloads it as .xlsx', async () => {
    const asked = await ask(admin, { scope: 'province', kind: 'monthly' });
    expect(asked.status).toBe(202);
    const lastMonth = previousPeriod('monthly', today);
    expect(asked.body).toMatchObject({
      scope: 'province',
      chainId: null,
      kind: 'monthly',
      periodStart: lastMonth.start,
      periodEnd: lastMonth.end,
      trigger: 'on_demand',
      requestedBy: { id: admin.id, name: admin.username },
      status: 'pending',
      fileName: null,
    });
    const id = asked.body.id;
    // Not ready yet: nothing to download.
    expect(
      (await api.request('GET', `${PATH}/${id}/download`, { token: admin.token })).status,
    ).toBe(404);
    const audit = (await api.dataSource.query(
      `SELECT actor_id AS "actorId", after->>'scope' AS scope FROM audit_entry WHERE action = 'periodic_report.request' AND subject_id = $1`,
      [id],
    )) as { actorId: string; scope: string }[];
    expect(audit).toEqual([{ actorId: admin.id, scope: 'province' }]);

    expect(await runEnqueuedJob(id)).toBe('ready');
    const detail = await api.request<PeriodicReportDto>('GET', `${PATH}/${id}`, {
      token: admin.token,
    });
    expect(detail.body).toMatchObject({ status: 'ready', attempts: 1, lastError: null });
    expect(detail.body.fileName).toMatch(/^山东省产业链月报_\d{4}年\d{1,2}月\.xlsx$/);

    const response = await fetch(`${api.base}${PATH}/${id}/download`, {
      headers: { Authorization: `Bearer ${admin.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX_MIME);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="lianzhang-province-monthly-${lastMonth.start.slice(0, 7)}.xlsx"; filename*=UTF-8''${encodeURIComponent(detail.body.fileName as string)}`,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(detail.body.sizeBytes);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const summary = book.getWorksheet(REPORT_SHEETS.summary);
    expect(summary?.getCell('A1').value).toBe(
      `山东省产业链链长制工作月报（${Number(lastMonth.start.slice(0, 4))}年${Number(lastMonth.start.slice(5, 7))}月）`,
    );
    expect(summary?.getRow(TABLE_HEADER_ROW).values).toEqual([undefined, '指标', '数值', '单位']);

    // The requester hears about it in the app.
    const inbox = await api.request<Page<{ kind: string; link: string }>>(
      'GET',
      '/api/notifications',
      { token: admin.token },
    );
    expect(inbox.body.items.map((n) => [n.kind, n.link])).toContainEqual([
      'periodic_report.ready',
      '/reports',
    ]);
  });

  it('answers the waiting report instead of writing a second one, and refuses a period not yet begun', async () => {
    const body = { scope: 'chain', chainId: mine, kind: 'weekly', periodStart: today };
    const [a, b] = await Promise.all([ask(leader, body), ask(leader, body)]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.id).toBe(b.body.id);
    expect(a.body.periodStart <= today && today <= a.body.periodEnd).toBe(true);
    const rows = (await api.dataSource.query(
      `SELECT count(*)::int AS n FROM periodic_report WHERE chain_id = $1 AND kind = 'weekly' AND period_start = $2`,
      [mine, a.body.periodStart],
    )) as { n: number }[];
    expect(rows[0]?.n).toBe(1);

    const future = await ask(admin, {
      scope: 'province',
      kind: 'monthly',
      periodStart: '2099-01-15',
    });
    expect(future.status).toBe(400);
    expect(future.body.details).toEqual([
      { path: 'periodStart', message: '统计期间尚未开始，不能生成报告' },
    ]);
  });

  it('refuses an eleventh waiting request of the same user (429), and takes it again once the queue moves', async () => {
    const busy = await api.signedIn('chain_leader');
    const chainId = await api.chain({ leaders: [{ userId: busy.id }] });
    const ids: string[] = [];
    for (let week = 0; week < MAX_OPEN_REQUESTS_PER_USER; week++) {
      const day = new Date(Date.UTC(2026, 0, 5 + 7 * week)).toISOString().slice(0, 10);
      const response = await ask(busy, {
        scope: 'chain',
        chainId,
        kind: 'weekly',
        periodStart: day,
      });
      expect(response.status).toBe(202);
      ids.push(response.body.id);
    }
    const refused = await ask(busy, { scope: 'chain', chainId, kind: 'monthly' });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(await runEnqueuedJob(ids[0] as string)).toBe('ready');
    expect((await ask(busy, { scope: 'chain', chainId, kind: 'monthly' })).status).toBe(202);
  });

  it.each([
    [{}, 'scope'],
    [{ scope: 'chain', kind: 'weekly' }, 'chainId'],
    [{ scope: 'province', kind: 'yearly' }, 'kind'],
    [{ scope: 'chain', chainId: 'not-a-uuid', kind: 'weekly' }, 'chainId'],
    [{ scope: 'province', kind: 'weekly', periodStart: '2026-02-30' }, 'periodStart'],
    [{ scope: 'province', kind: 'weekly', chainId: '00000000-0000-4000-8000-000000000000' }, ''],
  ])('refuses %j with a field error on %s and writes nothing', async (body, path) => {
    const before = (await api.dataSource.query(`SELECT count(*)::int AS n FROM periodic_report`))[0]
      .n;
    const response = await ask(admin, body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    if (path) expect(response.body.details.map((d) => d.path)).toContain(path);
    expect(
      (await api.dataSource.query(`SELECT count(*)::int AS n FROM periodic_report`))[0].n,
    ).toBe(before);
  });

  it('keeps a chain leader to the chains they lead: another chain is not found, the province forbidden', async () => {
    expect((await ask(leader, { scope: 'chain', chainId: other, kind: 'monthly' })).status).toBe(
      404,
    );
    expect(
      (
        await ask(leader, {
          scope: 'chain',
          chainId: '00000000-0000-4000-8000-00000000dead',
          kind: 'monthly',
        })
      ).status,
    ).toBe(404);
    const province = await ask(leader, { scope: 'province', kind: 'monthly' });
    expect(province.status).toBe(403);
    expect(province.body.code).toBe('FORBIDDEN');

    // Reports of another chain and of the province exist; the leader sees neither.
    const otherReport = (await ask(admin, { scope: 'chain', chainId: other, kind: 'monthly' }))
      .body;
    const provinceReport = (await ask(analyst, { scope: 'province', kind: 'weekly' })).body;
    expect(provinceReport.requestedBy?.id).toBe(analyst.id);
    await runEnqueuedJob(otherReport.id);
    const own = (await ask(leader, { scope: 'chain', chainId: mine, kind: 'monthly' })).body;

    const list = await api.request<Page<PeriodicReportDto>>('GET', `${PATH}?pageSize=100`, {
      token: leader.token,
    });
    expect(list.status).toBe(200);
    expect(new Set(list.body.items.map((r) => r.chainId))).toEqual(new Set([mine]));
    expect(list.body.items.map((r) => r.id)).toContain(own.id);
    expect(list.body.total).toBe(list.body.items.length);
    for (const id of [otherReport.id, provinceReport.id]) {
      expect((await api.request('GET', `${PATH}/${id}`, { token: leader.token })).status).toBe(404);
      expect(
        (await api.request('GET', `${PATH}/${id}/download`, { token: leader.token })).status,
      ).toBe(404);
    }
    // The province sees them all, and filters.
    const all = await api.request<Page<PeriodicReportDto>>(
      'GET',
      `${PATH}?scope=chain&chainId=${other}`,
      { token: analyst.token },
    );
    expect(all.body.items.map((r) => r.id)).toEqual([otherReport.id]);
    expect(
      (await api.request('GET', `${PATH}/${otherReport.id}/download`, { token: analyst.token }))
        .status,
    ).toBe(200);

    const options = await api.request<PeriodicReportOptionsDto>('GET', `${PATH}/options`, {
      token: leader.token,
    });
    expect({
      province: options.body.province,
      chains: options.body.chains.map((c) => c.id),
    }).toEqual({
      province: false,
      chains: [mine],
    });
    const adminOptions = await api.request<PeriodicReportOptionsDto>('GET', `${PATH}/options`, {
      token: admin.token,
    });
    expect(adminOptions.body.province).toBe(true);
    expect(adminOptions.body.chains.map((c) => c.id)).toEqual(
      expect.arrayContaining([mine, other, cityChain]),
    );
  });

  it('gives a city coordinator the chains of their city only', async () => {
    expect(
      (await ask(coordinator, { scope: 'chain', chainId: cityChain, kind: 'weekly' })).status,
    ).toBe(202);
    expect((await ask(coordinator, { scope: 'chain', chainId: mine, kind: 'weekly' })).status).toBe(
      404,
    );
    const list = await api.request<Page<PeriodicReportDto>>('GET', PATH, {
      token: coordinator.token,
    });
    expect(new Set(list.body.items.map((r) => r.chainId))).toEqual(new Set([cityChain]));
  });

  it('refuses an enterprise everything, even the reports of a chain it is a member of (403)', async () => {
    const [report] = (await api.dataSource.query(
      `SELECT id FROM periodic_report WHERE chain_id = $1 LIMIT 1`,
      [other],
    )) as { id: string }[];
    for (const [method, path, body] of [
      ['GET', PATH, undefined],
      ['GET', `${PATH}/options`, undefined],
      ['GET', `${PATH}/${report?.id}`, undefined],
      ['GET', `${PATH}/${report?.id}/download`, undefined],
      ['POST', PATH, { scope: 'chain', chainId: other, kind: 'weekly' }],
    ] as const) {
      const response = await api.request(method, path, { token: enterprise.token, body });
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 403 });
    }
  });

  it('pages the list newest first and refuses unknown filters', async () => {
    const page = await api.request<Page<PeriodicReportDto>>('GET', `${PATH}?pageSize=2&page=1`, {
      token: admin.token,
    });
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(2);
    const created = page.body.items.map((r) => r.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    const [newest] = (await api.dataSource.query(
      `SELECT id FROM periodic_report ORDER BY created_at DESC, period_start DESC, id LIMIT 1`,
    )) as { id: string }[];
    expect(page.body.items[0]?.id).toBe(newest?.id);
    for (const bad of ['sort=size', 'pageSize=1000', 'status=done', 'kind=daily', 'chainId=x']) {
      const response = await api.request('GET', `${PATH}?${bad}`, { token: admin.token });
      expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
    }
  });
});
