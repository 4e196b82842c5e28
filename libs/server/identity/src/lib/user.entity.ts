import type { Role } from '@lianzhang/domain';
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
import { OrganisationEntity } from './organisation.entity';

@Entity({ name: 'app_user' })
@Index('uq_app_user_username', ['username'], { unique: true })
@Index('ix_app_user_organisation_id', ['organisationId'])
@Check(
  'ck_app_user_role',
  `"role" IN ('province_admin', 'province_analyst', 'chain_leader', 'chain_office', 'city_coordinator', 'enterprise_user')`,
)
@Check('ck_app_user_language', `"language" IN ('zh-CN', 'en')`)
@Check(
  'ck_app_user_city_coordinator_region',
  `"role" <> 'city_coordinator' OR "region_code" IS NOT NULL`,
)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_app_user' })
  id!: string;

  /** Lower case; the login name. */
  @Column({ type: 'text' })
  username!: string;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_app_user_organisation' })
  organisation?: OrganisationEntity;

  /** The city a city coordinator coordinates. */
  @Column({ type: 'char', length: 6, nullable: true })
  regionCode!: string | null;

  @ManyToOne(() => RegionEntity, { onDelete: 'NO ACTION', nullable: true })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'fk_app_user_region' })
  region?: RegionEntity | null;

  /** argon2id PHC string. */
  @Column({ type: 'text', select: false })
  passwordHash!: string;

  /** The interface language the user chose; follows them from device to device. */
  @Column({ type: 'text', default: 'zh-CN' })
  language!: 'zh-CN' | 'en';

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
