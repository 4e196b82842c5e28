import type { DayInfo } from '@lianzhang/domain';
import { z } from 'zod';
import { dateSchema } from './chains';

export type CalendarDayDto = DayInfo;

export const calendarRangeQuerySchema = z.object({ from: dateSchema, to: dateSchema }).strict();
export type CalendarRangeQuery = z.output<typeof calendarRangeQuerySchema>;

export const calendarDateParamSchema = dateSchema;
export const calendarYearParamSchema = z.coerce.number().int().min(2000).max(2100);

export const setCalendarOverrideSchema = z
  .object({
    kind: z.enum(['holiday', 'workday']),
    name: z.string().trim().max(50).nullable().optional(),
  })
  .strict();
export type SetCalendarOverrideRequest = z.output<typeof setCalendarOverrideSchema>;

export const importCalendarYearSchema = z
  .object({
    /** The notice, e.g. 国务院办公厅关于2027年部分节假日安排的通知. */
    source: z.string().trim().min(1, 'text.blank').max(200),
    holidays: z
      .array(
        z
          .object({ date: dateSchema, name: z.string().trim().min(1, 'text.blank').max(50) })
          .strict(),
      )
      .min(1)
      .max(60),
    workdays: z
      .array(z.object({ date: dateSchema, name: z.string().trim().max(50).optional() }).strict())
      .max(30),
  })
  .strict();
export type ImportCalendarYearRequest = z.output<typeof importCalendarYearSchema>;
