import { dataSourceOptions } from '@lianzhang/server/core';
import { SCHEMA } from '@lianzhang/server/schema';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

/**
 * What `typeorm migration:generate` does, without its ts-node CLI: migrate the database,
 * diff the entities against it and write the SQL both ways. Returns the file, or
 * undefined when there is no difference.
 */
export async function generateMigration(
  url: string,
  name: string,
  directory: string,
): Promise<string | undefined> {
  const dataSource = new DataSource(dataSourceOptions(url, SCHEMA, { poolSize: 2 }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) return undefined;
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const quote = (query: string) => '`' + query.replace(/`/g, '\\`') + '`';
    const up = sql.upQueries
      .map((q) => `    await queryRunner.query(${quote(q.query)});`)
      .join('\n');
    const down = [...sql.downQueries]
      .reverse()
      .map((q) => `    await queryRunner.query(${quote(q.query)});`)
      .join('\n');
    const file = join(
      directory,
      `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.ts`,
    );
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}
`,
    );
    return file;
  } finally {
    await dataSource.destroy();
  }
}
