import type {
  PeriodicReportStatus,
  ReportPeriodKind,
  ReportScope,
  ReportTrigger,
} from '@lianzhang/domain';
import { ChainEntity } from '@lianzhang/server/chains';
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
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * One weekly or monthly report of the province or of a chain: the row is the truth, the
 * `reports.generate` job (job id = row id) only wakes a worker up. A scheduled report is
 * written once per scope, chain, kind and period whoever runs the schedule (the partial
 * unique indexes); on-demand ones as often as people ask.
 */
@Entity({ name: 'periodic_report' })
@Index('ux_periodic_report_scheduled_province', ['kind', 'periodStart'], {
  unique: true,
  where: `"trigger" = 'schedule' AND "chain_id" IS NULL`,
})
@Index('ux_periodic_report_scheduled_chain', ['chainId', 'kind', 'periodStart'], {
  unique: true,
  where: `"trigger" = 'schedule' AND "chain_id" IS NOT NULL`,
})
@Index('ix_periodic_report_chain_id', ['chainId'])
@Index('ix_periodic_report_period_start', ['periodStart', 'createdAt'])
@Index('ix_periodic_report_open', ['status', 'updatedAt'], {
  where: `"status" IN ('pending', 'generating')`,
})
@Check('ck_periodic_report_scope', `"scope" IN ('province', 'chain')`)
@Check('ck_periodic_report_scope_chain', `("scope" = 'province') = ("chain_id" IS NULL)`)
@Check('ck_periodic_report_kind', `"kind" IN ('weekly', 'monthly')`)
@Check('ck_periodic_report_trigger', `"trigger" IN ('schedule', 'on_demand')`)
@Check('ck_periodic_report_status', `"status" IN ('pending', 'generating', 'ready', 'failed')`)
@Check('ck_periodic_report_period', `"period_end" >= "period_start"`)
export class PeriodicReportEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_periodic_report' })
  id!: string;

  @Column({ type: 'text' })
  scope!: ReportScope;

  /** The chain of a chain report (its sub-chains included); null for the province's. */
  @Column({ type: 'uuid', nullable: true })
  chainId!: string | null;

  @ManyToOne(() => ChainEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'chain_id', foreignKeyConstraintName: 'fk_periodic_report_chain' })
  chain?: ChainEntity | null;

  @Column({ type: 'text' })
  kind!: ReportPeriodKind;

  /** Monday of the week or the first of the month, Asia/Shanghai. */
  @Column({ type: 'date' })
  periodStart!: string;

  @Column({ type: 'date' })
  periodEnd!: string;

  @Column({ type: 'text' })
  trigger!: ReportTrigger;

  @Column({ type: 'uuid', nullable: true })
  requestedByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({
    name: 'requested_by_user_id',
    foreignKeyConstraintName: 'fk_periodic_report_requested_by_user',
  })
  requestedByUser?: UserEntity | null;

  @Column({ type: 'text', default: 'pending' })
  status!: PeriodicReportStatus;

  /** Claims so far; the claim that finishes must still be the latest (a fencing token). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** While `generating`: until when the claiming worker holds it (a crashed worker's claim runs out). */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'text', nullable: true })
  fileName!: string | null;

  @Column({ type: 'integer', nullable: true })
  sizeBytes!: number | null;

  @Column({ type: 'text', nullable: true })
  sha256!: string | null;

  @Column({ type: 'integer', nullable: true })
  durationMs!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  generatedAt!: Date | null;
}

/**
 * The workbook's bytes, beside the row so that lists stay light, and in PostgreSQL so
 * that every api and worker replica reads what any worker wrote (no shared disk).
 */
@Entity({ name: 'periodic_report_file' })
export class PeriodicReportFileEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_periodic_report_file' })
  reportId!: string;

  @ManyToOne(() => PeriodicReportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_periodic_report_file_report' })
  report?: PeriodicReportEntity;

  @Column({ type: 'bytea' })
  content!: Buffer;
}

export const PERIODIC_REPORT_ENTITIES = [PeriodicReportEntity, PeriodicReportFileEntity];
