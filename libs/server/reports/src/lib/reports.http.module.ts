import { Module } from '@nestjs/common';
import { PeriodicReportsController } from './periodic-reports.controller';
import { ReportsModule } from './reports.module';

/** Controllers; imported by apps/api only. */
@Module({ imports: [ReportsModule], controllers: [PeriodicReportsController] })
export class ReportsHttpModule {}
