import { Module } from '@nestjs/common';
import { CalendarModule } from '@lianzhang/server/calendar';
import { ChainsModule } from '@lianzhang/server/chains';
import { SchedulerModule } from '@lianzhang/server/scheduler';
import { TasksModule } from '@lianzhang/server/tasks';
import { ChainMembersImporter } from './importers/chain-members.importer';
import { MapNodesImporter } from './importers/map-nodes.importer';
import { OrganisationsImporter } from './importers/organisations.importer';
import { ProjectsImporter } from './importers/projects.importer';
import { ShortBoardsImporter } from './importers/short-boards.importer';
import { TasksImporter } from './importers/tasks.importer';
import { ImportsService } from './imports.service';

/** Excel import: templates, row checks and the writers of each kind. */
@Module({
  imports: [ChainsModule, TasksModule, CalendarModule, SchedulerModule],
  providers: [
    ImportsService,
    OrganisationsImporter,
    ChainMembersImporter,
    MapNodesImporter,
    ShortBoardsImporter,
    ProjectsImporter,
    TasksImporter,
  ],
  exports: [ImportsService],
})
export class ExchangeModule {}
