import type {
  ApiError,
  ChallengeApplicationDto,
  ChallengeDetailDto,
  ChallengeDto,
  Page,
  TaskDto,
} from '@lianzhang/contracts';
import { ChallengesService } from '@lianzhang/server/challenges';
import type { AuthenticatedUser } from '@lianzhang/server/core';
import { ApiHarness } from './testing/api-harness';

type Signed = Awaited<ReturnType<ApiHarness['signedIn']>>;

/**
 * 揭榜挂帅 over HTTP: the whole lifecycle of a challenge, and for each step who may take
 * it and who may not (403 without the permission, 404 outside the scope, 409 in the
 * wrong state, 400 with the field), and 定榜 as one transaction that creates the tasks.
 */
describe('challenges: the lifecycle, who may do each step, and 定榜', () => {
  let api: ApiHarness;
  let office: Signed;
  let leader: Signed;
  let otherLeader: Signed;
  let admin: Signed;
  let analyst: Signed;
  let city: Signed;
  let member: Signed;
  let outsider: Signed;
  let institute: Signed;
  let latecomer: Signed;
  let chainId: string;
  let otherChainId: string;
  let cityChainId: string;
  let boardId: string;
  let otherBoardId: string;
  let cityBoardId: string;

  /** A day `days` from today in Asia/Shanghai, as the api reads dates. */
  const inDays = (days: number) =>
    new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

  async function board(chain: string, title: string): Promise<string> {
    const [row] = (await api.dataSource.query(
      `INSERT INTO short_board (chain_id, title, category, start_date, target_date)
       VALUES ($1, $2, 'key_component', $3, $4) RETURNING id`,
      [chain, title, inDays(-30), inDays(600)],
    )) as { id: string }[];
    return (row as { id: string }).id;
  }

  beforeAll(async () => {
    api = await ApiHarness.start('challenges');
    office = await api.signedIn('chain_office');
    leader = await api.signedIn('chain_leader');
    otherLeader = await api.signedIn('chain_leader');
    admin = await api.signedIn('province_admin');
    analyst = await api.signedIn('province_analyst');
    city = await api.signedIn('city_coordinator', { regionCode: '370100' });
    member = await api.signedIn('enterprise_user');
    outsider = await api.signedIn('enterprise_user');
    latecomer = await api.signedIn('enterprise_user');
    institute = await api.signedIn('enterprise_user', {
      organisationId: await api.organisation({
        kind: 'institute',
        name: '山东省集成电路创新研究院',
      }),
    });
    chainId = await api.chain({
      leaders: [
        { userId: leader.id, kind: 'leader' },
        { userId: office.id, kind: 'office' },
      ],
      members: [{ organisationId: member.organisationId, role: 'chain_master' }],
    });
    otherChainId = await api.chain({ leaders: [{ userId: otherLeader.id }] });
    cityChainId = await api.chain({ level: 'city', regionCode: '370100' });
    boardId = await board(chainId, '车规级 MCU 芯片');
    otherBoardId = await board(otherChainId, '高纯电子气体');
    cityBoardId = await board(cityChainId, '济南本地封测能力');
  });

  afterAll(async () => {
    await api?.stop();
  });

  const draft = (overrides: Record<string, unknown> = {}) => ({
    shortBoardId: boardId,
    title: '车规级 MCU 芯片揭榜攻关',
    requirements: '研制满足 AEC-Q100 Grade 1 的 32 位车规级 MCU，完成流片与可靠性验证。',
    budgetWan: 1500,
    deadline: inDays(20),
    milestones: [
      { title: '方案评审', dueDate: inDays(40) },
      { title: '样片流片', dueDate: inDays(120) },
    ],
    ...overrides,
  });

  const create = (who: Signed, body: unknown) =>
    api.request<ChallengeDetailDto & ApiError>('POST', '/api/challenges', {
      token: who.token,
      body,
    });
  const get = (who: Signed, id: string) =>
    api.request<ChallengeDetailDto & ApiError>('GET', `/api/challenges/${id}`, {
      token: who.token,
    });
  const step = (
    who: Signed,
    challenge: { id: string; version: number },
    action: string,
    reason?: string,
  ) =>
    api.request<ChallengeDetailDto & ApiError>(
      'POST',
      `/api/challenges/${challenge.id}/${action}`,
      { token: who.token, body: { version: challenge.version, ...(reason ? { reason } : {}) } },
    );
  const apply = (who: Signed, id: string, proposal = '以自主 IP 核为基础，18 个月完成流片。') =>
    api.request<ChallengeApplicationDto & ApiError>('POST', `/api/challenges/${id}/applications`, {
      token: who.token,
      body: { proposal, quotedBudgetWan: 1200, plannedCompletionDate: inDays(400) },
    });
  const applications = (who: Signed, id: string) =>
    api.request<ChallengeApplicationDto[] & ApiError>('GET', `/api/challenges/${id}/applications`, {
      token: who.token,
    });
  const decide = (
    who: Signed,
    application: { id: string; challengeId: string; version: number },
    action: 'withdraw' | 'shortlist' | 'select',
  ) =>
    api.request<ChallengeApplicationDto & ApiError>(
      'POST',
      `/api/challenges/${application.challengeId}/applications/${application.id}/${action}`,
      { token: who.token, body: { version: application.version } },
    );
  /** The challenge's version as stored now: what a user who just read it would send. */
  const challengeVersion = async (id: string) =>
    (
      (await api.dataSource.query(`SELECT version FROM challenge WHERE id = $1`, [id])) as {
        version: number;
      }[]
    )[0]?.version ?? 0;
  /** 定榜, with the challenge's version as read (by default: as it is now). */
  const select = async (
    who: Signed,
    application: { id: string; challengeId: string; version: number },
    version?: number,
  ) =>
    api.request<ChallengeApplicationDto & ApiError>(
      'POST',
      `/api/challenges/${application.challengeId}/applications/${application.id}/select`,
      {
        token: who.token,
        body: {
          version: application.version,
          challengeVersion: version ?? (await challengeVersion(application.challengeId)),
        },
      },
    );
  const list = (who: Signed, query = '') =>
    api.request<Page<ChallengeDto>>('GET', `/api/challenges?pageSize=100${query}`, {
      token: who.token,
    });
  const kindsOf = async (userId: string, challengeId: string) =>
    (
      (await api.dataSource.query(
        `SELECT kind FROM notification WHERE user_id = $1 AND subject_id = $2 ORDER BY created_at, kind`,
        [userId, challengeId],
      )) as { kind: string }[]
    ).map((r) => r.kind);

  it('runs a challenge from draft to 定榜, each step by whom it belongs to', async () => {
    // --- Draft: the chain office writes it from a short board of its chain.
    expect((await create(member, draft())).status).toBe(403);
    expect((await create(analyst, draft())).status).toBe(403);
    const foreign = await create(otherLeader, draft());
    expect(foreign.status).toBe(400);
    expect(foreign.body.details).toEqual([
      { path: 'shortBoardId', message: '没有这个短板，或不在您管理的产业链中' },
    ]);
    const created = await create(office, draft());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      chainId,
      shortBoardId: boardId,
      shortBoardTitle: '车规级 MCU 芯片',
      status: 'draft',
      budgetWan: 1500,
      party: 'manager',
      allowedActions: ['edit', 'publish', 'cancel'],
      applicationCount: 0,
      version: 1,
    });
    expect(created.body.milestones.map((m) => [m.title, m.dueDate, m.taskId])).toEqual([
      ['方案评审', inDays(40), null],
      ['样片流片', inDays(120), null],
    ]);
    const id = created.body.id;

    // A draft is the chain's: an enterprise or another chain's leader cannot even see it.
    for (const who of [member, otherLeader, city]) {
      expect((await get(who, id)).status).toBe(404);
      expect((await list(who)).body.items.map((c) => c.id)).not.toContain(id);
    }
    expect((await get(analyst, id)).body).toMatchObject({ status: 'draft', party: 'observer' });
    expect((await get(leader, id)).body).toMatchObject({ party: 'manager' });
    expect((await apply(member, id)).status).toBe(404);

    // --- Edit the draft: optimistic version, dates checked against today.
    const edited = await api.request<ChallengeDetailDto>('PATCH', `/api/challenges/${id}`, {
      token: office.token,
      body: { version: 1, budgetWan: 1800 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ budgetWan: 1800, version: 2 });
    const stale = await api.request<ApiError>('PATCH', `/api/challenges/${id}`, {
      token: office.token,
      body: { version: 1, budgetWan: 1 },
    });
    expect(stale.status).toBe(409);
    const badDates = await api.request<ApiError>('PATCH', `/api/challenges/${id}`, {
      token: office.token,
      body: { version: 2, deadline: inDays(50) },
    });
    expect(badDates.status).toBe(400);
    expect(badDates.body.details).toEqual([
      { path: 'milestones.0.dueDate', message: '里程碑日期须晚于申报截止日期' },
    ]);
    expect(
      (
        await api.request('PATCH', `/api/challenges/${id}`, {
          token: otherLeader.token,
          body: { version: 2, title: '他链' },
        })
      ).status,
    ).toBe(404);

    // --- Publish: the office of the chain, not another chain's leader.
    expect((await step(otherLeader, edited.body, 'publish')).status).toBe(404);
    expect((await step(member, edited.body, 'publish')).status).toBe(403);
    const published = await step(office, edited.body, 'publish');
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      status: 'published',
      version: 3,
      allowedActions: ['edit', 'close', 'cancel'],
    });
    expect(published.body.publishedAt).not.toBeNull();
    expect(published.body.workdaysLeft).toBeGreaterThan(5);
    expect((await step(office, published.body, 'publish')).status).toBe(409);

    // An open call: every signed-in user reads it; only the chain side runs it.
    expect((await get(otherLeader, id)).body).toMatchObject({
      party: 'observer',
      allowedActions: [],
      applicationCount: null,
    });
    expect((await get(member, id)).body).toMatchObject({
      party: 'applicant',
      allowedActions: ['apply'],
      applied: false,
      myApplication: null,
    });
    // Its terms stay as published; the follow-up milestones may be replanned.
    const terms = await api.request<ApiError>('PATCH', `/api/challenges/${id}`, {
      token: office.token,
      body: { version: 3, title: '改题' },
    });
    expect(terms.status).toBe(409);
    expect(terms.body.details).toEqual([{ path: 'title', message: '榜单发布后只能调整里程碑' }]);
    const replanned = await api.request<ChallengeDetailDto>('PATCH', `/api/challenges/${id}`, {
      token: office.token,
      body: {
        version: 3,
        milestones: [
          { title: '方案评审', dueDate: inDays(45) },
          { title: '样片流片', dueDate: inDays(150) },
        ],
      },
    });
    expect(replanned.status).toBe(200);
    expect(replanned.body.milestones.map((m) => m.dueDate)).toEqual([inDays(45), inDays(150)]);

    // --- Apply: enterprises and institutes, once each; the office hears of each.
    expect((await apply(office, id)).status).toBe(403);
    const fromMember = await apply(member, id);
    expect(fromMember.status).toBe(201);
    expect(fromMember.body).toMatchObject({
      status: 'submitted',
      organisationId: member.organisationId,
      quotedBudgetWan: 1200,
      allowedActions: ['edit', 'withdraw'],
    });
    const twice = await apply(member, id, '再来一次');
    expect(twice.status).toBe(409);
    expect(twice.body.details[0]?.path).toBe('organisationId');
    const fromOutsider = await apply(outsider, id, '外省企业方案');
    const fromInstitute = await apply(institute, id, '院所牵头，联合封测企业攻关');
    expect([fromOutsider.status, fromInstitute.status]).toEqual([201, 201]);
    expect(await kindsOf(office.id, id)).toEqual([
      'challenge.application',
      'challenge.application',
      'challenge.application',
    ]);
    expect((await get(member, id)).body).toMatchObject({
      applied: true,
      allowedActions: [],
      myApplication: { id: fromMember.body.id, status: 'submitted' },
    });

    // Who sees which applications: an applicant its own, the chain side and province all.
    expect((await applications(member, id)).body.map((a) => a.id)).toEqual([fromMember.body.id]);
    expect((await applications(office, id)).body).toHaveLength(3);
    expect((await applications(analyst, id)).body).toHaveLength(3);
    expect((await applications(otherLeader, id)).body).toEqual([]);
    expect((await get(office, id)).body.applicationCount).toBe(3);

    // An applicant edits its own application while submitted; another's is invisible.
    const changed = await api.request<ChallengeApplicationDto>(
      'PATCH',
      `/api/challenges/${id}/applications/${fromMember.body.id}`,
      { token: member.token, body: { version: 1, proposal: '补充：联合整车厂验证' } },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ proposal: '补充：联合整车厂验证', version: 2 });
    expect(
      (
        await api.request('PATCH', `/api/challenges/${id}/applications/${fromOutsider.body.id}`, {
          token: member.token,
          body: { version: 1, proposal: '篡改' },
        })
      ).status,
    ).toBe(404);
    expect((await decide(member, fromOutsider.body, 'withdraw')).status).toBe(404);

    // Withdrawn, an organisation may apply again (one live application at a time).
    const withdrawn = await decide(outsider, fromOutsider.body, 'withdraw');
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', allowedActions: [] });
    const again = await apply(outsider, id, '修改后的方案');
    expect(again.status).toBe(201);

    // --- Shortlist: the chain side only.
    expect((await decide(member, changed.body, 'shortlist')).status).toBe(403);
    expect((await decide(otherLeader, changed.body, 'shortlist')).status).toBe(404);
    const shortlisted = await decide(office, changed.body, 'shortlist');
    // Shortlisted while the call is open: nothing more for the office until it closes.
    expect(shortlisted.body).toMatchObject({ status: 'shortlisted', allowedActions: [] });
    const instituteListed = await decide(leader, fromInstitute.body, 'shortlist');
    expect(instituteListed.body.status).toBe('shortlisted');
    expect(await kindsOf(member.id, id)).toEqual(['challenge.shortlisted']);
    // 定榜 waits for applications to close.
    const early = await select(office, instituteListed.body);
    expect(early.status).toBe(409);
    expect(early.body.details[0]?.path).toBe('status');

    // --- Close: no more applications (400 naming the field), no more edits.
    const current = (await get(office, id)).body;
    const closed = await step(office, current, 'close');
    expect(closed.body).toMatchObject({ status: 'closed', workdaysLeft: null });
    const late = await apply(latecomer, id);
    expect(late.status).toBe(400);
    expect(late.body.details).toEqual([{ path: 'status', message: '该榜单不在揭榜期，不能申报' }]);
    expect(
      (
        await api.request('PATCH', `/api/challenges/${id}/applications/${again.body.id}`, {
          token: outsider.token,
          body: { version: 1, proposal: '截止后修改' },
        })
      ).status,
    ).toBe(409);
    // A submitted (not shortlisted) application cannot be selected.
    expect((await select(office, again.body)).status).toBe(409);

    // --- 定榜 is all or nothing: a milestone already past leaves no task and no change.
    await api.dataSource.query(
      `UPDATE challenge_milestone SET due_date = $2 WHERE challenge_id = $1 AND sort_order = 1`,
      [id, inDays(-1)],
    );
    const snapshot = () =>
      api.dataSource.query(
        `SELECT (SELECT json_agg(json_build_object('id', id, 'status', status, 'version', version) ORDER BY id)
                   FROM challenge_application WHERE challenge_id = $1) AS applications,
                (SELECT status FROM challenge WHERE id = $1) AS challenge,
                (SELECT status FROM short_board WHERE id = $2) AS board,
                (SELECT count(*)::int FROM task WHERE short_board_id = $2) AS tasks,
                (SELECT count(*)::int FROM chain_member WHERE chain_id = $3) AS members,
                (SELECT count(*)::int FROM challenge_milestone WHERE challenge_id = $1 AND task_id IS NOT NULL) AS linked`,
        [id, boardId, chainId],
      );
    const before = await snapshot();
    const failed = await select(office, instituteListed.body);
    expect(failed.status).toBe(400);
    expect(failed.body.details).toEqual([
      {
        path: 'milestones.1.dueDate',
        message: '里程碑「样片流片」的日期已过，请先调整里程碑再定榜',
      },
    ]);
    expect(await snapshot()).toEqual(before);
    expect(before[0]).toMatchObject({ challenge: 'closed', board: 'identified', tasks: 0 });

    // The office replans the milestones (still allowed while closed) and selects.
    const fixed = await api.request<ChallengeDetailDto>('PATCH', `/api/challenges/${id}`, {
      token: office.token,
      body: {
        version: closed.body.version,
        milestones: [
          { title: '方案评审', dueDate: inDays(45) },
          { title: '样片流片', dueDate: inDays(160) },
        ],
      },
    });
    expect(fixed.status).toBe(200);
    expect((await select(otherLeader, instituteListed.body)).status).toBe(404);
    expect((await select(institute, instituteListed.body)).status).toBe(403);
    const selected = await select(office, instituteListed.body);
    expect(selected.status).toBe(200);
    expect(selected.body).toMatchObject({ status: 'selected', allowedActions: [] });

    const result = (await get(office, id)).body;
    expect(result).toMatchObject({
      status: 'selected',
      selectedApplicationId: fromInstitute.body.id,
      selectedOrganisationName: '山东省集成电路创新研究院',
      allowedActions: [],
      applicationCount: 0,
    });
    const outcome = (await applications(office, id)).body.map((a) => [a.organisationId, a.status]);
    expect(outcome).toEqual([
      [member.organisationId, 'not_selected'],
      [outsider.organisationId, 'withdrawn'],
      [institute.organisationId, 'selected'],
      [outsider.organisationId, 'not_selected'],
    ]);

    // Each milestone became a task for the institute, assigned, with its reminders planned.
    const tasks = (await api.dataSource.query(
      `SELECT t.id, t.title, t.status, t.assignee_organisation_id AS assignee, t.chain_id AS chain,
              to_char(t.due_date, 'YYYY-MM-DD') AS due, t.assigner_user_id AS assigner,
              (SELECT count(*)::int FROM scheduled_event e WHERE e.subject_type = 'task' AND e.subject_id = t.id AND e.status = 'pending') AS steps
       FROM task t WHERE t.short_board_id = $1 ORDER BY t.due_date`,
      [boardId],
    )) as {
      id: string;
      title: string;
      status: string;
      assignee: string;
      chain: string;
      due: string;
      assigner: string;
      steps: number;
    }[];
    expect(tasks.map(({ id: _id, steps: _steps, ...t }) => t)).toEqual([
      {
        title: '车规级 MCU 芯片揭榜攻关：方案评审',
        status: 'assigned',
        assignee: institute.organisationId,
        chain: chainId,
        due: inDays(45),
        assigner: office.id,
      },
      {
        title: '车规级 MCU 芯片揭榜攻关：样片流片',
        status: 'assigned',
        assignee: institute.organisationId,
        chain: chainId,
        due: inDays(160),
        assigner: office.id,
      },
    ]);
    for (const task of tasks) expect(task.steps).toBeGreaterThan(0);
    expect(result.milestones.map((m) => m.taskId)).toEqual(tasks.map((t) => t.id));

    // The institute joined the chain as a research partner and owns the short board, now tackled.
    const [facts] = (await api.dataSource.query(
      `SELECT (SELECT role FROM chain_member WHERE chain_id = $1 AND organisation_id = $2) AS role,
              (SELECT status FROM short_board WHERE id = $3) AS board,
              EXISTS (SELECT 1 FROM short_board_owner WHERE short_board_id = $3 AND organisation_id = $2) AS owner`,
      [chainId, institute.organisationId, boardId],
    )) as { role: string; board: string; owner: boolean }[];
    expect(facts).toEqual({ role: 'research_partner', board: 'tackling', owner: true });
    const boardTrail = (await api.dataSource.query(
      `SELECT before, after FROM audit_entry WHERE subject_type = 'short_board' AND subject_id = $1::text`,
      [boardId],
    )) as { before: unknown; after: unknown }[];
    expect(boardTrail).toEqual([
      { before: { status: 'identified' }, after: { status: 'tackling', challengeId: id } },
    ]);

    // The selected institute finds the tasks in its own list.
    const theirs = await api.request<Page<TaskDto>>('GET', `/api/tasks?chainId=${chainId}`, {
      token: institute.token,
    });
    expect(theirs.body.items.map((t) => t.id).sort()).toEqual(tasks.map((t) => t.id).sort());
    expect(theirs.body.items.every((t) => t.allowedActions.includes('accept'))).toBe(true);

    // Everyone heard what concerns them.
    expect(await kindsOf(institute.id, id)).toEqual([
      'challenge.shortlisted',
      'challenge.selected',
    ]);
    expect(await kindsOf(member.id, id)).toEqual([
      'challenge.shortlisted',
      'challenge.not_selected',
    ]);
    expect(await kindsOf(outsider.id, id)).toEqual(['challenge.not_selected']);
    expect(await kindsOf(latecomer.id, id)).toEqual([]);

    // Done is done.
    expect((await select(office, selected.body)).status).toBe(409);
    expect((await step(office, result, 'cancel', '重来')).status).toBe(409);

    // Every step is in the audit trail, with before and after.
    const trail = (await api.dataSource.query(
      `SELECT action, before, after FROM audit_entry
       WHERE subject_id = $1::text OR subject_id IN (SELECT id::text FROM challenge_application WHERE challenge_id = $1::uuid)
       ORDER BY id`,
      [id],
    )) as { action: string; before: unknown; after: Record<string, unknown> | null }[];
    expect(trail.map((e) => e.action)).toEqual([
      'challenge.create',
      'challenge.update',
      'challenge.publish',
      'challenge.update',
      'challenge_application.submit',
      'challenge_application.submit',
      'challenge_application.submit',
      'challenge_application.update',
      'challenge_application.withdraw',
      'challenge_application.submit',
      'challenge_application.shortlist',
      'challenge_application.shortlist',
      'challenge.close',
      'challenge.update',
      'challenge_application.select',
      'challenge.select',
    ]);
    const selection = trail.find((e) => e.action === 'challenge.select');
    expect(selection).toMatchObject({
      before: { status: 'closed' },
      after: { status: 'selected', organisationId: institute.organisationId },
    });
    expect(selection?.after?.['taskIds']).toEqual(tasks.map((t) => t.id));
  });

  it('closes by itself once the deadline has passed: read as closed, applications refused on the deadline', async () => {
    const created = await create(
      office,
      draft({
        shortBoardId: await board(chainId, '高纯靶材'),
        title: '高纯靶材揭榜',
        deadline: inDays(0),
      }),
    );
    const published = await step(office, created.body, 'publish');
    expect(published.body).toMatchObject({ status: 'published', workdaysLeft: 0 });
    await api.dataSource.query(`UPDATE challenge SET deadline = $2 WHERE id = $1`, [
      created.body.id,
      inDays(-1),
    ]);
    const read = await get(member, created.body.id);
    expect(read.body).toMatchObject({ status: 'closed', workdaysLeft: null, allowedActions: [] });
    const late = await apply(member, created.body.id);
    expect(late.status).toBe(400);
    expect(late.body.details).toEqual([{ path: 'deadline', message: '申报已截止' }]);
    const ids = async (query: string) => (await list(office, query)).body.items.map((c) => c.id);
    expect(await ids('&status=closed')).toContain(created.body.id);
    expect(await ids('&status=published')).not.toContain(created.body.id);
    // Closed by the clock: it cannot be closed again, and the office may still cancel it.
    expect((await step(office, read.body, 'close')).status).toBe(409);
    expect((await get(office, created.body.id)).body.allowedActions).toEqual(['edit', 'cancel']);
  });

  it('cancels with a reason and tells the applicants, who still see it; others do not', async () => {
    const created = await create(
      leader,
      draft({ shortBoardId: await board(chainId, '工业软件内核'), title: '工业软件内核揭榜' }),
    );
    const published = await step(leader, created.body, 'publish');
    expect((await apply(member, created.body.id)).status).toBe(201);
    const fromInstitute = await apply(institute, created.body.id, '院所方案');
    expect((await decide(leader, fromInstitute.body, 'shortlist')).status).toBe(200);
    const current = (await get(leader, created.body.id)).body;
    expect(current.applicationCount).toBe(2);
    const noReason = await step(leader, current, 'cancel');
    expect(noReason.status).toBe(400);
    expect(noReason.body.details).toEqual([{ path: 'reason', message: '请填写原因' }]);
    expect((await step(otherLeader, current, 'cancel', '他链')).status).toBe(404);
    const cancelled = await step(leader, current, 'cancel', '纳入国家专项统筹');
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelReason: '纳入国家专项统筹',
      allowedActions: [],
    });
    expect(published.body.status).toBe('published');
    // The live applications are closed with it, as not selected, and nothing counts as live.
    expect(cancelled.body.applicationCount).toBe(0);
    const closedApplications = (await api.dataSource.query(
      `SELECT organisation_id AS "organisationId", status, decided_at IS NOT NULL AS decided
       FROM challenge_application WHERE challenge_id = $1 ORDER BY created_at`,
      [created.body.id],
    )) as { organisationId: string; status: string; decided: boolean }[];
    expect(closedApplications).toEqual([
      { organisationId: member.organisationId, status: 'not_selected', decided: true },
      { organisationId: institute.organisationId, status: 'not_selected', decided: true },
    ]);
    expect((await applications(member, created.body.id)).body).toMatchObject([
      { status: 'not_selected', allowedActions: [] },
    ]);
    const [cancelEntry] = (await api.dataSource.query(
      `SELECT after FROM audit_entry WHERE action = 'challenge.cancel' AND subject_id = $1::text`,
      [created.body.id],
    )) as { after: { notSelected: string[] } }[];
    expect(cancelEntry?.after.notSelected).toHaveLength(2);
    // Each applicant hears it once, with the reason.
    expect(await kindsOf(member.id, created.body.id)).toEqual(['challenge.cancelled']);
    expect(await kindsOf(institute.id, created.body.id)).toEqual([
      'challenge.shortlisted',
      'challenge.cancelled',
    ]);
    expect((await get(member, created.body.id)).body.status).toBe('cancelled');
    for (const who of [outsider, otherLeader])
      expect((await get(who, created.body.id)).status).toBe(404);
    expect((await apply(outsider, created.body.id)).status).toBe(404);
  });

  it('takes one live application per organisation, also when two arrive at once', async () => {
    const created = await create(
      office,
      draft({ shortBoardId: await board(chainId, '高端传感器'), title: '高端传感器揭榜' }),
    );
    const published = await step(office, created.body, 'publish');
    expect(published.status).toBe(200);
    const answers = await Promise.all([
      apply(latecomer, created.body.id, '方案甲'),
      apply(latecomer, created.body.id, '方案乙'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const [{ live }] = (await api.dataSource.query(
      `SELECT count(*)::int AS live FROM challenge_application WHERE challenge_id = $1`,
      [created.body.id],
    )) as { live: number }[];
    expect(live).toBe(1);
  });

  it('scopes the chain side to its chains: a city coordinator runs its city chain only', async () => {
    const own = await create(city, draft({ shortBoardId: cityBoardId, title: '本地封测揭榜' }));
    expect(own.status).toBe(201);
    expect(own.body.party).toBe('manager');
    expect((await create(city, draft({ shortBoardId: otherBoardId }))).status).toBe(400);
    expect((await create(admin, draft({ shortBoardId: otherBoardId }))).status).toBe(201);
    expect((await get(office, own.body.id)).status).toBe(404);
  });

  it('refuses bad dates with the field, and lists with filters and pages', async () => {
    const past = await create(office, draft({ deadline: inDays(-1) }));
    expect(past.status).toBe(400);
    expect(past.body.details.map((d) => d.path)).toEqual(['deadline']);
    const early = await create(
      office,
      draft({ milestones: [{ title: '提前', dueDate: inDays(5) }] }),
    );
    expect(early.body.details).toEqual([
      { path: 'milestones.0.dueDate', message: '里程碑日期须晚于申报截止日期' },
    ]);
    const none = await create(office, draft({ milestones: [] }));
    expect(none.status).toBe(400);
    expect(none.body.details.map((d) => d.path)).toEqual(['milestones']);

    // Only the challenges of the enterprise's applications with mine=true.
    const mine = (await list(member, '&mine=true')).body.items.map((c) => c.title).sort();
    expect(mine).toEqual(['工业软件内核揭榜', '车规级 MCU 芯片揭榜攻关']);
    const page = await api.request<Page<ChallengeDto>>(
      'GET',
      `/api/challenges?chainId=${chainId}&pageSize=1&sort=title`,
      { token: office.token },
    );
    expect(page.body).toMatchObject({ page: 1, pageSize: 1 });
    expect(page.body.total).toBeGreaterThan(1);
    expect(page.body.items).toHaveLength(1);
    for (const bad of ['status=open', 'sort=budget', 'mine=yes', 'chainId=x']) {
      const response = await api.request('GET', `/api/challenges?${bad}`, { token: office.token });
      expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
    }
  });

  /** A challenge on a board of its own, published, with shortlisted applications, closed. */
  async function closedWith(
    title: string,
    applicants: readonly Signed[],
  ): Promise<{ id: string; board: string; listed: ChallengeApplicationDto[] }> {
    const shortBoardId = await board(chainId, title);
    const created = await create(office, draft({ shortBoardId, title: `${title}揭榜` }));
    expect(created.status).toBe(201);
    await step(office, created.body, 'publish');
    const listed: ChallengeApplicationDto[] = [];
    for (const who of applicants) {
      const applied = await apply(who, created.body.id, `${title}方案`);
      expect(applied.status).toBe(201);
      const shortlisted = await decide(office, applied.body, 'shortlist');
      expect(shortlisted.status).toBe(200);
      listed.push(shortlisted.body);
    }
    const closed = await step(office, (await get(office, created.body.id)).body, 'close');
    expect(closed.body.status).toBe('closed');
    return { id: created.body.id, board: shortBoardId, listed };
  }

  const tasksOn = async (shortBoardId: string) =>
    (
      (await api.dataSource.query(`SELECT count(*)::int AS n FROM task WHERE short_board_id = $1`, [
        shortBoardId,
      ])) as { n: number }[]
    )[0]?.n;

  it('tells of applications only those who manage the chain now: not a writer who has left it', async () => {
    const former = await api.signedIn('chain_office');
    await api.dataSource.query(
      `INSERT INTO chain_leadership (chain_id, user_id, kind) VALUES ($1, $2, 'office')`,
      [chainId, former.id],
    );
    const created = await create(
      former,
      draft({ shortBoardId: await board(chainId, '高端光刻胶'), title: '高端光刻胶揭榜' }),
    );
    expect((await step(former, created.body, 'publish')).status).toBe(200);
    // The writer moves on: the chain's office is no longer theirs.
    await api.dataSource.query(`DELETE FROM chain_leadership WHERE user_id = $1`, [former.id]);
    expect((await apply(member, created.body.id)).status).toBe(201);
    expect(await kindsOf(former.id, created.body.id)).toEqual([]);
    expect(await kindsOf(office.id, created.body.id)).toEqual(['challenge.application']);

    // A province admin who wrote one still manages every chain, and hears of it.
    const byAdmin = await create(
      admin,
      draft({ shortBoardId: await board(chainId, '电子特气'), title: '电子特气揭榜' }),
    );
    await step(admin, byAdmin.body, 'publish');
    expect((await apply(member, byAdmin.body.id)).status).toBe(201);
    expect(await kindsOf(admin.id, byAdmin.body.id)).toEqual(['challenge.application']);
    expect(await kindsOf(office.id, byAdmin.body.id)).toEqual(['challenge.application']);
  });

  it('plans at most five years ahead, and never walks the calendar far for a stored date', async () => {
    const today = inDays(0);
    const fiveYears = `${Number(today.slice(0, 4)) + 5}${today.slice(4)}`.replace(
      '-02-29',
      '-02-28',
    );
    const far = await create(
      office,
      draft({
        shortBoardId: await board(chainId, '远期'),
        deadline: '9999-12-31',
        milestones: [{ title: '远期', dueDate: '9999-12-31' }],
      }),
    );
    expect(far.status).toBe(400);
    expect(far.body.details.map((d) => d.path)).toEqual(['deadline', 'milestones.0.dueDate']);
    expect(far.body.details[0]?.message).toContain('5 年');
    const english = await api.request<ApiError>('POST', '/api/challenges', {
      token: office.token,
      language: 'en',
      body: draft({ deadline: '9999-12-31' }),
    });
    expect(english.body.details[0]?.message).toContain('5 years');

    const shortBoardId = await board(chainId, '五年之内');
    const edge = await create(
      office,
      draft({ shortBoardId, milestones: [{ title: '五年', dueDate: fiveYears }] }),
    );
    expect(edge.status).toBe(201);
    const beyond = await api.request<ApiError>('PATCH', `/api/challenges/${edge.body.id}`, {
      token: office.token,
      body: { version: 1, milestones: [{ title: '五年零一天', dueDate: '2999-01-01' }] },
    });
    expect(beyond.status).toBe(400);
    expect(beyond.body.details.map((d) => d.path)).toEqual(['milestones.0.dueDate']);

    // A call closing in more than a year counts no workdays; within a year it does.
    const later = await step(
      office,
      (
        await api.request<ChallengeDetailDto>('PATCH', `/api/challenges/${edge.body.id}`, {
          token: office.token,
          body: { version: 1, deadline: inDays(400) },
        })
      ).body,
      'publish',
    );
    expect(later.body).toMatchObject({ status: 'published', workdaysLeft: null });
    const soon = await create(
      office,
      draft({
        shortBoardId: await board(chainId, '一年之内'),
        deadline: inDays(300),
        milestones: [{ title: '交付', dueDate: inDays(330) }],
      }),
    );
    expect((await step(office, soon.body, 'publish')).body.workdaysLeft).toBeGreaterThan(150);

    // A date stored before the bound (9999-12-31): the list answers at once, with no count.
    await api.dataSource.query(`UPDATE challenge SET deadline = '9999-12-31' WHERE id = $1;`, [
      edge.body.id,
    ]);
    await api.dataSource.query(
      `UPDATE challenge_milestone SET due_date = '9999-12-31' WHERE challenge_id = $1`,
      [edge.body.id],
    );
    const started = Date.now();
    const listed = await list(member);
    const elapsed = Date.now() - started;
    expect(listed.body.items.find((c) => c.id === edge.body.id)).toMatchObject({
      status: 'published',
      deadline: '9999-12-31',
      workdaysLeft: null,
    });
    expect((await get(member, edge.body.id)).body.workdaysLeft).toBeNull();
    // Not a timing test: 9999-12-31 took 12.8 s a row when the calendar was walked.
    expect(elapsed).toBeLessThan(5_000);
  });

  it('takes budgets and quotes from 0.01 in cents, which numeric(14,2) holds as given', async () => {
    const shortBoardId = await board(chainId, '预算');
    for (const budgetWan of [0.001, 0.004, 1.234, 0, -1, 1e12]) {
      const refused = await create(office, draft({ shortBoardId, budgetWan }));
      expect({
        budgetWan,
        status: refused.status,
        paths: [...new Set(refused.body.details?.map((d) => d.path))],
      }).toEqual({ budgetWan, status: 400, paths: ['budgetWan'] });
    }
    const cent = await create(office, draft({ shortBoardId, budgetWan: 0.01 }));
    expect(cent.status).toBe(201);
    expect(cent.body.budgetWan).toBe(0.01);
    await step(office, cent.body, 'publish');
    for (const quotedBudgetWan of [0.001, 2.345]) {
      const refused = await api.request<ApiError>(
        'POST',
        `/api/challenges/${cent.body.id}/applications`,
        { token: latecomer.token, body: { proposal: '报价', quotedBudgetWan } },
      );
      expect({
        quotedBudgetWan,
        status: refused.status,
        paths: [...new Set(refused.body.details?.map((d) => d.path))],
      }).toEqual({ quotedBudgetWan, status: 400, paths: ['quotedBudgetWan'] });
    }
    const quoted = await api.request<ChallengeApplicationDto>(
      'POST',
      `/api/challenges/${cent.body.id}/applications`,
      { token: latecomer.token, body: { proposal: '报价', quotedBudgetWan: 12.34 } },
    );
    expect(quoted.status).toBe(201);
    expect(quoted.body.quotedBudgetWan).toBe(12.34);

    // Past the contract (a caller inside the server), the check constraints are field errors.
    const service = api.app.get(ChallengesService);
    const asUser = (who: Signed, role: AuthenticatedUser['role']): AuthenticatedUser => ({
      id: who.id,
      sessionId: 'test',
      username: who.username,
      displayName: who.username,
      role,
      organisationId: who.organisationId,
      regionCode: null,
    });
    await expect(
      service.create(asUser(office, 'chain_office'), {
        ...draft({ shortBoardId: await board(chainId, '约束') }),
        budgetWan: 0.004,
      } as never),
    ).rejects.toMatchObject({ details: [{ path: 'budgetWan' }] });
    await expect(
      service.apply(asUser(outsider, 'enterprise_user'), cent.body.id, {
        proposal: '约束',
        quotedBudgetWan: 0.004,
      }),
    ).rejects.toMatchObject({ details: [{ path: 'quotedBudgetWan' }] });
  });

  it('selects against the challenge as read: milestones replanned in between answer 409', async () => {
    const { id, board: shortBoardId, listed } = await closedWith('定榜版本', [outsider]);
    const application = listed[0] as ChallengeApplicationDto;
    const seen = (await get(office, id)).body;
    // Another office user replans while the first looks at the confirmation.
    const replanned = await api.request<ChallengeDetailDto>('PATCH', `/api/challenges/${id}`, {
      token: leader.token,
      body: { version: seen.version, milestones: [{ title: '一次交付', dueDate: inDays(90) }] },
    });
    expect(replanned.status).toBe(200);
    const stale = await select(office, application, seen.version);
    expect(stale.status).toBe(409);
    expect(await tasksOn(shortBoardId)).toBe(0);
    const unversioned = await api.request<ApiError>(
      'POST',
      `/api/challenges/${id}/applications/${application.id}/select`,
      { token: office.token, body: { version: application.version } },
    );
    expect(unversioned.status).toBe(400);
    expect(unversioned.body.details.map((d) => d.path)).toEqual(['challengeVersion']);
    const fresh = await select(office, application, replanned.body.version);
    expect(fresh.status).toBe(200);
    expect(await tasksOn(shortBoardId)).toBe(1);
  });

  it('publishes a board still being worked on, and one live challenge per board', async () => {
    for (const status of ['shelved', 'resolved']) {
      const shortBoardId = await board(chainId, `已${status}`);
      await api.dataSource.query(`UPDATE short_board SET status = $2 WHERE id = $1`, [
        shortBoardId,
        status,
      ]);
      const refused = await create(office, draft({ shortBoardId }));
      expect({ status, answer: refused.status, details: refused.body.details }).toEqual({
        status,
        answer: 400,
        details: [{ path: 'shortBoardId', message: '该短板已解决或已搁置，不能发布揭榜' }],
      });
    }
    const breakthrough = await board(chainId, '已突破');
    await api.dataSource.query(`UPDATE short_board SET status = 'breakthrough' WHERE id = $1`, [
      breakthrough,
    ]);
    expect((await create(office, draft({ shortBoardId: breakthrough }))).status).toBe(201);

    // A second live one (draft, open or closed) on the same board: 409, also when both race.
    const shortBoardId = await board(chainId, '一板一榜');
    const answers = await Promise.all([
      create(office, draft({ shortBoardId })),
      create(leader, draft({ shortBoardId })),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const taken = answers.find((a) => a.status === 409);
    expect(taken?.body.details).toEqual([
      {
        path: 'shortBoardId',
        message: '该短板已有进行中的揭榜（草稿、揭榜中或已截止），请先完成或撤销',
      },
    ]);
    const first = answers.find((a) => a.status === 201)?.body as ChallengeDetailDto;
    const published = await step(office, first, 'publish');
    await api.dataSource.query(`UPDATE challenge SET deadline = $2 WHERE id = $1`, [
      first.id,
      inDays(-1),
    ]);
    expect((await create(office, draft({ shortBoardId }))).status).toBe(409);
    // Once that one is cancelled the board may be published again.
    expect((await step(office, published.body, 'cancel', '重新发布')).status).toBe(200);
    expect((await create(office, draft({ shortBoardId }))).status).toBe(201);
  });

  it('searches titles literally: % and _ match only themselves', async () => {
    await create(
      office,
      draft({ shortBoardId: await board(chainId, '国产化率'), title: '国产化率 100% 揭榜' }),
    );
    await create(
      office,
      draft({ shortBoardId: await board(chainId, '固件'), title: 'MCU_v2 固件揭榜' }),
    );
    const titles = async (q: string) =>
      (await list(office, `&q=${encodeURIComponent(q)}`)).body.items.map((c) => c.title).sort();
    expect(await titles('%')).toEqual(['国产化率 100% 揭榜']);
    expect(await titles('100%')).toEqual(['国产化率 100% 揭榜']);
    expect(await titles('_')).toEqual(['MCU_v2 固件揭榜']);
    expect(await titles('\\')).toEqual([]);
    expect(await titles('固件')).toEqual(['MCU_v2 固件揭榜']);
  });

  it('decides 定榜 once when two selections race, and consistently when a select races a withdraw', async () => {
    const race = await closedWith('并发定榜', [outsider, latecomer]);
    const version = await challengeVersion(race.id);
    const [a, b] = race.listed as [ChallengeApplicationDto, ChallengeApplicationDto];
    const answers = await Promise.all([select(office, a, version), select(leader, b, version)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = answers[0].status === 200 ? a : b;
    const loser = winner === a ? b : a;
    const [state] = (await api.dataSource.query(
      `SELECT ch.status, ch.selected_application_id AS selected,
              (SELECT status FROM challenge_application WHERE id = $2) AS loser,
              (SELECT count(*)::int FROM audit_entry WHERE action = 'challenge.select' AND subject_id = ch.id::text) AS selections
       FROM challenge ch WHERE ch.id = $1`,
      [race.id, loser.id],
    )) as Record<string, unknown>[];
    expect(state).toEqual({
      status: 'selected',
      selected: winner.id,
      loser: 'not_selected',
      selections: 1,
    });
    // Exactly one set of tasks: one per milestone, for the winner only.
    const tasks = (await api.dataSource.query(
      `SELECT DISTINCT assignee_organisation_id AS org, count(*) OVER ()::int AS n FROM task WHERE short_board_id = $1`,
      [race.board],
    )) as { org: string; n: number }[];
    expect(tasks).toEqual([{ org: winner.organisationId, n: 2 }]);

    const withdrawing = await closedWith('定榜撤回', [institute]);
    const application = withdrawing.listed[0] as ChallengeApplicationDto;
    const [selected, withdrawn] = await Promise.all([
      select(office, application, await challengeVersion(withdrawing.id)),
      decide(institute, application, 'withdraw'),
    ]);
    const [end] = (await api.dataSource.query(
      `SELECT ch.status AS challenge, a.status AS application,
              (SELECT count(*)::int FROM task WHERE short_board_id = ch.short_board_id) AS tasks
       FROM challenge ch JOIN challenge_application a ON a.challenge_id = ch.id WHERE ch.id = $1`,
      [withdrawing.id],
    )) as Record<string, unknown>[];
    const outcome = { select: selected.status, withdraw: withdrawn.status, ...end };
    expect([
      { select: 200, withdraw: 409, challenge: 'selected', application: 'selected', tasks: 2 },
      { select: 409, withdraw: 200, challenge: 'closed', application: 'withdrawn', tasks: 0 },
    ]).toContainEqual(outcome);
  });

  it('lets a province admin run any chain’s challenge, and an analyst only look', async () => {
    const shortBoardId = await board(otherChainId, '他链短板');
    const created = await create(otherLeader, draft({ shortBoardId, title: '他链揭榜' }));
    expect(created.status).toBe(201);
    expect((await get(admin, created.body.id)).body).toMatchObject({
      party: 'manager',
      allowedActions: ['edit', 'publish', 'cancel'],
    });
    const published = await step(admin, created.body, 'publish');
    expect(published.status).toBe(200);
    const applied = await apply(outsider, created.body.id, '他链方案');
    const other = await apply(latecomer, created.body.id, '他链方案二');
    expect((await decide(analyst, applied.body, 'shortlist')).status).toBe(403);
    const shortlisted = await decide(admin, applied.body, 'shortlist');
    expect(shortlisted.body).toMatchObject({ status: 'shortlisted' });
    const closed = await step(admin, published.body, 'close');
    expect(closed.body.status).toBe('closed');
    expect((await select(analyst, shortlisted.body)).status).toBe(403);
    const selected = await select(admin, shortlisted.body);
    expect(selected.status).toBe(200);
    expect((await get(admin, created.body.id)).body).toMatchObject({
      status: 'selected',
      selectedApplicationId: applied.body.id,
    });
    const [assigner] = (await api.dataSource.query(
      `SELECT DISTINCT assigner_user_id AS id FROM task WHERE short_board_id = $1`,
      [shortBoardId],
    )) as { id: string }[];
    expect(assigner?.id).toBe(admin.id);
    expect((await applications(admin, created.body.id)).body.map((a) => a.status)).toEqual([
      'selected',
      'not_selected',
    ]);
    expect(other.status).toBe(201);

    // And cancels another chain's call.
    const second = await create(
      otherLeader,
      draft({ shortBoardId: await board(otherChainId, '他链短板二'), title: '他链揭榜二' }),
    );
    expect((await step(analyst, second.body, 'cancel', '不需要')).status).toBe(403);
    const cancelled = await step(admin, second.body, 'cancel', '省级统筹');
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '省级统筹' });
  });
});
