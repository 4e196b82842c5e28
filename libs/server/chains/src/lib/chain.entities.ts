import type {
  ChainLevel,
  ChainStage,
  IndustryGroup,
  LeadershipKind,
  MemberRole,
  ProjectStage,
  ProjectType,
  ShortBoardCategory,
  ShortBoardStatus,
} from '@lianzhang/domain';
import { OrganisationEntity, UserEntity } from '@lianzhang/server/identity';
import { numericTransformer } from '@lianzhang/server/core';
import { RegionEntity } from '@lianzhang/server/regions';
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

@Entity({ name: 'chain' })
@Index('uq_chain_code', ['code'], { unique: true })
@Index('ix_chain_region_code', ['regionCode'])
@Index('ix_chain_parent_id', ['parentId'])
@Check('ck_chain_level', `"level" IN ('province', 'city', 'county')`)
@Check(
  'ck_chain_industry_group',
  `"industry_group" IN ('next_generation_it', 'high_end_equipment', 'new_materials', 'modern_medicine', 'high_end_chemicals', 'traditional', 'future')`,
)
export class ChainEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_chain' })
  id!: string;

  /** Stable key of the seed catalogue (e.g. `ngit.ic`), or of a chain created later. */
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  nameZh!: string;

  @Column({ type: 'text' })
  nameEn!: string;

  @Column({ type: 'text' })
  industryGroup!: IndustryGroup;

  @Column({ type: 'text' })
  level!: ChainLevel;

  @Column({ type: 'char', length: 6 })
  regionCode!: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'fk_chain_region' })
  region?: RegionEntity;

  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => ChainEntity, { onDelete: 'NO ACTION', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_chain_parent' })
  parent?: ChainEntity | null;

  /** The 2025 target as the plan states it, e.g. 产值突破 350 亿元. */
  @Column({ type: 'text', nullable: true })
  targetText!: string | null;

  @Column({
    type: 'numeric',
    precision: 14,
    scale: 2,
    nullable: true,
    transformer: numericTransformer,
  })
  targetValue!: number | null;

  @Column({ type: 'text', nullable: true })
  targetUnit!: string | null;

  /** Where in the plan this chain comes from, e.g. 四(一)1(1). */
  @Column({ type: 'text', nullable: true })
  planSection!: string | null;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'chain_leadership' })
@Index('ix_chain_leadership_user_id', ['userId'])
@Check('ck_chain_leadership_kind', `"kind" IN ('chief', 'leader', 'office')`)
export class ChainLeadershipEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_chain_leadership' })
  chainId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_chain_leadership' })
  userId!: string;

  @ManyToOne(() => ChainEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chain_id', foreignKeyConstraintName: 'fk_chain_leadership_chain' })
  chain?: ChainEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_chain_leadership_user' })
  user?: UserEntity;

  @Column({ type: 'text' })
  kind!: LeadershipKind;
}

@Entity({ name: 'chain_member' })
@Index('ix_chain_member_organisation_id', ['organisationId'])
@Check(
  'ck_chain_member_role',
  `"role" IN ('chain_master', 'key_supporting', 'member', 'research_partner', 'service_provider')`,
)
export class ChainMemberEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_chain_member' })
  chainId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_chain_member' })
  organisationId!: string;

  @ManyToOne(() => ChainEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chain_id', foreignKeyConstraintName: 'fk_chain_member_chain' })
  chain?: ChainEntity;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_chain_member_organisation' })
  organisation?: OrganisationEntity;

  @Column({ type: 'text' })
  role!: MemberRole;

  @CreateDateColumn({ type: 'timestamptz' })
  joinedAt!: Date;
}

@Entity({ name: 'chain_node' })
@Index('ix_chain_node_chain_id', ['chainId'])
@Index('ix_chain_node_parent_id', ['parentId'])
@Check('ck_chain_node_stage', `"stage" IN ('upstream', 'midstream', 'downstream')`)
@Check(
  'ck_chain_node_foreign_dependence',
  `"foreign_dependence" IS NULL OR ("foreign_dependence" >= 0 AND "foreign_dependence" <= 1)`,
)
export class ChainNodeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_chain_node' })
  id!: string;

  @Column({ type: 'uuid' })
  chainId!: string;

  @ManyToOne(() => ChainEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chain_id', foreignKeyConstraintName: 'fk_chain_node_chain' })
  chain?: ChainEntity;

  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => ChainNodeEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_chain_node_parent' })
  parent?: ChainNodeEntity | null;

  @Column({ type: 'text' })
  stage!: ChainStage;

  @Column({ type: 'text' })
  name!: string;

  /** Share of this link's supply from abroad, 0–1. */
  @Column({
    type: 'numeric',
    precision: 4,
    scale: 3,
    nullable: true,
    transformer: numericTransformer,
  })
  foreignDependence!: number | null;

  @Column({ type: 'boolean', default: false })
  chokepoint!: boolean;

  @Column({ type: 'integer', default: 0 })
  sortOrder!: number;

  @VersionColumn({ default: 1 })
  version!: number;
}

