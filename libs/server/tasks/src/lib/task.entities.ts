import type {
  EscalationPolicy,
  ReportStatus,
  ReportSubjectType as ReportSubject,
  RequestCategory,
  RequestStatus,
  TaskAction,
  TaskPriority,
  TaskStatus,
} from '@lianzhang/domain';
import { AttachmentEntity } from './attachment.entity';
import { ChainEntity, ProjectEntity, ShortBoardEntity } from '@lianzhang/server/chains';
import { OrganisationEntity, UserEntity } from '@lianzhang/server/identity';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

// The value lists live in the domain; exported here too for the code that imported them.
export {
  REPORT_STATUSES,
  REPORT_SUBJECT_TYPES as REPORT_SUBJECTS,
  REQUEST_CATEGORIES,
  REQUEST_STATUSES,
  TASK_PRIORITIES,
  type ReportStatus,
  type ReportSubjectType as ReportSubject,
  type RequestCategory,
  type RequestStatus,
  type TaskPriority,
} from '@lianzhang/domain';

@Entity({ name: 'task' })
@Index('ix_task_chain_id_status_due_date', ['chainId', 'status', 'dueDate', 'id'])
@Index('ix_task_assignee_organisation_id_status', ['assigneeOrganisationId', 'status'])
@Index('ix_task_due_date', ['dueDate'])
@Index('ix_task_chain_id_created_at', ['chainId', 'createdAt'])
@Index('ix_task_chain_id_closed_on', ['chainId', 'closedOn'], { where: `"status" = 'done'` })
@Index('ix_task_late', ['chainId', 'dueDate', 'closedOn', 'createdAt'], {
  where: `"status" <> 'draft' AND ("closed_on" IS NULL OR "closed_on" > "due_date")`,
})
@Check(
  'ck_task_status',
  `"status" IN ('draft', 'assigned', 'accepted', 'in_progress', 'submitted', 'returned', 'done', 'cancelled')`,
)
@Check('ck_task_priority', `"priority" IN ('low', 'normal', 'high', 'urgent')`)
@Check(
  'ck_task_report_every',
  `"report_every_workdays" IS NULL OR "report_every_workdays" BETWEEN 1 AND 60`,
)
@Check('ck_task_progress', `"progress" BETWEEN 0 AND 100`)
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_task' })
  id!: string;

  @Column({ type: 'uuid' })
  chainId!: string;

  @ManyToOne(() => ChainEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'chain_id', foreignKeyConstraintName: 'fk_task_chain' })
  chain?: ChainEntity;

  @Column({ type: 'uuid', nullable: true })
  shortBoardId!: string | null;

  @ManyToOne(() => ShortBoardEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'short_board_id', foreignKeyConstraintName: 'fk_task_short_board' })
  shortBoard?: ShortBoardEntity | null;

  @Column({ type: 'uuid', nullable: true })
  projectId!: string | null;

  @ManyToOne(() => ProjectEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_task_project' })
  project?: ProjectEntity | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'uuid' })
  assignerUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'assigner_user_id', foreignKeyConstraintName: 'fk_task_assigner_user' })
  assignerUser?: UserEntity;

  /** 主办单位. */
  @Column({ type: 'uuid' })
  assigneeOrganisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({
    name: 'assignee_organisation_id',
    foreignKeyConstraintName: 'fk_task_assignee_organisation',
  })
  assigneeOrganisation?: OrganisationEntity;

  @Column({ type: 'text', default: 'draft' })
  status!: TaskStatus;

  @Column({ type: 'text', default: 'normal' })
  priority!: TaskPriority;

  /** The day it is due, a calendar date in Asia/Shanghai. */
  @Column({ type: 'date' })
  dueDate!: string;

  /** Reporting cadence: a progress report every N workdays. */
  @Column({ type: 'integer', nullable: true })
  reportEveryWorkdays!: number | null;

  /** The escalation policy the task was assigned with (DESIGN.md §4); later edits to the chain's policy do not change it. */
  @Column({ type: 'jsonb', nullable: true })
  escalationPolicy!: EscalationPolicy | null;

  /** Shanghai day it was (last) assigned: the anchor of the 签收 deadline. */
  @Column({ type: 'date', nullable: true })
  assignedOn!: string | null;

  /** Shanghai day of the last accepted progress report: the anchor of the reporting cadence. */
  @Column({ type: 'date', nullable: true })
  lastReportOn!: string | null;

  /** Shanghai day it was done or cancelled; null while open. */
  @Column({ type: 'date', nullable: true })
  closedOn!: string | null;

  /** Latest accepted progress, 0–100. */
  @Column({ type: 'integer', default: 0 })
  progress!: number;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** 协办单位. */
