import {
  DEFAULT_ESCALATION_POLICY,
  PLAN_CHAINS,
  PLAN_INDICATORS,
  TASK_STATUSES,
  validateCreditCode,
} from '@lianzhang/domain';
import { dataSourceOptions, migrate } from '@lianzhang/server/core';
import { SCHEMA } from '@lianzhang/server/schema';
import { createTestDatabase, type TestDatabase } from '@lianzhang/server/testing';
import { DataSource } from 'typeorm';
import { seedCatalogue } from './catalogue';
import { DEMO_ACCOUNTS, seedDemo } from './demo';

async function freshDatabase(
  label: string,
): Promise<{ database: TestDatabase; dataSource: DataSource }> {
  const database = await createTestDatabase(label);
  await migrate(database.url, SCHEMA);
  const dataSource = await new DataSource(dataSourceOptions(database.url, SCHEMA)).initialize();
  return { database, dataSource };
}

describe('the plan catalogue', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    ({ database, dataSource } = await freshDatabase('catalogue'));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('loads the 16 cities, every chain with its target and section, the layouts and the indicators', async () => {
    const report = await seedCatalogue(dataSource);
    expect(report).toMatchObject({
      regions: 17,
      chains: PLAN_CHAINS.length,
      indicators: PLAN_INDICATORS.length,
    });
    const [{ cities }] = await dataSource.query(
      `SELECT count(*)::int AS cities FROM region WHERE level = 'city'`,
    );
    expect(cities).toBe(16);
    const [{ chains }] = await dataSource.query(`SELECT count(*)::int AS chains FROM chain`);
    expect(chains).toBe(PLAN_CHAINS.length);
    for (const chain of PLAN_CHAINS) {
      const [row] = await dataSource.query(
        `SELECT c.target_text, c.target_value::float AS target_value, c.plan_section, p.code AS parent
         FROM chain c LEFT JOIN chain p ON p.id = c.parent_id WHERE c.code = $1`,
        [chain.code],
      );
      expect({ code: chain.code, ...row }).toEqual({
        code: chain.code,
        target_text: chain.target?.text ?? null,
        target_value: chain.target?.value ?? null,
        plan_section: chain.section,
        parent: chain.parentCode,
      });
    }
    const [{ indicators }] = await dataSource.query(
      `SELECT count(*)::int AS indicators FROM plan_indicator`,
    );
    expect(indicators).toBe(PLAN_INDICATORS.length);
    const [{ layouts }] = await dataSource.query(
      `SELECT count(*)::int AS layouts FROM chain_city_layout`,
    );
    expect(layouts).toBe(report.cityLayouts);
  });

  it('is idempotent: a second load changes no row', async () => {
    const snapshot = async () =>
      dataSource.query(
        `SELECT (SELECT json_agg(c ORDER BY code) FROM chain c) AS chains,
                (SELECT json_agg(l ORDER BY chain_id, region_code) FROM chain_city_layout l) AS layouts,
                (SELECT json_agg(i ORDER BY code) FROM plan_indicator i) AS indicators`,
      );
    const before = await snapshot();
    await seedCatalogue(dataSource);
    expect(await snapshot()).toEqual(before);
  });
});

