import { DynamicModule, Module } from '@nestjs/common';
import {
  AuditHttpModule,
  AuditModule,
  ConfigModule,
  DatabaseModule,
  HealthHttpModule,
  LoggingModule,
  QueueModule,
  type AppConfig,
} from '@lianzhang/server/core';
import { CalendarHttpModule } from '@lianzhang/server/calendar';
import { ChainsHttpModule } from '@lianzhang/server/chains';
import { ChallengesHttpModule } from '@lianzhang/server/challenges';
import { CockpitHttpModule } from '@lianzhang/server/cockpit';
import { ExchangeHttpModule } from '@lianzhang/server/exchange';
import { IdentityHttpModule } from '@lianzhang/server/identity';
import { InsightsHttpModule } from '@lianzhang/server/insights';
import { RegionsHttpModule } from '@lianzhang/server/regions';
import { ReportsHttpModule } from '@lianzhang/server/reports';
import { SCHEMA } from '@lianzhang/server/schema';
import { TasksHttpModule } from '@lianzhang/server/tasks';
import { NotificationsHttpModule } from '@lianzhang/server/notifications';

export const VERSION = process.env['LZ_BUILD_VERSION'] ?? 'dev';

export interface ApiOptions {
  /** How long /api/health waits for the canary job to come back from a worker. */
  readonly canaryTimeoutMs?: number;
}

/** The HTTP process: composition only. Features bring their controllers in `*.http.module`. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: ApiOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config, 'api'),
        DatabaseModule.forRoot(SCHEMA, 'lianzhang-api'),
        QueueModule,
        AuditModule,
        AuditHttpModule,
        HealthHttpModule.forRoot({
          canaryTimeoutMs: options.canaryTimeoutMs ?? 5_000,
          version: VERSION,
        }),
        RegionsHttpModule,
        IdentityHttpModule,
        ChainsHttpModule,
        CockpitHttpModule,
        TasksHttpModule,
        CalendarHttpModule,
        NotificationsHttpModule,
        ExchangeHttpModule,
        ReportsHttpModule,
        InsightsHttpModule,
        ChallengesHttpModule,
      ],
    };
  }
}
