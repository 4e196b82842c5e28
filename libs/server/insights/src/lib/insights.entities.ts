import type { ChainColour, HealthComponent } from '@lianzhang/domain';
import { ChainEntity, PlanIndicatorEntity } from '@lianzhang/server/chains';
import { numericTransformer } from '@lianzhang/server/core';
import { UserEntity } from '@lianzhang/server/identity';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';

/** A chain's health score of one day (Asia/Shanghai), written once by the nightly job. */
@Entity({ name: 'chain_health_snapshot' })
@Index('ix_chain_health_snapshot_day', ['day'])
@Check('ck_chain_health_snapshot_grade', `"grade" IS NULL OR "grade" IN ('green', 'yellow', 'red')`)
@Check('ck_chain_health_snapshot_score', `"score" IS NULL OR "score" BETWEEN 0 AND 100`)
export class ChainHealthSnapshotEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_chain_health_snapshot' })
  chainId!: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_chain_health_snapshot' })
  day!: string;

  @ManyToOne(() => ChainEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chain_id', foreignKeyConstraintName: 'fk_chain_health_snapshot_chain' })
  chain?: ChainEntity;

  /** 0–100, null when nothing could be judged. */
  @Column({
    type: 'numeric',
    precision: 5,
    scale: 1,
    nullable: true,
    transformer: numericTransformer,
  })
  score!: number | null;

  @Column({ type: 'text', nullable: true })
  grade!: ChainColour | null;

  /** The breakdown as computed that day (key, weights, value, score, explanation). */
  @Column({ type: 'jsonb' })
  components!: HealthComponent[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A yearly actual of one of the plan's main indicators, entered by the province with its source. */
@Entity({ name: 'plan_indicator_actual' })
@Check('ck_plan_indicator_actual_year', `"year" BETWEEN 2021 AND 2030`)
export class PlanIndicatorActualEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_plan_indicator_actual' })
  indicatorCode!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_plan_indicator_actual' })
  year!: number;

  @ManyToOne(() => PlanIndicatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'indicator_code',
    foreignKeyConstraintName: 'fk_plan_indicator_actual_indicator',
  })
  indicator?: PlanIndicatorEntity;

  @Column({ type: 'numeric', precision: 16, scale: 4, transformer: numericTransformer })
  value!: number;

  /** Where the figure comes from, e.g. 2024 年山东省国民经济和社会发展统计公报. */
  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'uuid' })
  enteredByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({
    name: 'entered_by_user_id',
    foreignKeyConstraintName: 'fk_plan_indicator_actual_entered_by_user',
  })
  enteredByUser?: UserEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  enteredAt!: Date;
}

/** A chain's yearly output (or whatever its 2025 target measures), in the target's unit. */
@Entity({ name: 'chain_output_actual' })
@Check('ck_chain_output_actual_year', `"year" BETWEEN 2021 AND 2030`)
export class ChainOutputActualEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_chain_output_actual' })
  chainId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_chain_output_actual' })
  year!: number;

  @ManyToOne(() => ChainEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chain_id', foreignKeyConstraintName: 'fk_chain_output_actual_chain' })
  chain?: ChainEntity;

  @Column({ type: 'numeric', precision: 16, scale: 4, transformer: numericTransformer })
  value!: number;

  /** The unit of the chain's target when the figure was entered, e.g. 亿元. */
  @Column({ type: 'text' })
  unit!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'uuid' })
  enteredByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({
    name: 'entered_by_user_id',
    foreignKeyConstraintName: 'fk_chain_output_actual_entered_by_user',
  })
  enteredByUser?: UserEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  enteredAt!: Date;
}

/**
 * A chain's facts for the cockpit and chain health, as computed for `day` at `version`
 * (issue 7). Triggers bump `version` whenever a statement changes a row the facts read
 * (migration ProvinceScale1795900400000); facts whose day or version is behind are
 * computed again by the next reader. A cache: deleting every row loses nothing.
 */
@Entity({ name: 'chain_facts' })
export class ChainFactsEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_chain_facts' })
  chainId!: string;

  @ManyToOne(() => ChainEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chain_id', foreignKeyConstraintName: 'fk_chain_facts_chain' })
  chain?: ChainEntity;

  @Column({ type: 'bigint', default: 1 })
  version!: string;

  @Column({ type: 'bigint', nullable: true })
  computedVersion!: string | null;

  @Column({ type: 'date', nullable: true })
  day!: string | null;

  /** json, not jsonb: written whole, read whole, sent as stored. */
  @Column({ type: 'json', nullable: true })
  facts!: unknown;
}

export const INSIGHT_ENTITIES = [
  ChainFactsEntity,
  ChainHealthSnapshotEntity,
  PlanIndicatorActualEntity,
  ChainOutputActualEntity,
];