/** An enterprise on a link of the chain map. */
@Entity({ name: 'chain_node_enterprise' })
@Index('ix_chain_node_enterprise_organisation_id', ['organisationId'])
export class ChainNodeEnterpriseEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_chain_node_enterprise' })
  nodeId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_chain_node_enterprise' })
  organisationId!: string;

  @ManyToOne(() => ChainNodeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'node_id', foreignKeyConstraintName: 'fk_chain_node_enterprise_node' })
  node?: ChainNodeEntity;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_chain_node_enterprise_organisation',
  })
  organisation?: OrganisationEntity;
}

@Entity({ name: 'short_board' })
@Index('ix_short_board_chain_id', ['chainId'])
@Check(
  'ck_short_board_category',
  `"category" IN ('core_technology', 'key_component', 'basic_material', 'basic_process', 'major_equipment', 'basic_software', 'element_supply')`,
)
@Check(
  'ck_short_board_status',
  `"status" IN ('identified', 'tackling', 'breakthrough', 'resolved', 'shelved')`,
)
@Check('ck_short_board_progress', `"progress" BETWEEN 0 AND 100`)
@Check('ck_short_board_dates', `"target_date" >= "start_date"`)
export class ShortBoardEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_short_board' })
  id!: string;

  @Column({ type: 'uuid' })
  chainId!: string;

  @ManyToOne(() => ChainEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chain_id', foreignKeyConstraintName: 'fk_short_board_chain' })
  chain?: ChainEntity;

  @Column({ type: 'uuid', nullable: true })
  nodeId!: string | null;

  @ManyToOne(() => ChainNodeEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'node_id', foreignKeyConstraintName: 'fk_short_board_node' })
  node?: ChainNodeEntity | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text' })
  category!: ShortBoardCategory;

  @Column({ type: 'boolean', default: false })
  chokepoint!: boolean;

  @Column({
    type: 'numeric',
    precision: 4,
    scale: 3,
    nullable: true,
    transformer: numericTransformer,
  })
  foreignDependence!: number | null;

  @Column({ type: 'text', default: 'identified' })
  status!: ShortBoardStatus;

  @Column({ type: 'integer', default: 0 })
  progress!: number;

  @Column({ type: 'date' })
  startDate!: string;

  @Column({ type: 'date' })
  targetDate!: string;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'short_board_owner' })
@Index('ix_short_board_owner_organisation_id', ['organisationId'])
export class ShortBoardOwnerEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_short_board_owner' })
  shortBoardId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_short_board_owner' })
  organisationId!: string;

  @ManyToOne(() => ShortBoardEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'short_board_id',
    foreignKeyConstraintName: 'fk_short_board_owner_short_board',
  })
  shortBoard?: ShortBoardEntity;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_short_board_owner_organisation',
  })
  organisation?: OrganisationEntity;
}

@Entity({ name: 'project' })
@Index('ix_project_chain_id', ['chainId'])
@Index('ix_project_owner_organisation_id', ['ownerOrganisationId'])
@Check('ck_project_type', `"type" IN ('build', 'fill', 'extend', 'strengthen')`)
@Check(
  'ck_project_stage',
  `"stage" IN ('signed', 'started', 'under_construction', 'in_production')`,
)
@Check('ck_project_investment', `"planned_investment" > 0 AND "completed_investment" >= 0`)
@Check('ck_project_dates', `"end_date" >= "start_date"`)
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_project' })
  id!: string;

  @Column({ type: 'uuid' })
  chainId!: string;

  @ManyToOne(() => ChainEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chain_id', foreignKeyConstraintName: 'fk_project_chain' })
  chain?: ChainEntity;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  type!: ProjectType;

  @Column({ type: 'char', length: 6 })
  regionCode!: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'fk_project_region' })
  region?: RegionEntity;

  @Column({ type: 'uuid' })
  ownerOrganisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({
    name: 'owner_organisation_id',
    foreignKeyConstraintName: 'fk_project_owner_organisation',
  })
  ownerOrganisation?: OrganisationEntity;

  /** 万元. */
  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  plannedInvestment!: number;

  /** 万元. */
  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0, transformer: numericTransformer })
  completedInvestment!: number;

  @Column({ type: 'text', default: 'signed' })
  stage!: ProjectStage;

  @Column({ type: 'date' })
  startDate!: string;

  @Column({ type: 'date' })
  endDate!: string;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'project_milestone' })
@Index('ix_project_milestone_project_id', ['projectId'])
export class ProjectMilestoneEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_project_milestone' })
  id!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_project_milestone_project' })
  project?: ProjectEntity;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'date' })
  plannedDate!: string;

  @Column({ type: 'date', nullable: true })
  actualDate!: string | null;

  @Column({ type: 'integer', default: 0 })
  sortOrder!: number;
}

export const CHAIN_ENTITIES = [
  ChainEntity,
  ChainLeadershipEntity,
  ChainMemberEntity,
  ChainNodeEntity,
  ChainNodeEnterpriseEntity,
  ShortBoardEntity,
  ShortBoardOwnerEntity,
  ProjectEntity,
  ProjectMilestoneEntity,
];
