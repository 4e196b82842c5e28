import type { ApiError, CockpitDto } from '@lianzhang/contracts';
import { randomUUID } from 'node:crypto';
import { ApiHarness } from './testing/api-harness';

type Signed = Awaited<ReturnType<ApiHarness['signedIn']>>;

/** Days from today in Asia/Shanghai, as the database reads due dates. */
const IN_DAYS = (days: number) =>
  `((now() AT TIME ZONE 'Asia/Shanghai')::date + ${Math.trunc(days)})`;

describe('the provincial cockpit', () => {
  let api: ApiHarness;
  let admin: Signed;
  let analyst: Signed;
  let leader: Signed;
  let coordinator: Signed;
  let enterprise: Signed;
  let chainId: string;
  let cityChainId: string;
  let qingdaoOrg: string;
  let jinanOrg: string;
  const taskIds: Record<string, string> = {};

  const task = async (
    key: string,
    chain: string,
    organisationId: string,
    status: string,
    dueInDays: number,
  ) => {
    const [row] = (await api.dataSource.query(
      // As the workflow leaves it: a closed task records the day it closed.
      `INSERT INTO task (chain_id, title, assigner_user_id, assignee_organisation_id, status, due_date, closed_on)
       VALUES ($1, $2, $3, $4, $5::text, ${IN_DAYS(dueInDays)},
               CASE WHEN $5::text IN ('done', 'cancelled') THEN ${IN_DAYS(0)} END) RETURNING id`,
      [chain, `驾驶舱任务 ${key}`, leader.id, organisationId, status],
    )) as { id: string }[];
    const id = (row as { id: string }).id;
    await api.dataSource.query(
      `INSERT INTO task_event (task_id, actor_user_id, action, to_status) VALUES ($1, $2, 'create', 'draft')`,
      [id, leader.id],
    );
    if (status === 'done')
      await api.dataSource.query(
        `INSERT INTO task_event (task_id, actor_user_id, action, from_status, to_status) VALUES ($1, $2, 'approve', 'submitted', 'done')`,
        [id, leader.id],
      );
    taskIds[key] = id;
    return id;
  };

  const notice = async (taskId: string, level: 'yellow' | 'red', seq: number) => {
    await api.dataSource.query(
      `INSERT INTO supervision_notice (task_id, event_id, year, seq, number, level, step, overdue_workdays)
       VALUES ($1, $2, 2099, $3, $4, $5, 'due+3', 3)`,
      [taskId, randomUUID(), seq, `鲁链督〔2099〕${seq}号`, level],
    );
  };

  beforeAll(async () => {
    api = await ApiHarness.start('cockpit');
    admin = await api.signedIn('province_admin');
    analyst = await api.signedIn('province_analyst');
    leader = await api.signedIn('chain_leader');
    coordinator = await api.signedIn('city_coordinator', { regionCode: '370200' });
    enterprise = await api.signedIn('enterprise_user');
    await api.dataSource.query(
      `INSERT INTO region (code, name_zh, name_en, level, parent_code) VALUES ('370211', '黄岛区', 'Huangdao', 'county', '370200')`,
    );
    qingdaoOrg = await api.organisation({ regionCode: '370211' });
    jinanOrg = await api.organisation({ regionCode: '370100' });
    chainId = await api.chain({
      leaders: [{ userId: leader.id }],
      members: [{ organisationId: qingdaoOrg }, { organisationId: jinanOrg }],
    });
    cityChainId = await api.chain({ level: 'city', regionCode: '370200' });

    // Ten open tasks, two of them overdue (a fifth: red), one overdue in Qingdao.
    await task('late-qd', chainId, qingdaoOrg, 'in_progress', -3);
    await task('late-jn', chainId, jinanOrg, 'assigned', -1);
    for (let i = 0; i < 8; i++) await task(`open-${i}`, chainId, qingdaoOrg, 'accepted', 5 + i);
    // Neither a draft nor a closed task counts, even when past its date.
    await task('draft', chainId, jinanOrg, 'draft', -10);
    await task('done', chainId, jinanOrg, 'done', -10);
    await task('city', cityChainId, qingdaoOrg, 'assigned', 10);
    await notice(taskIds['late-qd'] as string, 'red', 900_001);
    await notice(taskIds['late-jn'] as string, 'yellow', 900_002);
    await notice(taskIds['done'] as string, 'red', 900_003);

    await api.dataSource.query(
      `INSERT INTO short_board (chain_id, title, category, chokepoint, status, progress, start_date, target_date)
       VALUES ($1, '高端光刻胶', 'basic_material', true, 'tackling', 5, ${IN_DAYS(-300)}, ${IN_DAYS(30)}),
              ($1, '高纯试剂', 'basic_material', false, 'resolved', 100, ${IN_DAYS(-300)}, ${IN_DAYS(-10)})`,
      [chainId],
    );
    await api.dataSource.query(
      `INSERT INTO project (chain_id, name, type, region_code, owner_organisation_id, planned_investment, completed_investment, stage, start_date, end_date)
       VALUES ($1, '封测扩能项目', 'extend', '370200', $2, 10000, 2500, 'under_construction', ${IN_DAYS(-100)}, ${IN_DAYS(100)})`,
      [chainId, qingdaoOrg],
    );
    await api.dataSource.query(
      `INSERT INTO coordination_request (chain_id, organisation_id, raised_by_user_id, category, title, body, respond_by)
       VALUES ($1, $2, $3, 'land', '新增用地指标', '请协调', ${IN_DAYS(-2)})`,
      [chainId, qingdaoOrg, leader.id],
    );
  });

  afterAll(async () => {
    await api?.stop();
  });

  const cockpit = async (user: Signed) => {
    const answer = await api.request<CockpitDto>('GET', '/api/cockpit', { token: user.token });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('gives each chain its colour with every reason, and its figures', async () => {
    const body = await cockpit(admin);
    const line = body.chains.find((c) => c.id === chainId);
    expect(line).toMatchObject({
      colour: 'red',
      openTasks: 10,
      overdueTasks: 2,
      yellowNotices: 1,
      redNotices: 1,
      shortBoards: { identified: 0, tackling: 1, breakthrough: 0, resolved: 1 },
      shortBoardsBehind: 1,
      projects: 1,
      plannedInvestment: 10000,
      completedInvestment: 2500,
      openRequests: 1,
      overdueRequests: 1,
    });
    expect(line?.reasons).toEqual([
      { code: 'red_notices', colour: 'red', count: 1 },
      { code: 'chokepoint_behind', colour: 'red', count: 1 },
      { code: 'yellow_notices', colour: 'yellow', count: 1 },
      // 2 of 10 is a fifth, but fewer than three late tasks is attention, not alarm.
      { code: 'overdue_tasks', colour: 'yellow', count: 2 },
      // 25 % of the investment at half time: behind.
      { code: 'projects_behind', colour: 'yellow', count: 1 },
      { code: 'requests_overdue', colour: 'yellow', count: 1 },
    ]);
    // The catalogue's chains are there too, green while nothing is late in them.
    expect(body.chains.length).toBeGreaterThan(30);
    expect(body.chains.find((c) => c.code === 'ngit.ic')).toMatchObject({ colour: 'green' });
    expect(body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('lists only notices of open tasks, red first, linked to their task', async () => {
    const body = await cockpit(admin);
    expect(body.notices.map((n) => [n.number, n.level, n.taskId])).toEqual([
      ['鲁链督〔2099〕900001号', 'red', taskIds['late-qd']],
      ['鲁链督〔2099〕900002号', 'yellow', taskIds['late-jn']],
    ]);
    expect(body.totals).toMatchObject({ yellowNotices: 1, redNotices: 1 });
  });

  it('places open work on the chain × city heat map by the city of its 主办', async () => {
    const body = await cockpit(admin);
    const cells = body.heatmap.cells.filter((c) => c.chainId === chainId);
    expect(cells).toEqual([
      { chainId, regionCode: '370100', openTasks: 1, overdueTasks: 1 },
      // The Huangdao (370211) enterprise counts for Qingdao.
      { chainId, regionCode: '370200', openTasks: 9, overdueTasks: 1 },
    ]);
    expect(body.heatmap.cities).toHaveLength(16);
  });

  it('shows the plan’s indicators with their 2025 targets', async () => {
    const body = await cockpit(admin);
    expect(body.indicators.length).toBeGreaterThan(5);
    for (const indicator of body.indicators) {
      expect(indicator.nameZh).not.toBe('');
      expect(indicator.nameEn).toMatch(/[A-Za-z]/);
    }
    expect(body.indicators.some((i) => i.target2025 !== null)).toBe(true);
  });

  it('counts this week’s tasks and the open ones overdue in the trend, over 12 weeks', async () => {
    const body = await cockpit(admin);
    expect(body.trends.weeks).toHaveLength(12);
    const monday = new Date(`${body.asOf}T00:00:00Z`);
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    expect(body.trends.weeks.at(-1)).toBe(monday.toISOString().slice(0, 10));
    // Every task of this test was created today, one was done.
    expect(body.trends.created.at(-1)).toBe(13);
    expect(body.trends.done.at(-1)).toBe(1);
    expect(body.trends.notices.at(-1)).toBe(3);
    expect(body.trends.overdue.at(-1)).toBe(2);
    expect(body.trends.created.slice(0, -1).every((n) => n === 0)).toBe(true);
  });

  it('shows a city coordinator only the chains of their city, and refuses roles without a cockpit', async () => {
    const body = await cockpit(coordinator);
    expect(body.chains.map((c) => c.id)).toEqual([cityChainId]);
    expect(body.totals.openTasks).toBe(1);
    expect(body.notices).toEqual([]);
    expect((await cockpit(analyst)).chains.some((c) => c.id === chainId)).toBe(true);
    for (const user of [leader, enterprise]) {
      const refused = await api.request<ApiError>('GET', '/api/cockpit', { token: user.token });
      expect(refused.status).toBe(403);
    }
    expect((await api.request('GET', '/api/cockpit')).status).toBe(401);
  });
});
