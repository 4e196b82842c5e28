import type {
  ApiError,
  Page,
  ProgressReportDto,
  TaskDetailDto,
  TaskDto,
} from '@lianzhang/contracts';
import {
  DEFAULT_ESCALATION_POLICY,
  OFFICIAL_CALENDAR,
  planTaskSteps,
  WorkdayCalendar,
} from '@lianzhang/domain';
import { ApiHarness } from './testing/api-harness';

type Signed = Awaited<ReturnType<ApiHarness['signedIn']>>;

describe('tasks: the workflow over HTTP, scoping, concurrency and bad input', () => {
  let api: ApiHarness;
  let leader: Signed;
  let otherLeader: Signed;
  let analyst: Signed;
  let a: Signed;
  let b: Signed;
  let c: Signed;
  let chainId: string;

  beforeAll(async () => {
    api = await ApiHarness.start('tasks');
    leader = await api.signedIn('chain_leader');
    otherLeader = await api.signedIn('chain_leader');
    analyst = await api.signedIn('province_analyst');
    a = await api.signedIn('enterprise_user');
    b = await api.signedIn('enterprise_user');
    c = await api.signedIn('enterprise_user');
    chainId = await api.chain({
      leaders: [{ userId: leader.id }],
      members: [
        { organisationId: a.organisationId, role: 'chain_master' },
        { organisationId: c.organisationId },
      ],
    });
    await api.chain({
      leaders: [{ userId: otherLeader.id }],
      members: [{ organisationId: b.organisationId }],
    });
  });

  afterAll(async () => {
    await api?.stop();
  });

  const inDays = (days: number) => {
    const date = new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000);
    return date.toISOString().slice(0, 10);
  };

  async function newTask(overrides: Record<string, unknown> = {}): Promise<TaskDto> {
    const response = await api.request<TaskDto>('POST', '/api/tasks', {
      token: leader.token,
      body: {
        chainId,
        title: '突破 12 英寸晶圆关键工艺',
        assigneeOrganisationId: a.organisationId,
        coHandlerOrganisationIds: [c.organisationId],
        dueDate: inDays(30),
        assign: true,
        ...overrides,
      },
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  const step = (
    who: Signed,
    task: { id: string; version: number },
    action: string,
    reason?: string,
  ) =>
    api.request<TaskDto & ApiError>('POST', `/api/tasks/${task.id}/transitions`, {
      token: who.token,
      body: { action, version: task.version, ...(reason ? { reason } : {}) },
    });

  it('runs a task from assignment to done: accept, report 60 %, returned report, resubmit, accepted, approve', async () => {
    const created = await newTask();
    expect(created).toMatchObject({
      status: 'assigned',
      party: 'assigner',
      allowedActions: ['cancel'],
      overdue: false,
    });

    const seen = await api.request<TaskDto>('GET', `/api/tasks/${created.id}`, { token: a.token });
    expect(seen.body).toMatchObject({ party: 'assignee', allowedActions: ['accept', 'decline'] });
    const helper = await api.request<TaskDto>('GET', `/api/tasks/${created.id}`, {
      token: c.token,
    });
    expect(helper.body).toMatchObject({ party: 'co_handler', allowedActions: [] });

    const accepted = await step(a, seen.body, 'accept');
    expect(accepted.body).toMatchObject({ status: 'accepted', allowedActions: ['start'] });
    const started = await step(a, accepted.body, 'start');
    expect(started.body.status).toBe('in_progress');

    const report = await api.request<ProgressReportDto>(
      'POST',
      `/api/tasks/${created.id}/reports`,
      {
        token: a.token,
        body: {
          percent: 60,
          narrative: '完成工艺验证，良率 92%',
          problems: '光刻胶依赖进口',
          needs: '协调省内材料企业',
        },
      },
    );
    expect(report.status).toBe(201);
    expect(report.body).toMatchObject({
      status: 'submitted',
      percent: 60,
      organisationId: a.organisationId,
    });

    const queue = await api.request<Page<ProgressReportDto>>(
      'GET',
      `/api/reports?status=submitted&chainId=${chainId}`,
      { token: leader.token },
    );
    expect(queue.body.items.map((r) => r.id)).toContain(report.body.id);

    const noReason = await api.request<ApiError>('POST', `/api/reports/${report.body.id}/review`, {
      token: leader.token,
      body: { decision: 'return', version: 1 },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details).toEqual([{ path: 'reason', message: '请填写原因' }]);
    const returned = await api.request<ProgressReportDto>(
      'POST',
      `/api/reports/${report.body.id}/review`,
      {
        token: leader.token,
        body: { decision: 'return', version: 1, reason: '请补充良率测试数据' },
      },
    );
    expect(returned.body).toMatchObject({ status: 'returned', reviewReason: '请补充良率测试数据' });

    const again = await api.request<ProgressReportDto>('POST', `/api/tasks/${created.id}/reports`, {
      token: a.token,
      body: { percent: 60, narrative: '补充：三批次良率 92.1%、92.4%、91.8%' },
    });
    const acceptedReport = await api.request<ProgressReportDto>(
      'POST',
      `/api/reports/${again.body.id}/review`,
      {
        token: leader.token,
        body: { decision: 'accept', version: 1 },
      },
    );
    expect(acceptedReport.body.status).toBe('accepted');
    const afterReview = await api.request<TaskDto>('GET', `/api/tasks/${created.id}`, {
      token: a.token,
    });
    expect(afterReview.body.progress).toBe(60);

    const submitted = await step(a, afterReview.body, 'submit');
    expect(submitted.body.status).toBe('submitted');
    const done = await step(leader, submitted.body, 'approve');
    expect(done.body).toMatchObject({ status: 'done', allowedActions: [] });

    const detail = await api.request<TaskDetailDto>('GET', `/api/tasks/${created.id}`, {
      token: leader.token,
    });
    expect(detail.body.history.map((e) => e.action)).toEqual([
      'create',
      'assign',
      'accept',
      'start',
      'report',
      'review',
      'report',
      'review',
      'submit',
      'approve',
    ]);
    expect(detail.body.history.find((e) => e.action === 'review')?.reason).toBe(
      '请补充良率测试数据',
    );
  });

  it('refuses steps that are not the caller’s (403), not possible now (409) or lack a reason (400)', async () => {
    const task = await newTask();
    expect((await step(leader, task, 'accept')).status).toBe(403);
    expect((await step(c, task, 'accept')).status).toBe(403);
    expect((await step(analyst, task, 'cancel', '不需要了')).status).toBe(403);
    const decline = await step(a, task, 'decline');
    expect(decline.status).toBe(400);
    expect(decline.body.details).toEqual([{ path: 'reason', message: '请填写原因' }]);
    const accepted = await step(a, task, 'accept');
    expect((await step(a, accepted.body, 'accept')).status).toBe(409);
    expect((await step(a, accepted.body, 'submit')).status).toBe(409);
    const cancelled = await step(leader, accepted.body, 'cancel', '任务调整');
    expect(cancelled.body.status).toBe('cancelled');
    expect((await step(leader, cancelled.body, 'cancel', '再次撤销')).status).toBe(409);
  });

  it('answers a decline with the task handed back (a draft the enterprise no longer sees), not a 404', async () => {
    const task = await newTask();
    const declined = await step(a, task, 'decline', '不属于本单位业务范围');
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ id: task.id, status: 'draft', allowedActions: [] });
    expect((await api.request('GET', `/api/tasks/${task.id}`, { token: a.token })).status).toBe(
      404,
    );
  });

  it('hides a task entirely from another enterprise and from a leader of another chain', async () => {
    const task = await newTask({ title: '保密任务：某卡脖子材料替代' });
    await step(a, task, 'accept');
    for (const outsider of [b, otherLeader]) {
      const peek = await api.request<ApiError>('GET', `/api/tasks/${task.id}`, {
        token: outsider.token,
      });
      expect(peek.status).toBe(404);
      expect(JSON.stringify(peek.body)).not.toContain('保密任务');
      const list = await api.request<Page<TaskDto>>('GET', `/api/tasks?pageSize=100`, {
        token: outsider.token,
      });
      expect(list.body.items.find((t) => t.id === task.id)).toBeUndefined();
      expect((await step(outsider, { id: task.id, version: 2 }, 'start')).status).toBe(404);
      const comment = await api.request('POST', `/api/tasks/${task.id}/comments`, {
        token: outsider.token,
        body: { body: '看看' },
      });
      expect(comment.status).toBe(404);
      const report = await api.request('POST', `/api/tasks/${task.id}/reports`, {
        token: outsider.token,
        body: { percent: 10, narrative: '冒名报送' },
      });
      expect([403, 404]).toContain(report.status);
    }
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM progress_report WHERE subject_id = $1`,
      [task.id],
    );
    expect(n).toBe(0);
    const [{ comments }] = await api.dataSource.query(
      `SELECT count(*)::int AS comments FROM task_comment WHERE task_id = $1`,
      [task.id],
    );
    expect(comments).toBe(0);
  });

  it('lets enterprise B see zero of A’s reports, and a leader of another chain none either', async () => {
    const task = await newTask();
    const accepted = await step(a, task, 'accept');
    await step(a, accepted.body, 'start');
    const report = await api.request<ProgressReportDto>('POST', `/api/tasks/${task.id}/reports`, {
      token: a.token,
      body: { percent: 20, narrative: '进展正常' },
    });
    for (const outsider of [b, otherLeader]) {
      expect(
        (await api.request('GET', `/api/reports/${report.body.id}`, { token: outsider.token }))
          .status,
      ).toBe(404);
      const list = await api.request<Page<ProgressReportDto>>('GET', '/api/reports?pageSize=100', {
        token: outsider.token,
      });
      expect(list.body.items).toEqual([]);
      const review = await api.request('POST', `/api/reports/${report.body.id}/review`, {
        token: outsider.token,
        body: { decision: 'accept', version: 1 },
      });
      expect([403, 404]).toContain(review.status);
    }
    const [{ status }] = await api.dataSource.query(
      `SELECT status FROM progress_report WHERE id = $1`,
      [report.body.id],
    );
    expect(status).toBe('submitted');
  });

  it('of two concurrent steps on one version, one succeeds and one gets 409', async () => {
    const task = await newTask();
    const [first, second] = await Promise.all([step(a, task, 'accept'), step(a, task, 'accept')]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const [{ events }] = await api.dataSource.query(
      `SELECT count(*)::int AS events FROM task_event WHERE task_id = $1 AND action = 'accept'`,
      [task.id],
    );
    expect(events).toBe(1);
  });

  it('of two concurrent edits of one version, one succeeds and one gets 409 and changes nothing', async () => {
    const task = await newTask();
    const edit = (title: string) =>
      api.request<TaskDto>('PATCH', `/api/tasks/${task.id}`, {
        token: leader.token,
        body: { version: task.version, title },
      });
    const [x, y] = await Promise.all([edit('甲方案'), edit('乙方案')]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const winner = x.status === 200 ? x : y;
    const [row] = await api.dataSource.query(`SELECT title, version FROM task WHERE id = $1`, [
      task.id,
    ]);
    expect(row).toEqual({ title: winner.body.title, version: task.version + 1 });
  });

  it.each([
    [{ status: 'done' }, 'status'],
    [{ organisationId: '00000000-0000-4000-8000-000000000001' }, 'organisationId'],
    [{ assignerUserId: '00000000-0000-4000-8000-000000000001' }, 'assignerUserId'],
    [{ progress: 100 }, 'progress'],
  ])('refuses the extra field %j and writes nothing', async (extra, field) => {
    const before = (await api.dataSource.query(`SELECT count(*)::int AS n FROM task`))[0].n;
    const response = await api.request<ApiError>('POST', '/api/tasks', {
      token: leader.token,
      body: {
        chainId,
        title: '越权字段',
        assigneeOrganisationId: a.organisationId,
        dueDate: inDays(10),
        ...extra,
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.details[0]?.message).toContain(field);
    expect((await api.dataSource.query(`SELECT count(*)::int AS n FROM task`))[0].n).toBe(before);
  });

  it.each([
    [{ dueDate: '2020-01-01' }, 'dueDate', '截止日期不能早于今天'],
    [{ dueDate: '2026-02-30' }, 'dueDate', '日期格式应为 YYYY-MM-DD'],
    [{ dueDate: 'next week' }, 'dueDate', '日期格式应为 YYYY-MM-DD'],
    [{ title: '' }, 'title', '不能为空'],
    [{ priority: 'asap' }, 'priority', expect.any(String)],
    [{ reportEveryWorkdays: 0 }, 'reportEveryWorkdays', expect.any(String)],
    [
      { assigneeOrganisationId: '00000000-0000-4000-8000-000000000001' },
      'assigneeOrganisationId',
      '承办单位须为企业或单位',
    ],
    [{ shortBoardId: '00000000-0000-4000-8000-000000000001' }, 'shortBoardId', '不属于本产业链'],
  ])('refuses %j with a field error on %s and writes nothing', async (patch, path, message) => {
    const before = (await api.dataSource.query(`SELECT count(*)::int AS n FROM task`))[0].n;
    const response = await api.request<ApiError>('POST', '/api/tasks', {
      token: leader.token,
      body: {
        chainId,
        title: '校验',
        assigneeOrganisationId: a.organisationId,
        dueDate: inDays(10),
        ...patch,
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.details).toContainEqual({ path, message });
    expect((await api.dataSource.query(`SELECT count(*)::int AS n FROM task`))[0].n).toBe(before);
  });

  it('keeps a draft with the chain office until it is assigned', async () => {
    const draft = await newTask({ assign: false, title: '草拟中的任务' });
    expect(draft.status).toBe('draft');
    expect((await api.request('GET', `/api/tasks/${draft.id}`, { token: a.token })).status).toBe(
      404,
    );
    const listed = await api.request<Page<TaskDto>>('GET', '/api/tasks?pageSize=100', {
      token: a.token,
    });
    expect(listed.body.items.find((t) => t.id === draft.id)).toBeUndefined();
    await step(leader, draft, 'assign');
    const seen = await api.request<TaskDto>('GET', `/api/tasks/${draft.id}`, { token: a.token });
    expect(seen.body).toMatchObject({ status: 'assigned', allowedActions: ['accept', 'decline'] });
  });

  it('refuses a task in a chain the leader does not lead, as if the chain did not exist', async () => {
    const foreign = await api.chain();
    const response = await api.request('POST', '/api/tasks', {
      token: leader.token,
      body: {
        chainId: foreign,
        title: '越界',
        assigneeOrganisationId: a.organisationId,
        dueDate: inDays(10),
      },
    });
    expect(response.status).toBe(404);
  });

  it('derives overdue from the due date in Asia/Shanghai, never stores it', async () => {
    const task = await newTask();
    await api.dataSource.query(
      `UPDATE task SET due_date = (now() AT TIME ZONE 'Asia/Shanghai')::date - 1 WHERE id = $1`,
      [task.id],
    );
    const overdue = await api.request<Page<TaskDto>>(
      'GET',
      `/api/tasks?overdue=true&chainId=${chainId}&pageSize=100`,
      { token: leader.token },
    );
    expect(overdue.body.items.map((t) => t.id)).toContain(task.id);
    expect(overdue.body.items.every((t) => t.overdue)).toBe(true);
    await api.dataSource.query(
      `UPDATE task SET due_date = (now() AT TIME ZONE 'Asia/Shanghai')::date WHERE id = $1`,
      [task.id],
    );
    const today = await api.request<TaskDto>('GET', `/api/tasks/${task.id}`, { token: a.token });
    expect(today.body.overdue).toBe(false);
  });

  it('plans the escalation ladder in workdays on assignment, replans on a new due date, and clears it when cancelled', async () => {
    const calendar = new WorkdayCalendar(OFFICIAL_CALENDAR);
    const expected = (dueDate: string, status: 'assigned' | 'accepted', since: Date) =>
      planTaskSteps(
        DEFAULT_ESCALATION_POLICY,
        { status, assignedOn: inDays(0), dueDate, lastReportOn: null, reportEveryWorkdays: null },
        calendar,
        since,
      ).map((s) => ({ step: s.key, fireAt: s.fireAt.toISOString(), level: s.level }));
    const before = new Date();
    const task = await newTask({ dueDate: inDays(40) });
    const detail = () =>
      api.request<TaskDetailDto>('GET', `/api/tasks/${task.id}`, { token: leader.token });

    const planned = (await detail()).body;
    expect(planned.upcomingSteps).toEqual(expected(inDays(40), 'assigned', before));
    // 签收, three reminders, overdue +1, the 黄牌 at +3 and the 红牌 at +7.
    expect(planned.upcomingSteps.map((s) => s.step)).toEqual([
      'ack',
      'due-3',
      'due-1',
      'due',
      'overdue-1',
      'overdue-3',
      'overdue-7',
    ]);
    expect(planned.notices).toEqual([]);

    const accepted = await step(a, planned, 'accept');
    expect((await detail()).body.upcomingSteps.map((s) => s.step)).not.toContain('ack');

    const moved = await api.request<TaskDto>('PATCH', `/api/tasks/${task.id}`, {
      token: leader.token,
      body: { dueDate: inDays(50), version: accepted.body.version },
    });
    expect(moved.status).toBe(200);
    expect((await detail()).body.upcomingSteps).toEqual(expected(inDays(50), 'accepted', before));
    const [{ superseded }] = (await api.dataSource.query(
      `SELECT count(*)::int AS superseded FROM scheduled_event WHERE subject_id = $1 AND status = 'superseded'`,
      [task.id],
    )) as [{ superseded: number }];
    expect(superseded).toBeGreaterThanOrEqual(6);

    const cancelled = await step(leader, moved.body, 'cancel', '任务调整');
    expect(cancelled.body.status).toBe('cancelled');
    expect((await detail()).body.upcomingSteps).toEqual([]);
  });

  it('hands an unaccepted task to another 主办, restarting its 签收 clock; an accepted one keeps its 主办', async () => {
    const task = await newTask();
    const detail = (who: Signed = leader) =>
      api.request<TaskDetailDto>('GET', `/api/tasks/${task.id}`, { token: who.token });
    const patch = (body: Record<string, unknown>) =>
      api.request<TaskDto & ApiError>('PATCH', `/api/tasks/${task.id}`, {
        token: leader.token,
        body,
      });
    // Assigned three weeks ago: its 签收 deadline has passed, so no 签收 step is ahead.
    await api.dataSource.query(`UPDATE task SET assigned_on = assigned_on - 20 WHERE id = $1`, [
      task.id,
    ]);
    const edited = await patch({
      title: '突破 12 英寸晶圆关键工艺（调整）',
      version: task.version,
    });
    expect((await detail()).body.upcomingSteps.map((s) => s.step)).not.toContain('ack');

    const missing = await patch({
      assigneeOrganisationId: '00000000-0000-4000-8000-000000000001',
      version: edited.body.version,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d) => d.path)).toEqual(['assigneeOrganisationId']);

    const moved = await patch({
      assigneeOrganisationId: c.organisationId,
      version: edited.body.version,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.assignee.organisationId).toBe(c.organisationId);
    expect(moved.body.coHandlers).toEqual([]);
    expect((await detail()).body.upcomingSteps.map((s) => s.step)).toContain('ack');
    expect((await detail(a)).status).toBe(404);
    expect((await detail(c)).body.allowedActions).toContain('accept');

    const accepted = await step(c, moved.body, 'accept');
    const refused = await patch({
      assigneeOrganisationId: a.organisationId,
      version: accepted.body.version,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.details.map((d) => d.path)).toEqual(['assigneeOrganisationId']);
    expect((await detail()).body.assignee.organisationId).toBe(c.organisationId);
  });
});