describe('the demo province', () => {
  let first: { database: TestDatabase; dataSource: DataSource };
  let second: { database: TestDatabase; dataSource: DataSource };

  beforeAll(async () => {
    first = await freshDatabase('demo_a');
    second = await freshDatabase('demo_b');
    for (const { dataSource } of [first, second]) {
      await seedCatalogue(dataSource);
    }
  });

  afterAll(async () => {
    for (const db of [first, second]) {
      await db?.dataSource.destroy();
      await db?.database.drop();
    }
  });

  it('creates the documented accounts, members on every chain and tasks in every state', async () => {
    const report = await seedDemo(first.dataSource, async () => 'not-a-real-hash');
    expect(report.created).toBe(true);
    for (const account of DEMO_ACCOUNTS) {
      const [row] = await first.dataSource.query(`SELECT role FROM app_user WHERE username = $1`, [
        account.username,
      ]);
      expect({ username: account.username, role: row?.role }).toEqual({
        username: account.username,
        role: account.role,
      });
    }
    const statuses = await first.dataSource.query(
      `SELECT DISTINCT status FROM task ORDER BY status`,
    );
    expect(statuses.map((s: { status: string }) => s.status).sort()).toEqual(
      [...TASK_STATUSES].sort(),
    );
    const [{ bare }] = await first.dataSource.query(
      `SELECT count(*)::int AS bare FROM chain c WHERE c.parent_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM chain_member m WHERE m.chain_id = c.id AND m.role = 'chain_master')`,
    );
    expect(bare).toBe(0);
    const [{ overdue }] = await first.dataSource.query(
      `SELECT count(*)::int AS overdue FROM task WHERE status NOT IN ('done', 'cancelled') AND due_date < (now() AT TIME ZONE 'Asia/Shanghai')::date`,
    );
    expect(overdue).toBeGreaterThan(0);
    // 督办单 history: a 黄牌 exactly on tasks at least 3 workdays late and still in a state the
    // ladder applies to, a 红牌 at 7, numbered 1, 2, 3… within each year in order of issue.
    expect(report.notices).toBeGreaterThan(0);
    const notices = (await first.dataSource.query(
      `SELECT n.level, n.year, n.seq, n.number, n.overdue_workdays AS overdue, t.status,
              (n.issued_at AT TIME ZONE 'Asia/Shanghai')::date > t.due_date AS "afterDue"
       FROM supervision_notice n JOIN task t ON t.id = n.task_id ORDER BY n.year, n.seq`,
    )) as {
      level: string;
      year: number;
      seq: number;
      number: string;
      overdue: number;
      status: string;
      afterDue: boolean;
    }[];
    expect(notices).toHaveLength(report.notices);
    for (const [index, n] of notices.entries()) {
      expect(['assigned', 'accepted', 'in_progress', 'returned']).toContain(n.status);
      expect(n.afterDue).toBe(true);
      expect([n.level, n.overdue]).toEqual(n.level === 'yellow' ? ['yellow', 3] : ['red', 7]);
      expect(n.number).toBe(`鲁链督〔${n.year}〕${n.seq}号`);
      const previous = notices[index - 1];
      expect(n.seq).toBe(previous && previous.year === n.year ? previous.seq + 1 : 1);
    }
    // Timers for the open tasks, as assigning them through the api would leave: pending,
    // ahead, at 09:00 Shanghai, on steps of the default ladder, on tasks it applies to.
    expect(report.steps).toBeGreaterThan(0);
    const events = (await first.dataSource.query(
      `SELECT e.step, e.status, e.fire_at > now() AS ahead, t.status AS "taskStatus",
              to_char(e.fire_at AT TIME ZONE 'Asia/Shanghai', 'HH24:MI') AS at, t.assigned_on IS NOT NULL AS assigned,
              t.escalation_policy IS NOT NULL AS frozen
       FROM scheduled_event e JOIN task t ON t.id = e.subject_id WHERE e.subject_type = 'task'`,
    )) as {
      step: string;
      status: string;
      ahead: boolean;
      taskStatus: string;
      at: string;
      assigned: boolean;
      frozen: boolean;
    }[];
    expect(events).toHaveLength(report.steps);
    const keys = new Set(DEFAULT_ESCALATION_POLICY.steps.map((s) => s.key));
    for (const event of events) {
      expect(keys.has(event.step)).toBe(true);
      expect(event).toMatchObject({
        status: 'pending',
        ahead: true,
        at: '09:00',
        assigned: true,
        frozen: true,
      });
      expect(['assigned', 'accepted', 'in_progress', 'returned']).toContain(event.taskStatus);
    }
    const [{ invalid }] = await first.dataSource.query(
      `SELECT count(*)::int AS invalid FROM organisation WHERE kind = 'enterprise' AND credit_code IS NULL`,
    );
    expect(invalid).toBe(0);
    const codes = (await first.dataSource.query(
      `SELECT credit_code FROM organisation WHERE credit_code IS NOT NULL`,
    )) as { credit_code: string }[];
    expect(codes.filter((c) => !validateCreditCode(c.credit_code).valid)).toEqual([]);
  });

  it('loads once, and the same seed gives the same province', async () => {
    expect((await seedDemo(first.dataSource, async () => 'x')).created).toBe(false);
    await seedDemo(second.dataSource, async () => 'x');
    const names = (db: DataSource) =>
      db.query(`SELECT name, credit_code, region_code FROM organisation ORDER BY name`);
    expect(await names(second.dataSource)).toEqual(await names(first.dataSource));
  });
});
