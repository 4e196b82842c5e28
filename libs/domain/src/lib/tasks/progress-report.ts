type Labels = { readonly 'zh-CN': string; readonly en: string };

/** What a progress report (进展报送) is about. */
export const REPORT_SUBJECT_TYPES = ['task', 'short_board', 'project'] as const;
export type ReportSubjectType = (typeof REPORT_SUBJECT_TYPES)[number];

export const REPORT_SUBJECT_LABELS: Readonly<Record<ReportSubjectType, Labels>> = {
  task: { 'zh-CN': '任务', en: 'Task' },
  short_board: { 'zh-CN': '短板', en: 'Short board' },
  project: { 'zh-CN': '重点项目', en: 'Key project' },
};

/** A report waits for the chain office's review, which accepts it or returns it. */
export const REPORT_STATUSES = ['submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, Labels>> = {
  submitted: { 'zh-CN': '待审核', en: 'Waiting for review' },
  accepted: { 'zh-CN': '已通过', en: 'Accepted' },
  returned: { 'zh-CN': '已退回', en: 'Returned' },
};
