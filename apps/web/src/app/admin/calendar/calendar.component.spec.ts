import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { CalendarDayDto } from '@lianzhang/contracts';
import { addDays, shanghaiDate } from '@lianzhang/domain';
import { provideTranslocoScope } from '@jsverse/transloco';
import { LanguageService } from '../../i18n/language.service';
import { testProviders } from '../../testing';
import { CalendarComponent } from './calendar.component';
import { parseNotice } from './year-notice';

const YEAR = Number(shanghaiDate(new Date()).slice(0, 4));

/** A year as the api answers it: weekdays and weekends, one holiday, one 调休, one override. */
function year(y: number): CalendarDayDto[] {
  const days: CalendarDayDto[] = [];
  for (let date = `${y}-01-01`; date <= `${y}-12-31`; date = addDays(date, 1)) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    days.push({
      date,
      kind: weekend ? 'weekend' : 'workday',
      workday: !weekend,
      name: null,
      provisional: false,
      source: 'weekday',
    });
  }
  const set = (date: string, day: Partial<CalendarDayDto>) => {
    const index = days.findIndex((d) => d.date === date);
    days[index] = { ...(days[index] as CalendarDayDto), ...day };
  };
  set(`${y}-10-01`, {
    kind: 'holiday',
    workday: false,
    name: { 'zh-CN': '国庆节', en: 'National Day' },
    source: 'official',
  });
  set(firstSaturday(y, 9), {
    kind: 'makeup_workday',
    workday: true,
    name: { 'zh-CN': '国庆节', en: 'National Day' },
    source: 'official',
  });
  set(`${y}-07-15`, {
    kind: 'holiday',
    workday: false,
    name: { 'zh-CN': '防汛停工', en: '防汛停工' },
    source: 'override',
  });
  return days;
}

function firstSaturday(y: number, month: number): string {
  let date = `${y}-${String(month).padStart(2, '0')}-01`;
  while (new Date(`${date}T00:00:00Z`).getUTCDay() !== 6) date = addDays(date, 1);
  return date;
}

/** The first Monday of June: a plain workday in the answer above. */
function aWorkday(y: number): string {
  let date = `${y}-06-01`;
  while (new Date(`${date}T00:00:00Z`).getUTCDay() !== 1) date = addDays(date, 1);
  return date;
}

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  fixture.detectChanges();
  await fixture.whenStable();
  fixture.detectChanges();
}

