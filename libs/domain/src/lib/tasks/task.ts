type Labels = { readonly 'zh-CN': string; readonly en: string };

/** How urgent a task is, as the chain office sets it. */
export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const TASK_PRIORITY_LABELS: Readonly<Record<TaskPriority, Labels>> = {
  low: { 'zh-CN': '低', en: 'Low' },
  normal: { 'zh-CN': '普通', en: 'Normal' },
  high: { 'zh-CN': '高', en: 'High' },
  urgent: { 'zh-CN': '紧急', en: 'Urgent' },
};

/**
 * Events of a task's history besides the workflow steps (those carry their TaskAction and
 * are named by TASK_ACTION_LABELS).
 */
export const TASK_EVENTS = [
  'create',
  'update',
  'comment',
  'report',
  'review',
  'remind',
  'escalate',
] as const;
export type TaskEvent = (typeof TASK_EVENTS)[number];

export const TASK_EVENT_LABELS: Readonly<Record<TaskEvent, Labels>> = {
  create: { 'zh-CN': '创建任务', en: 'Created' },
  update: { 'zh-CN': '修改任务', en: 'Changed' },
  comment: { 'zh-CN': '发表意见', en: 'Commented' },
  report: { 'zh-CN': '报送进展', en: 'Reported progress' },
  review: { 'zh-CN': '审核进展报告', en: 'Reviewed a report' },
  remind: { 'zh-CN': '系统提醒', en: 'Reminder sent' },
  escalate: { 'zh-CN': '督办升级', en: 'Escalated' },
};
