import { DynamicModule, Module } from '@nestjs/common';
import {
  AuditModule,
  ConfigModule,
  DatabaseModule,
  JobRunnerModule,
  LoggingModule,
  QueueModule,
  SystemJobsModule,
  type AppConfig,
} from '@lianzhang/server/core';
import { SCHEMA } from '@lianzhang/server/schema';
import { WorkerHealthServer } from './worker-health';

/** The worker process: every queue processor, no HTTP api. Features bring theirs in `*.jobs.module`. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config, 'worker'),
        DatabaseModule.forRoot(SCHEMA, 'lianzhang-worker'),
        QueueModule,
        AuditModule,
        JobRunnerModule,
        SystemJobsModule,
      ],
      providers: [WorkerHealthServer],
    };
  }
}
