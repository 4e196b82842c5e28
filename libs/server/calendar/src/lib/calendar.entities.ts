import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A day the province sets apart from the official calendar: a holiday, or a working day. */
@Entity({ name: 'calendar_override' })
@Check('ck_calendar_override_kind', `"kind" IN ('holiday', 'workday')`)
export class CalendarOverrideEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_calendar_override' })
  date!: string;

  @Column({ type: 'text' })
  kind!: 'holiday' | 'workday';

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A year whose State Council notice the province has entered: its days are no longer provisional. */
@Entity({ name: 'calendar_year' })
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_calendar_year' })
  year!: number;

  /** Where the days come from, e.g. 国办发明电〔2026〕7号. */
  @Column({ type: 'text' })
  source!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
