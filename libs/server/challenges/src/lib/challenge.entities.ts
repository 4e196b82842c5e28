import type { ApplicationStatus, ChallengeStatus } from '@lianzhang/domain';
import { ChainEntity, ShortBoardEntity } from '@lianzhang/server/chains';
import { numericTransformer } from '@lianzhang/server/core';
import { OrganisationEntity, UserEntity } from '@lianzhang/server/identity';
import { TaskEntity } from '@lianzhang/server/tasks';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/**
 * 揭榜挂帅: a short board published as an open challenge. The stored status is the one
 * the office set; "closed" also follows from the deadline passing, which is derived when
 * read (see `effectiveChallengeStatus` of the domain), never written by a timer.
 */
@Entity({ name: 'challenge' })
@Index('ix_challenge_chain_id_status', ['chainId', 'status'])
@Index('ix_challenge_short_board_id', ['shortBoardId'])
@Check(
  'ck_challenge_status',
  `"status" IN ('draft', 'published', 'closed', 'selected', 'cancelled')`,
)
@Check('ck_challenge_budget', `"budget_wan" > 0`)
export class ChallengeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_challenge' })
  id!: string;

  @Column({ type: 'uuid' })
  chainId!: string;

  @ManyToOne(() => ChainEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chain_id', foreignKeyConstraintName: 'fk_challenge_chain' })
  chain?: ChainEntity;

  @Column({ type: 'uuid' })
  shortBoardId!: string;

  @ManyToOne(() => ShortBoardEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'short_board_id', foreignKeyConstraintName: 'fk_challenge_short_board' })
  shortBoard?: ShortBoardEntity;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  requirements!: string;

  /** 万元. */
  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  budgetWan!: number;

  /** Last day (Asia/Shanghai) on which applications are taken. */
  @Column({ type: 'date' })
  deadline!: string;

  @Column({ type: 'text', default: 'draft' })
  status!: ChallengeStatus;

  @Column({ type: 'uuid' })
  createdByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({
    name: 'created_by_user_id',
    foreignKeyConstraintName: 'fk_challenge_created_by_user',
  })
  createdBy?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  selectedApplicationId!: string | null;

  @ManyToOne(() => ChallengeApplicationEntity, { onDelete: 'NO ACTION', nullable: true })
  @JoinColumn({
    name: 'selected_application_id',
    foreignKeyConstraintName: 'fk_challenge_selected_application',
  })
  selectedApplication?: ChallengeApplicationEntity | null;

  @Column({ type: 'text', nullable: true })
  cancelReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  selectedAt!: Date | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** The follow-up work of a challenge: 定榜 turns each into a task for the selected organisation. */
@Entity({ name: 'challenge_milestone' })
@Index('ix_challenge_milestone_challenge_id', ['challengeId'])
export class ChallengeMilestoneEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_challenge_milestone' })
  id!: string;

  @Column({ type: 'uuid' })
  challengeId!: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'challenge_id',
    foreignKeyConstraintName: 'fk_challenge_milestone_challenge',
  })
  challenge?: ChallengeEntity;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'date' })
  dueDate!: string;

  @Column({ type: 'integer', default: 0 })
  sortOrder!: number;

  /** The task created for it at 定榜. */
  @Column({ type: 'uuid', nullable: true })
  taskId!: string | null;

  @ManyToOne(() => TaskEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_challenge_milestone_task' })
  task?: TaskEntity | null;
}

/** 揭榜申报: one organisation's proposal; at most one live one per organisation and challenge. */
@Entity({ name: 'challenge_application' })
@Index('uq_challenge_application_live', ['challengeId', 'organisationId'], {
  unique: true,
  where: `"status" IN ('submitted', 'shortlisted')`,
})
@Index('ix_challenge_application_challenge_id_status', ['challengeId', 'status'])
@Index('ix_challenge_application_organisation_id', ['organisationId'])
@Check(
  'ck_challenge_application_status',
  `"status" IN ('submitted', 'shortlisted', 'selected', 'not_selected', 'withdrawn')`,
)
@Check('ck_challenge_application_quote', `"quoted_budget_wan" IS NULL OR "quoted_budget_wan" > 0`)
export class ChallengeApplicationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_challenge_application' })
  id!: string;

  @Column({ type: 'uuid' })
  challengeId!: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'challenge_id',
    foreignKeyConstraintName: 'fk_challenge_application_challenge',
  })
  challenge?: ChallengeEntity;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_challenge_application_organisation',
  })
  organisation?: OrganisationEntity;

  @Column({ type: 'uuid' })
  submittedByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({
    name: 'submitted_by_user_id',
    foreignKeyConstraintName: 'fk_challenge_application_submitted_by_user',
  })
  submittedBy?: UserEntity;

  @Column({ type: 'text' })
  proposal!: string;

  /** 万元. */
  @Column({
    type: 'numeric',
    precision: 14,
    scale: 2,
    nullable: true,
    transformer: numericTransformer,
  })
  quotedBudgetWan!: number | null;

  @Column({ type: 'date', nullable: true })
  plannedCompletionDate!: string | null;

  @Column({ type: 'text', default: 'submitted' })
  status!: ApplicationStatus;

  /** When it was shortlisted, selected, not selected or withdrawn. */
  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

export const CHALLENGE_ENTITIES = [
  ChallengeEntity,
  ChallengeMilestoneEntity,
  ChallengeApplicationEntity,
];
