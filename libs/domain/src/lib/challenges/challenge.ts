import { hasPermission, type Role } from '../access/roles';
import { addDays, type IsoDate, type WorkdayCalendar } from '../calendar/workday-calendar';
import type { ShortBoardStatus } from '../chains/work-items';

type Labels = { readonly 'zh-CN': string; readonly en: string };

/**
 * 揭榜挂帅 (open challenges): a chain office publishes a short board as a challenge with
 * requirements, a budget and an application deadline; enterprises and institutes apply
 * with a proposal; the office shortlists and selects (定榜), which creates the tasks that
 * follow. Who may take each step is part of the machine: the api enforces it and returns
 * the allowed actions, the web app shows exactly those.
 *
 *   draft ─publish→ published ─close→ closed ─(select an application)→ selected
 *     └──────────────┴───────────────┴─cancel→ cancelled
 *   published becomes closed by itself once its deadline (Asia/Shanghai) has passed:
 *   derived, never stored by hand.
 */
export const CHALLENGE_STATUSES = [
  'draft',
  'published',
  'closed',
  'selected',
  'cancelled',
] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

export const CHALLENGE_ACTIONS = ['edit', 'publish', 'close', 'cancel', 'apply'] as const;
export type ChallengeAction = (typeof CHALLENGE_ACTIONS)[number];

/**
 * An application (揭榜申报) of one organisation:
 *   submitted ─shortlist→ shortlisted ─select→ selected; the other live ones → not_selected
 *   submitted | shortlisted ─withdraw→ withdrawn (by the applicant, before 定榜)
 */
