/**
 * The Chinese workday calendar (DESIGN.md §4): Monday to Friday are workdays, except
 * public holidays; some weekend days are make-up workdays (调休). Official days come from
 * the State Council notices (data of the `chinese-days` package); the province can add
 * overrides — a new year's notice before the package has it, or a local day off. A year
 * the notices do not cover yet is provisional: only weekends and overrides are known.
 *
 * Dates are calendar days in Asia/Shanghai, written YYYY-MM-DD. China keeps one offset
 * (UTC+8) all year, so a day starts at 16:00 UTC the day before.
 */
export type IsoDate = string;

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

type Labels = { readonly 'zh-CN': string; readonly en: string };

export const DAY_KIND_LABELS: Readonly<Record<DayKind, Labels>> = {
  workday: { 'zh-CN': '工作日', en: 'Workday' },
  weekend: { 'zh-CN': '周末', en: 'Weekend' },
  holiday: { 'zh-CN': '节假日', en: 'Public holiday' },
  makeup_workday: { 'zh-CN': '调休上班', en: 'Make-up workday' },
};

/** Where a day's kind comes from: a province override, a State Council notice, the weekday. */
export type DaySource = 'override' | 'official' | 'weekday';

export const DAY_SOURCE_LABELS: Readonly<Record<DaySource, Labels>> = {
  override: { 'zh-CN': '省级调整', en: 'Province override' },
  official: { 'zh-CN': '国务院通知', en: 'State Council notice' },
  weekday: { 'zh-CN': '按星期', en: 'By day of week' },
};

/** A day of a year whose notice is not out yet (DayInfo.provisional). */
export const PROVISIONAL_DAY_LABEL: Labels = {
  'zh-CN': '暂定（尚无年度通知）',
  en: 'Provisional (no notice yet)',
};

export interface CalendarOverride {
  readonly date: IsoDate;
  /** `holiday`: no work that day; `workday`: a working day even on a weekend. */
  readonly kind: 'holiday' | 'workday';
  readonly name?: string | null;
}

export interface OfficialCalendar {
  /** Public holidays: date → "English,中文,days". */
  readonly holidays: Readonly<Record<IsoDate, string>>;
  /** Make-up workdays on weekends: date → the holiday they make up for. */
  readonly workdays: Readonly<Record<IsoDate, string>>;
}

export interface DayInfo {
  readonly date: IsoDate;
  readonly kind: DayKind;
  readonly workday: boolean;
  /** The holiday's or make-up day's name, in Chinese and English, when it has one. */
  readonly name: { readonly 'zh-CN': string; readonly en: string } | null;
  /** True when the day's year has no official notice yet and no override covers the day. */
  readonly provisional: boolean;
  readonly source: DaySource;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Parses YYYY-MM-DD strictly (2026-02-30 is refused) to a UTC midnight time. */
/**
 * Days already parsed: the cockpit judges every short board and project of the province
 * on each read, and their few hundred distinct dates were a tenth of its time. Valid
 * dates only; bounded.
 */
const PARSED = new Map<string, number>();

export function parseIsoDate(date: IsoDate): number {
  const known = PARSED.get(date);
  if (known !== undefined) return known;
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(time).toISOString().slice(0, 10) !== date)
    throw new RangeError(`no such date: ${date}`);
  if (PARSED.size >= 20_000) PARSED.clear();
  PARSED.set(date, time);
  return time;
}

export function formatIsoDate(time: number): IsoDate {
  return new Date(time).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return formatIsoDate(parseIsoDate(date) + days * DAY_MS);
}

/** The calendar day in Asia/Shanghai at an instant. */
export function shanghaiDate(instant: Date): IsoDate {
  return formatIsoDate(instant.getTime() + SHANGHAI_OFFSET_MS);
}

/** The instant a Shanghai calendar day starts, plus an optional time of day (HH:MM). */
export function shanghaiInstant(date: IsoDate, time = '00:00'): Date {
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(
    parseIsoDate(date) - SHANGHAI_OFFSET_MS + ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000,
  );
}

