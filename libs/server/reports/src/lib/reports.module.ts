import { Module } from '@nestjs/common';
import { ChainsModule } from '@lianzhang/server/chains';
import { PeriodicReportsRepository } from './periodic-reports.repository';
import { PeriodicReportsService } from './periodic-reports.service';
import { ReportJobs } from './report-jobs';

/** The periodic reports' queries and the api's service; imported by the http and jobs modules. */
@Module({
  imports: [ChainsModule],
  providers: [PeriodicReportsRepository, PeriodicReportsService, ReportJobs],
  exports: [PeriodicReportsRepository, PeriodicReportsService, ReportJobs],
})
export class ReportsModule {}
