import { DataSource, type DataSourceOptions, type MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface SchemaDefinition {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function>;
}

/**
 * Options of every TypeORM data source of the platform: migrations only (never
 * `synchronize`), snake_case names, and sessions pinned to Asia/Shanghai so that
 * `timestamptz` values and `now()` read the same in SQL as on the workday calendar.
 */
export function dataSourceOptions(
  url: string,
  schema: SchemaDefinition,
  overrides: { readonly poolSize?: number; readonly applicationName?: string } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: overrides.applicationName ?? 'lianzhang',
    poolSize: overrides.poolSize ?? 10,
    extra: { options: '-c timezone=Asia/Shanghai' },
  };
}

/** Applies every pending migration; returns the names it applied. */
export async function migrate(url: string, schema: SchemaDefinition): Promise<string[]> {
  const dataSource = new DataSource({
    ...dataSourceOptions(url, schema, { poolSize: 2 }),
    logging: false,
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