@Entity({ name: 'task_co_handler' })
@Index('ix_task_co_handler_organisation_id', ['organisationId'])
export class TaskCoHandlerEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_task_co_handler' })
  taskId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_task_co_handler' })
  organisationId!: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_task_co_handler_task' })
  task?: TaskEntity;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_task_co_handler_organisation',
  })
  organisation?: OrganisationEntity;
}

/** The full history of a task: every step, who took it, and why. */
@Entity({ name: 'task_event' })
@Index('ix_task_event_task_id', ['taskId'])
export class TaskEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'pk_task_event' })
  id!: string;

  @Column({ type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_task_event_task' })
  task?: TaskEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  /** A workflow action, or `create`, `update`, `comment`, `report`, `review`. */
  @Column({ type: 'text' })
  action!:
    | TaskAction
    | 'create'
    | 'update'
    | 'comment'
    | 'report'
    | 'review'
    | 'remind'
    | 'escalate';

  @Column({ type: 'text', nullable: true })
  fromStatus!: TaskStatus | null;

  @Column({ type: 'text', nullable: true })
  toStatus!: TaskStatus | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  data!: unknown;
}

@Entity({ name: 'task_comment' })
@Index('ix_task_comment_task_id', ['taskId'])
export class TaskCommentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_task_comment' })
  id!: string;

  @Column({ type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_task_comment_task' })
  task?: TaskEntity;

  @Column({ type: 'uuid' })
  authorUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'author_user_id', foreignKeyConstraintName: 'fk_task_comment_author_user' })
  authorUser?: UserEntity;

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A progress report on a task, a short board or a project, reviewed by the chain office. */
@Entity({ name: 'progress_report' })
@Index('ix_progress_report_subject', ['subjectType', 'subjectId'])
@Index('ix_progress_report_chain_id_status', ['chainId', 'status'])
@Index('ix_progress_report_organisation_id', ['organisationId'])
@Check('ck_progress_report_subject_type', `"subject_type" IN ('task', 'short_board', 'project')`)
@Check('ck_progress_report_status', `"status" IN ('submitted', 'accepted', 'returned')`)
@Check('ck_progress_report_percent', `"percent" BETWEEN 0 AND 100`)
@Check('ck_progress_report_return_reason', `"status" <> 'returned' OR "review_reason" IS NOT NULL`)
export class ProgressReportEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_progress_report' })
  id!: string;

  @Column({ type: 'text' })
  subjectType!: ReportSubject;

  @Column({ type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'uuid' })
  chainId!: string;

  @ManyToOne(() => ChainEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'chain_id', foreignKeyConstraintName: 'fk_progress_report_chain' })
  chain?: ChainEntity;

  /** The reporting organisation. */
  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_progress_report_organisation',
  })
  organisation?: OrganisationEntity;

  @Column({ type: 'uuid' })
  authorUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({
    name: 'author_user_id',
    foreignKeyConstraintName: 'fk_progress_report_author_user',
  })
  authorUser?: UserEntity;

  @Column({ type: 'integer' })
  percent!: number;

  @Column({ type: 'text' })
  narrative!: string;

  @Column({ type: 'text', default: '' })
  problems!: string;

  @Column({ type: 'text', default: '' })
  needs!: string;

  @Column({ type: 'text', default: 'submitted' })
  status!: ReportStatus;

  @Column({ type: 'text', nullable: true })
  reviewReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'NO ACTION', nullable: true })
  @JoinColumn({
    name: 'reviewed_by_user_id',
    foreignKeyConstraintName: 'fk_progress_report_reviewed_by_user',
  })
  reviewedByUser?: UserEntity | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** 诉求: raised by an enterprise, routed to the chain office, answered within its deadline. */
