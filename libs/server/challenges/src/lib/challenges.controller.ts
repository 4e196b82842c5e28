import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  applicationStepSchema,
  applyChallengeSchema,
  challengeListQuerySchema,
  challengeStepSchema,
  createChallengeSchema,
  selectApplicationSchema,
  updateApplicationSchema,
  updateChallengeSchema,
  type ApplicationStepRequest,
  type ApplyChallengeRequest,
  type ChallengeApplicationDto,
  type ChallengeDetailDto,
  type ChallengeDto,
  type ChallengeListQuery,
  type ChallengeStepRequest,
  type CreateChallengeRequest,
  type Page,
  type SelectApplicationRequest,
  type UpdateApplicationRequest,
  type UpdateChallengeRequest,
} from '@lianzhang/contracts';
import {
  Authenticated,
  CurrentUser,
  ZodValidationPipe,
  type AuthenticatedUser,
  uuidParam,
} from '@lianzhang/server/core';
import { ChallengesService } from './challenges.service';

/**
 * 揭榜挂帅. Reading is open to every signed-in user (an open call); the chain side that
 * manages a challenge's chain runs it (challenge:manage), enterprises and institutes
 * apply (challenge:apply). Rows are scoped in the service: out of scope is 404.
 */
@ApiTags('challenges')
@Controller('challenges')
export class ChallengesController {
  constructor(private readonly challenges: ChallengesService) {}

  @Authenticated('chain:read')
  @Get()
  @ApiOperation({
    summary: 'Challenges the caller may read (open calls of every chain, drafts of its own)',
  })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query(new ZodValidationPipe(challengeListQuerySchema)) query: ChallengeListQuery,
  ): Promise<Page<ChallengeDto>> {
    return this.challenges.list(user, query);
  }

  @Authenticated('challenge:manage')
  @Post()
  @ApiOperation({ summary: 'Draft a challenge from a short board of a chain the caller manages' })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodValidationPipe(createChallengeSchema)) request: CreateChallengeRequest,
  ): Promise<ChallengeDetailDto> {
    return this.challenges.create(user, request);
  }

  @Authenticated('chain:read')
  @Get(':id')
  detail(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<ChallengeDetailDto> {
    return this.challenges.detail(user, id);
  }

  @Authenticated('challenge:manage')
  @Patch(':id')
  @ApiOperation({
    summary: 'Change a draft; once published only its milestones, until 定榜. `version` as read',
  })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(updateChallengeSchema)) request: UpdateChallengeRequest,
  ): Promise<ChallengeDetailDto> {
    return this.challenges.update(user, id, request);
  }

  @Authenticated('challenge:manage')
  @Post(':id/publish')
  @HttpCode(200)
  publish(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(challengeStepSchema)) request: ChallengeStepRequest,
  ): Promise<ChallengeDetailDto> {
    return this.challenges.step(user, id, 'publish', request);
  }

  @Authenticated('challenge:manage')
  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close applications before the deadline (it closes by itself after)' })
  close(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(challengeStepSchema)) request: ChallengeStepRequest,
  ): Promise<ChallengeDetailDto> {
    return this.challenges.step(user, id, 'close', request);
  }

  @Authenticated('challenge:manage')
  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a challenge before 定榜, with a reason' })
  cancel(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(challengeStepSchema)) request: ChallengeStepRequest,
  ): Promise<ChallengeDetailDto> {
    return this.challenges.step(user, id, 'cancel', request);
  }

  @Authenticated('chain:read')
  @Get(':id/applications')
  @ApiOperation({
    summary:
      'Applications: all for the chain side of the chain and the province, an applicant its own',
  })
  applications(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<ChallengeApplicationDto[]> {
    return this.challenges.applications(user, id);
  }

  @Authenticated('challenge:apply')
  @Post(':id/applications')
  @ApiOperation({ summary: 'Apply (揭榜) with a proposal while the challenge is open' })
  apply(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(applyChallengeSchema)) request: ApplyChallengeRequest,
  ): Promise<ChallengeApplicationDto> {
    return this.challenges.apply(user, id, request);
  }

  @Authenticated('challenge:apply')
  @Patch(':id/applications/:applicationId')
  @ApiOperation({ summary: 'Change one’s own application while it is submitted and the call open' })
  updateApplication(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Param('applicationId', uuidParam()) applicationId: string,
    @Body(new ZodValidationPipe(updateApplicationSchema)) request: UpdateApplicationRequest,
  ): Promise<ChallengeApplicationDto> {
    return this.challenges.updateApplication(user, id, applicationId, request);
  }

  @Authenticated('challenge:apply')
  @Post(':id/applications/:applicationId/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Param('applicationId', uuidParam()) applicationId: string,
    @Body(new ZodValidationPipe(applicationStepSchema)) request: ApplicationStepRequest,
  ): Promise<ChallengeApplicationDto> {
    return this.challenges.applicationStep(user, id, applicationId, 'withdraw', request);
  }

  @Authenticated('challenge:manage')
  @Post(':id/applications/:applicationId/shortlist')
  @HttpCode(200)
  shortlist(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Param('applicationId', uuidParam()) applicationId: string,
    @Body(new ZodValidationPipe(applicationStepSchema)) request: ApplicationStepRequest,
  ): Promise<ChallengeApplicationDto> {
    return this.challenges.applicationStep(user, id, applicationId, 'shortlist', request);
  }

  @Authenticated('challenge:manage')
  @Post(':id/applications/:applicationId/select')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '定榜: select a shortlisted application once applications are closed; creates the milestone tasks. `version` of the application and `challengeVersion` as read: 409 if either changed',
  })
  select(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Param('applicationId', uuidParam()) applicationId: string,
    @Body(new ZodValidationPipe(selectApplicationSchema)) request: SelectApplicationRequest,
  ): Promise<ChallengeApplicationDto> {
    return this.challenges.applicationStep(user, id, applicationId, 'select', request);
  }
}