function names(raw: string | undefined): DayInfo['name'] {
  if (!raw) return null;
  const [en, zh] = raw.split(',');
  return en && zh ? { 'zh-CN': zh, en } : null;
}

export class WorkdayCalendar {
  private readonly overrides: ReadonlyMap<IsoDate, CalendarOverride>;
  private readonly officialYears: ReadonlySet<number>;

  constructor(
    private readonly official: OfficialCalendar,
    overrides: readonly CalendarOverride[] = [],
    /** Years whose notice the province has entered as overrides: no longer provisional. */
    publishedYears: readonly number[] = [],
  ) {
    this.overrides = new Map(overrides.map((o) => [o.date, o]));
    const years = new Set<number>(publishedYears);
    for (const date of Object.keys(official.holidays)) years.add(Number(date.slice(0, 4)));
    this.officialYears = years;
  }

  /** True while neither the official data nor the province has the year's notice. */
  isProvisionalYear(year: number): boolean {
    return !this.officialYears.has(year);
  }

  day(date: IsoDate): DayInfo {
    const time = parseIsoDate(date);
    const weekday = new Date(time).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const override = this.overrides.get(date);
    if (override) {
      const name = override.name ? { 'zh-CN': override.name, en: override.name } : null;
      const kind: DayKind =
        override.kind === 'holiday' ? 'holiday' : weekend ? 'makeup_workday' : 'workday';
      return {
        date,
        kind,
        workday: override.kind === 'workday',
        name,
        provisional: false,
        source: 'override',
      };
    }
    const provisional = this.isProvisionalYear(Number(date.slice(0, 4)));
    const holiday = this.official.holidays[date];
    if (holiday)
      return {
        date,
        kind: 'holiday',
        workday: false,
        name: names(holiday),
        provisional,
        source: 'official',
      };
    const makeup = this.official.workdays[date];
    if (makeup)
      return {
        date,
        kind: 'makeup_workday',
        workday: true,
        name: names(makeup),
        provisional,
        source: 'official',
      };
    return {
      date,
      kind: weekend ? 'weekend' : 'workday',
      workday: !weekend,
      name: null,
      provisional,
      source: 'weekday',
    };
  }

  isWorkday(date: IsoDate): boolean {
    return this.day(date).workday;
  }

  /** The first workday after `date` (not `date` itself). */
  nextWorkday(date: IsoDate): IsoDate {
    return this.addWorkdays(date, 1);
  }

  /** `date` when it is a workday, otherwise the next one. */
  workdayOnOrAfter(date: IsoDate): IsoDate {
    return this.isWorkday(date) ? date : this.nextWorkday(date);
  }

  /**
   * The day `n` workdays after `date` (before it when n < 0), counting workdays only:
   * Friday + 1 is Monday; a holiday week is stepped over. n = 0 gives `date` itself.
   */
  addWorkdays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new RangeError(`workdays must be a whole number: ${n}`);
    const step = n < 0 ? -1 : 1;
    let current = date;
    let left = Math.abs(n);
    let guard = 0;
    while (left > 0) {
      current = addDays(current, step);
      if (this.isWorkday(current)) left--;
      if (++guard > 3660) throw new RangeError('no workday within ten years');
    }
    return current;
  }

  /**
   * Workdays from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier.
   * From a Friday to the next Monday is 1; overdue "by N workdays" reads this way.
   */
  workdaysBetween(from: IsoDate, to: IsoDate): number {
    const start = parseIsoDate(from);
    const end = parseIsoDate(to);
    if (end === start) return 0;
    const sign = end > start ? 1 : -1;
    let count = 0;
    for (
      let time = start + sign * DAY_MS;
      sign > 0 ? time <= end : time >= end;
      time += sign * DAY_MS
    ) {
      if (this.isWorkday(formatIsoDate(time))) count++;
    }
    return sign * count;
  }
}
