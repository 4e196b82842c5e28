import { Module } from '@nestjs/common';
import { ChainsModule } from '@lianzhang/server/chains';
import { ReportsService } from './reports.service';
import { ReportsController, RequestsController, TasksController } from './tasks.controllers';
import { TasksService } from './tasks.service';

@Module({
  imports: [ChainsModule],
  providers: [TasksService, ReportsService],
  exports: [TasksService, ReportsService],
})
export class TasksModule {}

/** Controllers; imported by apps/api only. */
@Module({
  imports: [TasksModule],
  controllers: [TasksController, ReportsController, RequestsController],
})
export class TasksHttpModule {}
