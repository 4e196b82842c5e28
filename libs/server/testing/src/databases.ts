import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env['LZ_TEST_PG_ADMIN_URL'];
  if (!url) {
    throw new Error(
      'LZ_TEST_PG_ADMIN_URL is not set: run the tests through Jest (its global setup finds the server)',
    );
  }
  return url;
}

/**
 * A fresh, empty database of its own for one test file, on the test server, dropped by
 * `drop()`. Apply the schema with `migrate(database.url, SCHEMA)`.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `lzt_${label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const database: TestDatabase = {
    name,
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: adminUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
  return database;
}
