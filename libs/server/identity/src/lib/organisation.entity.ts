import type { OrganisationKind } from '@lianzhang/domain';
import { RegionEntity } from '@lianzhang/server/regions';
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

@Entity({ name: 'organisation' })
@Index('uq_organisation_credit_code', ['creditCode'], {
  unique: true,
  where: '"credit_code" IS NOT NULL',
})
@Index('ix_organisation_region_code', ['regionCode'])
@Check(
  'ck_organisation_kind',
  `"kind" IN ('enterprise', 'government', 'institute', 'alliance', 'service_provider')`,
)
@Check(
  'ck_organisation_enterprise_credit_code',
  `"kind" <> 'enterprise' OR "credit_code" IS NOT NULL`,
)
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_organisation' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: OrganisationKind;

  /** 统一社会信用代码, validated with its check character; required for enterprises. */
  @Column({ type: 'char', length: 18, nullable: true })
  creditCode!: string | null;

  @Column({ type: 'char', length: 6 })
  regionCode!: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'fk_organisation_region' })
  region?: RegionEntity;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
