import { numericTransformer } from '@lianzhang/server/core';
import { RegionEntity } from '@lianzhang/server/regions';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ChainEntity } from './chain.entities';

/** Which city focuses on what in a chain (the plan's 专栏 2–7). */
@Entity({ name: 'chain_city_layout' })
@Index('ix_chain_city_layout_region_code', ['regionCode'])
export class ChainCityLayoutEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_chain_city_layout' })
  chainId!: string;

  @PrimaryColumn({ type: 'char', length: 6, primaryKeyConstraintName: 'pk_chain_city_layout' })
  regionCode!: string;

  @ManyToOne(() => ChainEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chain_id', foreignKeyConstraintName: 'fk_chain_city_layout_chain' })
  chain?: ChainEntity;

  @ManyToOne(() => RegionEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'fk_chain_city_layout_region' })
  region?: RegionEntity;

  @Column({ type: 'text' })
  focus!: string;

  @Column({ type: 'text' })
  section!: string;
}

/** The plan's main indicators: 2020 base, 2025 target; yearly actuals come later. */
@Entity({ name: 'plan_indicator' })
@Check('ck_plan_indicator_nature', `"nature" IS NULL OR "nature" IN ('expected', 'binding')`)
export class PlanIndicatorEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_plan_indicator' })
  code!: string;

  @Column({ type: 'text' })
  nameZh!: string;

  @Column({ type: 'text' })
  nameEn!: string;

  @Column({ type: 'text' })
  unit!: string;

  @Column({
    type: 'numeric',
    precision: 16,
    scale: 4,
    nullable: true,
    transformer: numericTransformer,
  })
  base2020!: number | null;

  @Column({
    type: 'numeric',
    precision: 16,
    scale: 4,
    nullable: true,
    transformer: numericTransformer,
  })
  target2025!: number | null;

  @Column({ type: 'text', nullable: true })
  nature!: 'expected' | 'binding' | null;

  @Column({ type: 'text', nullable: true })
  category!: string | null;

  @Column({ type: 'text' })
  section!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'integer', default: 0 })
  sortOrder!: number;
}
