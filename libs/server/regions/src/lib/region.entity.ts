import type { RegionLevel } from '@lianzhang/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'region' })
@Index('ix_region_parent_code', ['parentCode'])
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