@Entity({ name: 'coordination_request' })
@Index('ix_coordination_request_chain_id_status', ['chainId', 'status'])
@Index('ix_coordination_request_organisation_id', ['organisationId'])
@Check(
  'ck_coordination_request_category',
  `"category" IN ('land', 'energy', 'finance', 'talent', 'logistics', 'other')`,
)
@Check('ck_coordination_request_status', `"status" IN ('open', 'assigned', 'answered', 'closed')`)
export class CoordinationRequestEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_coordination_request' })
  id!: string;

  @Column({ type: 'uuid' })
  chainId!: string;

  @ManyToOne(() => ChainEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'chain_id', foreignKeyConstraintName: 'fk_coordination_request_chain' })
  chain?: ChainEntity;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_coordination_request_organisation',
  })
  organisation?: OrganisationEntity;

  @Column({ type: 'uuid' })
  raisedByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({
    name: 'raised_by_user_id',
    foreignKeyConstraintName: 'fk_coordination_request_raised_by_user',
  })
  raisedByUser?: UserEntity;

  @Column({ type: 'text' })
  category!: RequestCategory;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text', default: 'open' })
  status!: RequestStatus;

  /** The department it was routed to (发改, 自然资源, 金融监管, …). */
  @Column({ type: 'text', nullable: true })
  department!: string | null;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  /** Date by which the office must answer. */
  @Column({ type: 'date' })
  respondBy!: string;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

export const TASK_ENTITIES = [
  AttachmentEntity,
  TaskEntity,
  TaskCoHandlerEntity,
  TaskEventEntity,
  TaskCommentEntity,
  ProgressReportEntity,
  CoordinationRequestEntity,
];

/**
 * A chain's own escalation policy, or (chain null) the province's default; without
 * either, the domain's {@link DEFAULT_ESCALATION_POLICY} applies.
 */
@Entity({ name: 'escalation_policy' })
@Index('ux_escalation_policy_chain_id', ['chainId'], {
  unique: true,
  where: `"chain_id" IS NOT NULL`,
})
@Index('ux_escalation_policy_province', ['scope'], { unique: true, where: `"chain_id" IS NULL` })
export class EscalationPolicyEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_escalation_policy' })
  id!: string;

  /** `province` or `chain`; with the partial indexes, one default and one per chain. */
  @Column({ type: 'text' })
  scope!: 'province' | 'chain';

  @Column({ type: 'uuid', nullable: true })
  chainId!: string | null;

  @ManyToOne(() => ChainEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'chain_id', foreignKeyConstraintName: 'fk_escalation_policy_chain' })
  chain?: ChainEntity | null;

  @Column({ type: 'jsonb' })
  policy!: EscalationPolicy;

  @VersionColumn({ default: 1 })
  version!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * 督办单: the numbered supervision notice a 黄牌 or 红牌 step issues on a task, e.g.
 * 鲁链督〔2026〕12号. One per firing event.
 */
@Entity({ name: 'supervision_notice' })
@Index('ix_supervision_notice_task_id', ['taskId'])
@Index('ux_supervision_notice_year_seq', ['year', 'seq'], { unique: true })
@Index('ux_supervision_notice_event_id', ['eventId'], { unique: true })
@Index('ix_supervision_notice_level_issued_at', ['level', 'issuedAt', 'seq'])
@Check('ck_supervision_notice_level', `"level" IN ('yellow', 'red')`)
export class SupervisionNoticeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_supervision_notice' })
  id!: string;

  @Column({ type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_supervision_notice_task' })
  task?: TaskEntity;

  @Column({ type: 'uuid' })
  eventId!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'text' })
  level!: 'yellow' | 'red';

  @Column({ type: 'text' })
  step!: string;

  /** Workdays overdue when issued. */
  @Column({ type: 'integer' })
  overdueWorkdays!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  issuedAt!: Date;
}
