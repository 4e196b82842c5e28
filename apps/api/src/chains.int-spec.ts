import { OFFICIAL_CALENDAR, shanghaiDate, WorkdayCalendar } from '@lianzhang/domain';
import type {
  ApiError,
  ChainDetailDto,
  ChainDto,
  ChainNodeDto,
  CoordinationRequestDto,
  Page,
  ProgressReportDto,
  ProjectDto,
  ShortBoardDto,
} from '@lianzhang/contracts';
import { ApiHarness } from './testing/api-harness';

type Signed = Awaited<ReturnType<ApiHarness['signedIn']>>;

describe('chains, chain maps, short boards, projects and coordination requests', () => {
  let api: ApiHarness;
  let admin: Signed;
  let leader: Signed;
  let coordinator: Signed;
  let a: Signed;
  let b: Signed;
  let chainId: string;

  beforeAll(async () => {
    api = await ApiHarness.start('chains');
    admin = await api.signedIn('province_admin');
    leader = await api.signedIn('chain_leader');
    coordinator = await api.signedIn('city_coordinator', { regionCode: '370200' });
    a = await api.signedIn('enterprise_user');
    b = await api.signedIn('enterprise_user');
    const created = await api.request<ChainDto>('POST', '/api/chains', {
      token: admin.token,
      body: {
        code: 'city.jinan.ic',
        nameZh: '集成电路',
        nameEn: 'Integrated circuits',
        industryGroup: 'next_generation_it',
        level: 'province',
        regionCode: '370000',
        targetText: '产值突破 350 亿元',
        targetValue: 350,
        targetUnit: '亿元',
      },
    });
    expect(created.status).toBe(201);
    chainId = created.body.id;
    expect(
      (
        await api.request('PUT', `/api/chains/${chainId}/leaders/${leader.id}`, {
          token: admin.token,
          body: { kind: 'leader' },
        })
      ).status,
    ).toBe(204);
    for (const [org, role] of [
      [a.organisationId, 'chain_master'],
      [b.organisationId, 'member'],
    ] as const) {
      expect(
        (
          await api.request('PUT', `/api/chains/${chainId}/members/${org}`, {
            token: leader.token,
            body: { role },
          })
        ).status,
      ).toBe(204);
    }
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('shows each role the chains of its scope', async () => {
    await api.dataSource.query(
      `INSERT INTO region (code, name_zh, name_en, level, parent_code) VALUES ('370211', '黄岛区', 'Huangdao', 'county', '370200')`,
    );
    const cityChain = await api.chain({ level: 'city', regionCode: '370200' });
    const countyChain = await api.chain({ level: 'county', regionCode: '370211' });
    const ids = async (who: Signed) =>
      (
        await api.request<Page<ChainDto>>('GET', '/api/chains?pageSize=100', { token: who.token })
      ).body.items.map((c) => c.id);
    expect(await ids(leader)).toEqual([chainId]);
    expect((await ids(coordinator)).sort()).toEqual([cityChain, countyChain].sort());
    expect(await ids(a)).toEqual([chainId]);
    expect(await ids(admin)).toEqual(expect.arrayContaining([chainId, cityChain, countyChain]));

    const detail = await api.request<ChainDetailDto>('GET', `/api/chains/${chainId}`, {
      token: leader.token,
    });
    expect(detail.body).toMatchObject({
      nameZh: '集成电路',
      targetValue: 350,
      canEdit: true,
      counts: { members: 2 },
    });
    expect(detail.body.leaders).toEqual([
      { userId: leader.id, displayName: leader.username, kind: 'leader' },
    ]);
    expect(
      (await api.request<ChainDetailDto>('GET', `/api/chains/${chainId}`, { token: a.token })).body
        .canEdit,
    ).toBe(false);
    expect(
      (await api.request('GET', `/api/chains/${cityChain}`, { token: leader.token })).status,
    ).toBe(404);
    expect(
      (
        await api.request('PATCH', `/api/chains/${chainId}`, {
          token: coordinator.token,
          body: { version: 1, nameZh: '改名' },
        })
      ).status,
    ).toBe(404);
  });

  it('derives the map’s risk flags from its enterprises and shares', async () => {
    const outsider = await api.organisation({ name: '外省供应商', regionCode: '370100' });
    await api.dataSource.query(`UPDATE organisation SET region_code = '370000' WHERE id = $1`, [
      outsider,
    ]);
    const node = async (body: Record<string, unknown>) =>
      (
        await api.request<{ id: string }>('POST', `/api/chains/${chainId}/nodes`, {
          token: leader.token,
          body,
        })
      ).body.id;
    const wafer = await node({ name: '晶圆制造', stage: 'midstream' });
    const resist = await node({
      name: '光刻胶',
      stage: 'upstream',
      foreignDependence: 0.9,
      chokepoint: true,
    });
    const packaging = await node({ name: '封装测试', stage: 'downstream', parentId: wafer });
    await api.request('PUT', `/api/nodes/${wafer}/enterprises/${a.organisationId}`, {
      token: leader.token,
    });
    await api.request('PUT', `/api/nodes/${packaging}/enterprises/${a.organisationId}`, {
      token: leader.token,
    });
    await api.request('PUT', `/api/nodes/${packaging}/enterprises/${b.organisationId}`, {
      token: leader.token,
    });

    const map = await api.request<ChainNodeDto[]>('GET', `/api/chains/${chainId}/map`, {
      token: a.token,
    });
    const byName = Object.fromEntries(map.body.map((n) => [n.name, n]));
    expect(map.body.map((n) => n.stage)).toEqual(['upstream', 'midstream', 'downstream']);
    expect(byName['光刻胶']?.flags).toEqual({
      noLocalSupplier: true,
      singleSource: false,
      foreignDependent: true,
      chokepoint: true,
    });
    expect(byName['晶圆制造']?.flags).toEqual({
      noLocalSupplier: false,
      singleSource: true,
      foreignDependent: false,
      chokepoint: false,
    });
    expect(byName['封装测试']?.flags).toMatchObject({
      noLocalSupplier: false,
      singleSource: false,
    });
    expect(byName['封装测试']?.parentId).toBe(wafer);

    const stale = await api.request('PATCH', `/api/nodes/${resist}`, {
      token: leader.token,
      body: { version: 5, chokepoint: false },
    });
    expect(stale.status).toBe(409);
    const wrongParent = await api.request<ApiError>('POST', `/api/chains/${chainId}/nodes`, {
      token: leader.token,
      body: { name: '错误', stage: 'upstream', parentId: '00000000-0000-4000-8000-000000000001' },
    });
    expect(wrongParent.status).toBe(400);
    expect(wrongParent.body.details[0]?.path).toBe('parentId');
    const bad = await api.request<ApiError>('POST', `/api/chains/${chainId}/nodes`, {
      token: leader.token,
      body: { name: '比例', stage: 'sideways', foreignDependence: 1.5 },
    });
    expect(bad.body.details.map((d) => d.path).sort()).toEqual(['foreignDependence', 'stage']);
    expect(
      (
        await api.request('POST', `/api/chains/${chainId}/nodes`, {
          token: a.token,
          body: { name: 'x', stage: 'upstream' },
        })
      ).status,
    ).toBe(403);
  });

  it('keeps the short-board list: owners report, the office accepts, pace follows, the workflow holds', async () => {
    const created = await api.request<ShortBoardDto>(
      'POST',
      `/api/chains/${chainId}/short-boards`,
      {
        token: leader.token,
        body: {
          title: 'ArF 光刻胶国产化',
          category: 'basic_material',
          chokepoint: true,
          foreignDependence: 0.95,
          startDate: '2026-01-01',
          targetDate: '2027-12-31',
          ownerOrganisationIds: [a.organisationId],
        },
      },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'identified',
      progress: 0,
      owners: [{ organisationId: a.organisationId }],
    });
    expect(['green', 'amber', 'red']).toContain(created.body.pace.colour);

    expect(
      (await api.request('GET', `/api/short-boards/${created.body.id}`, { token: b.token })).status,
    ).toBe(404);
    expect(
      (
        await api.request<ShortBoardDto[]>('GET', `/api/chains/${chainId}/short-boards`, {
          token: b.token,
        })
      ).body,
    ).toEqual([]);

    const report = await api.request<ProgressReportDto>(
      'POST',
      `/api/short-boards/${created.body.id}/reports`,
      {
        token: a.token,
        body: { percent: 40, narrative: '中试线验证通过' },
      },
    );
    expect(report.status).toBe(201);
    expect(
      (
        await api.request('POST', `/api/short-boards/${created.body.id}/reports`, {
          token: b.token,
          body: { percent: 90, narrative: '冒充' },
        })
      ).status,
    ).toBe(404);
    await api.request('POST', `/api/reports/${report.body.id}/review`, {
      token: leader.token,
      body: { decision: 'accept', version: 1 },
    });
    const after = await api.request<ShortBoardDto>('GET', `/api/short-boards/${created.body.id}`, {
      token: a.token,
    });
    expect(after.body.progress).toBe(40);

    const jump = await api.request<ApiError>('PATCH', `/api/short-boards/${created.body.id}`, {
      token: leader.token,
      body: { version: after.body.version, status: 'resolved' },
    });
    expect(jump.status).toBe(400);
    expect(jump.body.details[0]?.path).toBe('status');
    const tackling = await api.request<ShortBoardDto>(
      'PATCH',
      `/api/short-boards/${created.body.id}`,
      {
        token: leader.token,
        body: { version: after.body.version, status: 'tackling' },
      },
    );
    expect(tackling.body.status).toBe('tackling');

    const backwards = await api.request<ApiError>('POST', `/api/chains/${chainId}/short-boards`, {
      token: leader.token,
      body: {
        title: '日期颠倒',
        category: 'core_technology',
        startDate: '2027-01-01',
        targetDate: '2026-01-01',
      },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.details).toEqual([
      { path: 'targetDate', message: '结束日期不能早于开始日期' },
    ]);
  });

  it('tracks a key project with milestones, investment and pace; only its owner reports on it', async () => {
    const created = await api.request<ProjectDto>('POST', `/api/chains/${chainId}/projects`, {
      token: leader.token,
      body: {
        name: '12 英寸特色工艺晶圆生产线',
        type: 'fill',
        regionCode: '370100',
        ownerOrganisationId: a.organisationId,
        plannedInvestment: 1_200_000,
        startDate: '2026-03-01',
        endDate: '2028-06-30',
        milestones: [
          { name: '开工', plannedDate: '2026-03-01' },
          { name: '主体封顶', plannedDate: '2027-03-01' },
        ],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.milestones.map((m) => m.name)).toEqual(['开工', '主体封顶']);
    const moved = await api.request<ProjectDto>('PATCH', `/api/projects/${created.body.id}`, {
      token: leader.token,
      body: { version: 1, stage: 'under_construction', completedInvestment: 300_000 },
    });
    expect(moved.body).toMatchObject({
      stage: 'under_construction',
      completedInvestment: 300_000,
      version: 2,
    });
    expect(
      (await api.request('GET', `/api/projects/${created.body.id}`, { token: b.token })).status,
    ).toBe(404);
    expect(
      (
        await api.request('POST', `/api/projects/${created.body.id}/reports`, {
          token: a.token,
          body: { percent: 25, narrative: '桩基完成' },
        })
      ).status,
    ).toBe(201);
  });

  it('routes a coordination request from a member to the office, and hides it from other enterprises', async () => {
    const raised = await api.request<CoordinationRequestDto>('POST', '/api/requests', {
      token: a.token,
      body: {
        chainId,
        category: 'energy',
        title: '新增用能指标',
        body: '扩产需新增年用能 2 万吨标煤',
      },
    });
    expect(raised.status).toBe(201);
    // Answered within 5 workdays of the Chinese calendar (the default policy).
    expect(raised.body.respondBy).toBe(
      new WorkdayCalendar(OFFICIAL_CALENDAR).addWorkdays(shanghaiDate(new Date()), 5),
    );
    const [{ steps }] = (await api.dataSource.query(
      `SELECT array_agg(step ORDER BY fire_at) AS steps FROM scheduled_event WHERE subject_id = $1 AND status = 'pending'`,
      [raised.body.id],
    )) as [{ steps: string[] }];
    expect(steps).toEqual(['request-1', 'request-late']);

    const outsider = await api.signedIn('enterprise_user');
    expect(
      (
        await api.request('POST', '/api/requests', {
          token: outsider.token,
          body: { chainId, category: 'land', title: 'x', body: 'y' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await api.request('GET', `/api/requests/${raised.body.id}`, { token: b.token })).status,
    ).toBe(404);

    const assigned = await api.request<CoordinationRequestDto>(
      'POST',
      `/api/requests/${raised.body.id}/actions`,
      {
        token: leader.token,
        body: { action: 'assign', version: 1, department: '省发展改革委' },
      },
    );
    expect(assigned.body).toMatchObject({ status: 'assigned', department: '省发展改革委' });
    const closedTooEarly = await api.request('POST', `/api/requests/${raised.body.id}/actions`, {
      token: leader.token,
      body: { action: 'close', version: 2 },
    });
    expect(closedTooEarly.status).toBe(409);
    const answered = await api.request<CoordinationRequestDto>(
      'POST',
      `/api/requests/${raised.body.id}/actions`,
      {
        token: leader.token,
        body: { action: 'answer', version: 2, answer: '已纳入省级能耗统筹' },
      },
    );
    expect(answered.body.status).toBe('answered');
    const [{ pending }] = (await api.dataSource.query(
      `SELECT count(*)::int AS pending FROM scheduled_event WHERE subject_id = $1 AND status = 'pending'`,
      [raised.body.id],
    )) as [{ pending: number }];
    expect(pending).toBe(0);
    const mine = await api.request<Page<CoordinationRequestDto>>('GET', '/api/requests', {
      token: a.token,
    });
    expect(mine.body.items.map((r) => r.id)).toEqual([raised.body.id]);
    expect(
      (await api.request<Page<CoordinationRequestDto>>('GET', '/api/requests', { token: b.token }))
        .body.items,
    ).toEqual([]);
  });
});
