import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Thrown at start when the database lags behind the code's migrations. */
export class SchemaBehindError extends Error {
  override name = 'SchemaBehindError';
}

/**
 * Refuses to start an api or worker on a database whose migrations have not all run:
 * every query would fail later with a 500; one clear line at start is better.
 */
@Injectable()
export class SchemaCheck implements OnApplicationBootstrap {
  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    const applied = new Set<string>(
      (
        await this.dataSource
          .query(`SELECT name FROM schema_migration`)
          .catch(() => [] as { name: string }[])
      ).map((row: { name: string }) => row.name),
    );
    const pending = this.dataSource.migrations
      .map((m) => m.name ?? m.constructor.name)
      .filter((name) => !applied.has(name));
    if (pending.length > 0) {
      throw new SchemaBehindError(
        `the database is behind the code: ${pending.length} migration(s) not applied (${pending.join(', ')}); run \`npm run db:migrate\` (npm start does it for you)`,
      );
    }
  }
}
