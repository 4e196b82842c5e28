import { Module } from '@nestjs/common';
import { ChainsModule } from '@lianzhang/server/chains';
import { CockpitController } from './cockpit.controller';
import { CockpitService } from './cockpit.service';

@Module({
  imports: [ChainsModule],
  providers: [CockpitService],
  exports: [CockpitService],
})
export class CockpitModule {}

/** Controllers; imported by apps/api only. */
@Module({ imports: [CockpitModule], controllers: [CockpitController] })
export class CockpitHttpModule {}
