import type { ApiError, LoginResponse, SessionUserDto } from '@lianzhang/contracts';
import { ApiHarness, TEST_PASSWORD } from './testing/api-harness';

describe('authentication and sessions', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start('auth');
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('signs in: a 15-minute access token, a refresh token in an httpOnly strict cookie, and /api/me', async () => {
    const user = await api.user('chain_office');
    const { response, token } = await api.login(user.username.toUpperCase());
    expect(response.status).toBe(200);
    expect((response.body as unknown as LoginResponse).expiresIn).toBe(900);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^lz_refresh=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/api/auth');
    expect(response.headers.get('cache-control')).toBe('no-store');

    const me = await api.request<SessionUserDto>('GET', '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: user.id, username: user.username, role: 'chain_office' });
    expect(me.body.permissions).toContain('task:assign');
    expect(me.body.permissions).not.toContain('user:manage');
  });

  it('remembers the interface language per user, across sessions, and refuses an unknown one', async () => {
    const user = await api.user('enterprise_user');
    const first = await api.login(user.username);
    expect((first.response.body as unknown as LoginResponse).user.language).toBe('zh-CN');
    const set = await api.request('PUT', '/api/me/language', {
      token: first.token,
      body: { language: 'en' },
    });
    expect(set.status).toBe(204);
    const refused = await api.request<ApiError>('PUT', '/api/me/language', {
      token: first.token,
      body: { language: 'fr' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details.map((d) => d.path)).toEqual(['language']);
    // Another device: the new session starts in English.
    const second = await api.login(user.username);
    expect((second.response.body as unknown as LoginResponse).user.language).toBe('en');
    const me = await api.request<SessionUserDto>('GET', '/api/me', { token: second.token });
    expect(me.body.language).toBe('en');
    expect(
      (await api.request('PUT', '/api/me/language', { body: { language: 'en' } })).status,
    ).toBe(401);
  });

  it('refuses requests without a token, with a forged one, and with one signed by another key', async () => {
    expect((await api.request('GET', '/api/me')).status).toBe(401);
    expect((await api.request('GET', '/api/me', { token: 'not.a.token' })).status).toBe(401);
    const forged =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAiLCJzaWQiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAifQ.c2lnbmF0dXJl';
    const response = await api.request<ApiError>('GET', '/api/me', {
      token: forged,
      language: 'en',
    });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Please sign in' });
  });

  it('gives the same answer for an unknown user, a wrong password and a locked account', async () => {
    const user = await api.user('enterprise_user');
    const wrong = await api.login(user.username, 'Wrong-Password-1');
    const unknown = await api.login('nobody.at.all', 'Wrong-Password-1');
    expect(wrong.response.status).toBe(401);
    expect(unknown.response.status).toBe(401);
    expect(wrong.response.body).toEqual({
      ...unknown.response.body,
      requestId: expect.any(String),
    });
    expect((wrong.response.body as unknown as ApiError).code).toBe('INVALID_CREDENTIALS');
  });

  it('locks a name for 15 minutes after 5 failures in a row, even against the right password', async () => {
    const user = await api.user('enterprise_user');
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await api.login(user.username, `Wrong-Password-${attempt}`)).response.status).toBe(
        401,
      );
    }
    const locked = await api.login(user.username, TEST_PASSWORD);
    expect(locked.response.status).toBe(401);
    expect((locked.response.body as unknown as ApiError).code).toBe('INVALID_CREDENTIALS');
    const [throttle] = await api.dataSource.query(
      `SELECT extract(epoch FROM locked_until - now()) AS seconds FROM login_throttle WHERE username = $1`,
      [user.username],
    );
    expect(Number(throttle.seconds)).toBeGreaterThan(14 * 60);
    expect(Number(throttle.seconds)).toBeLessThanOrEqual(15 * 60);

    // Fifteen minutes later (moved in the database, the platform's one clock).
    await api.dataSource.query(
      `UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE username = $1`,
      [user.username],
    );
    expect((await api.login(user.username)).response.status).toBe(200);
  });

  it('counts failures only in a row: a success resets the count', async () => {
    const user = await api.user('enterprise_user');
    for (let attempt = 0; attempt < 4; attempt++)
      await api.login(user.username, 'Wrong-Password-1');
    expect((await api.login(user.username)).response.status).toBe(200);
    for (let attempt = 0; attempt < 4; attempt++)
      await api.login(user.username, 'Wrong-Password-1');
    expect((await api.login(user.username)).response.status).toBe(200);
  });

  it('locks unknown names too, so the lockout reveals nothing', async () => {
    for (let attempt = 0; attempt < 5; attempt++) await api.login('ghost.user', 'Wrong-Password-1');
    const [row] = await api.dataSource.query(
      `SELECT locked_until > now() AS locked FROM login_throttle WHERE username = 'ghost.user'`,
    );
    expect(row.locked).toBe(true);
  });

  it('rotates the refresh token; presenting a spent one revokes the whole session', async () => {
    const user = await api.user('chain_leader');
    const first = await api.login(user.username);
    const refreshed = await api.request<LoginResponse>('POST', '/api/auth/refresh', {
      cookie: first.cookie,
    });
    expect(refreshed.status).toBe(200);
    const second = (refreshed.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(second).not.toBe(first.cookie);
    expect(
      (await api.request('GET', '/api/me', { token: refreshed.body.accessToken })).status,
    ).toBe(200);

    // The first cookie again: a replay. Everything of the session dies.
    const replay = await api.request('POST', '/api/auth/refresh', { cookie: first.cookie });
    expect(replay.status).toBe(401);
    expect((await api.request('POST', '/api/auth/refresh', { cookie: second })).status).toBe(401);
    expect(
      (await api.request('GET', '/api/me', { token: refreshed.body.accessToken })).status,
    ).toBe(401);
    expect((await api.request('GET', '/api/me', { token: first.token })).status).toBe(401);
    const [session] = await api.dataSource.query(
      `SELECT revoke_reason FROM auth_session WHERE user_id = $1`,
      [user.id],
    );
    expect(session.revoke_reason).toBe('refresh_token_reuse');
  });

  it('logs out at once: the access token and the refresh cookie stop working', async () => {
    const user = await api.user('province_analyst');
    const session = await api.login(user.username);
    expect((await api.request('GET', '/api/me', { token: session.token })).status).toBe(200);
    const out = await api.request('POST', '/api/auth/logout', { cookie: session.cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/lz_refresh=;/);
    expect((await api.request('GET', '/api/me', { token: session.token })).status).toBe(401);
    expect(
      (await api.request('POST', '/api/auth/refresh', { cookie: session.cookie })).status,
    ).toBe(401);
  });

  it('ends a session idle for 30 minutes, and any session 12 hours after sign-in', async () => {
    const idle = await api.signedIn('chain_office');
    await api.dataSource.query(
      `UPDATE auth_session SET last_seen_at = now() - interval '29 minutes' WHERE user_id = $1`,
      [idle.id],
    );
    expect((await api.request('GET', '/api/me', { token: idle.token })).status).toBe(200);
    await api.dataSource.query(
      `UPDATE auth_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`,
      [idle.id],
    );
    expect((await api.request('GET', '/api/me', { token: idle.token })).status).toBe(401);
    expect((await api.request('POST', '/api/auth/refresh', { cookie: idle.cookie })).status).toBe(
      401,
    );

    const old = await api.signedIn('chain_office');
    const [{ hours }] = await api.dataSource.query(
      `SELECT extract(epoch FROM expires_at - created_at) / 3600 AS hours FROM auth_session WHERE user_id = $1`,
      [old.id],
    );
    expect(Number(hours)).toBe(12);
    await api.dataSource.query(
      `UPDATE auth_session SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [old.id],
    );
    expect((await api.request('GET', '/api/me', { token: old.token })).status).toBe(401);
    expect((await api.request('POST', '/api/auth/refresh', { cookie: old.cookie })).status).toBe(
      401,
    );
  });

  it('keeps an active session alive: a request within 30 minutes moves the idle limit', async () => {
    const user = await api.signedIn('chain_office');
    await api.dataSource.query(
      `UPDATE auth_session SET last_seen_at = now() - interval '25 minutes' WHERE user_id = $1`,
      [user.id],
    );
    expect((await api.request('GET', '/api/me', { token: user.token })).status).toBe(200);
    const [row] = await api.dataSource.query(
      `SELECT extract(epoch FROM now() - last_seen_at) AS idle FROM auth_session WHERE user_id = $1`,
      [user.id],
    );
    expect(Number(row.idle)).toBeLessThan(60);
  });

  it('refuses a deactivated user at once, even with a live token', async () => {
    const user = await api.signedIn('enterprise_user');
    await api.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [user.id]);
    expect((await api.request('GET', '/api/me', { token: user.token })).status).toBe(401);
    expect((await api.login(user.username)).response.status).toBe(401);
  });

  it('validates the login body', async () => {
    const response = await api.request<ApiError>('POST', '/api/auth/login', {
      body: { username: 'x', password: 'y', role: 'province_admin' },
    });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(
      [{ path: '', message: expect.stringContaining('role') }].map((d) => ({
        ...d,
        path: '(root)',
      })),
    );
  });
});
