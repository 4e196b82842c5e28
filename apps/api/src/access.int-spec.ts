import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { ApiError, OrganisationDto, Page } from '@lianzhang/contracts';
import { hasPermission, ROLES, type Permission, type Role } from '@lianzhang/domain';
import { routeCatalogue, type RouteEntry } from '@lianzhang/server/core';
import { ApiHarness } from './testing/api-harness';

describe('access: every route declares its permission, and every role gets what it declares', () => {
  let api: ApiHarness;
  let routes: RouteEntry[];
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    api = await ApiHarness.start('access');
    routes = routeCatalogue(
      new DiscoveryService(api.app.get(ModulesContainer)),
      new MetadataScanner(),
      new Reflector(),
      'api',
    );
    for (const role of ROLES) tokens.set(role, (await api.signedIn(role)).token);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('matches the permission snapshot (a diff here changes who can reach an endpoint)', () => {
    expect(
      routes.map((r) => `${r.method.padEnd(6)} ${r.path.padEnd(32)} ${r.access}`),
    ).toMatchSnapshot();
    expect(routes.filter((r) => r.access === 'UNDECLARED')).toEqual([]);
  });

  /** Placeholder ids are valid UUIDs of nothing: a permitted call then gets 404, never 401/403. */
  const concrete = (path: string) =>
    path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');

  it('refuses every non-public route without a token (401)', async () => {
    for (const route of routes.filter((r) => r.access !== 'public')) {
      const response = await api.request(route.method, concrete(route.path), {
        body: route.method === 'GET' ? undefined : {},
      });
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
    }
  });

  it('answers 403 to every role without the permission and never 401/403 to a role with it', async () => {
    const outcomes: string[] = [];
    for (const route of routes.filter((r) => r.access !== 'public')) {
      for (const role of ROLES) {
        // Signing out ends the session: give those routes a session of their own.
        const token = route.path.includes('logout')
          ? (await api.signedIn(role)).token
          : tokens.get(role);
        const response = await api.request(route.method, concrete(route.path), {
          token,
          body: route.method === 'GET' ? undefined : {},
        });
        const permitted = hasPermission(role, route.access as Permission);
        const label = `${role} ${route.method} ${route.path}`;
        if (permitted) {
          expect({ label, denied: [401, 403].includes(response.status) }).toEqual({
            label,
            denied: false,
          });
        } else {
          expect({ label, status: response.status }).toEqual({ label, status: 403 });
        }
        outcomes.push(`${label} → ${permitted ? 'allowed' : 'refused'}`);
      }
    }
    expect(outcomes.length).toBe(routes.filter((r) => r.access !== 'public').length * ROLES.length);
  });
});

