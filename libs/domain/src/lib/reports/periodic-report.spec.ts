import {
  duePeriods,
  duePeriodsAt,
  isoWeek,
  isoWeekday,
  periodContaining,
  periodEnded,
  periodicReportAsciiFileName,
  periodicReportFileName,
  periodicReportTitle,
  periodKey,
  periodLabel,
  periodShortLabel,
  periodStarted,
  PERIODIC_REPORT_MESSAGES,
  PERIODIC_REPORT_STATUS_LABELS,
  previousPeriod,
  REPORT_PERIOD_KIND_LABELS,
  REPORT_SCOPE_LABELS,
  REPORT_TRIGGER_LABELS,
  reportSubject,
  type ReportPeriod,
} from './periodic-report';

const week = (start: string, end: string): ReportPeriod => ({ kind: 'weekly', start, end });
const month = (start: string, end: string): ReportPeriod => ({ kind: 'monthly', start, end });

describe('report periods', () => {
  it.each([
    // day, its week (Monday–Sunday), its month
    ['2026-11-16', week('2026-11-16', '2026-11-22'), month('2026-11-01', '2026-11-30')], // Monday
    ['2026-11-22', week('2026-11-16', '2026-11-22'), month('2026-11-01', '2026-11-30')], // Sunday
    ['2026-11-23', week('2026-11-23', '2026-11-29'), month('2026-11-01', '2026-11-30')],
    // The week across New Year belongs to both calendar years.
    ['2025-12-31', week('2025-12-29', '2026-01-04'), month('2025-12-01', '2025-12-31')],
    ['2026-01-04', week('2025-12-29', '2026-01-04'), month('2026-01-01', '2026-01-31')],
    // Month ends: 28, 29, 30 and 31 days.
    ['2026-02-14', week('2026-02-09', '2026-02-15'), month('2026-02-01', '2026-02-28')],
    ['2028-02-29', week('2028-02-28', '2028-03-05'), month('2028-02-01', '2028-02-29')],
    ['2026-04-30', week('2026-04-27', '2026-05-03'), month('2026-04-01', '2026-04-30')],
    ['2026-12-31', week('2026-12-28', '2027-01-03'), month('2026-12-01', '2026-12-31')],
  ])('%s lies in the week %j and the month %j', (day, weekly, monthly) => {
    expect(periodContaining('weekly', day)).toEqual(weekly);
    expect(periodContaining('monthly', day)).toEqual(monthly);
  });

  it.each([
    // today (Shanghai), last week, last month: the periods due for their scheduled report
    ['2026-11-23', week('2026-11-16', '2026-11-22'), month('2026-10-01', '2026-10-31')], // Monday
    ['2026-11-22', week('2026-11-09', '2026-11-15'), month('2026-10-01', '2026-10-31')], // Sunday
    ['2026-12-01', week('2026-11-23', '2026-11-29'), month('2026-11-01', '2026-11-30')],
    ['2026-11-30', week('2026-11-23', '2026-11-29'), month('2026-10-01', '2026-10-31')],
    ['2026-01-01', week('2025-12-22', '2025-12-28'), month('2025-12-01', '2025-12-31')],
    ['2026-01-05', week('2025-12-29', '2026-01-04'), month('2025-12-01', '2025-12-31')],
    ['2026-03-01', week('2026-02-16', '2026-02-22'), month('2026-02-01', '2026-02-28')],
  ])('on %s the due periods are %j and %j', (today, weekly, monthly) => {
    expect(duePeriods(today)).toEqual([weekly, monthly]);
    expect(previousPeriod('weekly', today)).toEqual(weekly);
    expect(previousPeriod('monthly', today)).toEqual(monthly);
  });

  it.each([
    // instant (UTC), what is due: Shanghai is UTC+8, so its Monday starts at 16:00 UTC on Sunday
    ['2026-11-22T15:59:59Z', '2026-11-09', '2026-10-01'], // Sunday 23:59:59 in Shanghai
    ['2026-11-22T16:00:00Z', '2026-11-16', '2026-10-01'], // Monday 00:00 in Shanghai, still Sunday in UTC
    ['2026-11-30T15:59:59Z', '2026-11-23', '2026-10-01'], // 30 November 23:59:59 in Shanghai
    ['2026-11-30T16:00:00Z', '2026-11-23', '2026-11-01'], // 1 December 00:00 in Shanghai
    ['2025-12-31T16:30:00Z', '2025-12-22', '2025-12-01'], // New Year's Day 00:30 in Shanghai
  ])('at %s the due week starts %s and the due month %s', (instant, weekStart, monthStart) => {
    const [weekly, monthly] = duePeriodsAt(new Date(instant));
    expect([weekly?.start, monthly?.start]).toEqual([weekStart, monthStart]);
  });

  it('knows when a period has started and when it has ended', () => {
    const november = month('2026-11-01', '2026-11-30');
    expect([
      periodStarted(november, '2026-10-31'),
      periodStarted(november, '2026-11-01'),
      periodEnded(november, '2026-11-30'),
      periodEnded(november, '2026-12-01'),
    ]).toEqual([false, true, false, true]);
  });

  it.each([
    ['2026-11-16', 1],
    ['2026-11-21', 6],
    ['2026-11-22', 7],
  ])('%s is ISO weekday %i', (day, weekday) => {
    expect(isoWeekday(day)).toBe(weekday);
  });

  it.each([
    ['2025-12-29', { year: 2026, week: 1 }],
    ['2026-01-04', { year: 2026, week: 1 }],
    ['2026-11-16', { year: 2026, week: 47 }],
    ['2026-12-28', { year: 2026, week: 53 }],
    ['2027-01-03', { year: 2026, week: 53 }],
    ['2021-01-03', { year: 2020, week: 53 }],
    ['2021-01-04', { year: 2021, week: 1 }],
  ])('%s is in ISO week %j', (day, expected) => {
    expect(isoWeek(day)).toEqual(expected);
  });
});

