import { Injectable } from '@nestjs/common';
import type { ReportTrigger } from '@lianzhang/domain';
import { jobId, JobQueue } from '@lianzhang/server/core';

/**
 * BullMQ takes jobs without a priority before prioritized ones: a report somebody is
 * waiting for goes ahead of the weekly batch the schedule writes.
 */
export const SCHEDULED_REPORT_PRIORITY = 10;

/** Enqueues `reports.generate` wake-up calls: job id = report id, payload the id only. */
@Injectable()
export class ReportJobs {
  constructor(private readonly jobs: JobQueue) {}

  /** An id the queue already holds (waiting, delayed for a retry, running) is left alone. */
  async enqueue(rows: readonly { readonly id: string; readonly trigger: ReportTrigger }[]) {
    for (const row of rows) {
      await this.jobs.add(
        'reports.generate',
        { reportId: row.id },
        {
          jobId: jobId(row.id),
          ...(row.trigger === 'schedule' ? { priority: SCHEDULED_REPORT_PRIORITY } : {}),
        },
      );
    }
  }
}
