import {
  REPORT_STATUSES,
  REPORT_SUBJECT_TYPES,
  REQUEST_CATEGORIES,
  REQUEST_STATUSES,
  TASK_ACTIONS,
  TASK_PRIORITIES,
  TASK_STATUSES,
  type ReportStatus,
  type ReportSubjectType,
  type RequestCategory,
  type RequestStatus,
  type TaskAction,
  type TaskParty,
  type TaskPriority,
  type TaskStatus,
} from '@lianzhang/domain';
import { z } from 'zod';
import { dateSchema } from './chains';
import { listQuerySchema, requiredText } from './lists';

/** The domain's TASK_PRIORITIES, under the name the contracts have always used. */
export const TASK_PRIORITY_VALUES = TASK_PRIORITIES;
export type TaskPriorityValue = TaskPriority;

export const createTaskSchema = z
  .object({
    chainId: z.uuid(),
    title: requiredText(200),
    description: z.string().max(10_000).optional(),
    assigneeOrganisationId: z.uuid(),
    coHandlerOrganisationIds: z.array(z.uuid()).max(20).optional(),
    shortBoardId: z.uuid().nullable().optional(),
    projectId: z.uuid().nullable().optional(),
    priority: z.enum(TASK_PRIORITY_VALUES).optional(),
    dueDate: dateSchema,
    reportEveryWorkdays: z.number().int().min(1).max(60).nullable().optional(),
    /** Assign at once (status `assigned`) instead of keeping a draft. */
    assign: z.boolean().optional(),
  })
  .strict();
export type CreateTaskRequest = z.output<typeof createTaskSchema>;

export const updateTaskSchema = z
  .object({
    version: z.number().int().min(1),
    title: requiredText(200).optional(),
    description: z.string().max(10_000).optional(),
    priority: z.enum(TASK_PRIORITY_VALUES).optional(),
    dueDate: dateSchema.optional(),
    reportEveryWorkdays: z.number().int().min(1).max(60).nullable().optional(),
    /** Another 主办 while nobody has accepted: the 签收 clock starts again. */
    assigneeOrganisationId: z.uuid().optional(),
  })
  .strict();
export type UpdateTaskRequest = z.output<typeof updateTaskSchema>;

export const taskTransitionSchema = z
  .object({
    action: z.enum(TASK_ACTIONS),
    version: z.number().int().min(1),
    reason: z.string().trim().max(2000).optional(),
  })
  .strict();
export type TaskTransitionRequest = z.output<typeof taskTransitionSchema>;

export const taskCommentSchema = z.object({ body: requiredText(5000) }).strict();

export const taskListQuerySchema = listQuerySchema(['dueDate', 'createdAt', 'priority', 'title'], {
  chainId: z.uuid().optional(),
  status: z.enum(TASK_STATUSES).optional(),
  assigneeOrganisationId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
});
export type TaskListQuery = z.output<typeof taskListQuerySchema>;

export interface TaskDto {
  readonly id: string;
  readonly chainId: string;
  readonly chainName: string;
  readonly chainNameEn: string;
  readonly title: string;
  readonly description: string;
  readonly status: TaskStatus;
  readonly priority: TaskPriorityValue;
  readonly dueDate: string;
  /** Derived, never stored: open and past its due date (Asia/Shanghai). */
  readonly overdue: boolean;
  readonly progress: number;
  readonly reportEveryWorkdays: number | null;
  readonly assignee: { readonly organisationId: string; readonly name: string };
  readonly coHandlers: readonly { readonly organisationId: string; readonly name: string }[];
  readonly shortBoardId: string | null;
  readonly projectId: string | null;
  readonly assignerUserId: string;
  /** The highest 督办单 issued on the task, if any: 红牌 over 黄牌. */
  readonly noticeLevel: 'yellow' | 'red' | null;
  /** How the caller stands to the task, and the steps it may take now. */
  readonly party: TaskParty;
  readonly allowedActions: readonly TaskAction[];
  readonly version: number;
  readonly createdAt: string;
}

export interface TaskEventDto {
  readonly id: string;
  readonly occurredAt: string;
  readonly actorUserId: string | null;
  readonly actorName: string | null;
  readonly action: string;
  readonly fromStatus: TaskStatus | null;
  readonly toStatus: TaskStatus | null;
  readonly reason: string | null;
}

