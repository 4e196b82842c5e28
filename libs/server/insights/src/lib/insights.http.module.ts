import { Module } from '@nestjs/common';
import {
  ChainInsightsController,
  IndicatorsController,
  InsightsController,
} from './insights.controllers';
import { InsightsModule } from './insights.module';

/** Controllers; imported by apps/api only. */
@Module({
  imports: [InsightsModule],
  controllers: [InsightsController, ChainInsightsController, IndicatorsController],
})
export class InsightsHttpModule {}