describe('report names', () => {
  const november = month('2026-11-01', '2026-11-30');
  const week47 = week('2026-11-16', '2026-11-22');
  const newYear = week('2025-12-29', '2026-01-04');

  it.each([
    [november, 'zh-CN', '2026年11月', '2026年11月'],
    [november, 'en', 'November 2026', 'November 2026'],
    [week47, 'zh-CN', '2026年第47周', '2026年第47周（11月16日—11月22日）'],
    [week47, 'en', 'Week 47 of 2026', 'Week 47 of 2026 (16 Nov – 22 Nov)'],
    [newYear, 'zh-CN', '2026年第1周', '2026年第1周（2025年12月29日—1月4日）'],
    [newYear, 'en', 'Week 1 of 2026', 'Week 1 of 2026 (29 Dec 2025 – 4 Jan)'],
  ] as const)('%j in %s is %s, in full %s', (period, language, short, full) => {
    expect(periodShortLabel(period, language)).toBe(short);
    expect(periodLabel(period, language)).toBe(full);
  });

  it.each([
    [november, '2026-11'],
    [week47, '2026-W47'],
    [newYear, '2026-W01'],
  ] as const)('%j has the key %s', (period, key) => {
    expect(periodKey(period)).toBe(key);
  });

  it('titles and names the files as an office does', () => {
    expect(reportSubject('山东省', 'province')).toBe('山东省产业链');
    expect(reportSubject('集成电路', 'chain')).toBe('集成电路产业链');
    expect(reportSubject('新能源汽车产业链', 'chain')).toBe('新能源汽车产业链');
    expect(periodicReportTitle('山东省产业链', november)).toBe(
      '山东省产业链链长制工作月报（2026年11月）',
    );
    expect(periodicReportFileName('山东省产业链', november)).toBe(
      '山东省产业链月报_2026年11月.xlsx',
    );
    expect(periodicReportFileName('集成电路产业链', week47)).toBe(
      '集成电路产业链周报_2026年第47周.xlsx',
    );
    // A chain name with characters a file system refuses still gives a usable name.
    expect(periodicReportFileName('A/B: "链"', week47)).toBe('A_B_链_周报_2026年第47周.xlsx');
    expect(periodicReportAsciiFileName('province', null, november)).toBe(
      'lianzhang-province-monthly-2026-11.xlsx',
    );
    expect(periodicReportAsciiFileName('chain', 'ngit.ic', week47)).toBe(
      'lianzhang-chain-ngit.ic-weekly-2026-W47.xlsx',
    );
  });
});

/** Han characters and the full-width punctuation that goes with them. */
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

describe('report labels', () => {
  it.each(
    Object.entries({
      REPORT_PERIOD_KIND_LABELS,
      REPORT_SCOPE_LABELS,
      REPORT_TRIGGER_LABELS,
      PERIODIC_REPORT_STATUS_LABELS,
      PERIODIC_REPORT_MESSAGES,
    }),
  )('%s has both texts, and its English has no Chinese', (_, map) => {
    for (const labels of Object.values(map)) {
      expect(labels['zh-CN'].trim()).not.toBe('');
      expect(CHINESE.test(labels['zh-CN'])).toBe(true);
      expect(labels.en.trim()).not.toBe('');
      expect(CHINESE.test(labels.en)).toBe(false);
    }
  });
});
