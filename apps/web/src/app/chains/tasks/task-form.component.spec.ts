import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import type { WritableSignal } from '@angular/core';
import type {
  CalendarDayDto,
  ChainDetailDto,
  ChainMemberDto,
  EscalationPolicyDto,
} from '@lianzhang/contracts';
import { addDays, parseIsoDate, type EscalationPolicy, type IsoDate } from '@lianzhang/domain';
import { provideTranslocoScope, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import { testProviders } from '../../testing';
import { ChainStore } from '../chain.store';
import { CLOCK } from '../dates';
import { TaskFormComponent } from './task-form.component';

const CHAIN = '11111111-1111-4111-8111-111111111111';
const LEAD = '33333333-3333-4333-8333-333333333333';
const HELPER = '44444444-4444-4444-8444-444444444444';
/** Friday 2026-09-25, 10:00 in Shanghai. */
const NOW = new Date('2026-09-25T02:00:00Z');

/** The value, or a failed test when there is none. */
function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

/** The api's calendar for the test: 国庆 1–7 October off, Saturday 10 October worked (调休). */
const SPECIAL: Readonly<Record<IsoDate, CalendarDayDto['kind']>> = {
  '2026-10-01': 'holiday',
  '2026-10-02': 'holiday',
  '2026-10-03': 'holiday',
  '2026-10-04': 'holiday',
  '2026-10-05': 'holiday',
  '2026-10-06': 'holiday',
  '2026-10-07': 'holiday',
  '2026-10-10': 'makeup_workday',
};

function calendarAnswer(from: IsoDate, to: IsoDate): CalendarDayDto[] {
  const days: CalendarDayDto[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const weekday = new Date(parseIsoDate(date)).getUTCDay();
    const kind = SPECIAL[date] ?? (weekday === 0 || weekday === 6 ? 'weekend' : 'workday');
    const named = kind === 'holiday' || kind === 'makeup_workday';
    days.push({
      date,
      kind,
      workday: kind === 'workday' || kind === 'makeup_workday',
      name: named ? { 'zh-CN': '国庆节', en: 'National Day' } : null,
      // 2027's notice is not out yet in this calendar.
      provisional: date >= '2027-01-01',
      source: named ? 'official' : 'weekday',
    });
  }
  return days;
}

/** A ladder of the chain's own, different from the default so the test cannot pass by accident. */
const POLICY: EscalationPolicy = {
  requestResponseWorkdays: 5,
  steps: [
    {
      key: 'ack',
      anchor: 'assigned',
      offsetWorkdays: 2,
      audience: ['assignee', 'chain_office'],
      level: 'reminder',
      channels: [],
    },
    {
      key: 'report',
      anchor: 'last_report',
      offsetWorkdays: 0,
      audience: ['assignee'],
      level: 'reminder',
      channels: [],
    },
    {
      key: 'report-late',
      anchor: 'last_report',
      offsetWorkdays: 2,
      audience: ['assignee', 'chain_office'],
      level: 'reminder',
      channels: [],
    },
    {
      key: 'due-1',
      anchor: 'due',
      offsetWorkdays: -1,
      audience: ['assignee'],
      level: 'reminder',
      channels: [],
    },
    {
      key: 'due',
      anchor: 'due',
      offsetWorkdays: 0,
      audience: ['assignee', 'co_handlers'],
      level: 'reminder',
      channels: [],
    },
    {
      key: 'overdue-1',
      anchor: 'due',
      offsetWorkdays: 1,
      audience: ['assignee', 'chain_office'],
      level: 'reminder',
      channels: [],
    },
    {
      key: 'overdue-3',
      anchor: 'due',
      offsetWorkdays: 3,
      audience: ['chain_leader'],
      level: 'yellow',
      channels: [],
    },
    {
      key: 'overdue-5',
      anchor: 'due',
      offsetWorkdays: 5,
      audience: ['province_office'],
      level: 'red',
      channels: [],
    },
    {
      key: 'request-late',
      anchor: 'respond_by',
      offsetWorkdays: 1,
      audience: ['chain_leader'],
      level: 'yellow',
      channels: [],
    },
  ],
};
const POLICY_DTO: EscalationPolicyDto = { source: 'chain', policy: POLICY, version: 3 };

const DETAIL: ChainDetailDto = {
  id: CHAIN,
  code: 'ngit.ic',
  nameZh: '集成电路',
  nameEn: 'Integrated circuits',
  industryGroup: 'next_generation_it',
  level: 'province',
  regionCode: '370000',
  parentId: null,
  targetText: null,
  targetValue: null,
  targetUnit: null,
  planSection: null,
  version: 1,
  leaders: [],
  counts: { members: 2, nodes: 0, shortBoards: 0, projects: 0, openTasks: 0 },
  canEdit: true,
};
const MEMBERS: ChainMemberDto[] = [
  {
    organisationId: LEAD,
    name: '浪潮电子',
    creditCode: null,
    regionCode: '370100',
    role: 'chain_master',
  },
  {
    organisationId: HELPER,
    name: '歌尔股份',
    creditCode: null,
    regionCode: '370700',
    role: 'member',
  },
];

/** The form's state, as its controls set it (the pickers are driven through their model). */
interface FormModel {
  title: string;
  assigneeId: WritableSignal<string | null>;
  dueDate: WritableSignal<Date | null>;
  reportEvery: WritableSignal<number | null>;
}

describe('TaskFormComponent', () => {
  let fixture: ComponentFixture<TaskFormComponent>;
  let element: HTMLElement;
  let http: HttpTestingController;
  let model: FormModel;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [TaskFormComponent],
      providers: [
        ...testProviders(),
        ChainStore,
        provideTranslocoScope('chains'),
        { provide: CLOCK, useValue: () => NOW },
      ],
    });
    await TestBed.inject(LanguageService).init();
    await firstValueFrom(TestBed.inject(TranslocoService).load('chains/zh-CN'));
    http = TestBed.inject(HttpTestingController);
    const store = TestBed.inject(ChainStore);
    store.id.set(CHAIN);
    store.detail.set({ status: 'ready', value: DETAIL });
    store.members.set({ status: 'ready', value: MEMBERS });
    store.policy.set({ status: 'ready', value: POLICY_DTO });
    fixture = TestBed.createComponent(TaskFormComponent);
    element = fixture.nativeElement;
    model = fixture.componentInstance as unknown as FormModel;
    fixture.detectChanges();
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
  });

  /** Answers everything the form asks for when it opens; returns the calendar calls. */
  async function answerOpening(): Promise<TestRequest[]> {
    const calendar = http.match((r) => r.url === '/api/calendar/days');
    for (const call of calendar)
      call.flush(
        calendarAnswer(
          present(call.request.params.get('from')),
          present(call.request.params.get('to')),
        ),
      );
    http.expectOne(`/api/chains/${CHAIN}/escalation-policy`).flush(POLICY_DTO);
    http.expectOne(`/api/chains/${CHAIN}/short-boards`).flush([]);
    http.expectOne(`/api/chains/${CHAIN}/projects`).flush([]);
    await settle();
    return calendar;
  }

  async function settle(): Promise<void> {
    await new Promise((done) => setTimeout(done));
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function fieldText(field: string): string {
    return element.querySelector(`[data-testid="field-${field}"]`)?.textContent ?? '';
  }

  function type(id: string, text: string): void {
    const input = present(element.querySelector<HTMLInputElement>(`#${id}`));
    input.value = text;
    input.dispatchEvent(new Event('input'));
  }

  function submit(): void {
    present(element.querySelector<HTMLButtonElement>('[data-testid="task-submit"]')).click();
    fixture.detectChanges();
  }

  it('labels its fields so they can be found by name', async () => {
    await answerOpening();
    const label = (text: string) =>
      [...element.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
    expect(label('任务名称')?.getAttribute('for')).toBe('task-title');
    expect(label('主办单位')?.getAttribute('for')).toBe('task-assignee');
    expect(label('截止日期')?.getAttribute('for')).toBe('task-due-date');
    expect(element.querySelector('#task-due-date')).not.toBeNull();
  });

  it('asks the calendar for a year of days in one call when it opens', async () => {
    const calls = await answerOpening();
    expect(calls.map((c) => [c.request.params.get('from'), c.request.params.get('to')])).toEqual([
      ['2026-09-01', '2027-08-31'],
    ]);
  });

  it('shows the shared schema’s complaints beside their fields and sends nothing', async () => {
    await answerOpening();
    submit();
    await settle();
    expect(fieldText('title')).toContain('不能为空');
    expect(fieldText('assignee')).toContain('请填写');
    expect(fieldText('due-date')).toContain('日期格式应为 YYYY-MM-DD');
    http.expectNone('/api/tasks');
  });

  it('sends a valid task and shows the api’s field error next to its field', async () => {
    await answerOpening();
    type('task-title', '完成12英寸晶圆产线设备国产化评估');
    model.assigneeId.set(LEAD);
    model.dueDate.set(new Date(2026, 8, 30, 12));
    fixture.detectChanges();
    submit();

    const post = http.expectOne((r) => r.method === 'POST' && r.url === '/api/tasks');
    expect(post.request.body).toMatchObject({
      chainId: CHAIN,
      title: '完成12英寸晶圆产线设备国产化评估',
      assigneeOrganisationId: LEAD,
      dueDate: '2026-09-30',
      priority: 'normal',
      assign: true,
    });
    expect((post.request.body as { description?: string }).description).toBeUndefined();
    post.flush(
      {
        code: 'VALIDATION_FAILED',
        message: '提交的数据有误，请检查标出的字段',
        details: [{ path: 'dueDate', message: '截止日期不能早于签发日期' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(fieldText('due-date')).toContain('截止日期不能早于签发日期');
    expect(fieldText('title')).not.toContain('截止日期不能早于签发日期');
    expect(element.querySelector('[data-testid="task-form-error"]')).toBeNull();
  });

  it('marks holidays and make-up workdays in the due-date picker from the calendar answer', async () => {
    await answerOpening();
    const input = present(element.querySelector<HTMLInputElement>('#task-due-date'));
    input.click();
    fixture.detectChanges();
    await settle();
    const cell = (date: string) =>
      document.querySelector(
        `.lz-due-date-dropdown td[title="${date}"] .day`,
      ) as HTMLElement | null;
    expect(cell('2026-10-01')?.classList).toContain('lz-holiday');
    expect(cell('2026-10-01')?.textContent).toContain('休');
    expect(cell('2026-10-01')?.getAttribute('title')).toBe('国庆节 · 节假日');
    expect(cell('2026-10-10')?.classList).toContain('lz-makeup');
    expect(cell('2026-10-10')?.textContent).toContain('班');
    expect(cell('2026-09-30')?.classList).not.toContain('lz-holiday');
    expect(cell('2026-09-30')?.classList).not.toContain('lz-makeup');
    // An ordinary weekend is no holiday.
    expect(cell('2026-09-26')?.getAttribute('data-day-kind')).toBe('weekend');
  });

  function previewSteps(): { key: string; when: string; level: string }[] {
    return [...element.querySelectorAll('[data-testid="escalation-step"]')].map((step) => ({
      key: step.getAttribute('data-step') ?? '',
      when: step.querySelector('[data-testid="escalation-when"]')?.textContent?.trim() ?? '',
      level: step.querySelector('[data-testid="escalation-level"]')?.textContent?.trim() ?? '',
    }));
  }

  it('shows when each step would fire for the chosen due date, on workdays only', async () => {
    await answerOpening();
    expect(element.querySelector('[data-testid="escalation-preview"]')?.textContent).toContain(
      '选择截止日期后',
    );
    model.dueDate.set(new Date(2026, 8, 30, 12)); // Wednesday 30 September
    await settle();
    // By hand, from Friday 25 September: 签收 2 workdays on is Tue 29; the day before the
    // due date Tue 29; the due date Wed 30; 1–7 October are off, so overdue +1 is Thu 8,
    // +3 is Sat 10 (a make-up workday), +5 is Tue 13. The request step is no task's.
    expect(previewSteps()).toEqual([
      { key: 'ack', when: '2026-09-29 09:00', level: '提醒' },
      { key: 'due-1', when: '2026-09-29 09:00', level: '提醒' },
      { key: 'due', when: '2026-09-30 09:00', level: '提醒' },
      { key: 'overdue-1', when: '2026-10-08 09:00', level: '提醒' },
      { key: 'overdue-3', when: '2026-10-10 09:00', level: '黄牌督办' },
      { key: 'overdue-5', when: '2026-10-13 09:00', level: '红牌督办' },
    ]);
    expect(element.querySelector('[data-step="overdue-3"]')?.textContent).toContain('链长');
    expect(element.querySelector('[data-testid="deadline-shifted"]')).toBeNull();
    expect(element.querySelector('[data-testid="calendar-provisional"]')).toBeNull();
  });

  it('warns when the dates fall in a year whose holidays are not published yet', async () => {
    await answerOpening();
    model.dueDate.set(new Date(2027, 0, 4, 12));
    await settle();
    expect(element.querySelector('[data-testid="calendar-provisional"]')?.textContent).toContain(
      '2027 年的节假日安排尚未公布',
    );
  });

  it('adds the reporting reminders of a cadence and counts a due date on a holiday from the workday before', async () => {
    await answerOpening();
    model.reportEvery.set(5);
    model.dueDate.set(new Date(2026, 9, 3, 12)); // Saturday 3 October, in the holiday
    await settle();
    // The deadline counts from Wed 30 September, the last workday before it. Reports: 5
    // workdays from Fri 25 September is Fri 9 October, and 2 more is Mon 12 October (Sat 10
    // is worked).
    expect(element.querySelector('[data-testid="deadline-shifted"]')?.textContent).toContain(
      '2026-09-30',
    );
    expect(previewSteps().map((s) => `${s.key} ${s.when}`)).toEqual([
      'ack 2026-09-29 09:00',
      'due-1 2026-09-29 09:00',
      'due 2026-09-30 09:00',
      'overdue-1 2026-10-08 09:00',
      'report 2026-10-09 09:00',
      'overdue-3 2026-10-10 09:00',
      'report-late 2026-10-12 09:00',
      'overdue-5 2026-10-13 09:00',
    ]);
  });

  it('leaves out the steps already past', async () => {
    await answerOpening();
    model.dueDate.set(new Date(2026, 8, 28, 12)); // Monday 28 September
    await settle();
    // due-1 would be Fri 25 September 09:00, before "now" (10:00).
    expect(previewSteps().map((s) => s.key)).toEqual([
      'due',
      'ack',
      'overdue-1',
      'overdue-3',
      'overdue-5',
    ]);
  });
});
