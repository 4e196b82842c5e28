import {
  addDays,
  shanghaiInstant,
  type IsoDate,
  type WorkdayCalendar,
} from '../calendar/workday-calendar';
import { paceOf, projectPace, type PaceColour } from '../chains/work-items';
import type { ChainColour } from '../cockpit/chain-status';

type Labels = { readonly 'zh-CN': string; readonly en: string };

/**
 * The parts of a chain's health score (DESIGN.md §3, chain): how much open work is
 * overdue, how short boards and projects keep their pace, whether reports come in, and
 * how many 督办单 are open.
 */
export const HEALTH_COMPONENTS = [
  'overdue',
  'short_board_pace',
  'project_pace',
  'report_freshness',
  'escalations',
] as const;
export type HealthComponentKey = (typeof HEALTH_COMPONENTS)[number];

/** Nominal weights; the weights of the components that apply are rescaled to sum to 1. */
export const HEALTH_WEIGHTS: Readonly<Record<HealthComponentKey, number>> = {
  overdue: 0.3,
  short_board_pace: 0.2,
  project_pace: 0.15,
  report_freshness: 0.15,
  escalations: 0.2,
};

/** A score of at least this is green (on track). */
export const HEALTH_GREEN_FROM = 80;
/** A score of at least this and below green is yellow (needs attention); below it red. */
export const HEALTH_YELLOW_FROM = 60;

/**
 * Points lost per percentage point of open tasks overdue: 20 % overdue, the share at which
 * the cockpit turns a chain red, brings the component to the red line of 60.
 */
export const OVERDUE_POINTS_PER_PERCENT = 2;
/** Points a short board or project scores by its pace colour (DESIGN.md thresholds). */
export const PACE_POINTS: Readonly<Record<PaceColour, number>> = { green: 100, amber: 50, red: 0 };
/**
 * Points each open task under a 督办单 takes off the escalation component, by its highest
 * card: one 红牌 reaches the red line.
 */
export const NOTICE_POINTS = { yellow: 15, red: 40 } as const;
/**
 * Calendar days a progress report stays fresh: work without a reporting cadence should
 * report at least this often, and an open chokepoint silent for longer is on the risk
 * list (chokepoint_stale). One figure for both. A report the office returned does not
 * count (the api leaves returned reports out).
 */
export const REPORT_WINDOW_DAYS = 30;

export const HEALTH_COMPONENT_LABELS: Readonly<Record<HealthComponentKey, Labels>> = {
  overdue: { 'zh-CN': '任务逾期', en: 'Overdue tasks' },
  short_board_pace: { 'zh-CN': '短板攻关进度', en: 'Short-board pace' },
  project_pace: { 'zh-CN': '项目建设进度', en: 'Project pace' },
  report_freshness: { 'zh-CN': '进展报送及时性', en: 'Report freshness' },
  escalations: { 'zh-CN': '未办结督办单', en: 'Open escalations' },
};

/** Why a component is left out of a chain's score. */
export const HEALTH_OMISSIONS = [
  'no_open_tasks',
  'no_short_boards',
  'short_boards_not_started',
  'no_projects',
  'projects_not_started',
  'nothing_to_report',
] as const;
export type HealthOmission = (typeof HEALTH_OMISSIONS)[number];

export const HEALTH_OMISSION_LABELS: Readonly<Record<HealthOmission, Labels>> = {
  no_open_tasks: { 'zh-CN': '没有在办任务', en: 'No open tasks' },
  no_short_boards: { 'zh-CN': '没有推进中的短板', en: 'No short board under way' },
  short_boards_not_started: {
    'zh-CN': '短板均未到计划开始日期',
    en: 'No short board has reached its start date',
  },
  no_projects: { 'zh-CN': '没有在建项目', en: 'No project under way' },
  projects_not_started: {
    'zh-CN': '项目均未到计划开工日期',
    en: 'No project has reached its start date',
  },
  nothing_to_report: {
    'zh-CN': '暂无应报送进展的事项',
    en: 'Nothing is due to report progress yet',
  },
};

/** Said when no component applies, so the chain has no score. */
export const HEALTH_NO_SCORE: Labels = {
  'zh-CN': '暂无可评价的工作：没有在办任务，也没有已开始推进的短板或项目',
  en: 'Nothing to judge yet: no open tasks, and no short board or project under way',
};

/** Said of a group of chains (e.g. 新一代信息技术): its chains are scored, not the group. */
export const HEALTH_GROUP_CHAIN: Labels = {
  'zh-CN': '产业链大类不单独评分，请查看其下各条产业链的健康度',
  en: 'A group of chains is not scored itself: see the health of each of its chains',
};

/** A short board's planned period and progress (0–100). */
export interface HealthWorkItem {
  readonly progress: number;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
}

/** A project's planned period and investment (万元); progress is the share invested. */
export interface HealthProject {
  readonly plannedInvestment: number;
  readonly completedInvestment: number;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
}

