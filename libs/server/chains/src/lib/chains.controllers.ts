import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  chainListQuerySchema,
  createChainSchema,
  createNodeSchema,
  createProjectSchema,
  createShortBoardSchema,
  setLeadershipSchema,
  setMilestoneSchema,
  setMemberSchema,
  updateChainSchema,
  updateNodeSchema,
  updateProjectSchema,
  updateShortBoardSchema,
  type ChainDetailDto,
  type ChainDto,
  type ChainListQuery,
  type ChainMemberDto,
  type ChainNodeDto,
  type CreateChainRequest,
  type CreateNodeRequest,
  type CreateProjectRequest,
  type CreateShortBoardRequest,
  type Page,
  type ProjectDto,
  type ShortBoardDto,
  type UpdateChainRequest,
  type UpdateNodeRequest,
  type UpdateProjectRequest,
  type UpdateShortBoardRequest,
} from '@lianzhang/contracts';
import type { LeadershipKind, MemberRole } from '@lianzhang/domain';
import {
  Authenticated,
  CurrentUser,
  ZodValidationPipe,
  type AuthenticatedUser,
  uuidParam,
} from '@lianzhang/server/core';
import { ChainsService } from './chains.service';
import { WorkItemsService } from './work-items.service';

@ApiTags('chains')
@Controller('chains')
export class ChainsController {
  constructor(
    private readonly chains: ChainsService,
    private readonly items: WorkItemsService,
  ) {}

  @Authenticated('chain:read')
  @Get()
  @ApiOperation({ summary: 'Chains in the caller’s scope' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query(new ZodValidationPipe(chainListQuerySchema)) query: ChainListQuery,
  ): Promise<Page<ChainDto>> {
    return this.chains.list(user, query);
  }

  @Authenticated('chain:manage')
  @Post()
  @ApiOperation({ summary: 'Create a chain (province)' })
  create(
    @Body(new ZodValidationPipe(createChainSchema)) request: CreateChainRequest,
  ): Promise<ChainDto> {
    return this.chains.create(request);
  }

  @Authenticated('chain:read')
  @Get(':id')
  detail(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<ChainDetailDto> {
    return this.chains.detail(user, id);
  }

  @Authenticated('chain:edit')
  @Patch(':id')
  @ApiOperation({ summary: 'Change a chain’s names or target; `version` must be the one read' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(updateChainSchema)) request: UpdateChainRequest,
  ): Promise<ChainDto> {
    return this.chains.update(user, id, request);
  }

  @Authenticated('chain:manage')
  @Put(':id/leaders/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Make a user 总链长, 链长 or 链长办 staff of the chain (province)' })
  async setLeader(
    @Param('id', uuidParam()) id: string,
    @Param('userId', uuidParam()) userId: string,
    @Body(new ZodValidationPipe(setLeadershipSchema)) request: { kind: LeadershipKind },
  ): Promise<void> {
    await this.chains.setLeadership(id, userId, request.kind);
  }

  @Authenticated('chain:read')
  @Get(':id/members')
  members(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<ChainMemberDto[]> {
    return this.chains.members(user, id);
  }

  @Authenticated('chain:edit')
  @Put(':id/members/:organisationId')
  @HttpCode(204)
  async setMember(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Param('organisationId', uuidParam()) organisationId: string,
    @Body(new ZodValidationPipe(setMemberSchema)) request: { role: MemberRole },
  ): Promise<void> {
    await this.chains.setMember(user, id, organisationId, request.role);
  }

  @Authenticated('chain:edit')
  @Delete(':id/members/:organisationId')
  @HttpCode(204)
  async removeMember(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Param('organisationId', uuidParam()) organisationId: string,
  ): Promise<void> {
    await this.chains.removeMember(user, id, organisationId);
  }

  @Authenticated('chain:read')
  @Get(':id/map')
  @ApiOperation({
    summary: 'The chain map: nodes by stage with their enterprises and derived risk flags',
  })
  map(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<ChainNodeDto[]> {
    return this.chains.map(user, id);
  }

  @Authenticated('chain:edit')
  @Post(':id/nodes')
  createNode(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(createNodeSchema)) request: CreateNodeRequest,
  ): Promise<{ id: string }> {
    return this.chains.createNode(user, id, request);
  }

  @Authenticated('chain:read')
  @Get(':id/short-boards')
  shortBoards(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<ShortBoardDto[]> {
    return this.items.listShortBoards(user, id);
  }

  @Authenticated('chain:edit')
  @Post(':id/short-boards')
  createShortBoard(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(createShortBoardSchema)) request: CreateShortBoardRequest,
  ): Promise<ShortBoardDto> {
    return this.items.createShortBoard(user, id, request);
  }

  @Authenticated('chain:read')
  @Get(':id/projects')
  projects(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<ProjectDto[]> {
    return this.items.listProjects(user, id);
  }

  @Authenticated('chain:edit')
  @Post(':id/projects')
  createProject(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(createProjectSchema)) request: CreateProjectRequest,
  ): Promise<ProjectDto> {
    return this.items.createProject(user, id, request);
  }
}

@ApiTags('chains')
@Controller('nodes')
export class NodesController {
  constructor(private readonly chains: ChainsService) {}

  @Authenticated('chain:edit')
  @Patch(':id')
  @HttpCode(204)
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(updateNodeSchema)) request: UpdateNodeRequest,
  ): Promise<void> {
    await this.chains.updateNode(user, id, request);
  }

  @Authenticated('chain:edit')
  @Put(':id/enterprises/:organisationId')
  @HttpCode(204)
  async attach(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Param('organisationId', uuidParam()) organisationId: string,
  ): Promise<void> {
    await this.chains.attachEnterprise(user, id, organisationId);
  }

  @Authenticated('chain:edit')
  @Delete(':id/enterprises/:organisationId')
  @HttpCode(204)
  async detach(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Param('organisationId', uuidParam()) organisationId: string,
  ): Promise<void> {
    await this.chains.detachEnterprise(user, id, organisationId);
  }
}

@ApiTags('short boards')
@Controller('short-boards')
export class ShortBoardsController {
  constructor(private readonly items: WorkItemsService) {}

  @Authenticated('chain:read')
  @Get(':id')
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<ShortBoardDto> {
    return this.items.getShortBoard(user, id);
  }

  @Authenticated('chain:edit')
  @Patch(':id')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(updateShortBoardSchema)) request: UpdateShortBoardRequest,
  ): Promise<ShortBoardDto> {
    return this.items.updateShortBoard(user, id, request);
  }
}

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly items: WorkItemsService) {}

  @Authenticated('chain:edit')
  @Patch(':id/milestones/:milestoneId')
  @ApiOperation({ summary: 'Record the actual date of a milestone' })
  milestone(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Param('milestoneId', uuidParam()) milestoneId: string,
    @Body(new ZodValidationPipe(setMilestoneSchema)) request: { actualDate: string | null },
  ): Promise<ProjectDto> {
    return this.items.setMilestone(user, id, milestoneId, request.actualDate);
  }

  @Authenticated('chain:read')
  @Get(':id')
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<ProjectDto> {
    return this.items.getProject(user, id);
  }

  @Authenticated('chain:edit')
  @Patch(':id')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(updateProjectSchema)) request: UpdateProjectRequest,
  ): Promise<ProjectDto> {
    return this.items.updateProject(user, id, request);
  }
}
