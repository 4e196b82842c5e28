import { Module } from '@nestjs/common';
import { ChainsModule } from '@lianzhang/server/chains';
import { InsightsModule } from '@lianzhang/server/insights';
import { CockpitController } from './cockpit.controller';
import { CockpitService } from './cockpit.service';

@Module({
  imports: [ChainsModule, InsightsModule],
  providers: [CockpitService],
  exports: [CockpitService],
})
export class CockpitModule {}

/** Controllers; imported by apps/api only. */
@Module({ imports: [CockpitModule], controllers: [CockpitController] })
export class CockpitHttpModule {}
