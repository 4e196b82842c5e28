import { dataSourceOptions, migrate } from '@lianzhang/server/core';
import { createTestDatabase, type TestDatabase } from '@lianzhang/server/testing';
import { DataSource } from 'typeorm';
import { SCHEMA } from './index';

describe('the schema', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('schema');
  });

  afterAll(async () => {
    await database.drop();
  });

  it('applies every migration to an empty database, and a second run applies none', async () => {
    const applied = await migrate(database.url, SCHEMA);
    expect(applied).toHaveLength((SCHEMA.migrations as unknown[]).length);
    expect(await migrate(database.url, SCHEMA)).toEqual([]);
  });

  it('matches the entities: generating a migration after them finds nothing to do', async () => {
    const dataSource = await new DataSource(dataSourceOptions(database.url, SCHEMA)).initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('reverts every migration down to an empty schema', async () => {
    const dataSource = await new DataSource(dataSourceOptions(database.url, SCHEMA)).initialize();
    try {
      for (let i = 0; i < (SCHEMA.migrations as unknown[]).length; i++) {
        await dataSource.undoLastMigration({ transaction: 'each' });
      }
      const tables = await dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migration'`,
      );
      expect(tables).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
