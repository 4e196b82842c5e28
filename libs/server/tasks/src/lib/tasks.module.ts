import { Module } from '@nestjs/common';
import { ChainsModule } from '@lianzhang/server/chains';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { ReportsService } from './reports.service';
import { ReportsController, RequestsController, TasksController } from './tasks.controllers';
import { TasksService } from './tasks.service';

@Module({
  imports: [ChainsModule],
  providers: [TasksService, ReportsService, AttachmentsService],
  exports: [TasksService, ReportsService, AttachmentsService],
})
export class TasksModule {}

/** Controllers; imported by apps/api only. */
@Module({
  imports: [TasksModule],
  controllers: [TasksController, ReportsController, RequestsController, AttachmentsController],
})
export class TasksHttpModule {}
