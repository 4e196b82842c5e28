import type { CalendarDayDto } from '@lianzhang/contracts';
import {
  WorkdayCalendar,
  deadlineWorkday,
  planTaskSteps,
  type CalendarOverride,
  type EscalationPolicy,
  type IsoDate,
  type PlannedStep,
} from '@lianzhang/domain';

/**
 * The workday calendar as the api knows it (official days and the province's overrides),
 * rebuilt in the browser from its day list: every holiday and make-up workday becomes an
 * override, so the domain's own arithmetic gives the same dates as the scheduler.
 */
export function calendarFromDays(days: Iterable<CalendarDayDto>): WorkdayCalendar {
  const overrides: CalendarOverride[] = [];
  for (const day of days) {
    if (day.kind === 'holiday') overrides.push({ date: day.date, kind: 'holiday' });
    else if (day.kind === 'makeup_workday') overrides.push({ date: day.date, kind: 'workday' });
  }
  return new WorkdayCalendar({ holidays: {}, workdays: {} }, overrides);
}

export interface PreviewInput {
  readonly dueDate: IsoDate;
  /** The day the task would be assigned (today, Asia/Shanghai). */
  readonly assignedOn: IsoDate;
  readonly reportEveryWorkdays: number | null;
  readonly now: Date;
}

/**
 * When each step of the chain's ladder would fire for a task assigned today and due on
 * `dueDate`: the 签收 reminder, the steps around the due date, and the first reporting
 * reminders when a cadence is set (those start once the task is accepted; counted here
 * from today). Steps already past are left out, as the scheduler leaves them out.
 */
export function previewTaskSteps(
  policy: EscalationPolicy,
  calendar: WorkdayCalendar,
  input: PreviewInput,
): PlannedStep[] {
  const timeline = {
    status: 'assigned' as const,
    assignedOn: input.assignedOn,
    dueDate: input.dueDate,
    lastReportOn: null,
    reportEveryWorkdays: input.reportEveryWorkdays,
  };
  const steps = planTaskSteps(policy, timeline, calendar, input.now);
  const reporting = input.reportEveryWorkdays
    ? planTaskSteps(policy, { ...timeline, status: 'accepted' }, calendar, input.now).filter(
        (s) => s.anchor === 'last_report',
      )
    : [];
  return [...steps, ...reporting].sort(
    (a, b) => a.fireAt.getTime() - b.fireAt.getTime() || a.key.localeCompare(b.key),
  );
}

/** The workday a due date counts from when it falls on a day off (null when it is a workday). */
export function shiftedDeadline(calendar: WorkdayCalendar, dueDate: IsoDate): IsoDate | null {
  const workday = deadlineWorkday(calendar, dueDate);
  return workday === dueDate ? null : workday;
}
