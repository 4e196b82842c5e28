import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions, type SchemaDefinition } from './data-source';
import { QueryLogger } from './query-logger';
import { SchemaCheck } from './schema-check';

@Module({})
export class DatabaseModule {
  static forRoot(schema: SchemaDefinition, applicationName: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            if (!config.databaseUrl) {
              throw new Error('DATABASE_URL is not set');
            }
            const options = dataSourceOptions(config.databaseUrl, schema, { applicationName });
            return config.log.queries
              ? { ...options, logging: ['query'], logger: new QueryLogger() }
              : options;
          },
        }),
      ],
      providers: [SchemaCheck],
    };
  }
}
