import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of the audit log: append-only (a trigger refuses UPDATE and DELETE) and
 * hash-chained (each hash covers the previous one), so an edit made behind the
 * trigger's back shows as the first entry whose hash no longer matches.
 */
@Entity({ name: 'audit_entry' })
@Index('ix_audit_entry_occurred_at', ['occurredAt'])
@Index('ix_audit_entry_subject', ['subjectType', 'subjectId'])
@Index('ix_audit_entry_actor_id', ['actorId'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    primaryKeyConstraintName: 'pk_audit_entry',
  })
  id!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text', nullable: true })
  actorRole!: string | null;

  /** `auth.login`, `auth.login_failed`, `access.denied`, `organisation.update`, … */
  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text', nullable: true })
  subjectType!: string | null;

  @Column({ type: 'text', nullable: true })
  subjectId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after!: unknown;

  @Column({ type: 'text', nullable: true })
  clientAddress!: string | null;

  @Column({ type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'text', nullable: true })
  prevHash!: string | null;

  @Column({ type: 'text' })
  hash!: string;
}
