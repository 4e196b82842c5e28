import type { TaskStatus } from '../tasks/task-state-machine';
import { shanghaiInstant, type IsoDate, type WorkdayCalendar } from '../calendar/workday-calendar';

type Labels = { readonly 'zh-CN': string; readonly en: string };

/** 提醒, 黄牌, 红牌: how loud a step is. 黄牌 and 红牌 issue a numbered 督办单 on a task. */
export const ESCALATION_LEVELS = ['reminder', 'yellow', 'red'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export const ESCALATION_LEVEL_LABELS: Readonly<Record<EscalationLevel, Labels>> = {
  reminder: { 'zh-CN': '提醒', en: 'Reminder' },
  yellow: { 'zh-CN': '黄牌督办', en: 'Yellow card' },
  red: { 'zh-CN': '红牌督办', en: 'Red card' },
};

/**
 * What a step counts from: the day a task was assigned (签收 deadline), its due date,
 * its last accepted report (reporting cadence), or a coordination request's response
 * deadline.
 */
export const ESCALATION_ANCHORS = ['assigned', 'due', 'last_report', 'respond_by'] as const;
export type EscalationAnchor = (typeof ESCALATION_ANCHORS)[number];

export const ESCALATION_ANCHOR_LABELS: Readonly<Record<EscalationAnchor, Labels>> = {
  assigned: { 'zh-CN': '交办（签收期限）', en: 'Assignment (acknowledgement)' },
  due: { 'zh-CN': '任务到期日', en: 'Due date' },
  last_report: { 'zh-CN': '报送周期届满', en: 'Report cadence due' },
  respond_by: { 'zh-CN': '诉求答复期限', en: 'Request answer deadline' },
};

/** The anchors as they read inside a sentence: "到期日前 3 个工作日", "after assignment". */
export const ESCALATION_ANCHOR_PHRASES: Readonly<Record<EscalationAnchor, Labels>> = {
  assigned: { 'zh-CN': '交办', en: 'assignment' },
  due: { 'zh-CN': '到期日', en: 'the due date' },
  last_report: { 'zh-CN': '报送周期届满', en: 'the report falling due' },
  respond_by: { 'zh-CN': '诉求答复期限', en: 'the request deadline' },
};

/** Who hears about a step. */
export const ESCALATION_AUDIENCES = [
  'assignee',
  'co_handlers',
  'chain_office',
  'chain_leader',
  'chief_leader',
  'province_office',
] as const;
export type EscalationAudience = (typeof ESCALATION_AUDIENCES)[number];

export const ESCALATION_AUDIENCE_LABELS: Readonly<Record<EscalationAudience, Labels>> = {
  assignee: { 'zh-CN': '主办单位', en: 'Lead organisation' },
  co_handlers: { 'zh-CN': '协办单位', en: 'Co-handlers' },
  chain_office: { 'zh-CN': '链长办', en: 'Chain office' },
  chain_leader: { 'zh-CN': '链长', en: 'Chain leader' },
  chief_leader: { 'zh-CN': '总链长', en: 'Chief chain leader' },
  province_office: { 'zh-CN': '省级专班', en: 'Provincial office' },
};

/**
 * How a step reaches people beyond the in-app inbox (which every step writes): e-mail to
 * each person, the chain's group robots (企业微信, 钉钉, 飞书) and signed webhooks.
 */
export const DELIVERY_CHANNELS = ['email', 'wecom', 'dingtalk', 'feishu', 'webhook'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export const DELIVERY_CHANNEL_LABELS: Readonly<Record<DeliveryChannel, Labels>> = {
  email: { 'zh-CN': '电子邮件', en: 'E-mail' },
  wecom: { 'zh-CN': '企业微信机器人', en: 'WeCom robot' },
  dingtalk: { 'zh-CN': '钉钉机器人', en: 'DingTalk robot' },
  feishu: { 'zh-CN': '飞书机器人', en: 'Feishu robot' },
  webhook: { 'zh-CN': 'Webhook', en: 'Webhook' },
};

export interface EscalationStep {
  /** Stable within a policy: `due-3`, `overdue-1`; part of the event's identity. */
  readonly key: string;
  readonly anchor: EscalationAnchor;
  /** Workdays from the anchor; negative is before it (only for `due` and `respond_by`). */
  readonly offsetWorkdays: number;
  readonly audience: readonly EscalationAudience[];
  readonly level: EscalationLevel;
  readonly channels: readonly DeliveryChannel[];
}

export interface EscalationPolicy {
  /** Workdays an enterprise has to answer a coordination request (诉求). */
  readonly requestResponseWorkdays: number;
  readonly steps: readonly EscalationStep[];
}

/** The keys of the steps of DEFAULT_ESCALATION_POLICY (a chain's own policy may add others). */
export const DEFAULT_ESCALATION_STEP_KEYS = [
  'ack',
  'report',
  'report-late',
  'due-3',
  'due-1',
  'due',
  'overdue-1',
  'overdue-3',
  'overdue-7',
  'request-1',
  'request-late',
] as const;
export type DefaultEscalationStepKey = (typeof DEFAULT_ESCALATION_STEP_KEYS)[number];

/** The steps of the default ladder in plain words; a step of a chain's own has only its key. */
export const ESCALATION_STEP_LABELS: Readonly<Record<DefaultEscalationStepKey, Labels>> = {
  ack: { 'zh-CN': '签收提醒', en: 'Acceptance reminder' },
  report: { 'zh-CN': '进展报送提醒', en: 'Progress report due' },
  'report-late': { 'zh-CN': '进展报送催办', en: 'Progress report overdue' },
  'due-3': { 'zh-CN': '到期前 3 个工作日提醒', en: 'Reminder 3 workdays before the due date' },
  'due-1': { 'zh-CN': '到期前 1 个工作日提醒', en: 'Reminder 1 workday before the due date' },
  due: { 'zh-CN': '到期日提醒', en: 'Reminder on the due date' },
  'overdue-1': { 'zh-CN': '逾期 1 个工作日通报', en: 'Overdue by 1 workday' },
  'overdue-3': { 'zh-CN': '逾期 3 个工作日黄牌督办', en: 'Overdue by 3 workdays: yellow card' },
  'overdue-7': { 'zh-CN': '逾期 7 个工作日红牌督办', en: 'Overdue by 7 workdays: red card' },
  'request-1': {
    'zh-CN': '诉求答复期限前 1 个工作日提醒',
    en: 'Reminder 1 workday before the request deadline',
  },
  'request-late': { 'zh-CN': '诉求超期 1 个工作日未答复', en: 'Request overdue by 1 workday' },
};

/** The time of day every step fires on its workday, Asia/Shanghai: the start of office hours. */
export const STEP_TIME_OF_DAY = '09:00';

/**
 * The ladder of DESIGN.md §4: 签收 within 2 workdays; a report reminder when the cadence
 * is due and a nudge 2 workdays later; remind 3 and 1 workdays before the due date,
 * notify on the day; overdue +1 → assignee and chain office, +3 → chain leader with a
 * 黄牌 督办单, +7 → provincial office with a 红牌. Requests are answered within 5
 * workdays, reminded the day before and escalated to the chain leader when late.
 */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  requestResponseWorkdays: 5,
  steps: [
    step('ack', 'assigned', 2, ['assignee', 'chain_office'], 'reminder', ['email']),
    step('report', 'last_report', 0, ['assignee'], 'reminder', ['email']),
    step('report-late', 'last_report', 2, ['assignee', 'chain_office'], 'reminder', ['email']),
    step('due-3', 'due', -3, ['assignee', 'co_handlers'], 'reminder', ['email']),
    step('due-1', 'due', -1, ['assignee', 'co_handlers'], 'reminder', ['email']),
    step('due', 'due', 0, ['assignee', 'co_handlers'], 'reminder', ['email']),
    step('overdue-1', 'due', 1, ['assignee', 'chain_office'], 'reminder', ['email', 'wecom']),
    step('overdue-3', 'due', 3, ['assignee', 'chain_office', 'chain_leader'], 'yellow', [
      'email',
      'wecom',
      'dingtalk',
      'feishu',
    ]),
    step(
      'overdue-7',
      'due',
      7,
      ['assignee', 'chain_office', 'chain_leader', 'chief_leader', 'province_office'],
      'red',
      ['email', 'wecom', 'dingtalk', 'feishu', 'webhook'],
    ),
    step('request-1', 'respond_by', -1, ['chain_office'], 'reminder', ['email']),
    step('request-late', 'respond_by', 1, ['chain_office', 'chain_leader'], 'yellow', [
      'email',
      'wecom',
    ]),
  ],
};

function step(
  key: DefaultEscalationStepKey,
  anchor: EscalationAnchor,
  offsetWorkdays: number,
  audience: readonly EscalationAudience[],
  level: EscalationLevel,
  channels: readonly DeliveryChannel[],
): EscalationStep {
  return { key, anchor, offsetWorkdays, audience, level, channels };
}

/** The task statuses in which a step of each anchor still means something. */
const TASK_STATUSES_FOR: Readonly<Record<EscalationAnchor, readonly TaskStatus[]>> = {
  // 签收: only while nobody has accepted.
  assigned: ['assigned'],
  // Submitted work waits on the chain office's review, not on the enterprise.
  due: ['assigned', 'accepted', 'in_progress', 'returned'],
  last_report: ['accepted', 'in_progress', 'returned'],
  respond_by: [],
};

/** Whether a task step applies to a task in `status` (rechecked when the step fires). */
export function taskStepApplies(anchor: EscalationAnchor, status: TaskStatus): boolean {
  return TASK_STATUSES_FOR[anchor].includes(status);
}

export interface TaskTimeline {
  readonly status: TaskStatus;
  /** Shanghai day the task was (last) assigned; null for a draft. */
  readonly assignedOn: IsoDate | null;
  readonly dueDate: IsoDate;
  /** Shanghai day of the last accepted progress report. */
  readonly lastReportOn: IsoDate | null;
  readonly reportEveryWorkdays: number | null;
}

export interface PlannedStep {
  readonly key: string;
  readonly anchor: EscalationAnchor;
  readonly offsetWorkdays: number;
  readonly level: EscalationLevel;
  readonly audience: readonly EscalationAudience[];
  readonly channels: readonly DeliveryChannel[];
  /** The workday it fires on, and the instant (09:00 Shanghai that day). */
  readonly fireOn: IsoDate;
  readonly fireAt: Date;
}

/**
 * What a scheduled step carries to the moment it fires: the step as planned, without the
 * key and instant its event row holds. Written by the escalation service and the demo seed.
 */
export interface StepPayload {
  readonly anchor: EscalationAnchor;
  readonly level: EscalationLevel;
  readonly audience: readonly EscalationAudience[];
  readonly channels: readonly DeliveryChannel[];
  readonly offsetWorkdays: number;
  readonly fireOn: IsoDate;
}

export function stepPayload(step: PlannedStep): StepPayload {
  return {
    anchor: step.anchor,
    level: step.level,
    audience: step.audience,
    channels: step.channels,
    offsetWorkdays: step.offsetWorkdays,
    fireOn: step.fireOn,
  };
}

/**
 * A deadline that falls on a holiday or weekend means "before the break": the last
 * workday on or before it is the day the steps count from.
 */
export function deadlineWorkday(calendar: WorkdayCalendar, date: IsoDate): IsoDate {
  return calendar.isWorkday(date) ? date : calendar.addWorkdays(date, -1);
}

/**
 * Every step of `policy` still ahead of `now` for a task as it stands: the rows the
 * scheduler writes. Steps already past are not planned again (they fired, or the task
 * was not in a state they applied to); a step for an anchor the task lacks is skipped.
 */
export function planTaskSteps(
  policy: EscalationPolicy,
  task: TaskTimeline,
  calendar: WorkdayCalendar,
  now: Date,
): PlannedStep[] {
  const planned: PlannedStep[] = [];
  for (const s of policy.steps) {
    if (!taskStepApplies(s.anchor, task.status)) continue;
    let fireOn: IsoDate | null = null;
    if (s.anchor === 'due') {
      fireOn = calendar.addWorkdays(deadlineWorkday(calendar, task.dueDate), s.offsetWorkdays);
    } else if (s.anchor === 'assigned' && task.assignedOn) {
      fireOn = calendar.addWorkdays(task.assignedOn, Math.max(0, s.offsetWorkdays));
    } else if (s.anchor === 'last_report' && task.reportEveryWorkdays) {
      const from = task.lastReportOn ?? task.assignedOn;
      if (from) {
        fireOn = calendar.addWorkdays(
          from,
          task.reportEveryWorkdays + Math.max(0, s.offsetWorkdays),
        );
      }
    }
    if (fireOn) push(planned, s, fireOn, now);
  }
  return sortPlanned(planned);
}

/** The day a coordination request raised on `raisedOn` must be answered by. */
export function requestRespondBy(
  policy: EscalationPolicy,
  calendar: WorkdayCalendar,
  raisedOn: IsoDate,
): IsoDate {
  return calendar.addWorkdays(raisedOn, policy.requestResponseWorkdays);
}

/** The `respond_by` steps of a coordination request still ahead of `now`. */
export function planRequestSteps(
  policy: EscalationPolicy,
  respondBy: IsoDate,
  calendar: WorkdayCalendar,
  now: Date,
): PlannedStep[] {
  const planned: PlannedStep[] = [];
  for (const s of policy.steps) {
    if (s.anchor !== 'respond_by') continue;
    push(
      planned,
      s,
      calendar.addWorkdays(deadlineWorkday(calendar, respondBy), s.offsetWorkdays),
      now,
    );
  }
  return sortPlanned(planned);
}

function push(planned: PlannedStep[], s: EscalationStep, fireOn: IsoDate, now: Date): void {
  const fireAt = shanghaiInstant(fireOn, STEP_TIME_OF_DAY);
  if (fireAt.getTime() <= now.getTime()) return;
  planned.push({
    key: s.key,
    anchor: s.anchor,
    offsetWorkdays: s.offsetWorkdays,
    level: s.level,
    audience: s.audience,
    channels: s.channels,
    fireOn,
    fireAt,
  });
}

function sortPlanned(planned: PlannedStep[]): PlannedStep[] {
  return planned.sort(
    (a, b) => a.fireAt.getTime() - b.fireAt.getTime() || a.key.localeCompare(b.key),
  );
}

/**
 * What can be wrong with a policy beyond its shape: a step key used twice, a negative
 * offset after an event (签收, 报送), a request step addressed to enterprises.
 */
export const POLICY_PROBLEMS = ['duplicate', 'negative_after_event', 'not_for_requests'] as const;
export type PolicyProblem = (typeof POLICY_PROBLEMS)[number];

/** The problems in words: the api's field errors and the policy editor's own checks. */
export const POLICY_PROBLEM_MESSAGES: Readonly<Record<PolicyProblem, Labels>> = {
  duplicate: { 'zh-CN': '步骤标识重复', en: 'This step key is used twice' },
  negative_after_event: {
    'zh-CN': '签收和报送节点只能在事件之后（偏移不能为负）',
    en: 'Steps after assignment or a report cannot have a negative offset',
  },
  not_for_requests: {
    'zh-CN': '诉求的催办对象只能是链长办、链长或省级专班',
    en: 'Request steps go to the chain side or the province, not to enterprises',
  },
};

/** Problems with a policy an admin wrote, as `path: problem` pairs (empty when sound). */
export function policyProblems(
  policy: EscalationPolicy,
): { path: string; problem: PolicyProblem }[] {
  const problems: { path: string; problem: PolicyProblem }[] = [];
  const keys = new Set<string>();
  policy.steps.forEach((s, i) => {
    if (keys.has(s.key)) problems.push({ path: `steps.${i}.key`, problem: 'duplicate' });
    keys.add(s.key);
    if (s.offsetWorkdays < 0 && s.anchor !== 'due' && s.anchor !== 'respond_by') {
      problems.push({ path: `steps.${i}.offsetWorkdays`, problem: 'negative_after_event' });
    }
    if (
      s.anchor === 'respond_by' &&
      s.audience.some((a) => a === 'assignee' || a === 'co_handlers')
    ) {
      problems.push({ path: `steps.${i}.audience`, problem: 'not_for_requests' });
    }
  });
  return problems;
}