export const APPLICATION_STATUSES = [
  'submitted',
  'shortlisted',
  'selected',
  'not_selected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_ACTIONS = ['edit', 'withdraw', 'shortlist', 'select'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/**
 * How the acting user stands to a challenge or an application: the chain side that runs
 * it (manages its chain), an applicant (to a challenge: anyone who may apply; to an
 * application: its own organisation), or someone who may only look.
 */
export const CHALLENGE_PARTIES = ['manager', 'applicant', 'observer'] as const;
export type ChallengeParty = (typeof CHALLENGE_PARTIES)[number];

interface ChallengeTransition {
  readonly from: readonly ChallengeStatus[];
  /** null: the step leaves the status as it is. */
  readonly to: ChallengeStatus | null;
  readonly by: ChallengeParty;
  readonly reasonRequired: boolean;
}

export const CHALLENGE_TRANSITIONS: Readonly<Record<ChallengeAction, ChallengeTransition>> = {
  edit: { from: ['draft', 'published', 'closed'], to: null, by: 'manager', reasonRequired: false },
  publish: { from: ['draft'], to: 'published', by: 'manager', reasonRequired: false },
  close: { from: ['published'], to: 'closed', by: 'manager', reasonRequired: false },
  cancel: {
    from: ['draft', 'published', 'closed'],
    to: 'cancelled',
    by: 'manager',
    reasonRequired: true,
  },
  apply: { from: ['published'], to: null, by: 'applicant', reasonRequired: false },
};

interface ApplicationTransition {
  readonly from: readonly ApplicationStatus[];
  readonly to: ApplicationStatus;
  readonly by: ChallengeParty;
  /** The (effective) challenge statuses in which the step is possible. */
  readonly challengeIn: readonly ChallengeStatus[];
}

export const APPLICATION_TRANSITIONS: Readonly<Record<ApplicationAction, ApplicationTransition>> = {
  edit: { from: ['submitted'], to: 'submitted', by: 'applicant', challengeIn: ['published'] },
  withdraw: {
    from: ['submitted', 'shortlisted'],
    to: 'withdrawn',
    by: 'applicant',
    challengeIn: ['published', 'closed'],
  },
  shortlist: {
    from: ['submitted'],
    to: 'shortlisted',
    by: 'manager',
    challengeIn: ['published', 'closed'],
  },
  select: { from: ['shortlisted'], to: 'selected', by: 'manager', challengeIn: ['closed'] },
};

/** The status a challenge shows: published turns closed once the deadline day is over. */
export function effectiveChallengeStatus(
  stored: ChallengeStatus,
  deadline: IsoDate,
  today: IsoDate,
): ChallengeStatus {
  return stored === 'published' && today > deadline ? 'closed' : stored;
}

/** Applications still in the running: one per organisation and challenge at a time. */
export function isApplicationLive(status: ApplicationStatus): boolean {
  return status === 'submitted' || status === 'shortlisted';
}

/** Challenges everyone signed in may read (an open call); drafts and cancelled ones are the chain's. */
export function isChallengePublic(status: ChallengeStatus): boolean {
  return status === 'published' || status === 'closed' || status === 'selected';
}

export interface ChallengeScopeFacts {
  /** The challenge's chain is one the user leads, staffs or coordinates (or the province). */
  readonly chainManaged: boolean;
}

export interface ApplicationScopeFacts extends ChallengeScopeFacts {
  /** The application is the user's own organisation's. */
  readonly ownOrganisation: boolean;
}

/** The party a user of `role` is to a challenge, from facts the server reads from the database. */
export function challengePartyOf(role: Role, facts: ChallengeScopeFacts): ChallengeParty {
  if (hasPermission(role, 'challenge:manage') && facts.chainManaged) return 'manager';
  if (hasPermission(role, 'challenge:apply')) return 'applicant';
  return 'observer';
}

/** The party a user of `role` is to one application. */
export function applicationPartyOf(role: Role, facts: ApplicationScopeFacts): ChallengeParty {
  if (hasPermission(role, 'challenge:manage') && facts.chainManaged) return 'manager';
  if (hasPermission(role, 'challenge:apply') && facts.ownOrganisation) return 'applicant';
  return 'observer';
}

export type ChallengeRefusal =
  | 'not_your_step'
  | 'not_in_this_status'
  | 'challenge_not_open'
  | 'reason_required';

export type ChallengeStepResult<S> =
  | { readonly ok: true; readonly to: S }
  | { readonly ok: false; readonly refusal: ChallengeRefusal };

/** The (effective) status after `action`, or why it is refused: wrong party before wrong status. */
export function transitionChallenge(
  status: ChallengeStatus,
  action: ChallengeAction,
  party: ChallengeParty,
  reason?: string | null,
): ChallengeStepResult<ChallengeStatus> {
  const transition = CHALLENGE_TRANSITIONS[action];
  if (transition.by !== party) return { ok: false, refusal: 'not_your_step' };
  if (!transition.from.includes(status)) return { ok: false, refusal: 'not_in_this_status' };
  if (transition.reasonRequired && !reason?.trim())
    return { ok: false, refusal: 'reason_required' };
  return { ok: true, to: transition.to ?? status };
}

/** The actions `party` may take on a challenge in (effective) `status`, in workflow order. */
export function allowedChallengeActions(
  status: ChallengeStatus,
  party: ChallengeParty,
): ChallengeAction[] {
  return CHALLENGE_ACTIONS.filter((action) => {
    const transition = CHALLENGE_TRANSITIONS[action];
    return transition.by === party && transition.from.includes(status);
  });
}

/** The application's status after `action`, or why it is refused. */
export function transitionApplication(
  status: ApplicationStatus,
  challengeStatus: ChallengeStatus,
  action: ApplicationAction,
  party: ChallengeParty,
): ChallengeStepResult<ApplicationStatus> {
  const transition = APPLICATION_TRANSITIONS[action];
  if (transition.by !== party) return { ok: false, refusal: 'not_your_step' };
  if (!transition.challengeIn.includes(challengeStatus))
    return { ok: false, refusal: 'challenge_not_open' };
  if (!transition.from.includes(status)) return { ok: false, refusal: 'not_in_this_status' };
  return { ok: true, to: transition.to };
}

export function allowedApplicationActions(
  status: ApplicationStatus,
  challengeStatus: ChallengeStatus,
  party: ChallengeParty,
): ApplicationAction[] {
  return APPLICATION_ACTIONS.filter(
    (action) => transitionApplication(status, challengeStatus, action, party).ok,
  );
}

/** What 定榜 does to the other applications: the live ones are not selected. */
export function outcomeForOthers(status: ApplicationStatus): ApplicationStatus {
  return isApplicationLive(status) ? 'not_selected' : status;
}

/**
 * The fields of a challenge that may still change: everything while a draft; once the
 * call is out, its terms stay as the applicants read them and only the milestones (the
 * follow-up work 定榜 turns into tasks) may be replanned before the selection.
 */
export type ChallengeField = 'title' | 'requirements' | 'budgetWan' | 'deadline' | 'milestones';

export function editableChallengeFields(status: ChallengeStatus): readonly ChallengeField[] {
  switch (status) {
    case 'draft':
      return ['title', 'requirements', 'budgetWan', 'deadline', 'milestones'];
    case 'published':
    case 'closed':
      return ['milestones'];
    default:
      return [];
  }
}

/**
 * How far ahead a challenge may be planned: its deadline and milestones at most this many
 * years after today. Beyond it a plan is no plan, and a date far off (9999-12-31) would
 * only make every calendar computation on it slow.
 */
export const CHALLENGE_PLAN_YEARS = 5;

/** The last day a challenge's deadline or milestone may fall on: today plus five years. */
export function latestChallengeDate(today: IsoDate): IsoDate {
  const date = `${Number(today.slice(0, 4)) + CHALLENGE_PLAN_YEARS}${today.slice(4)}`;
  // 29 February five years on is no day: the 28th is.
  return date.endsWith('-02-29') ? `${date.slice(0, 8)}28` : date;
}

/**
 * Workdays are counted to a deadline at most this many days ahead; further off the count
 * says nothing useful, and walking the calendar that far for every row of a list would.
 */
export const WORKDAYS_LEFT_HORIZON_DAYS = 366;

/**
 * Workdays from today to the deadline of an open call (0 on its last day), or null: the
 * call is not open, or its deadline lies beyond {@link WORKDAYS_LEFT_HORIZON_DAYS}.
 */
export function challengeWorkdaysLeft(
  status: ChallengeStatus,
  deadline: IsoDate,
  today: IsoDate,
  calendar: Pick<WorkdayCalendar, 'workdaysBetween'>,
): number | null {
  if (status !== 'published' || deadline < today) return null;
  if (deadline > addDays(today, WORKDAYS_LEFT_HORIZON_DAYS)) return null;
  return calendar.workdaysBetween(today, deadline);
}

/**
 * The short boards a challenge may be published from: those still being worked on. A
 * resolved or shelved board has nothing left to call for.
 */
export const CHALLENGE_BOARD_STATUSES = [
  'identified',
  'tackling',
  'breakthrough',
] as const satisfies readonly ShortBoardStatus[];

export function canPublishChallengeFrom(status: ShortBoardStatus): boolean {
  return (CHALLENGE_BOARD_STATUSES as readonly ShortBoardStatus[]).includes(status);
}

/** Challenges that still hold their board: at most one of them per short board. */
export const LIVE_CHALLENGE_STATUSES = [
  'draft',
  'published',
  'closed',
] as const satisfies readonly ChallengeStatus[];

export interface ChallengePlan {
  readonly deadline: IsoDate;
  readonly milestones: readonly { readonly title: string; readonly dueDate: IsoDate }[];
}

export interface ChallengeProblem {
  readonly path: string;
  readonly message: Labels;
}

export const CHALLENGE_MESSAGES = {
  deadlinePast: {
    'zh-CN': '申报截止日期不能早于今天',
    en: 'The application deadline cannot be before today',
  },
  milestoneBeforeDeadline: {
    'zh-CN': '里程碑日期须晚于申报截止日期',
    en: 'A milestone must fall after the application deadline',
  },
  milestonePast: { 'zh-CN': '里程碑日期不能早于今天', en: 'A milestone cannot be before today' },
  tooFar: {
    'zh-CN': `日期不能晚于今天起 ${CHALLENGE_PLAN_YEARS} 年`,
    en: `A date cannot be more than ${CHALLENGE_PLAN_YEARS} years after today`,
  },
  notPublished: {
    'zh-CN': '该榜单不在揭榜期，不能申报',
    en: 'This challenge is not open for applications',
  },
  deadlinePassed: { 'zh-CN': '申报已截止', en: 'The application deadline has passed' },
  alreadyApplied: {
    'zh-CN': '本单位已申报该榜单；可修改或撤回原申报',
    en: 'Your organisation has already applied; edit or withdraw that application',
  },
  milestonesOnly: {
    'zh-CN': '榜单发布后只能调整里程碑',
    en: 'Once the challenge is published only its milestones can change',
  },
  wrongStatus: {
    'zh-CN': '当前状态下不能执行此操作',
    en: 'This step is not possible in the current status',
  },
  challengeNotOpen: {
    'zh-CN': '榜单当前状态下不能执行此操作',
    en: 'This step is not possible while the challenge is in its current status',
  },
  reason: { 'zh-CN': '请填写原因', en: 'Please give a reason' },
  noShortBoard: {
    'zh-CN': '没有这个短板，或不在您管理的产业链中',
    en: 'No such short board in a chain you manage',
  },
  boardNotOpen: {
    'zh-CN': '该短板已解决或已搁置，不能发布揭榜',
    en: 'This short board is resolved or shelved: it cannot be published as a challenge',
  },
  boardTaken: {
    'zh-CN': '该短板已有进行中的揭榜（草稿、揭榜中或已截止），请先完成或撤销',
    en: 'This short board already has a live challenge (draft, open or closed): decide or cancel it first',
  },
  challengeChanged: {
    'zh-CN': '榜单已被他人修改（如调整了里程碑），请查看最新内容后再定榜',
    en: 'The challenge was changed by someone else (its milestones, for instance): review it before selecting',
  },
} as const satisfies Record<string, Labels>;

/** A milestone whose date has passed by the time of 定榜: its task cannot be assigned. */
export function milestonePastMessage(title: string): Labels {
  return {
    'zh-CN': `里程碑「${title}」的日期已过，请先调整里程碑再定榜`,
    en: `The milestone "${title}" is already past: replan the milestones before selecting`,
  };
}

/**
 * The dates of a challenge checked against today (Asia/Shanghai): the deadline not past,
 * each milestone neither past nor on or before the deadline, none of them more than
 * {@link CHALLENGE_PLAN_YEARS} years ahead. Used by the api (400 with these paths) and
 * the form. Once published the deadline is fixed and may lie behind: callers then drop
 * its `deadline` problem.
 */
export function challengePlanProblems(plan: ChallengePlan, today: IsoDate): ChallengeProblem[] {
  const problems: ChallengeProblem[] = [];
  const latest = latestChallengeDate(today);
  if (plan.deadline < today)
    problems.push({ path: 'deadline', message: CHALLENGE_MESSAGES.deadlinePast });
  else if (plan.deadline > latest)
    problems.push({ path: 'deadline', message: CHALLENGE_MESSAGES.tooFar });
  plan.milestones.forEach((milestone, index) => {
    const path = `milestones.${index}.dueDate`;
    if (milestone.dueDate < today)
      problems.push({ path, message: CHALLENGE_MESSAGES.milestonePast });
    else if (milestone.dueDate > latest)
      problems.push({ path, message: CHALLENGE_MESSAGES.tooFar });
    else if (milestone.dueDate <= plan.deadline)
      problems.push({ path, message: CHALLENGE_MESSAGES.milestoneBeforeDeadline });
  });
  return problems;
}

export const CHALLENGE_STATUS_LABELS: Readonly<Record<ChallengeStatus, Labels>> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  published: { 'zh-CN': '揭榜中', en: 'Open' },
  closed: { 'zh-CN': '已截止', en: 'Closed' },
  selected: { 'zh-CN': '已定榜', en: 'Selected' },
  cancelled: { 'zh-CN': '已撤销', en: 'Cancelled' },
};

