import type { RegionLevel } from '@lianzhang/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity({ name: 'region' })
@Index('ix_region_parent_code', ['parentCode'])
@Check('ck_region_code', `"code" ~ '^[0-9]{6}$'`)
@Check('ck_region_level', `"level" IN ('province', 'city', 'county')`)
export class RegionEntity {
  /** GB/T 2260 code. */
  @PrimaryColumn({ type: 'char', length: 6, primaryKeyConstraintName: 'pk_region' })
  code!: string;

  @Column({ type: 'text' })
  nameZh!: string;

  @Column({ type: 'text' })
  nameEn!: string;

  @Column({ type: 'text' })
  level!: RegionLevel;

  @Column({ type: 'char', length: 6, nullable: true })
  parentCode!: string | null;

  @ManyToOne(() => RegionEntity, { nullable: true, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'parent_code', foreignKeyConstraintName: 'fk_region_parent' })
  parent?: RegionEntity | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
