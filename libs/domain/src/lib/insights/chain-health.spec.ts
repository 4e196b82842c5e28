import { WorkdayCalendar, type OfficialCalendar } from '../calendar/workday-calendar';
import {
  chainHealth,
  HEALTH_COMPONENT_LABELS,
  HEALTH_COMPONENTS,
  HEALTH_NO_SCORE,
  HEALTH_OMISSION_LABELS,
  HEALTH_WEIGHTS,
  healthGrade,
  nextReportDue,
  reportFreshness,
  type ChainHealthInput,
  type HealthComponentKey,
} from './chain-health';

/** Noon of 2026-07-01 in Shanghai: half of 2026 has gone. */
const NOW = new Date('2026-07-01T12:00:00+08:00');

const EMPTY: ChainHealthInput = {
  now: NOW,
  openTasks: 0,
  overdueTasks: 0,
  shortBoards: [],
  projects: [],
  reports: { expected: 0, fresh: 0 },
  yellowNotices: 0,
  redNotices: 0,
};

const YEAR = { startDate: '2026-01-01', endDate: '2026-12-31' };
const NEXT_YEAR = { startDate: '2027-01-01', endDate: '2027-12-31' };

type Row = [
  label: string,
  input: Partial<ChainHealthInput>,
  score: number | null,
  grade: string | null,
  components: Partial<Record<HealthComponentKey, number>>,
  omitted: string[],
];

