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
import { InsightsJobsModule } from '@lianzhang/server/insights';
import { DeliveryJobsModule } from '@lianzhang/server/notifications';
import { ReportsJobsModule } from '@lianzhang/server/reports';
import { SchedulerJobsModule } from '@lianzhang/server/scheduler';
import { SCHEMA } from '@lianzhang/server/schema';
import { TasksModule } from '@lianzhang/server/tasks';
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
        // Registers the task and request effects the scheduler fires.
        TasksModule,
        SchedulerJobsModule,
        DeliveryJobsModule,
        ReportsJobsModule,
        InsightsJobsModule,
      ],
      providers: [WorkerHealthServer],
    };
  }
}