/** What the api counts for one chain; judged here. */
export interface ChainHealthInput {
  /** The instant judged at (the database clock). */
  readonly now: Date;
  /** Tasks assigned and neither done nor cancelled. */
  readonly openTasks: number;
  /** Open tasks whose due date is before today (Asia/Shanghai). */
  readonly overdueTasks: number;
  /** Short boards neither resolved nor shelved. */
  readonly shortBoards: readonly HealthWorkItem[];
  /** Projects not yet in production. */
  readonly projects: readonly HealthProject[];
  /** Open work expected to have reported by now, and how much of it has (see reportFreshness). */
  readonly reports: { readonly expected: number; readonly fresh: number };
  /**
   * Open tasks under a 黄牌 / 红牌 督办单, each at its highest card: the ladder gives one
   * late task a 黄牌 and then a 红牌, and that task counts once, as a 红牌.
   */
  readonly yellowNotices: number;
  readonly redNotices: number;
}

export interface HealthComponent {
  readonly key: HealthComponentKey;
  /** Nominal weight (HEALTH_WEIGHTS). */
  readonly weight: number;
  /** The weight it carries in this chain's score, after leaving out what does not apply. */
  readonly appliedWeight: number;
  /** The figure judged: a share 0–1 (overdue, on pace, fresh) or a count (open notices). */
  readonly value: number;
  /** 0–100, one decimal. */
  readonly score: number;
  /** What was counted, in words. */
  readonly explanation: Labels;
}

export interface OmittedHealthComponent {
  readonly key: HealthComponentKey;
  readonly reason: HealthOmission;
}

export interface ChainHealth {
  /** 0–100, one decimal: Σ appliedWeight × score; null when no component applies. */
  readonly score: number | null;
  readonly grade: ChainColour | null;
  readonly components: readonly HealthComponent[];
  readonly omitted: readonly OmittedHealthComponent[];
  /** Why there is no score; null when there is one. */
  readonly reason: Labels | null;
}

/** The grade of a score: green ≥ 80, yellow ≥ 60, red below. */
export function healthGrade(score: number | null): ChainColour | null {
  if (score === null) return null;
  return score >= HEALTH_GREEN_FROM ? 'green' : score >= HEALTH_YELLOW_FROM ? 'yellow' : 'red';
}

type Draft = Omit<HealthComponent, 'weight' | 'appliedWeight'>;

/**
 * A chain's health score and its breakdown (DESIGN.md §3). Each component applies only
 * when there is something to judge: no open tasks leaves out overdue and escalations,
 * no short board or project under way (or none past its start date) leaves out its pace,
 * nothing due to report leaves out freshness. The weights of those that apply are
 * rescaled to sum to 1; when none applies the score is null, with the reason.
 */
export function chainHealth(input: ChainHealthInput): ChainHealth {
  const drafts: Draft[] = [];
  const omitted: OmittedHealthComponent[] = [];
  const add = (key: HealthComponentKey, draft: Omit<Draft, 'key'> | HealthOmission) => {
    if (typeof draft === 'string') omitted.push({ key, reason: draft });
    else drafts.push({ key, ...draft });
  };

  add('overdue', input.openTasks > 0 ? overdue(input) : 'no_open_tasks');
  add(
    'short_board_pace',
    paceComponent(
      input.shortBoards.map((b) =>
        paceOf(b.progress, shanghaiInstant(b.startDate), shanghaiInstant(b.endDate), input.now),
      ),
      'short_boards',
    ),
  );
  add(
    'project_pace',
    paceComponent(
      input.projects.map((p) =>
        projectPace(
          p.plannedInvestment,
          p.completedInvestment,
          shanghaiInstant(p.startDate),
          shanghaiInstant(p.endDate),
          input.now,
        ),
      ),
      'projects',
    ),
  );
  add(
    'report_freshness',
    input.reports.expected > 0 ? freshness(input.reports) : 'nothing_to_report',
  );
  add('escalations', input.openTasks > 0 ? escalations(input) : 'no_open_tasks');

  const total = drafts.reduce((sum, d) => sum + HEALTH_WEIGHTS[d.key], 0);
  const components = drafts.map(
    (d): HealthComponent => ({
      key: d.key,
      weight: HEALTH_WEIGHTS[d.key],
      appliedWeight: round(HEALTH_WEIGHTS[d.key] / total, 4),
      value: d.value,
      score: d.score,
      explanation: d.explanation,
    }),
  );
  if (components.length === 0) {
    return { score: null, grade: null, components, omitted, reason: HEALTH_NO_SCORE };
  }
  const score = round(
    drafts.reduce((sum, d) => sum + (HEALTH_WEIGHTS[d.key] / total) * d.score, 0),
    1,
  );
  return { score, grade: healthGrade(score), components, omitted, reason: null };
}

