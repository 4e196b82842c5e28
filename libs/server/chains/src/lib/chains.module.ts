import { Module } from '@nestjs/common';
import { ChainScopeService } from './chain-scope.service';
import {
  ChainsController,
  NodesController,
  ProjectsController,
  ShortBoardsController,
} from './chains.controllers';
import { ChainsService } from './chains.service';
import { WorkItemsService } from './work-items.service';

@Module({
  providers: [ChainScopeService, ChainsService, WorkItemsService],
  exports: [ChainScopeService, ChainsService, WorkItemsService],
})
export class ChainsModule {}

/** Controllers; imported by apps/api only. */
@Module({
  imports: [ChainsModule],
  controllers: [ChainsController, NodesController, ShortBoardsController, ProjectsController],
})
export class ChainsHttpModule {}
