import { validateCreditCode } from '@lianzhang/domain';
import { dataSourceOptions, migrate } from '@lianzhang/server/core';
import { SCHEMA } from '@lianzhang/server/schema';
import { seedCatalogue } from '@lianzhang/server/seed';
import { createTestDatabase, type TestDatabase } from '@lianzhang/server/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { generateProvince, PROVINCE_SIZES, type ProvinceReport } from './generate';

const NOW = new Date('2026-11-18T02:00:00Z');
const SCALE = 0.004;

/** A migrated database with the catalogue, filled by the generator at a small scale. */
async function province(label: string): Promise<{
  database: TestDatabase;
  client: Client;
  report: ProvinceReport;
}> {
  const database = await createTestDatabase(label);
  await migrate(database.url, SCHEMA);
  const dataSource = await new DataSource(dataSourceOptions(database.url, SCHEMA)).initialize();
  await seedCatalogue(dataSource);
  await dataSource.destroy();
  const client = new Client({ connectionString: database.url });
  await client.connect();
  const report = await generateProvince(client, {
    scale: SCALE,
    seed: 7,
    now: NOW,
    passwordHash: 'not-a-real-hash',
  });
  return { database, client, report };
}

describe('the province generator (issue 7), at a small scale', () => {
  let first: Awaited<ReturnType<typeof province>>;
  const one = async <T>(sql: string, params: unknown[] = []) =>
    (await first.client.query(sql, params)).rows[0] as T;

  beforeAll(async () => {
    first = await province('province_a');
  });

  afterAll(async () => {
    await first?.client.end();
    await first?.database.drop();
  });

  it('writes the sizes it is asked for, exactly', async () => {
    const counts = await one<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM task) AS tasks,
              (SELECT count(*)::int FROM progress_report) AS reports,
              (SELECT count(*)::int FROM scheduled_event WHERE status = 'pending') AS pending,
              (SELECT count(*)::int FROM organisation WHERE kind = 'enterprise') AS enterprises,
              (SELECT count(*)::int FROM chain WHERE level = 'city') AS local`,
    );
    expect(counts).toEqual({
      tasks: PROVINCE_SIZES.tasks * SCALE,
      reports: PROVINCE_SIZES.progressReports * SCALE,
      pending: PROVINCE_SIZES.pendingEvents * SCALE,
      enterprises: PROVINCE_SIZES.enterprises * SCALE,
      local: 16 * PROVINCE_SIZES.localChainsPerCity,
    });
    expect(first.report).toMatchObject({
      tasks: counts['tasks'],
      progressReports: counts['reports'],
      pendingEvents: counts['pending'],
    });
  });

  it('shapes the work as it is used: most tasks closed, a few percent overdue, leaders busiest', async () => {
    const shape = await one<{
      open: number;
      overdue: number;
      closed: number;
      master: number;
      median: number;
    }>(
      `SELECT avg((status NOT IN ('draft', 'done', 'cancelled'))::int)::float8 AS open,
              avg((status NOT IN ('draft', 'done', 'cancelled') AND due_date < $1::date)::int)::float8 AS overdue,
              avg((status IN ('done', 'cancelled'))::int)::float8 AS closed,
              (SELECT max(n) FROM (SELECT count(*) AS n FROM task GROUP BY assignee_organisation_id) x)::int AS master,
              (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) FROM (SELECT count(*) AS n FROM task GROUP BY assignee_organisation_id) x)::int AS median
       FROM task`,
      ['2026-11-18'],
    );
    expect(shape.closed).toBeGreaterThan(0.55);
    expect(shape.open).toBeGreaterThan(0.25);
    expect(shape.overdue).toBeGreaterThan(0.005);
    expect(shape.overdue).toBeLessThan(0.05);
    expect(shape.master).toBeGreaterThan(shape.median * 3);
  });

  it('leaves each row as the platform would: valid codes, closed days, frozen ladders, steps ahead of open tasks only', async () => {
    const codes = (
      await first.client.query(`SELECT credit_code FROM organisation WHERE kind = 'enterprise'`)
    ).rows as {
      credit_code: string;
    }[];
    expect(codes.every((c) => validateCreditCode(c.credit_code))).toBe(true);
    const wrong = await one<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM task WHERE status IN ('done', 'cancelled') AND closed_on IS NULL) AS "closedWithoutDay",
              (SELECT count(*)::int FROM task WHERE status NOT IN ('done', 'cancelled') AND closed_on IS NOT NULL) AS "openWithDay",
              (SELECT count(*)::int FROM task WHERE status <> 'draft' AND (escalation_policy IS NULL OR assigned_on IS NULL)) AS "unplanned",
              (SELECT count(*)::int FROM scheduled_event e JOIN task t ON t.id = e.subject_id
               WHERE e.status = 'pending' AND (t.status IN ('draft', 'done', 'cancelled') OR e.fire_at <= $1)) AS "badSteps",
              (SELECT count(*)::int FROM task t WHERE t.status = 'done'
                 AND (SELECT (max(occurred_at) AT TIME ZONE 'Asia/Shanghai')::date FROM task_event e WHERE e.task_id = t.id AND e.to_status = 'done') IS DISTINCT FROM t.closed_on) AS "historyDisagrees",
              (SELECT count(*)::int FROM progress_report WHERE status = 'returned' AND review_reason IS NULL) AS "returnedWithoutReason"`,
      [NOW],
    );
    expect(wrong).toEqual({
      closedWithoutDay: 0,
      openWithDay: 0,
      unplanned: 0,
      badSteps: 0,
      historyDisagrees: 0,
      returnedWithoutReason: 0,
    });
  });

  it('makes the same province again from the same seed and moment', async () => {
    const second = await province('province_b');
    try {
      const digest = async (client: Client) =>
        (
          await client.query(
            `SELECT md5(string_agg(t::text, ',' ORDER BY t.id)) AS tasks,
                    (SELECT md5(string_agg(r.id::text || r.status || r.created_at::text, ',' ORDER BY r.id)) FROM progress_report r) AS reports,
                    (SELECT md5(string_agg(e.subject_id::text || e.step || e.fire_at::text, ',' ORDER BY e.id)) FROM scheduled_event e) AS steps
             FROM (SELECT t.id, c.code, t.title, t.status, t.due_date, t.assignee_organisation_id, t.closed_on, t.last_report_on
                   FROM task t JOIN chain c ON c.id = t.chain_id) t`,
          )
        ).rows[0] as Record<string, string>;
      expect(await digest(second.client)).toEqual(await digest(first.client));
      // The catalogue's chains get their ids from the database; everything else is the same.
      const withoutChainId = (r: ProvinceReport) => ({ ...r, bench: { ...r.bench, chainId: '' } });
      expect(withoutChainId(second.report)).toEqual(withoutChainId(first.report));
    } finally {
      await second.client.end();
      await second.database.drop();
    }
  });
});