function overdue(input: ChainHealthInput): Omit<Draft, 'key'> {
  const overdueTasks = Math.min(input.overdueTasks, input.openTasks);
  const share = overdueTasks / input.openTasks;
  return {
    value: round(share, 4),
    score: clampScore(100 - OVERDUE_POINTS_PER_PERCENT * share * 100),
    explanation: {
      'zh-CN': `在办任务 ${input.openTasks} 项，逾期 ${overdueTasks} 项（${percent(share)}）`,
      en: `${overdueTasks} of ${input.openTasks} open tasks overdue (${percent(share)})`,
    },
  };
}

function paceComponent(
  paces: readonly { colour: PaceColour; ratio: number | null }[],
  what: 'short_boards' | 'projects',
): Omit<Draft, 'key'> | HealthOmission {
  if (paces.length === 0) return what === 'short_boards' ? 'no_short_boards' : 'no_projects';
  // A period not yet started says nothing about pace (paceOf gives no ratio before it).
  const started = paces.filter((p) => p.ratio !== null);
  if (started.length === 0)
    return what === 'short_boards' ? 'short_boards_not_started' : 'projects_not_started';
  const count = (colour: PaceColour) => started.filter((p) => p.colour === colour).length;
  const [green, amber, red] = [count('green'), count('amber'), count('red')];
  const points = green * PACE_POINTS.green + amber * PACE_POINTS.amber + red * PACE_POINTS.red;
  const noun =
    what === 'short_boards'
      ? { zh: '项短板', en: started.length === 1 ? 'short board' : 'short boards' }
      : { zh: '个项目', en: started.length === 1 ? 'project' : 'projects' };
  return {
    value: round(green / started.length, 4),
    score: clampScore(points / started.length),
    explanation: {
      'zh-CN': `推进中 ${started.length} ${noun.zh}：进度正常 ${green}，偏慢 ${amber}，严重滞后 ${red}`,
      en: `${started.length} ${noun.en} under way: ${green} on pace, ${amber} behind, ${red} far behind`,
    },
  };
}

function freshness(reports: ChainHealthInput['reports']): Omit<Draft, 'key'> {
  const fresh = Math.min(reports.fresh, reports.expected);
  const share = fresh / reports.expected;
  return {
    value: round(share, 4),
    score: clampScore(share * 100),
    explanation: {
      'zh-CN': `应报进展 ${reports.expected} 项，按期报送 ${fresh} 项（${percent(share)}）`,
      en: `${fresh} of ${reports.expected} items due to report have reported in time (${percent(share)})`,
    },
  };
}

function escalations(input: ChainHealthInput): Omit<Draft, 'key'> {
  const { yellowNotices: yellow, redNotices: red } = input;
  return {
    value: yellow + red,
    score: clampScore(100 - NOTICE_POINTS.yellow * yellow - NOTICE_POINTS.red * red),
    explanation:
      yellow + red === 0
        ? { 'zh-CN': '没有未办结的督办单', en: 'No open supervision notices' }
        : {
            'zh-CN': `在办任务被督办：黄牌 ${yellow} 项、红牌 ${red} 项（按最高等级计）`,
            en: `Open tasks under supervision notices: ${yellow} at a yellow card, ${red} at a red card (highest card)`,
          },
  };
}

/** Open work that should report: a task from its assignment, a short board or project from its start. */
export interface ReportingItem {
  /** The day reporting starts to count from. */
  readonly since: IsoDate;
  /** Shanghai day of the latest progress report, if any. */
  readonly lastReportOn: IsoDate | null;
  /** The task's reporting cadence in workdays; null: at least every REPORT_WINDOW_DAYS days. */
  readonly everyWorkdays: number | null;
}

/** The last day the next report is on time: the cadence in workdays, else 30 calendar days. */
export function nextReportDue(item: ReportingItem, calendar: WorkdayCalendar): IsoDate {
  const from = item.lastReportOn && item.lastReportOn > item.since ? item.lastReportOn : item.since;
  return item.everyWorkdays
    ? calendar.addWorkdays(from, item.everyWorkdays)
    : addDays(from, REPORT_WINDOW_DAYS);
}

/**
 * How many items are expected to have a fresh report today and how many have one.
 * An item whose reporting starts after today is not expected yet.
 */
export function reportFreshness(
  items: readonly ReportingItem[],
  today: IsoDate,
  calendar: WorkdayCalendar,
): { expected: number; fresh: number } {
  let expected = 0;
  let fresh = 0;
  for (const item of items) {
    if (item.since > today) continue;
    expected++;
    if (nextReportDue(item, calendar) >= today) fresh++;
  }
  return { expected, fresh };
}

function clampScore(value: number): number {
  return round(Math.min(100, Math.max(0, value)), 1);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** 0.125 → "12.5%". */
function percent(share: number): string {
  return `${round(share * 100, 1)}%`;
}
