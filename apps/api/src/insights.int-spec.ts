import type {
  ApiError,
  ChainHealthDto,
  CockpitDto,
  IndicatorsDto,
  InsightsHealthDto,
  Page,
  RiskDto,
} from '@lianzhang/contracts';
import { chainHealth, HEALTH_GROUP_CHAIN } from '@lianzhang/domain';
import { HealthService } from '@lianzhang/server/insights';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { ApiHarness } from './testing/api-harness';

type Signed = Awaited<ReturnType<ApiHarness['signedIn']>>;

/** Days from today in Asia/Shanghai, as the database reads dates. */
const IN_DAYS = (days: number) =>
  `((now() AT TIME ZONE 'Asia/Shanghai')::date + ${Math.trunc(days)})`;
const DAYS_AGO = (days: number) => `(now() - interval '${Math.trunc(days)} days')`;

describe('insights: chain health, the risk view, the plan’s indicators', () => {
  let api: ApiHarness;
  let admin: Signed;
  let analyst: Signed;
  let leader: Signed;
  let coordinator: Signed;
  let enterprise: Signed;
  let chainA: string;
  let chainB: string;
  let chainC: string;
  let chainD: string;
  let cityChain: string;
  let jinanOrg: string;
  let qingdaoOrg: string;
  const ids: Record<string, string> = {};

  const one = async (sql: string, params: unknown[] = []) =>
    ((await api.dataSource.query(sql, params)) as { id: string }[])[0]?.id as string;

  const task = (
    key: string,
    chain: string,
    status: string,
    dueInDays: number,
    assignedDaysAgo: number,
    everyWorkdays: number | null = null,
  ) =>
    one(
      `INSERT INTO task (chain_id, title, assigner_user_id, assignee_organisation_id, status, due_date, assigned_on, report_every_workdays)
       VALUES ($1, $2, $3, $4, $5, ${IN_DAYS(dueInDays)}, ${IN_DAYS(-assignedDaysAgo)}, $6) RETURNING id`,
      [chain, `健康度任务 ${key}`, leader.id, jinanOrg, status, everyWorkdays],
    ).then((id) => (ids[key] = id));

  const board = (
    key: string,
    chain: string,
    options: {
      chokepoint?: boolean;
      status?: string;
      progress: number;
      start: number;
      end: number;
      owner?: string;
    },
  ) =>
    one(
      `INSERT INTO short_board (chain_id, title, category, chokepoint, status, progress, start_date, target_date)
       VALUES ($1, $2, 'basic_material', $3, $4, $5, ${IN_DAYS(options.start)}, ${IN_DAYS(options.end)}) RETURNING id`,
      [chain, key, options.chokepoint ?? false, options.status ?? 'tackling', options.progress],
    ).then(async (id) => {
      ids[key] = id;
      if (options.owner)
        await api.dataSource.query(
          `INSERT INTO short_board_owner (short_board_id, organisation_id) VALUES ($1, $2)`,
          [id, options.owner],
        );
      return id;
    });

  const report = (
    subjectType: string,
    subjectId: string,
    chain: string,
    daysAgo: number,
    status: 'submitted' | 'returned' = 'submitted',
  ) =>
    api.dataSource.query(
      `INSERT INTO progress_report (subject_type, subject_id, chain_id, organisation_id, author_user_id, percent, narrative, status, review_reason, created_at)
       VALUES ($1, $2, $3, $4, $5, 50, '进展', $6, $7, ${DAYS_AGO(daysAgo)})`,
      [
        subjectType,
        subjectId,
        chain,
        jinanOrg,
        leader.id,
        status,
        status === 'returned' ? '材料不全，请补充' : null,
      ],
    );
  const notice = (taskKey: string, level: 'yellow' | 'red', seq: number, step: string) =>
    api.dataSource.query(
      `INSERT INTO supervision_notice (task_id, event_id, year, seq, number, level, step, overdue_workdays)
       VALUES ($1, $2, 2099, $3, $4, $5, $6, 3)`,
      [ids[taskKey], randomUUID(), seq, `鲁链督〔2099〕${seq}号`, level, step],
    );

  const node = async (chain: string, name: string, suppliers: string[], foreign?: number) => {
    const id = await one(
      `INSERT INTO chain_node (chain_id, stage, name, foreign_dependence) VALUES ($1, 'upstream', $2, $3) RETURNING id`,
      [chain, name, foreign ?? null],
    );
    for (const organisationId of suppliers)
      await api.dataSource.query(
        `INSERT INTO chain_node_enterprise (node_id, organisation_id) VALUES ($1, $2)`,
        [id, organisationId],
      );
    ids[name] = id;
    return id;
  };

  beforeAll(async () => {
    api = await ApiHarness.start('insights');
    admin = await api.signedIn('province_admin');
    analyst = await api.signedIn('province_analyst');
    leader = await api.signedIn('chain_leader');
    coordinator = await api.signedIn('city_coordinator', { regionCode: '370200' });
    jinanOrg = await api.organisation({ regionCode: '370100' });
    qingdaoOrg = await api.organisation({ regionCode: '370200' });
    enterprise = await api.signedIn('enterprise_user', { organisationId: jinanOrg });
    chainA = await api.chain({
      leaders: [{ userId: leader.id }],
      members: [{ organisationId: jinanOrg }],
    });
    chainB = await api.chain();
    cityChain = await api.chain({ level: 'city', regionCode: '370200' });
    await api.dataSource.query(
      `INSERT INTO chain_city_layout (chain_id, region_code, focus, section) VALUES ($1, '370200', '封装测试', '专栏3')`,
      [chainB],
    );

    // Chain A. Open tasks: four, one overdue; a draft and a done one do not count.
    await task('late', chainA, 'in_progress', -3, 20);
    await task('silent', chainA, 'accepted', 10, 40);
    await task('new', chainA, 'assigned', 5, 1);
    await task('cadenced', chainA, 'in_progress', 20, 50, 5);
    await task('done', chainA, 'done', -10, 60);
    await task('draft', chainA, 'draft', -10, 60);
    await report('task', ids['cadenced'] as string, chainA, 2);
    await notice('late', 'yellow', 910_001, 'due+3');
    await notice('done', 'red', 910_002, 'due+7');
    // Short boards: a chokepoint far behind, owned by nobody, never reported; one on pace
    // and reported; one resolved; one that starts in ten days.
    await board('光刻胶攻关', chainA, { chokepoint: true, progress: 10, start: -300, end: 30 });
    await board('高纯试剂', chainA, { progress: 60, start: -100, end: 100, owner: jinanOrg });
    await report('short_board', ids['高纯试剂'] as string, chainA, 3);
    await board('已解决', chainA, { status: 'resolved', progress: 100, start: -300, end: -10 });
    await board('明年再说', chainA, { progress: 0, start: 10, end: 200 });
    // A project at a quarter of its investment half way through: far behind, never reported.
    await api.dataSource.query(
      `INSERT INTO project (chain_id, name, type, region_code, owner_organisation_id, planned_investment, completed_investment, stage, start_date, end_date)
       VALUES ($1, '封测扩能项目', 'extend', '370100', $2, 10000, 2500, 'under_construction', ${IN_DAYS(-100)}, ${IN_DAYS(100)})`,
      [chainA, jinanOrg],
    );
    // Chain A's map: a link with no supplier and most supply from abroad, a single-source
    // link, a healthy one, and one whose name would be a formula in a spreadsheet.
    await node(chainA, '光刻胶', [], 0.8);
    await node(chainA, '引线框架', [jinanOrg]);
    await node(chainA, '封装', [jinanOrg, qingdaoOrg]);
    await node(chainA, '=1+1 危险环节', [jinanOrg, qingdaoOrg]).then((id) =>
      api.dataSource.query(`UPDATE chain_node SET foreign_dependence = 0.5 WHERE id = $1`, [id]),
    );

    // Chain B (nobody leads it): two owned chokepoints, one silent for 45 days.
    await board('EDA 工具', chainB, {
      chokepoint: true,
      progress: 40,
      start: -200,
      end: 100,
      owner: qingdaoOrg,
    });
    await report('short_board', ids['EDA 工具'] as string, chainB, 10);
    await board('离子注入机', chainB, {
      chokepoint: true,
      progress: 40,
      start: -200,
      end: 100,
      owner: qingdaoOrg,
    });
    await report('short_board', ids['离子注入机'] as string, chainB, 45);
    // Chain C: one task ten days late, escalated twice by the ladder (黄牌 at +3, 红牌 at
    // +7), whose only report the office returned; a shelved chokepoint far behind; a
    // chokepoint on pace whose only report was returned too.
    chainC = await api.chain();
    await task('escalated', chainC, 'in_progress', -10, 40);
    await notice('escalated', 'yellow', 910_003, 'due+3');
    await notice('escalated', 'red', 910_004, 'due+7');
    await report('task', ids['escalated'] as string, chainC, 2, 'returned');
    await board('搁置短板', chainC, {
      chokepoint: true,
      status: 'shelved',
      progress: 0,
      start: -300,
      end: 30,
    });
    await board('退回报告', chainC, {
      chokepoint: true,
      progress: 50,
      start: -100,
      end: 100,
      owner: qingdaoOrg,
    });
    await report('short_board', ids['退回报告'] as string, chainC, 3, 'returned');
    // Chain D: everything finished — a done task (once late, with a 红牌), a resolved
    // board far behind its dates, a project in production with little of its investment.
    chainD = await api.chain();
    await task('finished', chainD, 'done', -10, 60);
    await notice('finished', 'red', 910_005, 'due+7');
    await board('已攻克', chainD, { status: 'resolved', progress: 10, start: -300, end: -10 });
    await api.dataSource.query(
      `INSERT INTO project (chain_id, name, type, region_code, owner_organisation_id, planned_investment, completed_investment, stage, start_date, end_date)
       VALUES ($1, '已投产项目', 'build', '370100', $2, 10000, 1000, 'in_production', ${IN_DAYS(-300)}, ${IN_DAYS(-10)})`,
      [chainD, jinanOrg],
    );
    // The Qingdao city chain: one open task, one link without a local supplier.
    await task('city', cityChain, 'assigned', 10, 1);
    await node(cityChain, '海工装备配套', []);
  });

  afterAll(async () => {
    await api?.stop();
  });

  const get = async <T>(path: string, user: Signed, status = 200) => {
    const answer = await api.request<T>('GET', path, { token: user.token });
    expect({ path, status: answer.status }).toEqual({ path, status });
    return answer.body;
  };

  describe('health', () => {
    it('scores a chain through the api exactly as the domain does, with every component explained', async () => {
      const health = await get<ChainHealthDto>(`/api/chains/${chainA}/health`, admin);
      expect(health.components.map((c) => [c.key, c.score])).toEqual([
        ['overdue', 50], // 1 of 4 open tasks
        ['short_board_pace', 50], // one far behind, one on pace; the future one not yet
        ['project_pace', 0],
        // late (assigned 20 days ago) and cadenced (reported 2 days ago) are fresh; silent
        // (40 days), the chokepoint (never) and the project (never) are not; 高纯试剂 is.
        ['report_freshness', 50],
        ['escalations', 85], // one yellow card; the red one is on a done task
      ]);
      // 50×0.3 + 50×0.2 + 0×0.15 + 50×0.15 + 85×0.2
      expect(health).toMatchObject({ chainId: chainA, score: 49.5, grade: 'red', omitted: [] });
      expect(health.components[0]?.explanation).toEqual({
        'zh-CN': '在办任务 4 项，逾期 1 项（25%）',
        en: '1 of 4 open tasks overdue (25%)',
      });
      const [{ now }] = (await api.dataSource.query(`SELECT now() AS now`)) as [{ now: Date }];
      const expected = chainHealth({
        now,
        openTasks: 4,
        overdueTasks: 1,
        shortBoards: [
          { progress: 10, startDate: day(-300), endDate: day(30) },
          { progress: 60, startDate: day(-100), endDate: day(100) },
          { progress: 0, startDate: day(10), endDate: day(200) },
        ],
        projects: [
          {
            plannedInvestment: 10000,
            completedInvestment: 2500,
            startDate: day(-100),
            endDate: day(100),
          },
        ],
        reports: { expected: 6, fresh: 3 },
        yellowNotices: 1,
        redNotices: 0,
      });
      expect({ score: health.score, grade: health.grade, components: health.components }).toEqual({
        score: expected.score,
        grade: expected.grade,
        components: expected.components,
      });
    });

    it('shows the same score beside the chain’s colour on the cockpit', async () => {
      const cockpit = await get<CockpitDto>('/api/cockpit', admin);
      expect(cockpit.chains.find((c) => c.id === chainA)).toMatchObject({ healthScore: 49.5 });
      expect(cockpit.chains.find((c) => c.code === 'ngit.ic')?.healthScore).toBeNull();
    });

    it('gives a chain with nothing to judge no score, and says why', async () => {
      const health = await get<ChainHealthDto>(`/api/chains/${chainB}/health`, admin);
      // Chain B has short boards under way, so only pace and freshness apply.
      expect(health.components.map((c) => c.key)).toEqual(['short_board_pace', 'report_freshness']);
      expect(health.omitted).toContainEqual({ key: 'overdue', reason: 'no_open_tasks' });
      const empty = await api.chain();
      const none = await get<ChainHealthDto>(`/api/chains/${empty}/health`, admin);
      expect(none).toMatchObject({ score: null, grade: null, components: [] });
      expect(none.reason?.['zh-CN']).toContain('暂无可评价的工作');
    });

    it('counts a task escalated twice once, at its highest card, and no returned report as fresh', async () => {
      const health = await get<ChainHealthDto>(`/api/chains/${chainC}/health`, admin);
      expect(health.components.map((c) => [c.key, c.score])).toEqual([
        ['overdue', 0],
        // the shelved board is not judged; the other is on pace
        ['short_board_pace', 100],
        // the task and the board reported only what the office returned: neither is fresh
        ['report_freshness', 0],
        // one task with a 黄牌 and a 红牌: one 红牌, the red line (not 100 − 15 − 40 = 45)
        ['escalations', 60],
      ]);
      expect(health.components.find((c) => c.key === 'escalations')?.explanation['zh-CN']).toBe(
        '在办任务被督办：黄牌 0 项、红牌 1 项（按最高等级计）',
      );
      // 0×0.3 + 100×0.2 + 0×0.15 + 60×0.2, over 0.85
      expect(health.score).toBe(37.6);
      // The returned report leaves the chokepoint silent since its start.
      const risks = await get<Page<RiskDto>>(`/api/insights/risks?chainId=${chainC}`, admin);
      expect(risks.items.map((r) => [r.kind, r.subjectName, r.lastReportOn, r.daysSilent])).toEqual(
        [['chokepoint_stale', '退回报告', null, 100]],
      );
    });

    it('leaves done tasks, resolved boards and projects in production out of the score', async () => {
      const health = await get<ChainHealthDto>(`/api/chains/${chainD}/health`, admin);
      expect(health).toMatchObject({ score: null, grade: null, components: [] });
      expect(health.omitted.map((o) => `${o.key}:${o.reason}`)).toEqual([
        'overdue:no_open_tasks',
        'short_board_pace:no_short_boards',
        'project_pace:no_projects',
        'report_freshness:nothing_to_report',
        'escalations:no_open_tasks',
      ]);
      const cockpit = await get<CockpitDto>('/api/cockpit', admin);
      expect(cockpit.chains.find((c) => c.id === chainD)).toMatchObject({
        healthScore: null,
        openTasks: 0,
        shortBoardsBehind: 0,
        projectsBehind: 0,
        redNotices: 0,
      });
    });

    it('judges the same leaf chains as the cockpit, shelved boards out of both', async () => {
      const cockpit = await get<CockpitDto>('/api/cockpit', admin);
      const all = await get<InsightsHealthDto>('/api/insights/health', admin);
      expect(new Set(all.chains.map((c) => c.chainId))).toEqual(
        new Set(cockpit.chains.map((c) => c.id)),
      );
      for (const line of cockpit.chains)
        expect({ code: line.code, score: line.healthScore }).toEqual({
          code: line.code,
          score: all.chains.find((c) => c.chainId === line.id)?.score,
        });
      // Groups are not judged themselves: 新一代信息技术 is the sum of its chains.
      const codes = all.chains.map((c) => c.code);
      expect(codes).toContain('ngit.ic');
      expect(codes).not.toContain('ngit');
      const group = await one(`SELECT id FROM chain WHERE code = 'ngit'`);
      expect(await get<ChainHealthDto>(`/api/chains/${group}/health`, admin)).toMatchObject({
        chainId: group,
        score: null,
        components: [],
        reason: HEALTH_GROUP_CHAIN,
      });
      // The shelved chokepoint far behind is neither behind nor a reason on the cockpit.
      const c = cockpit.chains.find((line) => line.id === chainC);
      expect(c).toMatchObject({
        shortBoards: { shelved: 1, tackling: 1 },
        shortBoardsBehind: 0,
        // the cockpit lists every 督办单 issued
        yellowNotices: 1,
        redNotices: 1,
      });
      expect(c?.reasons.map((r) => r.code)).not.toContain('chokepoint_behind');
    });

    it('reads each table once for the cockpit and its scores, then keeps each chain’s facts until its data changes', async () => {
      const statements: string[] = [];
      const boardParams: unknown[] = [];
      const probe = api.dataSource.createQueryRunner();
      const runner = Object.getPrototypeOf(probe) as { query: (...args: unknown[]) => unknown };
      await probe.release();
      const query = runner.query;
      const spy = jest.spyOn(runner, 'query').mockImplementation(function (
        this: unknown,
        ...args: unknown[]
      ) {
        statements.push(String(args[0]));
        if (/FROM short_board\b/.test(String(args[0]))) boardParams.push(args[1]);
        return query.apply(this, args);
      });
      const reading = () => {
        const count = (table: RegExp) => statements.filter((sql) => table.test(sql)).length;
        const read = {
          boards: count(/FROM short_board\b/),
          projects: count(/FROM project\b/),
          // the counts, the weekly trend, and the list of notices
          notices: count(/FROM supervision_notice\b/),
        };
        statements.length = 0;
        return read;
      };
      try {
        await api.dataSource.query(`DELETE FROM chain_facts`);
        const first = await get<CockpitDto>('/api/cockpit', admin);
        expect(reading()).toEqual({ boards: 1, projects: 1, notices: 3 });
        // Nothing changed: every chain's facts are read back, none computed. (Within the
        // same minute the cockpit is not even judged again, and its notice list not read.)
        expect(await get<CockpitDto>('/api/cockpit', admin)).toEqual(first);
        const second = reading();
        expect({ boards: second.boards, projects: second.projects }).toEqual({
          boards: 0,
          projects: 0,
        });
        expect(second.notices).toBeLessThanOrEqual(1);
        // A change in chain A (a trigger bumps its version): only chain A is computed
        // again, and the cockpit shows the change at once.
        const [request] = (await api.dataSource.query(
          `INSERT INTO coordination_request (chain_id, organisation_id, raised_by_user_id, category, title, body, respond_by)
           VALUES ($1, $2, $3, 'land', '用地', '请协调', ${IN_DAYS(-1)}) RETURNING id`,
          [chainA, jinanOrg, enterprise.id],
        )) as [{ id: string }];
        boardParams.length = 0;
        const third = await get<CockpitDto>('/api/cockpit', admin);
        expect(reading()).toEqual({ boards: 1, projects: 1, notices: 3 });
        expect(boardParams).toEqual([[[chainA]]]);
        const line = (dto: CockpitDto) => dto.chains.find((c) => c.id === chainA);
        expect(line(third)?.openRequests).toBe((line(first)?.openRequests ?? 0) + 1);
        expect(line(third)?.overdueRequests).toBe((line(first)?.overdueRequests ?? 0) + 1);
        await api.dataSource.query(`DELETE FROM coordination_request WHERE id = $1`, [request.id]);
        expect(await get<CockpitDto>('/api/cockpit', admin)).toEqual(first);
        expect(reading()).toEqual({ boards: 1, projects: 1, notices: 3 });
        const [kept] = (await api.dataSource.query(
          `SELECT count(*)::int AS n FROM chain_facts WHERE day = ${IN_DAYS(0)} AND computed_version = version`,
        )) as [{ n: number }];
        expect(kept.n).toBe(first.chains.length);
        // A new day: facts of an earlier day are computed again.
        await api.dataSource.query(`UPDATE chain_facts SET day = day - 1`);
        expect(await get<CockpitDto>('/api/cockpit', admin)).toEqual(first);
        const fourth = reading();
        // Computed again: the counts and the trend; the list too unless this minute's
        // cockpit (the same versions, today) is already judged.
        expect({ boards: fourth.boards, projects: fourth.projects }).toEqual({
          boards: 1,
          projects: 1,
        });
        expect(fourth.notices).toBeGreaterThanOrEqual(2);
      } finally {
        spy.mockRestore();
      }
    });

    it('lists every chain of the scope worst first, and shows today’s snapshot in the trend', async () => {
      await api.dataSource.query(
        `INSERT INTO chain_health_snapshot (chain_id, day, score, grade, components)
         VALUES ($1, ${IN_DAYS(-10)}, 70, 'yellow', '[]'), ($1, ${IN_DAYS(-100)}, 90, 'green', '[]')`,
        [chainA],
      );
      const result = await api.app.get(HealthService).snapshot();
      expect(result.inserted).toBe(result.chains);
      const all = await get<InsightsHealthDto>('/api/insights/health', analyst);
      expect(all.chains.length).toBeGreaterThan(30);
      const scores = all.chains.map((c) => c.score).filter((s): s is number => s !== null);
      expect(scores).toEqual([...scores].sort((a, b) => a - b));
      expect(all.chains.at(-1)?.score).toBeNull();
      const a = all.chains.find((c) => c.chainId === chainA);
      // The one of 100 days ago is out of the 90-day window.
      expect(a?.trend).toEqual([
        { day: day(-10), score: 70, grade: 'yellow' },
        { day: all.asOf, score: 49.5, grade: 'red' },
      ]);
      const [stored] = (await api.dataSource.query(
        `SELECT components FROM chain_health_snapshot WHERE chain_id = $1 AND day = $2`,
        [chainA, all.asOf],
      )) as { components: ChainHealthDto['components'] }[];
      expect(stored?.components).toEqual(a?.components);
    });

    it('shows a chain leader only their chains, a city coordinator only the city’s, and refuses enterprises', async () => {
      expect(
        (await get<InsightsHealthDto>('/api/insights/health', leader)).chains.map((c) => c.chainId),
      ).toEqual([chainA]);
      expect(
        (await get<InsightsHealthDto>('/api/insights/health', coordinator)).chains.map(
          (c) => c.chainId,
        ),
      ).toEqual([cityChain]);
      const hidden = await get<ApiError>(`/api/chains/${chainB}/health`, leader, 404);
      expect(hidden.code).toBe('NOT_FOUND');
      await get(`/api/chains/${chainA}/health`, coordinator, 404);
      await get(`/api/chains/${randomUUID()}/health`, admin, 404);
      await get('/api/insights/health', enterprise, 403);
      await get(`/api/chains/${chainA}/health`, enterprise, 403);
    });
  });

  describe('risks', () => {
    const risks = (query: string, user: Signed = admin) =>
      get<Page<RiskDto>>(`/api/insights/risks?pageSize=100&${query}`, user);
    const keys = (page: Page<RiskDto>) => page.items.map((r) => `${r.kind}:${r.subjectName}`);

    it('lists the weak links and neglected chokepoints of a chain, worst first, each with why', async () => {
      const page = await risks(`chainId=${chainA}`);
      expect(keys(page)).toEqual([
        'chokepoint_no_owner:光刻胶攻关',
        'chokepoint_stale:光刻胶攻关',
        'foreign_dependence:=1+1 危险环节',
        'foreign_dependence:光刻胶',
        'no_local_supplier:光刻胶',
        'single_source:引线框架',
      ]);
      expect(page.total).toBe(6);
      const stale = page.items[1] as RiskDto;
      expect(stale).toMatchObject({
        subjectType: 'short_board',
        subjectId: ids['光刻胶攻关'],
        lastReportOn: null,
        since: day(-300),
        daysSilent: 300,
      });
      expect(stale.reason['zh-CN']).toBe(`自 ${day(-300)} 起从未报送进展（300 天）`);
      expect(page.items[3]).toMatchObject({ foreignDependence: 0.8, localSuppliers: 0 });
      expect(page.items[3]?.reason.en).toBe('80% of supply from abroad');
    });

    it('names the last report of a silent chokepoint, and leaves out one reported in time', async () => {
      const page = await risks(`chainId=${chainB}`);
      expect(keys(page)).toEqual(['chokepoint_stale:离子注入机']);
      expect(page.items[0]).toMatchObject({ lastReportOn: day(-45), daysSilent: 45 });
    });

    it('filters by kind, region (own, county or plan layout) and text, and pages', async () => {
      expect(keys(await risks(`kind=single_source&chainId=${chainA}`))).toEqual([
        'single_source:引线框架',
      ]);
      // Qingdao: its own city chain, and chain B laid out there by the plan.
      const qingdao = await risks('regionCode=370200');
      expect(new Set(qingdao.items.map((r) => r.chainId))).toEqual(new Set([cityChain, chainB]));
      expect(keys(await risks('q=光刻'))).toEqual([
        'chokepoint_no_owner:光刻胶攻关',
        'chokepoint_stale:光刻胶攻关',
        'foreign_dependence:光刻胶',
        'no_local_supplier:光刻胶',
      ]);
      // A LIKE wildcard in the text is a character, not a pattern.
      expect((await risks('q=%25')).total).toBe(0);
      const first = await get<Page<RiskDto>>(
        `/api/insights/risks?chainId=${chainA}&pageSize=2&page=2&sort=-kind`,
        admin,
      );
      expect(first).toMatchObject({ total: 6, page: 2, pageSize: 2 });
      expect(keys(first)).toEqual([
        'foreign_dependence:=1+1 危险环节',
        'foreign_dependence:光刻胶',
      ]);
      for (const bad of [
        'kind=fire',
        'chainId=nope',
        'regionCode=37',
        'pageSize=500',
        'colour=red',
      ])
        await get(`/api/insights/risks?${bad}`, admin, 400);
    });

    it('keeps every role to its chains: leader, city coordinator; an enterprise is refused', async () => {
      const mine = await risks('', leader);
      expect(new Set(mine.items.map((r) => r.chainId))).toEqual(new Set([chainA]));
      expect((await risks(`chainId=${chainB}`, leader)).total).toBe(0);
      const city = await risks('', coordinator);
      expect(keys(city)).toEqual(['no_local_supplier:海工装备配套']);
      await get('/api/insights/risks', enterprise, 403);
      await get('/api/insights/risks/export', enterprise, 403);
    });

    it('exports the same rows as an .xlsx workbook, cell by cell, formulas neutralised', async () => {
      const listed = await risks(`chainId=${chainA}&sort=kind`);
      const response = await fetch(`${api.base}/api/insights/risks/export?chainId=${chainA}`, {
        headers: { Authorization: `Bearer ${admin.token}`, 'Accept-Language': 'zh-CN' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('spreadsheetml.sheet');
      expect(response.headers.get('content-disposition')).toContain(
        `filename*=UTF-8''${encodeURIComponent('产业链风险清单-')}`,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const sheet = workbook.getWorksheet('风险清单') as ExcelJS.Worksheet;
      expect(sheet.getCell('A1').value).toBe('产业链风险清单');
      expect(String(sheet.getCell('A2').value)).toContain(`chainId=${chainA}`);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([
        '风险类型',
        '产业链编码',
        '产业链',
        '对象',
        '名称',
        '环节位置',
        '省内供应商（家）',
        '对外依存度',
        '最近进展报告',
        '未报送天数（天）',
        '说明',
      ]);
      expect(sheet.rowCount).toBe(3 + listed.items.length);
      const kinds = {
        chokepoint_no_owner: '卡脖子短板无牵头单位',
        chokepoint_stale: '卡脖子短板 30 天无进展报告',
        foreign_dependence: '对外依存度高',
        no_local_supplier: '省内无供应商',
        single_source: '省内单一供应商',
      };
      listed.items.forEach((risk, index) => {
        const row = sheet.getRow(4 + index);
        const cells = Array.from({ length: 11 }, (_, i) => row.getCell(i + 1).value ?? null);
        expect(cells).toEqual([
          kinds[risk.kind],
          risk.chainCode,
          risk.chainNameZh,
          risk.subjectType === 'node' ? '图谱环节' : '短板',
          // The shared writer neutralises a text that would be a formula.
          risk.subjectName.startsWith('=') ? `'${risk.subjectName}` : risk.subjectName,
          risk.stage === 'upstream' ? '上游' : null,
          risk.localSuppliers,
          risk.foreignDependence,
          risk.lastReportOn,
          risk.daysSilent,
          risk.reason['zh-CN'],
        ]);
      });
      expect(sheet.getRow(6).getCell(5).value).toBe("'=1+1 危险环节");
      expect(sheet.getRow(6).getCell(8).numFmt).toBe('0.0%');

      const english = await fetch(`${api.base}/api/insights/risks/export?kind=single_source`, {
        headers: { Authorization: `Bearer ${leader.token}`, 'Accept-Language': 'en' },
      });
      const en = new ExcelJS.Workbook();
      await en.xlsx.load(await english.arrayBuffer());
      const risksSheet = en.getWorksheet('Risks') as ExcelJS.Worksheet;
      expect(risksSheet.getCell('A1').value).toBe('Chain risk list');
      expect(risksSheet.getRow(4).getCell(1).value).toBe('Single local supplier');
      expect(risksSheet.rowCount).toBe(4);
      const bad = await api.request<ApiError>('GET', '/api/insights/risks/export?page=2', {
        token: admin.token,
      });
      expect(bad.status).toBe(400);
    });
  });

  describe('indicators', () => {
    const CODE = 'manufacturing_value_added_share';
    const put = (path: string, body: unknown, user: Signed = admin) =>
      api.request<ApiError>('PUT', path, { token: user.token, body });
    const actualCount = async () =>
      Number(
        (
          (await api.dataSource.query(
            `SELECT (SELECT count(*) FROM plan_indicator_actual) + (SELECT count(*) FROM chain_output_actual) AS n`,
          )) as { n: string }[]
        )[0]?.n,
      );
    const audit = (action: string) =>
      api.dataSource.query(
        `SELECT actor_id AS "actorId", subject_id AS "subjectId", before, after FROM audit_entry WHERE action = $1 ORDER BY occurred_at`,
        [action],
      ) as Promise<{ actorId: string; subjectId: string; before: unknown; after: unknown }[]>;

    it('enters an actual with its source, shows progress to target, and audits it', async () => {
      expect(
        (
          await put(`/api/indicators/${CODE}/actuals/2023`, {
            value: 27.4,
            source: '2023 年统计公报',
          })
        ).status,
      ).toBe(204);
      expect(
        (await put(`/api/indicators/${CODE}/actuals/2024`, { value: 27.5, source: '初步核算' }))
          .status,
      ).toBe(204);
      // Corrected: the same year again replaces the figure, the audit keeps both.
      expect(
        (
          await put(`/api/indicators/${CODE}/actuals/2024`, {
            value: 27.6,
            source: '2024 年统计公报',
          })
        ).status,
      ).toBe(204);
      const body = await get<IndicatorsDto>('/api/indicators', admin);
      const indicator = body.indicators.find((i) => i.code === CODE);
      expect(indicator).toMatchObject({
        base2020: 27.2,
        target2025: 28,
        latest: {
          year: 2024,
          value: 27.6,
          source: '2024 年统计公报',
          enteredByName: admin.username,
        },
        progress: 0.5,
        reached: false,
        direction: 'rising',
        gap: null,
      });
      expect(indicator?.actuals.map((a) => a.year)).toEqual([2023, 2024]);
      expect(body.canManage).toBe(true);
      expect(body.indicators.find((i) => i.code !== CODE)).toMatchObject({
        latest: null,
        gap: 'no_actual',
      });
      const entries = await audit('indicator.actual.set');
      expect(entries).toHaveLength(3);
      expect(entries[2]).toEqual({
        actorId: admin.id,
        subjectId: CODE,
        before: { year: 2024, value: 27.5, source: '初步核算' },
        after: { year: 2024, value: 27.6, source: '2024 年统计公报' },
      });
    });

    it.each([
      ['a year before the plan', '2020', { value: 1, source: 'x' }, 'year'],
      ['a year after 2030', '2031', { value: 1, source: 'x' }, 'year'],
      ['a year that is no number', 'abc', { value: 1, source: 'x' }, 'year'],
      ['no source', '2024', { value: 1 }, 'source'],
      ['a blank source', '2024', { value: 1, source: '   ' }, 'source'],
      ['a value as text', '2024', { value: '27', source: 'x' }, 'value'],
      ['no value', '2024', { source: 'x' }, 'value'],
      ['an extra field', '2024', { value: 1, source: 'x', enteredBy: 'me' }, '(root)'],
    ])('refuses %s with a field error and writes nothing', async (_label, year, body, path) => {
      const before = await actualCount();
      const answer = await put(`/api/indicators/${CODE}/actuals/${year}`, body);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
      expect(answer.body.details.map((d) => d.path)).toContain(path);
      expect(await actualCount()).toBe(before);
    });

    it('says which fields are wrong in the caller’s language, and never 500s on {}', async () => {
      const answer = await api.request<ApiError>('PUT', `/api/indicators/${CODE}/actuals/2024`, {
        token: admin.token,
        body: { value: 1, source: '' },
      });
      expect(answer.body.details).toEqual([{ path: 'source', message: '不能为空' }]);
      const empty = await put(`/api/chains/${chainA}/output-actuals/2024`, {});
      expect(empty.status).toBe(400);
      expect(empty.body.details.map((d) => d.path).sort()).toEqual(['source', 'value']);
    });

    it('answers 404 for an unknown indicator or chain, and 403 to anyone but the province admin', async () => {
      expect(
        (await put('/api/indicators/no_such/actuals/2024', { value: 1, source: 'x' })).status,
      ).toBe(404);
      expect(
        (await put(`/api/chains/${randomUUID()}/output-actuals/2024`, { value: 1, source: 'x' }))
          .status,
      ).toBe(404);
      for (const user of [analyst, leader, coordinator, enterprise]) {
        expect(
          (await put(`/api/indicators/${CODE}/actuals/2022`, { value: 1, source: 'x' }, user))
            .status,
        ).toBe(403);
        expect(
          (
            await api.request('DELETE', `/api/indicators/${CODE}/actuals/2024`, {
              token: user.token,
            })
          ).status,
        ).toBe(403);
      }
    });

    it('removes an actual entered in error, audited; removing it again is 404', async () => {
      const remove = () =>
        api.request('DELETE', `/api/indicators/${CODE}/actuals/2023`, { token: admin.token });
      expect((await remove()).status).toBe(204);
      expect((await remove()).status).toBe(404);
      expect(await audit('indicator.actual.remove')).toEqual([
        {
          actorId: admin.id,
          subjectId: CODE,
          before: { year: 2023, value: 27.4, source: '2023 年统计公报' },
          after: null,
        },
      ]);
      const body = await get<IndicatorsDto>('/api/indicators', admin);
      expect(body.indicators.find((i) => i.code === CODE)?.actuals.map((a) => a.year)).toEqual([
        2024,
      ]);
    });

    it('enters a chain’s output in its target’s unit and measures it against the 2025 target', async () => {
      const ic = await one(`SELECT id FROM chain WHERE code = 'ngit.ic'`);
      expect(
        (await put(`/api/chains/${ic}/output-actuals/2024`, { value: 280, source: '省工信厅统计' }))
          .status,
      ).toBe(204);
      const body = await get<IndicatorsDto>('/api/indicators', analyst);
      expect(body.canManage).toBe(false);
      expect(body.chains.find((c) => c.chainId === ic)).toMatchObject({
        targetValue: 350,
        targetUnit: '亿元',
        latest: { year: 2024, value: 280, unit: '亿元' },
        progress: 0.8,
        reached: false,
      });
      // A chain without a numeric target takes no actual.
      const refused = await put(`/api/chains/${chainA}/output-actuals/2024`, {
        value: 1,
        source: 'x',
      });
      expect(refused.status).toBe(400);
      expect(refused.body.details.map((d) => d.path)).toEqual(['value']);
      expect((await audit('chain.output_actual.set')).map((e) => e.subjectId)).toEqual([ic]);
      expect(
        (
          await api.request('DELETE', `/api/chains/${ic}/output-actuals/2024`, {
            token: admin.token,
          })
        ).status,
      ).toBe(204);
      expect((await audit('chain.output_actual.remove'))[0]?.before).toEqual({
        year: 2024,
        value: 280,
        unit: '亿元',
        source: '省工信厅统计',
      });
    });

    it('measures the plan’s cumulative reductions from zero, not from the previous plan’s total', async () => {
      // 24.5 is 2016–2020's cumulative reduction, 17 the target for 2021–2025: a 10 %
      // reduction so far is 59 % of the way, not 193 % "reached".
      for (const [code, value] of [
        ['energy_intensity_reduction', 10],
        ['water_intensity_reduction', 6],
      ] as const)
        expect(
          (await put(`/api/indicators/${code}/actuals/2024`, { value, source: '省统计局' })).status,
        ).toBe(204);
      const body = await get<IndicatorsDto>('/api/indicators', admin);
      const of = (code: string) => body.indicators.find((i) => i.code === code);
      expect(of('energy_intensity_reduction')).toMatchObject({
        base2020: 24.5,
        target2025: 17,
        progress: 0.5882,
        reached: false,
        direction: 'rising',
        measure: 'cumulative',
      });
      expect(of('water_intensity_reduction')).toMatchObject({
        progress: 1.2,
        reached: true,
        measure: 'cumulative',
      });
      expect(of(CODE)?.measure).toBe('level');
    });

    it('shows the plan to every role, and each reader only the chain targets of their scope', async () => {
      const mine = await get<IndicatorsDto>('/api/indicators', enterprise);
      expect(mine.indicators.length).toBeGreaterThan(5);
      expect(mine.canManage).toBe(false);
      // The enterprise is a member of chain A only, which has no target.
      expect(mine.chains).toEqual([]);
      const province = await get<IndicatorsDto>('/api/indicators', analyst);
      expect(province.chains.length).toBeGreaterThan(20);
      expect((await get<IndicatorsDto>('/api/indicators', leader)).chains).toEqual([]);
    });
  });

  /** The Shanghai date `days` from today, as the api writes dates. */
  function day(days: number): string {
    const now = new Date(Date.now() + 8 * 3_600_000);
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days))
      .toISOString()
      .slice(0, 10);
  }
});