export interface TaskCommentDto {
  readonly id: string;
  readonly authorUserId: string;
  readonly authorName: string;
  readonly body: string;
  readonly createdAt: string;
}

/** 督办单: issued on a task by a 黄牌 or 红牌 step of its escalation ladder. */
export interface SupervisionNoticeDto {
  readonly id: string;
  /** e.g. 鲁链督〔2026〕12号. */
  readonly number: string;
  readonly level: 'yellow' | 'red';
  readonly step: string;
  readonly overdueWorkdays: number;
  readonly issuedAt: string;
}

/** A pending reminder or escalation step of a task, as the scheduler holds it. */
export interface TaskScheduledStepDto {
  readonly step: string;
  readonly fireAt: string;
  readonly level: 'reminder' | 'yellow' | 'red';
}

export interface TaskDetailDto extends TaskDto {
  readonly history: readonly TaskEventDto[];
  readonly comments: readonly TaskCommentDto[];
  readonly notices: readonly SupervisionNoticeDto[];
  /** What will happen next and when, so nobody is surprised by a 督办单. */
  readonly upcomingSteps: readonly TaskScheduledStepDto[];
}

export const createReportSchema = z
  .object({
    percent: z.number().int().min(0).max(100),
    narrative: requiredText(10_000),
    problems: z.string().max(5000).optional(),
    needs: z.string().max(5000).optional(),
  })
  .strict();
export type CreateReportRequest = z.output<typeof createReportSchema>;

export const reviewReportSchema = z
  .object({
    decision: z.enum(['accept', 'return']),
    version: z.number().int().min(1),
    reason: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((v) => v.decision !== 'return' || !!v.reason, {
    path: ['reason'],
    message: 'reason.required',
  });
export type ReviewReportRequest = z.output<typeof reviewReportSchema>;

export const reportListQuerySchema = listQuerySchema(['createdAt'], {
  status: z.enum(REPORT_STATUSES).optional(),
  chainId: z.uuid().optional(),
  subjectType: z.enum(REPORT_SUBJECT_TYPES).optional(),
  subjectId: z.uuid().optional(),
});
export type ReportListQuery = z.output<typeof reportListQuerySchema>;

export interface ProgressReportDto {
  readonly id: string;
  readonly subjectType: ReportSubjectType;
  readonly subjectId: string;
  readonly chainId: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly authorUserId: string;
  readonly percent: number;
  readonly narrative: string;
  readonly problems: string;
  readonly needs: string;
  readonly status: ReportStatus;
  readonly reviewReason: string | null;
  readonly reviewedAt: string | null;
  readonly version: number;
  readonly createdAt: string;
}

/** The domain's REQUEST_CATEGORIES, under the name the contracts have always used. */
export const REQUEST_CATEGORY_VALUES = REQUEST_CATEGORIES;

export const createRequestSchema = z
  .object({
    chainId: z.uuid(),
    category: z.enum(REQUEST_CATEGORY_VALUES),
    title: requiredText(200),
    body: requiredText(10_000),
  })
  .strict();
export type CreateCoordinationRequest = z.output<typeof createRequestSchema>;

export const handleRequestSchema = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('assign'),
      version: z.number().int().min(1),
      department: requiredText(100),
    })
    .strict(),
  z
    .object({
      action: z.literal('answer'),
      version: z.number().int().min(1),
      answer: requiredText(10_000),
    })
    .strict(),
  z.object({ action: z.literal('close'), version: z.number().int().min(1) }).strict(),
]);
export type HandleCoordinationRequest = z.output<typeof handleRequestSchema>;

export const requestListQuerySchema = listQuerySchema(['createdAt', 'respondBy'], {
  chainId: z.uuid().optional(),
  status: z.enum(REQUEST_STATUSES).optional(),
});
export type RequestListQuery = z.output<typeof requestListQuerySchema>;

export interface CoordinationRequestDto {
  readonly id: string;
  readonly chainId: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly raisedByUserId: string;
  readonly category: RequestCategory;
  readonly title: string;
  readonly body: string;
  readonly status: RequestStatus;
  readonly department: string | null;
  readonly answer: string | null;
  readonly respondBy: string;
  readonly version: number;
  readonly createdAt: string;
}
