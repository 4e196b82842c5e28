import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions, type SchemaDefinition } from './data-source';
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
            return dataSourceOptions(config.databaseUrl, schema, { applicationName });
          },
        }),
      ],
      providers: [SchemaCheck],
    };
  }
}
