import { OFFICIAL_CALENDAR } from '../calendar/official';
import { WorkdayCalendar } from '../calendar/workday-calendar';
import {
  DEFAULT_ESCALATION_POLICY,
  planRequestSteps,
  planTaskSteps,
  policyProblems,
  requestRespondBy,
  taskStepApplies,
  type EscalationPolicy,
  type TaskTimeline,
} from './escalation';

const calendar = new WorkdayCalendar(OFFICIAL_CALENDAR);
const policy = DEFAULT_ESCALATION_POLICY;
const at = (iso: string) => new Date(iso);
const days = (steps: { key: string; fireOn: string }[]) =>
  Object.fromEntries(steps.map((s) => [s.key, s.fireOn]));

const task = (over: Partial<TaskTimeline>): TaskTimeline => ({
  status: 'in_progress',
  assignedOn: '2026-09-14',
  dueDate: '2026-10-09',
  lastReportOn: null,
  reportEveryWorkdays: null,
  ...over,
});

describe('planTaskSteps on the 2026 calendar', () => {
  it('counts the due ladder in workdays over National Day and its make-up Saturday', () => {
    // 10-01..10-07 are holidays; Saturday 10-10 is a make-up workday.
    expect(
      days(planTaskSteps(policy, task({}), calendar, at('2026-09-20T00:00:00+08:00'))),
    ).toEqual({
      'due-3': '2026-09-29',
      'due-1': '2026-10-08',
      due: '2026-10-09',
      'overdue-1': '2026-10-10',
      'overdue-3': '2026-10-13',
      'overdue-7': '2026-10-19',
    });
  });

  it('reads a due date on a holiday as the last workday before it', () => {
    const steps = days(
      planTaskSteps(
        policy,
        task({ dueDate: '2026-10-03' }),
        calendar,
        at('2026-09-01T00:00:00+08:00'),
      ),
    );
    expect(steps).toMatchObject({
      'due-1': '2026-09-29',
      due: '2026-09-30',
      'overdue-1': '2026-10-08',
    });
  });

  it('fires at 09:00 Asia/Shanghai and never plans a step at or before now', () => {
    const now = at('2026-10-08T09:00:00+08:00');
    const steps = planTaskSteps(policy, task({}), calendar, now);
    expect(steps.map((s) => s.key)).toEqual(['due', 'overdue-1', 'overdue-3', 'overdue-7']);
    expect(steps[0]?.fireAt.toISOString()).toBe('2026-10-09T01:00:00.000Z');
  });

  it('gives an assigned task its 签收 deadline over the Spring Festival', () => {
    // Friday 02-13, then make-up Saturday 02-14, then the holiday until 02-23.
    const steps = days(
      planTaskSteps(
        policy,
        task({ status: 'assigned', assignedOn: '2026-02-13', dueDate: '2026-03-31' }),
        calendar,
        at('2026-02-13T15:00:00+08:00'),
      ),
    );
    expect(steps['ack']).toBe('2026-02-24');
    expect(steps['report']).toBeUndefined();
  });

  it('asks for a report every N workdays from the last one', () => {
    const steps = days(
      planTaskSteps(
        policy,
        task({
          status: 'accepted',
          lastReportOn: '2026-02-12',
          reportEveryWorkdays: 5,
          dueDate: '2026-06-30',
        }),
        calendar,
        at('2026-02-12T18:00:00+08:00'),
      ),
    );
    expect(steps).toMatchObject({ report: '2026-02-26', 'report-late': '2026-02-28' });
    expect(steps['ack']).toBeUndefined();
  });

  it('counts the cadence from the assignment while nothing was reported', () => {
    const steps = days(
      planTaskSteps(
        policy,
        task({
          status: 'in_progress',
          assignedOn: '2026-10-08',
          reportEveryWorkdays: 1,
          dueDate: '2026-12-31',
        }),
        calendar,
        at('2026-10-08T10:00:00+08:00'),
      ),
    );
    expect(steps['report']).toBe('2026-10-09');
  });

  it.each(['draft', 'submitted', 'done', 'cancelled'] as const)(
    'plans nothing for a %s task',
    (status) => {
      expect(
        planTaskSteps(
          policy,
          task({ status, reportEveryWorkdays: 3 }),
          calendar,
          at('2026-09-01T00:00:00+08:00'),
        ),
      ).toEqual([]);
    },
  );
});

describe('taskStepApplies', () => {
  it.each([
    ['assigned', 'assigned', true],
    ['assigned', 'accepted', false],
    ['due', 'returned', true],
    ['due', 'submitted', false],
    ['last_report', 'in_progress', true],
    ['last_report', 'assigned', false],
    ['respond_by', 'in_progress', false],
  ] as const)('%s step while %s: %s', (anchor, status, applies) => {
    expect(taskStepApplies(anchor, status)).toBe(applies);
  });
});

describe('coordination requests', () => {
  it('are answered within 5 workdays and escalated the workday after', () => {
    const respondBy = requestRespondBy(policy, calendar, '2026-09-30');
    expect(respondBy).toBe('2026-10-13');
    expect(
      days(planRequestSteps(policy, respondBy, calendar, at('2026-09-30T12:00:00+08:00'))),
    ).toEqual({
      'request-1': '2026-10-12',
      'request-late': '2026-10-14',
    });
  });
});

describe('policyProblems', () => {
  it('accepts the default policy', () => {
    expect(policyProblems(policy)).toEqual([]);
  });

  it('names duplicate keys, negative offsets after an event and requests sent to enterprises', () => {
    const bad: EscalationPolicy = {
      requestResponseWorkdays: 3,
      steps: [
        {
          key: 'a',
          anchor: 'due',
          offsetWorkdays: 1,
          audience: ['assignee'],
          level: 'reminder',
          channels: [],
        },
        {
          key: 'a',
          anchor: 'assigned',
          offsetWorkdays: -1,
          audience: ['assignee'],
          level: 'reminder',
          channels: [],
        },
        {
          key: 'b',
          anchor: 'respond_by',
          offsetWorkdays: 0,
          audience: ['assignee'],
          level: 'yellow',
          channels: [],
        },
      ],
    };
    expect(policyProblems(bad)).toEqual([
      { path: 'steps.1.key', problem: 'duplicate' },
      { path: 'steps.1.offsetWorkdays', problem: 'negative_after_event' },
      { path: 'steps.2.audience', problem: 'not_for_requests' },
    ]);
  });
});