export const CHALLENGE_ACTION_LABELS: Readonly<Record<ChallengeAction, Labels>> = {
  edit: { 'zh-CN': '编辑', en: 'Edit' },
  publish: { 'zh-CN': '发布', en: 'Publish' },
  close: { 'zh-CN': '截止申报', en: 'Close applications' },
  cancel: { 'zh-CN': '撤销榜单', en: 'Cancel the challenge' },
  apply: { 'zh-CN': '揭榜申报', en: 'Apply' },
};

export const APPLICATION_STATUS_LABELS: Readonly<Record<ApplicationStatus, Labels>> = {
  submitted: { 'zh-CN': '已申报', en: 'Submitted' },
  shortlisted: { 'zh-CN': '已入围', en: 'Shortlisted' },
  selected: { 'zh-CN': '揭榜成功', en: 'Selected' },
  not_selected: { 'zh-CN': '未入选', en: 'Not selected' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
};

export const APPLICATION_ACTION_LABELS: Readonly<Record<ApplicationAction, Labels>> = {
  edit: { 'zh-CN': '修改申报', en: 'Edit the application' },
  withdraw: { 'zh-CN': '撤回申报', en: 'Withdraw' },
  shortlist: { 'zh-CN': '列入入围', en: 'Shortlist' },
  select: { 'zh-CN': '定榜', en: 'Select' },
};

/** The button on a short board that starts a challenge from it. */
export const PUBLISH_AS_CHALLENGE_LABEL: Labels = {
  'zh-CN': '发布揭榜',
  en: 'Publish as challenge',
};