describe('chainHealth', () => {
  it.each<Row>([
    [
      'no tasks, nothing under way: no score',
      {},
      null,
      null,
      {},
      [
        'overdue:no_open_tasks',
        'short_board_pace:no_short_boards',
        'project_pace:no_projects',
        'report_freshness:nothing_to_report',
        'escalations:no_open_tasks',
      ],
    ],
    [
      // Work still under way but all of it done: boards at 100 % before their end, every
      // project fully invested, every report in time, no open task left.
      'all done: every board finished early, every project invested, reports fresh',
      {
        openTasks: 0,
        overdueTasks: 0,
        shortBoards: [
          { progress: 100, ...YEAR },
          { progress: 100, startDate: '2025-07-01', endDate: '2026-09-30' },
        ],
        projects: [
          { plannedInvestment: 5000, completedInvestment: 5000, ...YEAR },
          { plannedInvestment: 800, completedInvestment: 800, ...YEAR },
        ],
        reports: { expected: 4, fresh: 4 },
      },
      100,
      'green',
      { short_board_pace: 100, project_pace: 100, report_freshness: 100 },
      ['overdue:no_open_tasks', 'escalations:no_open_tasks'],
    ],
    [
      'everything in the future: tasks not yet due, periods not started',
      {
        openTasks: 4,
        overdueTasks: 0,
        shortBoards: [{ progress: 0, ...NEXT_YEAR }],
        projects: [{ plannedInvestment: 100, completedInvestment: 0, ...NEXT_YEAR }],
      },
      100,
      'green',
      { overdue: 100, escalations: 100 },
      [
        'short_board_pace:short_boards_not_started',
        'project_pace:projects_not_started',
        'report_freshness:nothing_to_report',
      ],
    ],
    [
      'all overdue, with a red card: red',
      { openTasks: 5, overdueTasks: 5, redNotices: 1, reports: { expected: 5, fresh: 0 } },
      // overdue 0 × 0.3/0.65, freshness 0 × 0.15/0.65, escalations 60 × 0.2/0.65
      18.5,
      'red',
      { overdue: 0, report_freshness: 0, escalations: 60 },
      ['short_board_pace:no_short_boards', 'project_pace:no_projects'],
    ],
    [
      'mixed: every component applies',
      {
        openTasks: 24,
        overdueTasks: 3,
        // mid-year: 50 % on pace, 40 % behind (0.8), 20 % far behind (0.4)
        shortBoards: [
          { progress: 50, ...YEAR },
          { progress: 40, ...YEAR },
          { progress: 20, ...YEAR },
        ],
        projects: [{ plannedInvestment: 1000, completedInvestment: 600, ...YEAR }],
        reports: { expected: 10, fresh: 8 },
        yellowNotices: 2,
        redNotices: 0,
      },
      // 75×0.3 + 50×0.2 + 100×0.15 + 80×0.15 + 70×0.2 = 22.5 + 10 + 15 + 12 + 14
      73.5,
      'yellow',
      {
        overdue: 75,
        short_board_pace: 50,
        project_pace: 100,
        report_freshness: 80,
        escalations: 70,
      },
      [],
    ],
    [
      'only short boards under way: their pace is the whole score',
      { shortBoards: [{ progress: 60, ...YEAR }] },
      100,
      'green',
      { short_board_pace: 100 },
      [
        'overdue:no_open_tasks',
        'project_pace:no_projects',
        'report_freshness:nothing_to_report',
        'escalations:no_open_tasks',
      ],
    ],
    [
      'past the end and unfinished: far behind',
      {
        projects: [
          {
            plannedInvestment: 100,
            completedInvestment: 90,
            startDate: '2025-01-01',
            endDate: '2025-12-31',
          },
        ],
      },
      0,
      'red',
      { project_pace: 0 },
      [
        'overdue:no_open_tasks',
        'short_board_pace:no_short_boards',
        'report_freshness:nothing_to_report',
        'escalations:no_open_tasks',
      ],
    ],
    [
      'a fifth of open tasks overdue reaches the red line of its component',
      { openTasks: 10, overdueTasks: 2 },
      // overdue 60 × 0.6, escalations 100 × 0.4
      76,
      'yellow',
      { overdue: 60, escalations: 100 },
      [
        'short_board_pace:no_short_boards',
        'project_pace:no_projects',
        'report_freshness:nothing_to_report',
      ],
    ],
    [
      'many notices floor the component at 0',
      { openTasks: 3, overdueTasks: 3, redNotices: 2, yellowNotices: 3 },
      0,
      'red',
      { overdue: 0, escalations: 0 },
      [
        'short_board_pace:no_short_boards',
        'project_pace:no_projects',
        'report_freshness:nothing_to_report',
      ],
    ],
  ])('%s', (_label, input, score, grade, components, omitted) => {
    const health = chainHealth({ ...EMPTY, ...input });
    expect(health.score).toBe(score);
    expect(health.grade).toBe(grade);
    expect(Object.fromEntries(health.components.map((c) => [c.key, c.score]))).toEqual(components);
    expect(health.omitted.map((o) => `${o.key}:${o.reason}`)).toEqual(omitted);
    expect(health.reason).toEqual(score === null ? HEALTH_NO_SCORE : null);
    if (health.components.length > 0) {
      const weights = health.components.reduce((sum, c) => sum + c.appliedWeight, 0);
      expect(weights).toBeCloseTo(1, 3);
      // The score is what the breakdown says: Σ applied weight × component score.
      const sum = health.components.reduce((s, c) => s + c.appliedWeight * c.score, 0);
      expect(Math.abs(sum - (health.score ?? 0))).toBeLessThan(0.1);
    }
  });

  it('explains each component with the figures counted, in both languages', () => {
    const health = chainHealth({
      ...EMPTY,
      openTasks: 24,
      overdueTasks: 3,
      shortBoards: [{ progress: 50, ...YEAR }],
      reports: { expected: 4, fresh: 3 },
      yellowNotices: 1,
      redNotices: 1,
    });
    const text = (key: HealthComponentKey) =>
      health.components.find((c) => c.key === key)?.explanation;
    expect(text('overdue')).toEqual({
      'zh-CN': '在办任务 24 项，逾期 3 项（12.5%）',
      en: '3 of 24 open tasks overdue (12.5%)',
    });
    expect(text('short_board_pace')?.en).toBe(
      '1 short board under way: 1 on pace, 0 behind, 0 far behind',
    );
    expect(text('report_freshness')?.['zh-CN']).toBe('应报进展 4 项，按期报送 3 项（75%）');
    expect(text('escalations')?.en).toBe(
      'Open tasks under supervision notices: 1 at a yellow card, 1 at a red card (highest card)',
    );
    expect(health.components.find((c) => c.key === 'overdue')?.value).toBe(0.125);
  });

  it('never counts more overdue or fresh than there is', () => {
    const health = chainHealth({
      ...EMPTY,
      openTasks: 2,
      overdueTasks: 5,
      reports: { expected: 2, fresh: 9 },
    });
    expect(health.components.find((c) => c.key === 'overdue')?.value).toBe(1);
    expect(health.components.find((c) => c.key === 'report_freshness')?.score).toBe(100);
  });

  it('has weights summing to 1 and a label for every component and omission', () => {
    expect(HEALTH_COMPONENTS.reduce((sum, key) => sum + HEALTH_WEIGHTS[key], 0)).toBeCloseTo(1, 9);
    for (const map of [HEALTH_COMPONENT_LABELS, HEALTH_OMISSION_LABELS]) {
      for (const labels of Object.values(map)) {
        expect(labels['zh-CN'].trim()).not.toBe('');
        expect(labels.en).toMatch(/^[\x20-\x7e]+$/);
      }
    }
  });

  it.each([
    [100, 'green'],
    [80, 'green'],
    [79.9, 'yellow'],
    [60, 'yellow'],
    [59.9, 'red'],
    [0, 'red'],
    [null, null],
  ])('grades %p as %p', (score, grade) => expect(healthGrade(score)).toBe(grade));
});

