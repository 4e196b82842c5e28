import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  createReportSchema,
  createRequestSchema,
  createTaskSchema,
  handleRequestSchema,
  reportListQuerySchema,
  requestListQuerySchema,
  reviewReportSchema,
  taskCommentSchema,
  taskListQuerySchema,
  taskTransitionSchema,
  updateTaskSchema,
  type CoordinationRequestDto,
  type CreateCoordinationRequest,
  type CreateReportRequest,
  type CreateTaskRequest,
  type HandleCoordinationRequest,
  type Page,
  type ProgressReportDto,
  type ReportListQuery,
  type RequestListQuery,
  type ReviewReportRequest,
  type TaskCommentDto,
  type TaskDetailDto,
  type TaskDto,
  type TaskListQuery,
  type TaskTransitionRequest,
  type UpdateTaskRequest,
} from '@lianzhang/contracts';
import {
  Authenticated,
  CurrentUser,
  ZodValidationPipe,
  type AuthenticatedUser,
  uuidParam,
} from '@lianzhang/server/core';
import { ReportsService } from './reports.service';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly reports: ReportsService,
  ) {}

  @Authenticated('task:read')
  @Get()
  @ApiOperation({ summary: 'Tasks the caller may see, each with the caller’s allowed actions' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query(new ZodValidationPipe(taskListQuerySchema)) query: TaskListQuery,
  ): Promise<Page<TaskDto>> {
    return this.tasks.list(user, query);
  }

  @Authenticated('task:assign')
  @Post()
  @ApiOperation({
    summary: 'Create a task in a chain the caller manages; `assign: true` assigns it at once',
  })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodValidationPipe(createTaskSchema)) request: CreateTaskRequest,
  ): Promise<TaskDto> {
    return this.tasks.create(user, request);
  }

  @Authenticated('task:read')
  @Get(':id')
  detail(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<TaskDetailDto> {
    return this.tasks.detail(user, id);
  }

  @Authenticated('task:assign')
  @Patch(':id')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(updateTaskSchema)) request: UpdateTaskRequest,
  ): Promise<TaskDto> {
    return this.tasks.update(user, id, request);
  }

  /** Who may take the step is the workflow's business (`@lianzhang/domain`): 403 when it is not the caller's. */
  @Authenticated('task:read')
  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Take a workflow step (assign, accept, decline, start, submit, approve, return, resume, cancel)',
  })
  transition(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(taskTransitionSchema)) request: TaskTransitionRequest,
  ): Promise<TaskDto> {
    return this.tasks.transition(user, id, request);
  }

  @Authenticated('task:read')
  @Post(':id/comments')
  comment(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(taskCommentSchema)) request: { body: string },
  ): Promise<TaskCommentDto> {
    return this.tasks.comment(user, id, request.body);
  }

  @Authenticated('report:create')
  @Post(':id/reports')
  report(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(createReportSchema)) request: CreateReportRequest,
  ): Promise<ProgressReportDto> {
    return this.reports.report(user, 'task', id, request);
  }
}

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Authenticated('task:read')
  @Get('reports')
  @ApiOperation({ summary: 'Progress reports (the review queue with status=submitted)' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query(new ZodValidationPipe(reportListQuerySchema)) query: ReportListQuery,
  ): Promise<Page<ProgressReportDto>> {
    return this.reports.list(user, query);
  }

  @Authenticated('task:read')
  @Get('reports/:id')
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<ProgressReportDto> {
    return this.reports.get(user, id);
  }

  @Authenticated('report:review')
  @Post('reports/:id/review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a report, or return it with a reason' })
  review(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(reviewReportSchema)) request: ReviewReportRequest,
  ): Promise<ProgressReportDto> {
    return this.reports.review(user, id, request);
  }

  @Authenticated('report:create')
  @Post('short-boards/:id/reports')
  reportShortBoard(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(createReportSchema)) request: CreateReportRequest,
  ): Promise<ProgressReportDto> {
    return this.reports.report(user, 'short_board', id, request);
  }

  @Authenticated('report:create')
  @Post('projects/:id/reports')
  reportProject(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(createReportSchema)) request: CreateReportRequest,
  ): Promise<ProgressReportDto> {
    return this.reports.report(user, 'project', id, request);
  }
}

@ApiTags('coordination requests')
@Controller('requests')
export class RequestsController {
  constructor(private readonly reports: ReportsService) {}

  @Authenticated('task:read')
  @Get()
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query(new ZodValidationPipe(requestListQuerySchema)) query: RequestListQuery,
  ): Promise<Page<CoordinationRequestDto>> {
    return this.reports.listRequests(user, query);
  }

  @Authenticated('request:create')
  @Post()
  @ApiOperation({
    summary: 'Raise a coordination request (诉求) in a chain the enterprise belongs to',
  })
  raise(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodValidationPipe(createRequestSchema)) request: CreateCoordinationRequest,
  ): Promise<CoordinationRequestDto> {
    return this.reports.raise(user, request);
  }

  @Authenticated('task:read')
  @Get(':id')
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<CoordinationRequestDto> {
    return this.reports.getRequest(user, id);
  }

  @Authenticated('request:handle')
  @Post(':id/actions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign to a department, answer, or close a request' })
  handle(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(handleRequestSchema)) request: HandleCoordinationRequest,
  ): Promise<CoordinationRequestDto> {
    return this.reports.handle(user, id, request);
  }
}
