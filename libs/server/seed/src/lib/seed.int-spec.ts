import { dataSourceOptions, migrate } from '@lianzhang/server/core';
import { SCHEMA } from '@lianzhang/server/schema';
import { createTestDatabase, type TestDatabase } from '@lianzhang/server/testing';
import { DataSource } from 'typeorm';
import { seedCatalogue } from './seed';

describe('seedCatalogue', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('seed');
    await migrate(database.url, SCHEMA);
    dataSource = await new DataSource(dataSourceOptions(database.url, SCHEMA)).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('loads the province and its 16 cities, and a second run changes nothing', async () => {
    expect(await seedCatalogue(dataSource)).toEqual({ regions: 17 });
    const first = await dataSource.query(`SELECT code, updated_at FROM region ORDER BY code`);
    expect(first).toHaveLength(17);

    await seedCatalogue(dataSource);
    const second = await dataSource.query(`SELECT code, updated_at FROM region ORDER BY code`);
    expect(second).toEqual(first);
  });

  it('corrects a name that was changed by hand, and only that row', async () => {
    await dataSource.query(`UPDATE region SET name_zh = '错名' WHERE code = '370100'`);
    const before = await dataSource.query(
      `SELECT code, updated_at FROM region WHERE code <> '370100' ORDER BY code`,
    );
    await seedCatalogue(dataSource);
    expect(await dataSource.query(`SELECT name_zh FROM region WHERE code = '370100'`)).toEqual([
      { name_zh: '济南市' },
    ]);
    expect(
      await dataSource.query(
        `SELECT code, updated_at FROM region WHERE code <> '370100' ORDER BY code`,
      ),
    ).toEqual(before);
  });

  it('refuses a malformed code at the database, whatever writes it', async () => {
    await expect(
      dataSource.query(
        `INSERT INTO region (code, name_zh, name_en, level) VALUES ('37ab00', 'x', 'x', 'city')`,
      ),
    ).rejects.toThrow(/ck_region_code/);
  });
});
