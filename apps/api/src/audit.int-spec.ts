import type { AuditEntryDto, OrganisationDto, Page } from '@lianzhang/contracts';
import { AuditService } from '@lianzhang/server/core';
import { ApiHarness } from './testing/api-harness';

describe('the audit log', () => {
  let api: ApiHarness;
  let audit: AuditService;
  let admin: Awaited<ReturnType<ApiHarness['signedIn']>>;

  beforeAll(async () => {
    api = await ApiHarness.start('audit');
    audit = api.app.get(AuditService);
    admin = await api.signedIn('province_admin');
  });

  afterAll(async () => {
    await api?.stop();
  });

  const entries = async (query: string) =>
    (await api.request<Page<AuditEntryDto>>('GET', `/api/audit?${query}`, { token: admin.token }))
      .body.items;

  it('records sign-ins, failed sign-ins and denials, with who, from where and the request id', async () => {
    const enterprise = await api.user('enterprise_user');
    await api.login(enterprise.username, 'Wrong-Password-1');
    const signedIn = await api.login(enterprise.username);
    const denied = await api.request('GET', '/api/users', { token: signedIn.token });
    expect(denied.status).toBe(403);

    const failed = await entries(`action=auth.login_failed&subjectId=${enterprise.username}`);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      actorId: null,
      subjectType: 'username',
      clientAddress: expect.stringContaining('127.0.0.1'),
    });

    expect(await entries(`action=auth.login&actorId=${enterprise.id}`)).toHaveLength(1);
    const [denial] = await entries(`action=access.denied&actorId=${enterprise.id}`);
    expect(denial).toMatchObject({
      actorRole: 'enterprise_user',
      subjectId: 'GET /api/users',
      after: { permission: 'user:read' },
      requestId: denied.headers.get('x-request-id'),
    });
  });

  it('records every change with its before and after', async () => {
    const created = await api.request<OrganisationDto>('POST', '/api/organisations', {
      token: admin.token,
      body: { name: '山东省工业和信息化厅', kind: 'government', regionCode: '370000' },
    });
    await api.request('PATCH', `/api/organisations/${created.body.id}`, {
      token: admin.token,
      body: { version: 1, name: '山东省工信厅' },
    });
    const changes = await entries(`subjectType=organisation&subjectId=${created.body.id}`);
    expect(changes.map((c) => c.action)).toEqual(['organisation.update', 'organisation.create']);
    expect(changes[0]).toMatchObject({
      actorId: admin.id,
      before: { name: '山东省工业和信息化厅', version: 1 },
      after: { name: '山东省工信厅', version: 2 },
    });
  });

  it('writes nothing of a change that fails (the audit line shares its transaction)', async () => {
    const before = Number(
      (
        await api.dataSource.query(
          `SELECT count(*) AS n FROM audit_entry WHERE action = 'organisation.create'`,
        )
      )[0].n,
    );
    const refused = await api.request('POST', '/api/organisations', {
      token: admin.token,
      body: { name: '无效地区', kind: 'government', regionCode: '999900' },
    });
    expect(refused.status).toBe(400);
    const after = Number(
      (
        await api.dataSource.query(
          `SELECT count(*) AS n FROM audit_entry WHERE action = 'organisation.create'`,
        )
      )[0].n,
    );
    expect(after).toBe(before);
  });

  it('is append-only: the database refuses to change or delete an entry', async () => {
    await expect(api.dataSource.query(`UPDATE audit_entry SET action = 'x'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(api.dataSource.query(`DELETE FROM audit_entry`)).rejects.toThrow(/append-only/);
  });

  it('keeps one chain under concurrent writes, and the verifier accepts it', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        audit.record({ action: 'test.concurrent', subjectId: String(i) }),
      ),
    );
    const result = await audit.verify(7);
    expect(result.firstBroken).toBeUndefined();
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry`);
    expect(result.entries).toBe(n);
  });

  it('names the first entry changed behind the trigger’s back', async () => {
    const [{ id, after }] = await api.dataSource.query(
      `SELECT id::text, after FROM audit_entry WHERE action = 'organisation.create' LIMIT 1`,
    );
    const behindTheTrigger = async (sql: string, params: unknown[]) => {
      await api.dataSource.query(
        `ALTER TABLE audit_entry DISABLE TRIGGER tr_audit_entry_append_only`,
      );
      await api.dataSource.query(sql, params);
      await api.dataSource.query(
        `ALTER TABLE audit_entry ENABLE TRIGGER tr_audit_entry_append_only`,
      );
    };
    // Someone with the power to disable the trigger edits history…
    await behindTheTrigger(`UPDATE audit_entry SET after = '{"name":"篡改"}' WHERE id = $1`, [id]);
    expect(await audit.verify()).toMatchObject({ firstBroken: { id, reason: 'hash' } });
    await behindTheTrigger(`UPDATE audit_entry SET after = $2::jsonb WHERE id = $1`, [
      id,
      JSON.stringify(after),
    ]);
    expect((await audit.verify()).firstBroken).toBeUndefined();

    // …or removes an entry: the next one no longer links to its predecessor.
    const [{ next }] = await api.dataSource.query(
      `SELECT min(id)::text AS next FROM audit_entry WHERE id > $1`,
      [id],
    );
    await behindTheTrigger(`DELETE FROM audit_entry WHERE id = $1`, [id]);
    expect(await audit.verify()).toMatchObject({ firstBroken: { id: next, reason: 'link' } });
  });
});
