import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CalendarDayDto,
  ImportCalendarYearRequest,
  SetCalendarOverrideRequest,
} from '@lianzhang/contracts';
import {
  addDays,
  OFFICIAL_CALENDAR,
  parseIsoDate,
  WorkdayCalendar,
  type CalendarOverride,
} from '@lianzhang/domain';
import {
  AuditService,
  fieldError,
  NotFoundError,
  ValidationFailedError,
  type LocalizedFieldError,
} from '@lianzhang/server/core';
import { DataSource, type EntityManager } from 'typeorm';

const MAX_RANGE_DAYS = 400;
/**
 * How long a process keeps the calendar it read. Every step of every task is counted
 * on it, so the worker's hot path must not read two tables per event; a change made in
 * this process is seen at once, one made in another process within this time.
 */
const CACHE_MS = 60_000;

/**
 * The workday calendar as the platform uses it: the official notices plus the
 * province's overrides from the database. Every deadline is computed through
 * {@link calendar}; the web app's date picker reads {@link days}.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private cached: { readonly calendar: WorkdayCalendar; readonly until: number } | undefined;

  async calendar(manager: EntityManager = this.dataSource.manager): Promise<WorkdayCalendar> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.calendar;
    const overrides = (await manager.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM calendar_override`,
    )) as CalendarOverride[];
    const years = (await manager.query(`SELECT year FROM calendar_year`)) as {
      year: number;
    }[];
    const calendar = new WorkdayCalendar(
      OFFICIAL_CALENDAR,
      overrides,
      years.map((y) => y.year),
    );
    this.cached = { calendar, until: Date.now() + CACHE_MS };
    return calendar;
  }

  async days(from: string, to: string): Promise<CalendarDayDto[]> {
    const span = (parseIsoDate(to) - parseIsoDate(from)) / 86_400_000;
    if (span < 0 || span > MAX_RANGE_DAYS) {
      throw new ValidationFailedError([
        fieldError('to', {
          'zh-CN': `日期范围应为 0–${MAX_RANGE_DAYS} 天`,
          en: `The range must be 0–${MAX_RANGE_DAYS} days`,
        }),
      ]);
    }
    const calendar = await this.calendar();
    const days: CalendarDayDto[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) days.push(calendar.day(date));
    return days;
  }

  async setOverride(date: string, request: SetCalendarOverrideRequest): Promise<CalendarDayDto> {
    await this.dataSource.transaction(async (manager) => {
      const [before] = (await manager.query(
        `SELECT kind, name FROM calendar_override WHERE date = $1`,
        [date],
      )) as unknown[];
      await manager.query(
        `INSERT INTO calendar_override (date, kind, name) VALUES ($1, $2, $3)
         ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, updated_at = now()`,
        [date, request.kind, request.name ?? null],
      );
      await this.audit.record(
        {
          action: 'calendar.override.set',
          subjectType: 'calendar_day',
          subjectId: date,
          before,
          after: request,
        },
        manager,
      );
    });
    this.cached = undefined;
    return (await this.calendar()).day(date);
  }

  async removeOverride(date: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `DELETE FROM calendar_override WHERE date = $1 RETURNING kind, name`,
        [date],
      )) as [unknown[], number];
      if (!rows?.length) throw new NotFoundError('override');
      await this.audit.record(
        {
          action: 'calendar.override.remove',
          subjectType: 'calendar_day',
          subjectId: date,
          before: rows[0],
        },
        manager,
      );
    });
    this.cached = undefined;
  }

  /**
   * Enters a year's State Council notice: its holidays and make-up workdays, all at once
   * (every date must lie in the year, none twice), and marks the year as no longer
   * provisional. Entering the same notice again changes nothing.
   */
  async importYear(
    year: number,
    request: ImportCalendarYearRequest,
  ): Promise<{ holidays: number; workdays: number }> {
    const problems: LocalizedFieldError[] = [];
    const seen = new Set<string>();
    for (const [path, dates] of [
      ['holidays', request.holidays.map((h) => h.date)],
      ['workdays', request.workdays.map((w) => w.date)],
    ] as const) {
      dates.forEach((date, index) => {
        if (!date.startsWith(`${year}-`)) {
          problems.push(
            fieldError(`${path}.${index}.date`, {
              'zh-CN': `日期不在 ${year} 年`,
              en: `Not a date of ${year}`,
            }),
          );
        }
        if (seen.has(date))
          problems.push(
            fieldError(`${path}.${index}.date`, {
              'zh-CN': '日期重复',
              en: 'This date appears twice',
            }),
          );
        seen.add(date);
      });
    }
    if (problems.length) throw new ValidationFailedError(problems);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `DELETE FROM calendar_override WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1)`,
        [year],
      );
      for (const holiday of request.holidays) {
        await manager.query(
          `INSERT INTO calendar_override (date, kind, name) VALUES ($1, 'holiday', $2)`,
          [holiday.date, holiday.name],
        );
      }
      for (const workday of request.workdays) {
        await manager.query(
          `INSERT INTO calendar_override (date, kind, name) VALUES ($1, 'workday', $2)`,
          [workday.date, workday.name ?? null],
        );
      }
      await manager.query(
        `INSERT INTO calendar_year (year, source) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, updated_at = now()`,
        [year, request.source],
      );
      await this.audit.record(
        {
          action: 'calendar.year.import',
          subjectType: 'calendar_year',
          subjectId: String(year),
          after: request,
        },
        manager,
      );
    });
    this.cached = undefined;
    return { holidays: request.holidays.length, workdays: request.workdays.length };
  }
}
