import type { ApiError, CalendarDayDto } from '@lianzhang/contracts';
import { ApiHarness } from './testing/api-harness';

describe('the workday calendar over HTTP: official days, overrides, a year’s notice', () => {
  let api: ApiHarness;
  let admin: string;
  let office: string;

  beforeAll(async () => {
    api = await ApiHarness.start('calendar');
    admin = (await api.signedIn('province_admin')).token;
    office = (await api.signedIn('chain_office')).token;
  });

  afterAll(async () => {
    await api?.stop();
  });

  const days = async (from: string, to: string) =>
    (
      await api.request<CalendarDayDto[]>('GET', `/api/calendar/days?from=${from}&to=${to}`, {
        token: office,
      })
    ).body;

  it('shows the National Day week of 2026 with its make-up days', async () => {
    const week = await days('2026-09-28', '2026-10-11');
    const kinds = Object.fromEntries(week.map((d) => [d.date, d.kind]));
    expect(kinds).toMatchObject({
      '2026-09-30': 'workday',
      '2026-10-01': 'holiday',
      '2026-10-07': 'holiday',
      '2026-10-08': 'workday',
      '2026-10-10': 'makeup_workday',
      '2026-10-11': 'weekend',
    });
    expect(week.every((d) => !d.provisional)).toBe(true);
    expect(week.find((d) => d.date === '2026-10-01')?.name).toEqual({
      'zh-CN': '国庆节',
      en: 'National Day',
    });
  });

  it('lets the province override a day, and take the override back', async () => {
    const set = await api.request<CalendarDayDto>('PUT', '/api/calendar/overrides/2026-12-07', {
      token: admin,
      body: { kind: 'holiday', name: '暴雪停工' },
    });
    expect(set.body).toMatchObject({ kind: 'holiday', workday: false, source: 'override' });
    expect((await days('2026-12-07', '2026-12-07'))[0]?.kind).toBe('holiday');
    expect(
      (await api.request('DELETE', '/api/calendar/overrides/2026-12-07', { token: admin })).status,
    ).toBe(204);
    expect((await days('2026-12-07', '2026-12-07'))[0]?.kind).toBe('workday');
    expect(
      (await api.request('DELETE', '/api/calendar/overrides/2026-12-07', { token: admin })).status,
    ).toBe(404);
    expect(
      (
        await api.request('PUT', '/api/calendar/overrides/2026-12-07', {
          token: office,
          body: { kind: 'holiday' },
        })
      ).status,
    ).toBe(403);
  });

  it('marks a year without a notice provisional until the province enters it', async () => {
    expect((await days('2099-01-01', '2099-01-05')).every((d) => d.provisional)).toBe(true);
    const entered = await api.request<{ holidays: number; workdays: number }>(
      'POST',
      '/api/calendar/years/2099',
      {
        token: admin,
        body: {
          source: '国务院办公厅关于2099年部分节假日安排的通知',
          holidays: [
            { date: '2099-01-01', name: '元旦' },
            { date: '2099-01-02', name: '元旦' },
          ],
          workdays: [{ date: '2099-01-04', name: '元旦调休' }],
        },
      },
    );
    expect(entered.status).toBe(201);
    expect(entered.body).toEqual({ holidays: 2, workdays: 1 });
    const january = await days('2099-01-01', '2099-01-05');
    expect(january.map((d) => [d.date, d.kind, d.provisional])).toEqual([
      ['2099-01-01', 'holiday', false],
      ['2099-01-02', 'holiday', false],
      ['2099-01-03', 'weekend', false],
      ['2099-01-04', 'makeup_workday', false],
      ['2099-01-05', 'workday', false],
    ]);
  });

  it('refuses a notice with dates of another year or twice the same date, and writes nothing', async () => {
    const before = (
      await api.dataSource.query(`SELECT count(*)::int AS n FROM calendar_override`)
    )[0].n;
    const response = await api.request<ApiError>('POST', '/api/calendar/years/2098', {
      token: admin,
      body: {
        source: '通知',
        holidays: [
          { date: '2098-01-01', name: '元旦' },
          { date: '2097-12-31', name: '错年' },
        ],
        workdays: [{ date: '2098-01-01' }],
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.details.map((d) => d.path)).toEqual([
      'holidays.1.date',
      'workdays.0.date',
    ]);
    expect(
      (await api.dataSource.query(`SELECT count(*)::int AS n FROM calendar_override`))[0].n,
    ).toBe(before);
    const badDate = await api.request<ApiError>(
      'GET',
      '/api/calendar/days?from=2026-02-30&to=2026-03-01',
      { token: office },
    );
    expect(badDate.status).toBe(400);
    const tooLong = await api.request<ApiError>(
      'GET',
      '/api/calendar/days?from=2026-01-01&to=2028-01-01',
      { token: office },
    );
    expect(tooLong.status).toBe(400);
  });
});
