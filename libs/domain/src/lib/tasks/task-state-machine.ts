import type { Role } from '../access/roles';

/**
 * The task workflow of DESIGN.md §3, with who may take each step. The api enforces it
 * and returns the allowed actions with every task; the web app shows exactly those.
 *
 *   draft ─assign→ assigned ─accept→ accepted ─start→ in_progress ─submit→ submitted ─approve→ done
 *            ↑          │decline                           ↑                   │return
 *            └──────────┘                                  └──resume── returned ←┘
 *   cancel: from any open state to cancelled.
 */
export const TASK_STATUSES = [
  'draft',
  'assigned',
  'accepted',
  'in_progress',
  'submitted',
  'returned',
  'done',
  'cancelled',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const CLOSED_TASK_STATUSES: readonly TaskStatus[] = ['done', 'cancelled'];
export const isTaskOpen = (status: TaskStatus): boolean => !CLOSED_TASK_STATUSES.includes(status);

export const TASK_ACTIONS = [
  'assign',
  'accept',
  'decline',
  'start',
  'submit',
  'approve',
  'return',
  'resume',
  'cancel',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/**
 * How the acting user stands to one task: the chain side that assigned it, the
 * enterprise that must do it (主办), one that helps (协办), or someone who may only look.
 */
export const TASK_PARTIES = ['assigner', 'assignee', 'co_handler', 'observer'] as const;
export type TaskParty = (typeof TASK_PARTIES)[number];

interface Transition {
  readonly from: readonly TaskStatus[];
  readonly to: TaskStatus;
  readonly by: TaskParty;
  /** The step must say why (declining, returning, cancelling). */
  readonly reasonRequired: boolean;
}

const OPEN: readonly TaskStatus[] = TASK_STATUSES.filter(isTaskOpen);

export const TASK_TRANSITIONS: Readonly<Record<TaskAction, Transition>> = {
  assign: { from: ['draft'], to: 'assigned', by: 'assigner', reasonRequired: false },
  accept: { from: ['assigned'], to: 'accepted', by: 'assignee', reasonRequired: false },
  decline: { from: ['assigned'], to: 'draft', by: 'assignee', reasonRequired: true },
  start: { from: ['accepted'], to: 'in_progress', by: 'assignee', reasonRequired: false },
  submit: { from: ['in_progress'], to: 'submitted', by: 'assignee', reasonRequired: false },
  approve: { from: ['submitted'], to: 'done', by: 'assigner', reasonRequired: false },
  return: { from: ['submitted'], to: 'returned', by: 'assigner', reasonRequired: true },
  resume: { from: ['returned'], to: 'in_progress', by: 'assignee', reasonRequired: false },
  cancel: { from: OPEN, to: 'cancelled', by: 'assigner', reasonRequired: true },
};

/**
 * The plainest way from a new draft to each status, step by step: what the demo province
 * and the province generator write as a task's history (`task-state-machine.spec` checks
 * every step is a transition of the workflow).
 */
type PathStep = readonly [TaskAction, TaskStatus, TaskStatus];
/** The workflow's main line, draft to done; every other path leaves it once. */
const MAIN_LINE: readonly PathStep[] = [
  ['assign', 'draft', 'assigned'],
  ['accept', 'assigned', 'accepted'],
  ['start', 'accepted', 'in_progress'],
  ['submit', 'in_progress', 'submitted'],
  ['approve', 'submitted', 'done'],
];

export const TASK_PATHS: Readonly<Record<TaskStatus, readonly PathStep[]>> = {
  draft: [],
  assigned: MAIN_LINE.slice(0, 1),
  accepted: MAIN_LINE.slice(0, 2),
  in_progress: MAIN_LINE.slice(0, 3),
  submitted: MAIN_LINE.slice(0, 4),
  returned: [...MAIN_LINE.slice(0, 4), ['return', 'submitted', 'returned']],
  done: MAIN_LINE,
  cancelled: [...MAIN_LINE.slice(0, 1), ['cancel', 'assigned', 'cancelled']],
};

export interface TaskScopeFacts {
  /** The chain of the task is one the user leads, staffs or coordinates (city). */
  readonly chainInScope: boolean;
  /** The user's organisation is the task's assignee (主办). */
  readonly organisationIsAssignee: boolean;
  /** The user's organisation is one of the task's co-handlers (协办). */
  readonly organisationIsCoHandler: boolean;
}

/** The party a user of `role` is to a task, from facts the server reads from the database. */
export function taskPartyOf(role: Role, facts: TaskScopeFacts): TaskParty {
  switch (role) {
    case 'province_admin':
      return 'assigner';
    case 'chain_leader':
    case 'chain_office':
    case 'city_coordinator':
      return facts.chainInScope ? 'assigner' : 'observer';
    case 'enterprise_user':
      return facts.organisationIsAssignee
        ? 'assignee'
        : facts.organisationIsCoHandler
          ? 'co_handler'
          : 'observer';
    case 'province_analyst':
      return 'observer';
  }
}

/** The actions `party` may take on a task in `status`, in workflow order. */
export function allowedTaskActions(status: TaskStatus, party: TaskParty): TaskAction[] {
  return TASK_ACTIONS.filter((action) => {
    const transition = TASK_TRANSITIONS[action];
    return transition.by === party && transition.from.includes(status);
  });
}

export type TaskTransitionRefusal = 'not_in_this_status' | 'not_your_step' | 'reason_required';

export type TaskTransitionResult =
  | { readonly ok: true; readonly to: TaskStatus }
  | { readonly ok: false; readonly refusal: TaskTransitionRefusal };

/** The status after `action`, or why it is refused. */
export function transitionTask(
  status: TaskStatus,
  action: TaskAction,
  party: TaskParty,
  reason?: string | null,
): TaskTransitionResult {
  const transition = TASK_TRANSITIONS[action];
  if (transition.by !== party) return { ok: false, refusal: 'not_your_step' };
  if (!transition.from.includes(status)) return { ok: false, refusal: 'not_in_this_status' };
  if (transition.reasonRequired && !reason?.trim())
    return { ok: false, refusal: 'reason_required' };
  return { ok: true, to: transition.to };
}

export const TASK_STATUS_LABELS: Readonly<
  Record<TaskStatus, { readonly 'zh-CN': string; readonly en: string }>
> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  assigned: { 'zh-CN': '待签收', en: 'Assigned' },
  accepted: { 'zh-CN': '已签收', en: 'Accepted' },
  in_progress: { 'zh-CN': '办理中', en: 'In progress' },
  submitted: { 'zh-CN': '待审核', en: 'Submitted' },
  returned: { 'zh-CN': '已退回', en: 'Returned' },
  done: { 'zh-CN': '已办结', en: 'Done' },
  cancelled: { 'zh-CN': '已撤销', en: 'Cancelled' },
};

export const TASK_ACTION_LABELS: Readonly<
  Record<TaskAction, { readonly 'zh-CN': string; readonly en: string }>
> = {
  assign: { 'zh-CN': '交办', en: 'Assign' },
  accept: { 'zh-CN': '签收', en: 'Accept' },
  decline: { 'zh-CN': '拒收', en: 'Decline' },
  start: { 'zh-CN': '开始办理', en: 'Start' },
  submit: { 'zh-CN': '提交办结', en: 'Submit' },
  approve: { 'zh-CN': '审核通过', en: 'Approve' },
  return: { 'zh-CN': '退回', en: 'Return' },
  resume: { 'zh-CN': '重新办理', en: 'Resume' },
  cancel: { 'zh-CN': '撤销', en: 'Cancel' },
};
