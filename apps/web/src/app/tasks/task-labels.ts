import type { Language } from '@lianzhang/contracts';
import {
  ESCALATION_STEP_LABELS,
  TASK_ACTION_LABELS,
  TASK_EVENT_LABELS,
  type DefaultEscalationStepKey,
  type EscalationLevel,
  type PaceColour,
  type ReportStatus,
  type RequestStatus,
  type TaskAction,
  type TaskEvent,
  type TaskPriority,
  type TaskStatus,
} from '@lianzhang/domain';

/*
 * Tag colours of the task, report and request pages, and helpers that name history events
 * and escalation steps. The bilingual labels are the domain's maps (TASK_PRIORITY_LABELS,
 * REPORT_STATUS_LABELS, REQUEST_STATUS_LABELS, ESCALATION_LEVEL_LABELS… of
 * `@lianzhang/domain`).
 */

export const PRIORITY_COLOURS: Readonly<Record<TaskPriority, string>> = {
  low: 'default',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

export const TASK_STATUS_COLOURS: Readonly<Record<TaskStatus, string>> = {
  draft: 'default',
  assigned: 'orange',
  accepted: 'cyan',
  in_progress: 'blue',
  submitted: 'purple',
  returned: 'magenta',
  done: 'green',
  cancelled: 'default',
};

export const REPORT_STATUS_COLOURS: Readonly<Record<ReportStatus, string>> = {
  submitted: 'purple',
  accepted: 'green',
  returned: 'magenta',
};

export const REQUEST_STATUS_COLOURS: Readonly<Record<RequestStatus, string>> = {
  open: 'orange',
  assigned: 'blue',
  answered: 'green',
  closed: 'default',
};

export const LEVEL_COLOURS: Readonly<Record<EscalationLevel, string>> = {
  reminder: 'blue',
  yellow: 'gold',
  red: 'red',
};

export const PACE_COLOURS: Readonly<Record<PaceColour, string>> = {
  green: 'green',
  amber: 'orange',
  red: 'red',
};

/** A history event: a workflow step (TASK_ACTION_LABELS) or another event; else its key. */
export function eventLabel(action: string, language: Language): string {
  if (Object.hasOwn(TASK_EVENT_LABELS, action))
    return TASK_EVENT_LABELS[action as TaskEvent][language];
  if (Object.hasOwn(TASK_ACTION_LABELS, action))
    return TASK_ACTION_LABELS[action as TaskAction][language];
  return action;
}

/** A step of the default ladder in plain words; a step of a chain's own policy by its key. */
export function stepLabel(step: string, language: Language): string {
  return Object.hasOwn(ESCALATION_STEP_LABELS, step)
    ? ESCALATION_STEP_LABELS[step as DefaultEscalationStepKey][language]
    : step;
}

/** The loudest of some 督办单: 红牌 over 黄牌, none without any. */
export function noticeMark(
  notices: readonly { readonly level: 'yellow' | 'red' }[],
): 'yellow' | 'red' | null {
  if (notices.some((n) => n.level === 'red')) return 'red';
  return notices.length ? 'yellow' : null;
}
