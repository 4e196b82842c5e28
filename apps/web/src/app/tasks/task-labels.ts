import type {
  CoordinationRequestDto,
  Language,
  ProgressReportDto,
  REQUEST_CATEGORY_VALUES,
  TaskPriorityValue,
} from '@lianzhang/contracts';
import {
  TASK_ACTION_LABELS,
  type PaceColour,
  type TaskAction,
  type TaskStatus,
} from '@lianzhang/domain';

/**
 * Bilingual labels of the task, report and request enums the domain library does not label
 * (yet): same shape as its maps (`{ 'zh-CN', en }`), so they can move there unchanged.
 */
type Labels = { readonly 'zh-CN': string; readonly en: string };

export const TASK_PRIORITY_LABELS: Readonly<Record<TaskPriorityValue, Labels>> = {
  low: { 'zh-CN': '低', en: 'Low' },
  normal: { 'zh-CN': '普通', en: 'Normal' },
  high: { 'zh-CN': '高', en: 'High' },
  urgent: { 'zh-CN': '紧急', en: 'Urgent' },
};

export const PRIORITY_COLOURS: Readonly<Record<TaskPriorityValue, string>> = {
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

export type ReportStatus = ProgressReportDto['status'];

export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, Labels>> = {
  submitted: { 'zh-CN': '待审核', en: 'Awaiting review' },
  accepted: { 'zh-CN': '已采纳', en: 'Accepted' },
  returned: { 'zh-CN': '已退回', en: 'Returned' },
};

export const REPORT_STATUS_COLOURS: Readonly<Record<ReportStatus, string>> = {
  submitted: 'purple',
  accepted: 'green',
  returned: 'magenta',
};

export type RequestCategory = (typeof REQUEST_CATEGORY_VALUES)[number];

/** 诉求 categories: 用地, 用能, 融资, 人才 (DESIGN.md §1), logistics and the rest. */
export const REQUEST_CATEGORY_LABELS: Readonly<Record<RequestCategory, Labels>> = {
  land: { 'zh-CN': '用地保障', en: 'Land' },
  energy: { 'zh-CN': '用能保障', en: 'Energy' },
  finance: { 'zh-CN': '融资支持', en: 'Finance' },
  talent: { 'zh-CN': '人才引育', en: 'Talent' },
  logistics: { 'zh-CN': '物流运输', en: 'Logistics' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export type RequestStatus = CoordinationRequestDto['status'];

export const REQUEST_STATUS_LABELS: Readonly<Record<RequestStatus, Labels>> = {
  open: { 'zh-CN': '待受理', en: 'Open' },
  assigned: { 'zh-CN': '已转办', en: 'Assigned' },
  answered: { 'zh-CN': '已答复', en: 'Answered' },
  closed: { 'zh-CN': '已办结', en: 'Closed' },
};

export const REQUEST_STATUS_COLOURS: Readonly<Record<RequestStatus, string>> = {
  open: 'orange',
  assigned: 'blue',
  answered: 'green',
  closed: 'default',
};

/** 提醒 / 黄牌 / 红牌. */
export const LEVEL_LABELS: Readonly<Record<'reminder' | 'yellow' | 'red', Labels>> = {
  reminder: { 'zh-CN': '提醒', en: 'Reminder' },
  yellow: { 'zh-CN': '黄牌', en: 'Yellow card' },
  red: { 'zh-CN': '红牌', en: 'Red card' },
};

export const LEVEL_COLOURS: Readonly<Record<'reminder' | 'yellow' | 'red', string>> = {
  reminder: 'blue',
  yellow: 'gold',
  red: 'red',
};

export const PACE_COLOURS: Readonly<Record<PaceColour, string>> = {
  green: 'green',
  amber: 'orange',
  red: 'red',
};

export const PACE_LABELS: Readonly<Record<PaceColour, Labels>> = {
  green: { 'zh-CN': '进度正常', en: 'On pace' },
  amber: { 'zh-CN': '进度偏慢', en: 'Behind pace' },
  red: { 'zh-CN': '进度滞后', en: 'Far behind pace' },
};

/** Events of a task's history besides the workflow steps (which TASK_ACTION_LABELS names). */
const EVENT_LABELS: Readonly<Record<string, Labels>> = {
  create: { 'zh-CN': '创建任务', en: 'Created' },
  update: { 'zh-CN': '修改任务', en: 'Changed' },
  comment: { 'zh-CN': '发表意见', en: 'Commented' },
  report: { 'zh-CN': '报送进展', en: 'Reported progress' },
  review: { 'zh-CN': '审核进展报告', en: 'Reviewed a report' },
  remind: { 'zh-CN': '系统提醒', en: 'Reminder sent' },
  escalate: { 'zh-CN': '督办升级', en: 'Escalated' },
};

export function eventLabel(action: string, language: Language): string {
  const label =
    EVENT_LABELS[action] ??
    (action in TASK_ACTION_LABELS ? TASK_ACTION_LABELS[action as TaskAction] : undefined);
  return label ? label[language] : action;
}

/** The steps of the escalation ladder (DEFAULT_ESCALATION_POLICY keys), in plain words. */
const STEP_LABELS: Readonly<Record<string, Labels>> = {
  ack: { 'zh-CN': '签收提醒', en: 'Acceptance reminder' },
  report: { 'zh-CN': '进展报送提醒', en: 'Progress report due' },
  'report-late': { 'zh-CN': '进展报送催办', en: 'Progress report overdue' },
  'due-3': { 'zh-CN': '到期前 3 个工作日提醒', en: 'Reminder 3 workdays before the due date' },
  'due-1': { 'zh-CN': '到期前 1 个工作日提醒', en: 'Reminder 1 workday before the due date' },
  due: { 'zh-CN': '到期日提醒', en: 'Reminder on the due date' },
  'overdue-1': { 'zh-CN': '逾期 1 个工作日通报', en: 'Overdue by 1 workday' },
  'overdue-3': { 'zh-CN': '逾期 3 个工作日黄牌督办', en: 'Overdue by 3 workdays: yellow card' },
  'overdue-7': { 'zh-CN': '逾期 7 个工作日红牌督办', en: 'Overdue by 7 workdays: red card' },
};

/** A step of a chain's own policy has its own key: shown as it is. */
export function stepLabel(step: string, language: Language): string {
  return STEP_LABELS[step]?.[language] ?? step;
}

/** The loudest of some 督办单: 红牌 over 黄牌, none without any. */
export function noticeMark(
  notices: readonly { readonly level: 'yellow' | 'red' }[],
): 'yellow' | 'red' | null {
  if (notices.some((n) => n.level === 'red')) return 'red';
  return notices.length ? 'yellow' : null;
}
