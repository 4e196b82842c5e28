import { Module } from '@nestjs/common';
import { CalendarModule } from '@lianzhang/server/calendar';
import { ChainsModule } from '@lianzhang/server/chains';
import { NotificationsModule } from '@lianzhang/server/notifications';
import { TasksModule } from '@lianzhang/server/tasks';
import { ChallengesService } from './challenges.service';

/** 揭榜挂帅: the service (entities are in the schema's list). */
@Module({
  imports: [ChainsModule, TasksModule, NotificationsModule, CalendarModule],
  providers: [ChallengesService],
  exports: [ChallengesService],
})
export class ChallengesModule {}
