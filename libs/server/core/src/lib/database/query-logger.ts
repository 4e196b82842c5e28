import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * `LOG_QUERIES=true`: each statement TypeORM sends, with its parameters, as one debug
 * line of the app's logger (`{ sql, parameters }`, context `Sql`), so that it carries the
 * request id. For diagnosis and for the API benchmark, which replays the statements of a
 * request on a bare `pg` server as its baseline; never on in normal operation.
 */
export class QueryLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Sql');

  logQuery(sql: string, parameters?: unknown[]): void {
    this.logger.debug({ sql, parameters: parameters ?? [] });
  }

  logQueryError(error: string | Error, sql: string, parameters?: unknown[]): void {
    this.logger.warn({ sql, parameters: parameters ?? [], error: String(error) });
  }

  logQuerySlow(time: number, sql: string, parameters?: unknown[]): void {
    this.logger.warn({ sql, parameters: parameters ?? [], ms: time });
  }

  logSchemaBuild(): void {
    // Never used: the schema comes from migrations only.
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(message);
    else this.logger.log(message);
  }
}
