import { addDays, parseIsoDate, shanghaiDate, type IsoDate } from '../calendar/workday-calendar';

/**
 * Periodic reports (周报 / 月报): the week runs Monday to Sunday and the month is the
 * calendar month, both as calendar days in Asia/Shanghai. A period is due for its
 * scheduled report once it has ended, that is from the first day after it (Shanghai).
 */
type Labels = { readonly 'zh-CN': string; readonly en: string };
type Language = keyof Labels;

export const REPORT_PERIOD_KINDS = ['weekly', 'monthly'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

export const REPORT_PERIOD_KIND_LABELS: Readonly<Record<ReportPeriodKind, Labels>> = {
  weekly: { 'zh-CN': '周报', en: 'Weekly report' },
  monthly: { 'zh-CN': '月报', en: 'Monthly report' },
};

/** A report of the whole province (every chain) or of one chain (with its sub-chains). */
export const REPORT_SCOPES = ['province', 'chain'] as const;
export type ReportScope = (typeof REPORT_SCOPES)[number];

export const REPORT_SCOPE_LABELS: Readonly<Record<ReportScope, Labels>> = {
  province: { 'zh-CN': '全省', en: 'Province' },
  chain: { 'zh-CN': '产业链', en: 'Chain' },
};

export const REPORT_TRIGGERS = ['schedule', 'on_demand'] as const;
export type ReportTrigger = (typeof REPORT_TRIGGERS)[number];

export const REPORT_TRIGGER_LABELS: Readonly<Record<ReportTrigger, Labels>> = {
  schedule: { 'zh-CN': '定时生成', en: 'Scheduled' },
  on_demand: { 'zh-CN': '手动生成', en: 'On demand' },
};

/** pending → generating → ready, or back to pending after a failed attempt, failed after the last. */
export const PERIODIC_REPORT_STATUSES = ['pending', 'generating', 'ready', 'failed'] as const;
export type PeriodicReportStatus = (typeof PERIODIC_REPORT_STATUSES)[number];

export const PERIODIC_REPORT_STATUS_LABELS: Readonly<Record<PeriodicReportStatus, Labels>> = {
  pending: { 'zh-CN': '排队中', en: 'Queued' },
  generating: { 'zh-CN': '生成中', en: 'Generating' },
  ready: { 'zh-CN': '已生成', en: 'Ready' },
  failed: { 'zh-CN': '生成失败', en: 'Failed' },
};

/** Messages of the rules below, for the api's field errors and the web form. */
export const PERIODIC_REPORT_MESSAGES = {
  periodNotStarted: {
    'zh-CN': '统计期间尚未开始，不能生成报告',
    en: 'The period has not started yet',
  },
  provinceOnly: {
    'zh-CN': '只有省级用户可以生成全省报告',
    en: 'Only provincial users can generate the province report',
  },
} as const satisfies Record<string, Labels>;

export interface ReportPeriod {
  readonly kind: ReportPeriodKind;
  /** Monday of the week, or the first of the month. */
  readonly start: IsoDate;
  /** Sunday of the week, or the last day of the month (inclusive). */
  readonly end: IsoDate;
}

const DAY_MS = 86_400_000;

/** 1 = Monday … 7 = Sunday (ISO 8601) of a calendar day. */
export function isoWeekday(date: IsoDate): number {
  const day = new Date(parseIsoDate(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The period of `kind` that contains the calendar day `date`. */
export function periodContaining(kind: ReportPeriodKind, date: IsoDate): ReportPeriod {
  if (kind === 'weekly') {
    const start = addDays(date, 1 - isoWeekday(date));
    return { kind, start, end: addDays(start, 6) };
  }
  const start = `${date.slice(0, 7)}-01`;
  const next = new Date(parseIsoDate(start));
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { kind, start, end: addDays(next.toISOString().slice(0, 10), -1) };
}

/** The last period of `kind` that ended before `today`: last week, last month. */
export function previousPeriod(kind: ReportPeriodKind, today: IsoDate): ReportPeriod {
  return periodContaining(kind, addDays(periodContaining(kind, today).start, -1));
}

/** The periods whose scheduled reports are due on `today` (Shanghai): last week's and last month's. */
export function duePeriods(today: IsoDate): ReportPeriod[] {
  return REPORT_PERIOD_KINDS.map((kind) => previousPeriod(kind, today));
}

/** {@link duePeriods} at an instant, read in Asia/Shanghai (not in UTC, not in the server's zone). */
export function duePeriodsAt(now: Date): ReportPeriod[] {
  return duePeriods(shanghaiDate(now));
}

/** Whether a period has begun by `today`; a report of a period not yet begun has nothing to say. */
export function periodStarted(period: ReportPeriod, today: IsoDate): boolean {
  return period.start <= today;
}

/** Whether a period is over by `today`: its report is then final. */
export function periodEnded(period: ReportPeriod, today: IsoDate): boolean {
  return period.end < today;
}

/** The ISO 8601 week of a day: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(date: IsoDate): { readonly year: number; readonly week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = (parseIsoDate(thursday) - Date.UTC(year, 0, 1)) / DAY_MS;
  return { year, week: Math.floor(dayOfYear / 7) + 1 };
}

/** A stable key for a period: `2026-11` or `2026-W47`. */
export function periodKey(period: ReportPeriod): string {
  if (period.kind === 'monthly') return period.start.slice(0, 7);
  const { year, week } = isoWeek(period.start);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

function parts(date: IsoDate): { year: number; month: number; day: number } {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

/** A short name: 2026年11月 / November 2026; 2026年第47周 / Week 47 of 2026. */
export function periodShortLabel(period: ReportPeriod, language: Language): string {
  if (period.kind === 'monthly') {
    const { year, month } = parts(period.start);
    return language === 'zh-CN'
      ? `${year}年${month}月`
      : `${MONTHS_EN[month - 1] ?? month} ${year}`;
  }
  const { year, week } = isoWeek(period.start);
  return language === 'zh-CN' ? `${year}年第${week}周` : `Week ${week} of ${year}`;
}

/**
 * The full name an office writes: 2026年11月; 2026年第47周（11月16日—11月22日）, with the
 * calendar year added to a day that lies outside the week's year (the week across New
 * Year: 2026年第1周（2025年12月29日—1月4日）).
 */
export function periodLabel(period: ReportPeriod, language: Language): string {
  if (period.kind === 'monthly') return periodShortLabel(period, language);
  const { year } = isoWeek(period.start);
  const zh = (date: IsoDate) => {
    const p = parts(date);
    return `${p.year === year ? '' : `${p.year}年`}${p.month}月${p.day}日`;
  };
  const en = (date: IsoDate) => {
    const p = parts(date);
    return `${p.day} ${MONTHS_EN[p.month - 1]?.slice(0, 3)}${p.year === year ? '' : ` ${p.year}`}`;
  };
  return language === 'zh-CN'
    ? `${periodShortLabel(period, language)}（${zh(period.start)}—${zh(period.end)}）`
    : `${periodShortLabel(period, language)} (${en(period.start)} – ${en(period.end)})`;
}

/** What a report is about, as its title says it: 山东省产业链, 集成电路产业链. */
export function reportSubject(nameZh: string, scope: ReportScope): string {
  const name = nameZh.trim();
  if (scope === 'province') return `${name}产业链`;
  return name.endsWith('链') ? name : `${name}产业链`;
}

/** The workbook's title: 山东省产业链链长制工作月报（2026年11月）. */
export function periodicReportTitle(subject: string, period: ReportPeriod): string {
  return `${subject}链长制工作${REPORT_PERIOD_KIND_LABELS[period.kind]['zh-CN']}（${periodShortLabel(period, 'zh-CN')}）`;
}

/** Characters no file system or browser accepts in a download's name. */
const UNSAFE = /[\\/:*?"<>|\s]+/g;

/** The download's name: 山东省产业链月报_2026年11月.xlsx, 集成电路产业链周报_2026年第47周.xlsx. */
export function periodicReportFileName(subject: string, period: ReportPeriod): string {
  const name = `${subject}${REPORT_PERIOD_KIND_LABELS[period.kind]['zh-CN']}_${periodShortLabel(period, 'zh-CN')}`;
  return `${name.replace(UNSAFE, '_')}.xlsx`;
}

/** The ASCII name for clients that cannot read a UTF-8 one: lianzhang-province-monthly-2026-11.xlsx. */
export function periodicReportAsciiFileName(
  scope: ReportScope,
  chainCode: string | null,
  period: ReportPeriod,
): string {
  const who =
    scope === 'province' ? 'province' : `chain-${(chainCode ?? 'chain').replace(/[^\w.-]+/g, '_')}`;
  return `lianzhang-${who}-${period.kind}-${periodKey(period)}.xlsx`;
}