describe('CalendarComponent', () => {
  let fixture: ComponentFixture<CalendarComponent>;
  let element: HTMLElement;
  let http: HttpTestingController;

  const cell = (date: string) =>
    element.querySelector<HTMLButtonElement>(`[data-testid="calendar-day"][data-date="${date}"]`);
  /** Modals render in the overlay container, outside the component. */
  const overlay = <T extends Element = HTMLElement>(selector: string) =>
    document.querySelector<T & Element>(`.cdk-overlay-container ${selector}`) as T | null;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [...testProviders(), provideTranslocoScope('admin')],
    });
    await TestBed.inject(LanguageService).init();
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CalendarComponent);
    element = fixture.nativeElement;
    await settle(fixture);
    const request = http.expectOne((r) => r.url === '/api/calendar/days');
    expect(request.request.params.get('from')).toBe(`${YEAR}-01-01`);
    expect(request.request.params.get('to')).toBe(`${YEAR}-12-31`);
    request.flush(year(YEAR));
    await settle(fixture);
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => (e.innerHTML = ''));
  });

  it('shows every day of the year with its kind', () => {
    const days = element.querySelectorAll('[data-testid="calendar"] [data-testid="calendar-day"]');
    expect(days.length).toBe(year(YEAR).length);

    const holiday = cell(`${YEAR}-10-01`);
    expect(holiday?.dataset['kind']).toBe('holiday');
    expect(holiday?.getAttribute('aria-label')).toContain('节假日');
    expect(holiday?.getAttribute('aria-label')).toContain('国庆节');

    const makeup = cell(firstSaturday(YEAR, 9));
    expect(makeup?.dataset['kind']).toBe('makeup_workday');
    expect(makeup?.getAttribute('aria-label')).toContain('调休上班');

    const override = cell(`${YEAR}-07-15`);
    expect(override?.dataset['source']).toBe('override');
    expect(override?.getAttribute('aria-label')).toContain('省级调整');

    expect(cell(aWorkday(YEAR))?.dataset['kind']).toBe('workday');
    expect(element.querySelector('[data-testid="calendar-summary"]')?.textContent).toContain(
      '1 天调休上班',
    );
  });

  it('shows one month with the holidays’ names', async () => {
    element.querySelectorAll<HTMLElement>('[data-testid="calendar-view"] label')[1]?.click();
    await settle(fixture);
    // From this month to October of the same year, so the year is not read again.
    const month = Number(shanghaiDate(new Date()).slice(5, 7));
    for (let m = month; m !== 10; m += month < 10 ? 1 : -1) {
      element
        .querySelector<HTMLElement>(`[data-testid="calendar-${month < 10 ? 'next' : 'previous'}"]`)
        ?.click();
      await settle(fixture);
    }
    expect(element.querySelector('[data-testid="calendar-period"]')?.textContent).toContain('10');
    expect(element.querySelectorAll('[data-testid="calendar-day"]').length).toBe(31);
    expect(cell(`${YEAR}-10-01`)?.textContent).toContain('国庆节');
  });

  it('makes a workday a holiday with a reason (PUT) and shows the answer', async () => {
    const date = aWorkday(YEAR);
    cell(date)?.click();
    await settle(fixture);
    expect(overlay('[data-testid="calendar-current-kind"]')?.textContent).toContain('工作日');

    // A reason is required before anything is sent.
    overlay<HTMLButtonElement>('[data-testid="override-save"]')?.click();
    await settle(fixture);
    expect(overlay('#override-reason')?.closest('nz-form-item')?.textContent).toContain(
      '请填写原因',
    );
    http.expectNone((r) => r.method === 'PUT');

    const reason = overlay<HTMLInputElement>('#override-reason') as HTMLInputElement;
    reason.value = '防汛停工';
    reason.dispatchEvent(new Event('input'));
    overlay<HTMLButtonElement>('[data-testid="override-save"]')?.click();
    await settle(fixture);

    const put = http.expectOne({ method: 'PUT', url: `/api/calendar/overrides/${date}` });
    expect(put.request.body).toEqual({ kind: 'holiday', name: '防汛停工' });
    put.flush({
      date,
      kind: 'holiday',
      workday: false,
      name: { 'zh-CN': '防汛停工', en: '防汛停工' },
      provisional: false,
      source: 'override',
    } satisfies CalendarDayDto);
    await settle(fixture);
    expect(cell(date)?.dataset['kind']).toBe('holiday');
    expect(cell(date)?.dataset['source']).toBe('override');
  });

  it('removes an override (DELETE) and shows the official day again', async () => {
    const date = `${YEAR}-07-15`;
    cell(date)?.click();
    await settle(fixture);
    overlay<HTMLButtonElement>('[data-testid="override-remove"]')?.click();
    await settle(fixture);
    http.expectOne({ method: 'DELETE', url: `/api/calendar/overrides/${date}` }).flush(null);
    await settle(fixture);
    const reread = http.expectOne((r) => r.url === '/api/calendar/days');
    expect(reread.request.params.get('from')).toBe(date);
    reread.flush([
      {
        date,
        kind: 'workday',
        workday: true,
        name: null,
        provisional: false,
        source: 'weekday',
      } satisfies CalendarDayDto,
    ]);
    await settle(fixture);
    expect(cell(date)?.dataset['kind']).toBe('workday');
    expect(cell(date)?.dataset['source']).toBe('weekday');
  });
});

describe('parseNotice', () => {
  it('reads dates, ranges and names line by line and reports what it cannot read', () => {
    const parsed = parseNotice('2027-10-01~2027-10-03 国庆节\n\n2027-09-26 国庆节调休\nsoon');
    expect(parsed.entries).toEqual([
      { date: '2027-10-01', name: '国庆节', line: 1 },
      { date: '2027-10-02', name: '国庆节', line: 1 },
      { date: '2027-10-03', name: '国庆节', line: 1 },
      { date: '2027-09-26', name: '国庆节调休', line: 3 },
    ]);
    expect(parsed.problems).toEqual([{ line: 4, text: 'soon' }]);
    expect(parseNotice('2027-02-30 x').problems).toHaveLength(1);
    expect(parseNotice('2027-10-07~2027-10-01 x').problems).toHaveLength(1);
  });
});
