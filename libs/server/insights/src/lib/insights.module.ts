import { Module } from '@nestjs/common';
import { CalendarModule } from '@lianzhang/server/calendar';
import { ChainsModule } from '@lianzhang/server/chains';
import { HealthRepository } from './health.repository';
import { HealthService } from './health.service';
import { IndicatorsService } from './indicators.service';
import { RisksService } from './risks.service';

/** Chain health, the risk view and the plan's indicators: services only. */
@Module({
  imports: [ChainsModule, CalendarModule],
  providers: [HealthRepository, HealthService, RisksService, IndicatorsService],
  exports: [HealthService, RisksService, IndicatorsService],
})
export class InsightsModule {}