describe('bad input on every route: never a 500', () => {
  let api: ApiHarness;
  let routes: RouteEntry[];
  let admin: string;

  beforeAll(async () => {
    api = await ApiHarness.start('fuzz');
    routes = routeCatalogue(
      new DiscoveryService(api.app.get(ModulesContainer)),
      new MetadataScanner(),
      new Reflector(),
      'api',
    );
    admin = (await api.signedIn('province_admin')).token;
  });

  afterAll(async () => {
    await api?.stop();
  });

  const wrongTypes = {
    version: 'one',
    id: 7,
    name: 123,
    title: ['x'],
    body: { nested: true },
    dueDate: '2026-13-45',
    startDate: 20260101,
    chainId: 'not-a-uuid',
    organisationId: null,
    percent: -5,
    action: 'explode',
    decision: true,
    kind: {},
    role: 'root',
    stage: 3,
    category: '',
    plannedInvestment: 'lots',
    foreignDependence: 7,
    username: '../etc/passwd',
    password: 1234,
  };
  const bodies: [string, string][] = [
    ['an array', '[]'],
    ['a string', '"hello"'],
    ['an empty object', '{}'],
    ['wrong types everywhere', JSON.stringify(wrongTypes)],
    [
      'huge strings',
      JSON.stringify({
        name: 'x'.repeat(100_000),
        title: '链'.repeat(50_000),
        narrative: 'y'.repeat(200_000),
      }),
    ],
    ['malformed JSON', '{"title": "x",'],
  ];

  it('answers 4xx with the error shape to every bad body on every write route', async () => {
    let checked = 0;
    for (const route of routes.filter(
      (r) => r.method !== 'GET' && r.access !== 'public' && !r.path.includes('logout'),
    )) {
      for (const [label, body] of bodies) {
        const path = route.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
        const response = await api.request<ApiError>(route.method, path, { token: admin, body });
        const outcome = { route: `${route.method} ${route.path}`, label, status: response.status };
        expect(outcome).toEqual({ ...outcome, status: expect.any(Number) });
        expect({ ...outcome, serverError: response.status >= 500 }).toEqual({
          ...outcome,
          serverError: false,
        });
        expect(typeof response.body?.code).toBe('string');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('organisations: scoping, validation, mass assignment, concurrency', () => {
  let api: ApiHarness;
  let admin: string;

  beforeAll(async () => {
    api = await ApiHarness.start('organisations');
    admin = (await api.signedIn('province_admin')).token;
  });

  afterAll(async () => {
    await api?.stop();
  });

  const count = async () =>
    Number((await api.dataSource.query(`SELECT count(*) AS n FROM organisation`))[0].n);

  it('creates an enterprise with a valid credit code, normalised to capitals', async () => {
    const response = await api.request<OrganisationDto>('POST', '/api/organisations', {
      token: admin,
      body: {
        name: '浪潮集团有限公司',
        kind: 'enterprise',
        creditCode: '91350100m000100y43',
        regionCode: '370100',
      },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name: '浪潮集团有限公司',
      creditCode: '91350100M000100Y43',
      version: 1,
    });

    const duplicate = await api.request<ApiError>('POST', '/api/organisations', {
      token: admin,
      body: {
        name: '重复',
        kind: 'enterprise',
        creditCode: '91350100M000100Y43',
        regionCode: '370100',
      },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.details).toEqual([
      { path: 'creditCode', message: '该统一社会信用代码已登记' },
    ]);
  });

  it.each([
    [
      { kind: 'enterprise', creditCode: '91350100M000100Y44' },
      'creditCode',
      '统一社会信用代码校验位不正确',
    ],
    [{ kind: 'enterprise', creditCode: '9135' }, 'creditCode', '统一社会信用代码应为 18 位'],
    [{ kind: 'enterprise' }, 'creditCode', '企业必须填写统一社会信用代码'],
    [
      { kind: 'enterprise', creditCode: '91350100M000100Y43', regionCode: '3701' },
      'regionCode',
      '应为 6 位行政区划代码',
    ],
    [{ kind: 'government', regionCode: '999900' }, 'regionCode', '没有这个行政区划代码'],
    [{ kind: 'factory' }, 'kind', expect.any(String)],
    [{ kind: 'government', name: '   ' }, 'name', '不能为空'],
  ])('refuses %j with a field error on %s and writes nothing', async (patch, path, message) => {
    const before = await count();
    const response = await api.request<ApiError>('POST', '/api/organisations', {
      token: admin,
      body: { name: '某单位', regionCode: '370100', ...patch },
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details).toContainEqual({ path, message });
    expect(await count()).toBe(before);
  });

  it.each([
    ['id', '00000000-0000-4000-8000-000000000001'],
    ['version', 7],
    ['organisationId', '00000000-0000-4000-8000-000000000001'],
    ['role', 'province_admin'],
    ['status', 'done'],
  ])('refuses the extra field %s (mass assignment) and writes nothing', async (field, value) => {
    const before = await count();
    const response = await api.request<ApiError>('POST', '/api/organisations', {
      token: admin,
      body: { name: '某单位', kind: 'government', regionCode: '370100', [field]: value },
    });
    expect(response.status).toBe(400);
    expect(response.body.details[0]?.message).toContain(field);
    expect(await count()).toBe(before);
  });

  it('refuses __proto__ smuggled in the body', async () => {
    const before = await count();
    const response = await api.request<ApiError>('POST', '/api/organisations', {
      token: admin,
      body: '{"name":"某单位","kind":"government","regionCode":"370100","__proto__":{"kind":"enterprise"}}',
    });
    expect(response.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('of two concurrent updates with the same version, one succeeds and one gets 409 and changes nothing', async () => {
    const id = await api.organisation({ kind: 'government', name: '原名' });
    const [a, b] = await Promise.all([
      api.request<OrganisationDto>('PATCH', `/api/organisations/${id}`, {
        token: admin,
        body: { version: 1, name: '甲' },
      }),
      api.request<OrganisationDto>('PATCH', `/api/organisations/${id}`, {
        token: admin,
        body: { version: 1, name: '乙' },
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const [row] = await api.dataSource.query(
      `SELECT name, version FROM organisation WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ name: winner.body.name, version: 2 });

    const stale = await api.request<ApiError>('PATCH', `/api/organisations/${id}`, {
      token: admin,
      body: { version: 1, name: '丙' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONFLICT');
    expect(
      (await api.dataSource.query(`SELECT name FROM organisation WHERE id = $1`, [id]))[0].name,
    ).toBe(winner.body.name);
  });

  it('shows an enterprise user only their own organisation; another one is not found', async () => {
    const mine = await api.signedIn('enterprise_user');
    const other = await api.organisation({ name: '别家企业' });
    const list = await api.request<Page<OrganisationDto>>(
      'GET',
      '/api/organisations?pageSize=100',
      { token: mine.token },
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((o) => o.id)).toEqual([mine.organisationId]);
    expect(list.body.total).toBe(1);
    const peek = await api.request<ApiError>('GET', `/api/organisations/${other}`, {
      token: mine.token,
    });
    expect(peek.status).toBe(404);
    expect(JSON.stringify(peek.body)).not.toContain('别家企业');
    expect(
      (await api.request('GET', `/api/organisations/${mine.organisationId}`, { token: mine.token }))
        .status,
    ).toBe(200);
  });

  it('pages, filters and sorts on whitelisted fields only', async () => {
    await api.organisation({ name: '甲企业', regionCode: '370200' });
    await api.organisation({ name: '乙企业', regionCode: '370200' });
    const page = await api.request<Page<OrganisationDto>>(
      'GET',
      '/api/organisations?regionCode=370200&sort=-name&pageSize=1',
      { token: admin },
    );
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(page.body.items).toHaveLength(1);

    for (const bad of [
      'sort=password_hash',
      'pageSize=1000',
      'page=0',
      'orderBy=name',
      'kind=factory',
    ]) {
      const response = await api.request<ApiError>('GET', `/api/organisations?${bad}`, {
        token: admin,
      });
      expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
    }
  });
});
