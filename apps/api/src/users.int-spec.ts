import type { ApiError, Page, ProjectDto, SessionUserDto, UserDto } from '@lianzhang/contracts';
import { ApiHarness, TEST_PASSWORD } from './testing/api-harness';

describe('user management and one’s own password', () => {
  let api: ApiHarness;
  let admin: Awaited<ReturnType<ApiHarness['signedIn']>>;

  beforeAll(async () => {
    api = await ApiHarness.start('users');
    admin = await api.signedIn('province_admin');
  });

  afterAll(async () => {
    await api?.stop();
  });

  const version = async (id: string) =>
    (await api.dataSource.query(`SELECT version FROM app_user WHERE id = $1`, [id]))[0]
      .version as number;

  it('creates a user only with a password that meets the policy', async () => {
    const organisationId = await api.organisation({ kind: 'government' });
    const weak = await api.request<ApiError>('POST', '/api/users', {
      token: admin.token,
      body: {
        username: 'zhang.san',
        displayName: '张三',
        role: 'chain_office',
        organisationId,
        password: 'password12',
      },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.details).toEqual([
      { path: 'password', message: expect.stringContaining('密码至少 10 位') },
    ]);
    const made = await api.request<UserDto>('POST', '/api/users', {
      token: admin.token,
      body: {
        username: 'Zhang.San',
        displayName: '张三',
        role: 'chain_office',
        organisationId,
        password: 'Sh4ndong-Chain',
      },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ username: 'zhang.san', role: 'chain_office', active: true });
    const again = await api.request<ApiError>('POST', '/api/users', {
      token: admin.token,
      body: {
        username: 'zhang.san',
        displayName: '张三',
        role: 'chain_office',
        organisationId,
        password: 'Sh4ndong-Chain',
      },
    });
    expect(again.status).toBe(409);
    expect((await api.login('zhang.san', 'Sh4ndong-Chain')).response.status).toBe(200);
  });

  it('lists users a page at a time with their organisation, filtered by role, state and text', async () => {
    const organisationId = await api.organisation({ name: '潍坊列表测试精密机械有限公司' });
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      made.push(
        (await api.user('enterprise_user', { organisationId, username: `list.ent.${i}` })).id,
      );
    }
    await api.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [made[2]]);
    const page = await api.request<Page<UserDto>>(
      'GET',
      '/api/users?q=%E6%BD%8D%E5%9D%8A%E5%88%97%E8%A1%A8&pageSize=2&sort=-username',
      { token: admin.token },
    );
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(3);
    expect(page.body.items.map((u) => [u.username, u.organisationName])).toEqual([
      ['list.ent.2', '潍坊列表测试精密机械有限公司'],
      ['list.ent.1', '潍坊列表测试精密机械有限公司'],
    ]);
    const active = await api.request<Page<UserDto>>(
      'GET',
      `/api/users?organisationId=${organisationId}&active=false&role=enterprise_user`,
      { token: admin.token },
    );
    expect(active.body.items.map((u) => u.id)).toEqual([made[2]]);
    const bad = await api.request<ApiError>('GET', '/api/users?role=king&pageSize=500', {
      token: admin.token,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d) => d.path).sort()).toEqual(['pageSize', 'role']);
  });

  it('deactivating a user ends their sessions at once; a stale version changes nothing', async () => {
    const user = await api.signedIn('enterprise_user');
    const stale = await api.request('PATCH', `/api/users/${user.id}`, {
      token: admin.token,
      body: { version: 9, active: false },
    });
    expect(stale.status).toBe(409);
    expect((await api.request('GET', '/api/me', { token: user.token })).status).toBe(200);
    const off = await api.request<UserDto>('PATCH', `/api/users/${user.id}`, {
      token: admin.token,
      body: { version: await version(user.id), active: false },
    });
    expect(off.body.active).toBe(false);
    expect((await api.request('GET', '/api/me', { token: user.token })).status).toBe(401);
    expect((await api.request('POST', '/api/auth/refresh', { cookie: user.cookie })).status).toBe(
      401,
    );
  });

  it('a reset password replaces the old one and ends the user’s sessions', async () => {
    const user = await api.signedIn('chain_leader');
    const reset = await api.request('POST', `/api/users/${user.id}/password`, {
      token: admin.token,
      body: { password: 'New-Passw0rd-2026' },
    });
    expect(reset.status).toBe(204);
    expect((await api.request('GET', '/api/me', { token: user.token })).status).toBe(401);
    expect((await api.login(user.username)).response.status).toBe(401);
    expect((await api.login(user.username, 'New-Passw0rd-2026')).response.status).toBe(200);
  });

  it('changes one’s own password with the current one, keeping this session and ending the others', async () => {
    const user = await api.user('enterprise_user');
    const here = await api.login(user.username);
    const elsewhere = await api.login(user.username);
    const wrong = await api.request<ApiError>('POST', '/api/me/password', {
      token: here.token,
      body: { currentPassword: 'not-it', newPassword: 'Another-Pass-77' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([{ path: 'currentPassword', message: '当前密码不正确' }]);
    const changed = await api.request('POST', '/api/me/password', {
      token: here.token,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'Another-Pass-77' },
    });
    expect(changed.status).toBe(204);
    expect((await api.request('GET', '/api/me', { token: here.token })).status).toBe(200);
    expect((await api.request('GET', '/api/me', { token: elsewhere.token })).status).toBe(401);
  });

  it('tells a leader the chains they lead in /api/me', async () => {
    const leader = await api.signedIn('chain_leader');
    const chainId = await api.chain({ leaders: [{ userId: leader.id, kind: 'chief' }] });
    const me = await api.request<SessionUserDto>('GET', '/api/me', { token: leader.token });
    expect(me.body.chains).toEqual([{ id: chainId, kind: 'chief' }]);
  });

  it('records the actual date of a project milestone', async () => {
    const leader = await api.signedIn('chain_leader');
    const owner = await api.organisation();
    const chainId = await api.chain({ leaders: [{ userId: leader.id }] });
    const project = await api.request<ProjectDto>('POST', `/api/chains/${chainId}/projects`, {
      token: leader.token,
      body: {
        name: '示范项目',
        type: 'build',
        regionCode: '370100',
        ownerOrganisationId: owner,
        plannedInvestment: 10000,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        milestones: [{ name: '开工', plannedDate: '2026-02-01' }],
      },
    });
    const milestone = project.body.milestones[0]?.id as string;
    const done = await api.request<ProjectDto>(
      'PATCH',
      `/api/projects/${project.body.id}/milestones/${milestone}`,
      {
        token: leader.token,
        body: { actualDate: '2026-02-03' },
      },
    );
    expect(done.body.milestones[0]?.actualDate).toBe('2026-02-03');
  });
});