describe('report freshness', () => {
  // No official data for these years: weekdays are workdays, weekends are not.
  const calendar = new WorkdayCalendar({ holidays: {}, workdays: {} } as OfficialCalendar);
  // Wednesday 2026-07-01.
  const TODAY = '2026-07-01';

  it.each([
    [
      'no cadence, reported 10 days ago',
      { since: '2026-01-01', lastReportOn: '2026-06-21', everyWorkdays: null },
      '2026-07-21',
      true,
    ],
    [
      'no cadence, reported 31 days ago',
      { since: '2026-01-01', lastReportOn: '2026-05-31', everyWorkdays: null },
      '2026-06-30',
      false,
    ],
    [
      'no cadence, never reported, started 30 days ago',
      { since: '2026-06-01', lastReportOn: null, everyWorkdays: null },
      '2026-07-01',
      true,
    ],
    [
      'cadence 5 workdays, reported last Wednesday',
      { since: '2026-06-01', lastReportOn: '2026-06-24', everyWorkdays: 5 },
      '2026-07-01',
      true,
    ],
    [
      'cadence 5 workdays, reported last Tuesday',
      { since: '2026-06-01', lastReportOn: '2026-06-23', everyWorkdays: 5 },
      '2026-06-30',
      false,
    ],
    [
      'cadence, never reported, assigned Friday',
      { since: '2026-06-26', lastReportOn: null, everyWorkdays: 3 },
      '2026-07-01',
      true,
    ],
    [
      'a report older than the start counts from the start',
      { since: '2026-06-20', lastReportOn: '2026-01-01', everyWorkdays: null },
      '2026-07-20',
      true,
    ],
  ] as const)('%s: due by %s', (_label, item, due, fresh) => {
    expect(nextReportDue(item, calendar)).toBe(due);
    expect(reportFreshness([item], TODAY, calendar)).toEqual({ expected: 1, fresh: fresh ? 1 : 0 });
  });

  it('does not expect a report of work that starts in the future', () => {
    expect(
      reportFreshness(
        [
          { since: '2026-08-01', lastReportOn: null, everyWorkdays: null },
          { since: '2026-07-01', lastReportOn: null, everyWorkdays: 5 },
        ],
        TODAY,
        calendar,
      ),
    ).toEqual({ expected: 1, fresh: 1 });
    expect(reportFreshness([], TODAY, calendar)).toEqual({ expected: 0, fresh: 0 });
  });
});
