import { OFFICIAL_CALENDAR } from './official';
import { addDays, shanghaiDate, shanghaiInstant, WorkdayCalendar } from './workday-calendar';

const calendar = new WorkdayCalendar(OFFICIAL_CALENDAR);

describe('the Chinese workday calendar', () => {
  it.each([
    // 2026 notice: 春节 2-15..2-23 with make-up Saturdays 2-14 and 2-28; 国庆 10-01..10-07, make-up 9-20 and 10-10.
    ['2026-02-13', 'workday'],
    ['2026-02-14', 'makeup_workday'],
    ['2026-02-15', 'holiday'],
    ['2026-02-23', 'holiday'],
    ['2026-02-24', 'workday'],
    ['2026-02-28', 'makeup_workday'],
    ['2026-10-01', 'holiday'],
    ['2026-10-07', 'holiday'],
    ['2026-10-08', 'workday'],
    ['2026-10-10', 'makeup_workday'],
    ['2026-10-11', 'weekend'],
    ['2026-01-01', 'holiday'],
    ['2026-01-04', 'makeup_workday'],
    // 2025 notice: 春节 1-28..2-04, make-up 1-26 and 2-08; 国庆 10-01..10-08, make-up 9-28 and 10-11.
    ['2025-01-26', 'makeup_workday'],
    ['2025-01-28', 'holiday'],
    ['2025-02-04', 'holiday'],
    ['2025-02-08', 'makeup_workday'],
    ['2025-10-08', 'holiday'],
    ['2025-10-11', 'makeup_workday'],
    ['2025-11-28', 'workday'],
    ['2025-11-29', 'weekend'],
  ])('%s is a %s', (date, kind) => {
    const day = calendar.day(date);
    expect(day.kind).toBe(kind);
    expect(day.workday).toBe(kind === 'workday' || kind === 'makeup_workday');
  });

  it('names holidays in both languages', () => {
    expect(calendar.day('2026-10-01').name).toEqual({ 'zh-CN': '国庆节', en: 'National Day' });
    expect(calendar.day('2026-02-14').name?.['zh-CN']).toBe('春节');
  });

  it.each([
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-02-12', 3, '2026-02-24'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-11-27', 1, '2026-11-30'],
    ['2026-11-30', -1, '2026-11-27'],
    ['2026-02-24', -1, '2026-02-14'],
    ['2026-11-28', 0, '2026-11-28'],
    ['2026-12-31', 1, '2027-01-01'],
  ])('%s + %i workdays is %s', (date, n, expected) => {
    expect(calendar.addWorkdays(date, n)).toBe(expected);
  });

  it('counts workdays between two days, start excluded, end included', () => {
    expect(calendar.workdaysBetween('2026-11-27', '2026-11-30')).toBe(1);
    expect(calendar.workdaysBetween('2026-09-30', '2026-10-08')).toBe(1);
    expect(calendar.workdaysBetween('2026-10-08', '2026-09-30')).toBe(-1);
    expect(calendar.workdaysBetween('2026-11-30', '2026-11-30')).toBe(0);
    for (const n of [1, 3, 7, 20]) {
      expect(calendar.workdaysBetween('2026-02-10', calendar.addWorkdays('2026-02-10', n))).toBe(n);
    }
  });

  it('finds the next workday and the workday on or after a day', () => {
    expect(calendar.nextWorkday('2026-10-02')).toBe('2026-10-08');
    expect(calendar.workdayOnOrAfter('2026-10-08')).toBe('2026-10-08');
    expect(calendar.workdayOnOrAfter('2026-10-03')).toBe('2026-10-08');
  });

  it('lets the province override a day either way, ahead of the official data', () => {
    const local = new WorkdayCalendar(OFFICIAL_CALENDAR, [
      { date: '2026-12-01', kind: 'holiday', name: '防汛调休' },
      { date: '2026-10-03', kind: 'workday' },
    ]);
    expect(local.day('2026-12-01')).toMatchObject({
      kind: 'holiday',
      workday: false,
      source: 'override',
    });
    expect(local.day('2026-10-03')).toMatchObject({
      kind: 'makeup_workday',
      workday: true,
      source: 'override',
    });
    expect(local.addWorkdays('2026-11-30', 1)).toBe('2026-12-02');
  });

  it('marks a year without a notice provisional until the province enters it', () => {
    expect(calendar.isProvisionalYear(2026)).toBe(false);
    expect(calendar.isProvisionalYear(2025)).toBe(false);
    expect(calendar.isProvisionalYear(2099)).toBe(true);
    expect(calendar.day('2099-01-05')).toMatchObject({ provisional: true, kind: 'workday' });
    const entered = new WorkdayCalendar(
      OFFICIAL_CALENDAR,
      [{ date: '2099-01-01', kind: 'holiday', name: '元旦' }],
      [2099],
    );
    expect(entered.isProvisionalYear(2099)).toBe(false);
    expect(entered.day('2099-01-01')).toMatchObject({ kind: 'holiday', provisional: false });
  });

  it('reads days in Asia/Shanghai', () => {
    expect(shanghaiDate(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
    expect(shanghaiDate(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
    expect(shanghaiInstant('2026-10-08', '09:00').toISOString()).toBe('2026-10-08T01:00:00.000Z');
  });

  it('refuses dates that do not exist', () => {
    expect(() => calendar.day('2026-02-29')).toThrow(RangeError);
    expect(() => calendar.day('2026/10/01')).toThrow(RangeError);
    expect(() => calendar.addWorkdays('2026-10-01', 1.5)).toThrow(RangeError);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
