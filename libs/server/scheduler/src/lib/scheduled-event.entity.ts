import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const SCHEDULED_EVENT_STATUSES = ['pending', 'fired', 'skipped', 'superseded'] as const;
export type ScheduledEventStatus = (typeof SCHEDULED_EVENT_STATUSES)[number];

/**
 * One future step of a subject (a task's reminder, a request's deadline): the outbox
 * row written in the transaction of the change that causes it. BullMQ only wakes the
 * worker up; this row decides (DESIGN.md §4).
 *
 * `pending` → `fired` (its effect committed) or `skipped` (the subject no longer needed
 * it when it came due) or `superseded` (a later change replaced it). A step is unique
 * per subject, kind, key and instant among rows that are not superseded, so scheduling
 * the same step twice, even at once, gives one row.
 */
@Entity({ name: 'scheduled_event' })
// (fire_at, id): the reconciler pages through the pending rows by both, keyset-style.
@Index('ix_scheduled_event_pending_fire_at_id', ['fireAt', 'id'], { where: `"status" = 'pending'` })
@Index('ix_scheduled_event_subject', ['subjectType', 'subjectId'])
@Index('ux_scheduled_event_step', ['subjectType', 'subjectId', 'kind', 'step', 'fireAt'], {
  unique: true,
  where: `"status" <> 'superseded'`,
})
@Check('ck_scheduled_event_status', `"status" IN ('pending', 'fired', 'skipped', 'superseded')`)
export class ScheduledEventEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_scheduled_event' })
  id!: string;

  /** `task`, `coordination_request`. */
  @Column({ type: 'text' })
  subjectType!: string;

  @Column({ type: 'uuid' })
  subjectId!: string;

  /** Which effect fires it: `task.step`, `request.step`. */
  @Column({ type: 'text' })
  kind!: string;

  /** The step's key in its escalation policy: `due-3`, `overdue-7`, `ack`. */
  @Column({ type: 'text' })
  step!: string;

  @Column({ type: 'timestamptz' })
  fireAt!: Date;

  @Column({ type: 'text', default: 'pending' })
  status!: ScheduledEventStatus;

  /** Bumped on every change of status; the wake-up job carries the version it expects. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  /** What the effect needs beyond the subject: level, audience, channels. */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  /** Attempts that ended in an error (the effect rolled back), and the last error. */
  @Column({ type: 'integer', default: 0 })
  failures!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** When it fired, was skipped or was superseded (database clock). */
  @Column({ type: 'timestamptz', nullable: true })
  settledAt!: Date | null;
}
