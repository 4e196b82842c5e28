import { Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { JobHandler, type HandlesJob } from '@lianzhang/server/core';
import { NotificationsModule } from '@lianzhang/server/notifications';
import type { Job } from 'bullmq';
import { ReportGeneratorService, type GenerateOutcome } from './report-generator.service';
import { ReportsModule } from './reports.module';

/** Builds one report: the row decides what, if anything, happens. */
@Injectable()
@JobHandler('reports.generate')
export class GenerateReportHandler implements HandlesJob<'reports.generate', GenerateOutcome> {
  constructor(private readonly generator: ReportGeneratorService) {}

  handle(job: Job<{ reportId: string }>): Promise<GenerateOutcome> {
    return this.generator.generate(job.data.reportId);
  }
}

/**
 * Writes the rows of the periods that ended and enqueues every row that needs a job; at
 * worker start and then as a job scheduler (see `JOB_SCHEDULES`).
 */
@Injectable()
@JobHandler('reports.schedule')
export class ScheduleReportsHandler
  implements HandlesJob<'reports.schedule', unknown>, OnApplicationBootstrap
{
  private readonly logger = new Logger(ScheduleReportsHandler.name);

  constructor(private readonly generator: ReportGeneratorService) {}

  /**
   * Not awaited: the start must not wait for a period's rows (a first start writes about a
   * hundred), and a worker stopped meanwhile only leaves the rest to the next interval.
   */
  onApplicationBootstrap(): void {
    void this.generator
      .schedule()
      .catch((error: Error) => this.logger.warn(`report schedule at start: ${error.message}`));
  }

  handle(): Promise<unknown> {
    return this.generator.schedule();
  }
}

/** Processors of the periodic reports; imported by apps/worker only. */
@Module({
  imports: [ReportsModule, NotificationsModule],
  providers: [ReportGeneratorService, GenerateReportHandler, ScheduleReportsHandler],
  exports: [ReportGeneratorService],
})
export class ReportsJobsModule {}
