import { Module } from '@nestjs/common';
import { CalendarModule } from '@lianzhang/server/calendar';
import { ChainsModule } from '@lianzhang/server/chains';
import { NotificationsModule } from '@lianzhang/server/notifications';
import { SchedulerModule } from '@lianzhang/server/scheduler';
import { EscalationPoliciesController } from './escalation-policies.controller';
import { EscalationPoliciesService } from './escalation-policies.service';
import { TaskEscalationService } from './task-escalation.service';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { ReportsService } from './reports.service';
import { ReportsController, RequestsController, TasksController } from './tasks.controllers';
import { TasksService } from './tasks.service';

@Module({
  imports: [ChainsModule, CalendarModule, NotificationsModule, SchedulerModule],
  providers: [
    TasksService,
    ReportsService,
    AttachmentsService,
    TaskEscalationService,
    EscalationPoliciesService,
  ],
  exports: [
    TasksService,
    ReportsService,
    AttachmentsService,
    TaskEscalationService,
    EscalationPoliciesService,
  ],
})
export class TasksModule {}

/** Controllers; imported by apps/api only. */
@Module({
  imports: [TasksModule],
  controllers: [
    TasksController,
    ReportsController,
    RequestsController,
    AttachmentsController,
    EscalationPoliciesController,
  ],
})
export class TasksHttpModule {}
