import type {
  ApiError,
  DeliveryEndpointDto,
  EscalationPolicyDto,
  NotificationDto,
  NotificationPreferencesDto,
  Page,
  TaskDetailDto,
  TaskDto,
} from '@lianzhang/contracts';
import { DEFAULT_ESCALATION_POLICY, type EscalationPolicy } from '@lianzhang/domain';
import { ApiHarness } from './testing/api-harness';

type Signed = Awaited<ReturnType<ApiHarness['signedIn']>>;

describe('notifications, deliveries and escalation policies over HTTP', () => {
  let api: ApiHarness;
  let admin: Signed;
  let leader: Signed;
  let otherLeader: Signed;
  let a: Signed;
  let b: Signed;
  let chainId: string;

  beforeAll(async () => {
    api = await ApiHarness.start('notifications');
    admin = await api.signedIn('province_admin');
    leader = await api.signedIn('chain_leader');
    otherLeader = await api.signedIn('chain_leader');
    a = await api.signedIn('enterprise_user');
    b = await api.signedIn('enterprise_user');
    chainId = await api.chain({
      leaders: [{ userId: leader.id }],
      members: [{ organisationId: a.organisationId }],
    });
    await api.chain({ leaders: [{ userId: otherLeader.id }] });
  });

  afterAll(async () => {
    await api?.stop();
  });

  /** A committed notification, as the worker writes it (with its pg_notify). */
  async function notify(userId: string, title: string): Promise<string> {
    const [row] = (await api.dataSource.query(
      `INSERT INTO notification (user_id, kind, level, title, body, link) VALUES ($1, 'task.step', 'reminder', $2, $2, '/tasks/x') RETURNING id`,
      [userId, JSON.stringify({ 'zh-CN': title, en: title })],
    )) as { id: string }[];
    await api.dataSource.query(`SELECT pg_notify('lz_notification', $1)`, [
      JSON.stringify([userId]),
    ]);
    return (row as { id: string }).id;
  }

  it('shows each user only their own inbox, and marks only their own read', async () => {
    const mine = await notify(a.id, '请签收任务');
    const theirs = await notify(b.id, '别人的提醒');
    const list = await api.request<Page<NotificationDto>>('GET', '/api/notifications', {
      token: a.token,
    });
    expect(list.body.items.map((n) => n.id)).toEqual([mine]);
    expect(list.body.items[0]).toMatchObject({ title: { 'zh-CN': '请签收任务' }, readAt: null });

    const foreign = await api.request<{ updated: number }>('POST', '/api/notifications/read', {
      token: a.token,
      body: { ids: [theirs] },
    });
    expect(foreign.body.updated).toBe(0);
    const bUnread = await api.request<{ unread: number }>(
      'GET',
      '/api/notifications/unread-count',
      {
        token: b.token,
      },
    );
    expect(bUnread.body.unread).toBe(1);

    const all = await api.request<{ updated: number; unread: number }>(
      'POST',
      '/api/notifications/read',
      { token: a.token, body: { all: true } },
    );
    expect(all.body).toEqual({ updated: 1, unread: 0 });
    const bad = await api.request<ApiError>('POST', '/api/notifications/read', {
      token: a.token,
      body: { ids: ['nope'] },
    });
    expect(bad.status).toBe(400);
  });

  it('streams the unread count at once and again when a notification commits', async () => {
    const controller = new AbortController();
    const response = await fetch(`${api.base}/api/notifications/stream`, {
      headers: { Authorization: `Bearer ${b.token}` },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const nextEvent = async (): Promise<{ unread: number }> => {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((l) => l.startsWith('data:'));
          if (data) return JSON.parse(data.slice(5)) as { unread: number };
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    };
    try {
      const first = await nextEvent();
      await notify(b.id, '新的催办');
      expect(await nextEvent()).toEqual({ unread: first.unread + 1 });
    } finally {
      controller.abort();
    }
  });

  it('keeps preferences per user with a version, and refuses a bad address', async () => {
    const empty = await api.request<NotificationPreferencesDto>(
      'GET',
      '/api/notifications/preferences',
      { token: a.token },
    );
    expect(empty.body).toEqual({
      email: null,
      channels: ['email'],
      dailyDigest: false,
      version: 0,
    });
    const bad = await api.request<ApiError>('PUT', '/api/notifications/preferences', {
      token: a.token,
      body: { email: 'not-an-address', channels: ['email'], dailyDigest: false, version: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d) => d.path)).toEqual(['email']);
    const set = await api.request<NotificationPreferencesDto>(
      'PUT',
      '/api/notifications/preferences',
      {
        token: a.token,
        body: { email: 'li@example.cn', channels: ['email'], dailyDigest: true, version: 0 },
      },
    );
    expect(set.body).toEqual({
      email: 'li@example.cn',
      channels: ['email'],
      dailyDigest: true,
      version: 1,
    });
    const stale = await api.request('PUT', '/api/notifications/preferences', {
      token: a.token,
      body: { email: null, channels: [], dailyDigest: false, version: 0 },
    });
    expect(stale.status).toBe(409);
    const others = await api.request<NotificationPreferencesDto>(
      'GET',
      '/api/notifications/preferences',
      { token: b.token },
    );
    expect(others.body.email).toBeNull();
  });

  it('refuses an endpoint on a private address unless allow-listed, and never shows its token or secret', async () => {
    const count = async () =>
      (
        (await api.dataSource.query(`SELECT count(*)::int AS n FROM delivery_endpoint`)) as [
          { n: number },
        ]
      )[0].n;
    for (const url of [
      'http://127.0.0.1:9000/hook',
      'http://169.254.169.254/latest',
      'file:///etc/passwd',
    ]) {
      const refused = await api.request<ApiError>('POST', '/api/admin/delivery-endpoints', {
        token: admin.token,
        body: { chainId, kind: 'webhook', name: '内网回调', url },
      });
      expect({
        url,
        status: refused.status,
        fields: refused.body.details.map((d) => d.path),
      }).toEqual({
        url,
        status: 400,
        fields: ['url'],
      });
    }
    expect(await count()).toBe(0);

    const robot = await api.request<DeliveryEndpointDto>('POST', '/api/admin/delivery-endpoints', {
      token: admin.token,
      body: {
        chainId,
        kind: 'dingtalk',
        name: '链长办钉钉群',
        url: 'https://oapi.dingtalk.com/robot/send?access_token=SECRET_TOKEN',
        secret: 'SEC123',
        minLevel: 'yellow',
      },
    });
    expect(robot.status).toBe(201);
    expect(robot.body).toMatchObject({
      url: 'https://oapi.dingtalk.com/robot/send?…',
      hasSecret: true,
      minLevel: 'yellow',
    });
    expect(JSON.stringify(robot.body)).not.toMatch(/SECRET_TOKEN|SEC123/);

    await api.request('POST', '/api/admin/outbound-allow-hosts', {
      token: admin.token,
      body: { host: '127.0.0.1', note: '省政务外网机器人网关' },
    });
    const allowed = await api.request('POST', '/api/admin/delivery-endpoints', {
      token: admin.token,
      body: { chainId: null, kind: 'webhook', name: '网关', url: 'http://127.0.0.1:9000/hook' },
    });
    expect(allowed.status).toBe(201);
    expect(await count()).toBe(2);
  });

  it('retries a dead delivery once, and only a dead one', async () => {
    const [row] = (await api.dataSource.query(
      `INSERT INTO delivery (dedupe_key, channel, target, message, status, attempts, last_error)
       VALUES ('t:dead', 'email', 'li@example.cn', '{"title":"逾期提醒"}', 'dead', 6, 'timed out') RETURNING id`,
    )) as { id: string }[];
    const id = (row as { id: string }).id;
    const dead = await api.request<Page<{ id: string; status: string }>>(
      'GET',
      '/api/admin/deliveries?status=dead',
      { token: admin.token },
    );
    expect(dead.body.items.map((d) => d.id)).toEqual([id]);
    const retried = await api.request('POST', `/api/admin/deliveries/${id}/retry`, {
      token: admin.token,
    });
    expect(retried.body).toEqual({ status: 'pending' });
    const again = await api.request('POST', `/api/admin/deliveries/${id}/retry`, {
      token: admin.token,
    });
    expect(again.status).toBe(409);
    const missing = await api.request(
      'POST',
      `/api/admin/deliveries/00000000-0000-4000-8000-000000000000/retry`,
      {
        token: admin.token,
      },
    );
    expect(missing.status).toBe(404);
  });

  it('lets the province set the default ladder and a chain leader their own chain’s, which new tasks keep', async () => {
    const builtIn = await api.request<EscalationPolicyDto>('GET', '/api/escalation-policy', {
      token: leader.token,
    });
    expect(builtIn.body).toEqual({
      source: 'built_in',
      policy: DEFAULT_ESCALATION_POLICY,
      version: 0,
    });

    const duplicate: EscalationPolicy = {
      requestResponseWorkdays: 5,
      steps: [
        DEFAULT_ESCALATION_POLICY.steps[0],
        DEFAULT_ESCALATION_POLICY.steps[0],
      ] as EscalationPolicy['steps'],
    };
    const refused = await api.request<ApiError>('PUT', '/api/escalation-policy', {
      token: admin.token,
      body: { policy: duplicate, version: 0 },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details.map((d) => d.path)).toEqual(['policy.steps.1.key']);

    const short: EscalationPolicy = {
      requestResponseWorkdays: 3,
      steps: [
        {
          key: 'due-2',
          anchor: 'due',
          offsetWorkdays: -2,
          audience: ['assignee'],
          level: 'reminder',
          channels: [],
        },
        {
          key: 'late-1',
          anchor: 'due',
          offsetWorkdays: 1,
          audience: ['chain_leader'],
          level: 'yellow',
          channels: [],
        },
      ],
    };
    const forbidden = await api.request('PUT', `/api/chains/${chainId}/escalation-policy`, {
      token: otherLeader.token,
      body: { policy: short, version: 0 },
    });
    expect(forbidden.status).toBe(404);
    const own = await api.request<EscalationPolicyDto>(
      'PUT',
      `/api/chains/${chainId}/escalation-policy`,
      {
        token: leader.token,
        body: { policy: short, version: 0 },
      },
    );
    expect(own.body).toEqual({ source: 'chain', policy: short, version: 1 });

    const inDays = (days: number) =>
      new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const task = await api.request<TaskDto>('POST', '/api/tasks', {
      token: leader.token,
      body: {
        chainId,
        title: '补齐封装测试短板',
        assigneeOrganisationId: a.organisationId,
        dueDate: inDays(30),
        assign: true,
      },
    });
    expect(task.status).toBe(201);
    const detail = async () =>
      (
        await api.request<TaskDetailDto>('GET', `/api/tasks/${task.body.id}`, {
          token: leader.token,
        })
      ).body;
    expect((await detail()).upcomingSteps.map((s) => s.step)).toEqual(['due-2', 'late-1']);

    // Back to the province's ladder for the chain; the task keeps the one it was assigned with.
    const reset = await api.request('DELETE', `/api/chains/${chainId}/escalation-policy`, {
      token: leader.token,
    });
    expect(reset.status).toBe(204);
    const after = await api.request<EscalationPolicyDto>(
      'GET',
      `/api/chains/${chainId}/escalation-policy`,
      {
        token: a.token,
      },
    );
    expect(after.body.source).toBe('built_in');
    const moved = await api.request('PATCH', `/api/tasks/${task.body.id}`, {
      token: leader.token,
      body: { dueDate: inDays(35), version: task.body.version },
    });
    expect(moved.status).toBe(200);
    expect((await detail()).upcomingSteps.map((s) => s.step)).toEqual(['due-2', 'late-1']);
  });

  it('opens Bull Board to the province admin only, through a cookie that ends with the session', async () => {
    const board = (cookie?: string, path = '') =>
      fetch(`${api.base}/api/admin/queues${path}`, { headers: cookie ? { Cookie: cookie } : {} });
    expect((await board()).status).toBe(401);

    const own = await api.signedIn('province_admin');
    const opened = await fetch(`${api.base}/api/admin/queue-board/session`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${own.token}` },
    });
    expect(opened.status).toBe(204);
    const setCookie = opened.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(
      /lz_board=.+; Max-Age=900; Path=\/api\/admin\/queues; Expires=.+; HttpOnly; SameSite=Strict/,
    );
    const cookie = setCookie.split(';')[0] as string;

    const page = await board(cookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('链长制 · 任务队列');
    const queues = (await (await board(cookie, '/api/queues')).json()) as {
      queues: { name: string }[];
    };
    expect(queues.queues.map((q) => q.name).sort()).toEqual([
      'delivery',
      'reports',
      'scheduler',
      'system',
    ]);

    // A valid session without the permission: refused by the board itself.
    expect((await board(`lz_board=${leader.token}`)).status).toBe(403);

    const out = await api.request('POST', '/api/auth/logout', { cookie: own.cookie });
    expect(out.status).toBe(204);
    expect((await board(cookie)).status).toBe(401);
  });
});
