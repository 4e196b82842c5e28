/**
 * Bilingual labels of enums that the domain library has no label map for yet (chain
 * levels, escalation levels and audiences, priorities, request and report states). Kept
 * beside the code that shows them until they move to `@lianzhang/domain` or
 * `@lianzhang/contracts` (see the feature's report), never in the translation files.
 */
import type { Language, TaskPriorityValue } from '@lianzhang/contracts';
import type {
  ChainLevel,
  EscalationAudience,
  EscalationLevel,
  NodeRiskFlags,
  PaceColour,
} from '@lianzhang/domain';

export type Labels = { readonly 'zh-CN': string; readonly en: string };

export function labelOf<K extends string>(
  labels: Readonly<Record<K, Labels>>,
  key: K,
  language: Language,
): string {
  return labels[key]?.[language] ?? key;
}

export const CHAIN_LEVEL_LABELS: Readonly<Record<ChainLevel, Labels>> = {
  province: { 'zh-CN': '省级', en: 'Province' },
  city: { 'zh-CN': '市级', en: 'City' },
  county: { 'zh-CN': '县级', en: 'County' },
};

export const ESCALATION_LEVEL_LABELS: Readonly<Record<EscalationLevel, Labels>> = {
  reminder: { 'zh-CN': '提醒', en: 'Reminder' },
  yellow: { 'zh-CN': '黄牌督办', en: 'Yellow card' },
  red: { 'zh-CN': '红牌督办', en: 'Red card' },
};

export const ESCALATION_AUDIENCE_LABELS: Readonly<Record<EscalationAudience, Labels>> = {
  assignee: { 'zh-CN': '主办单位', en: 'Lead organisation' },
  co_handlers: { 'zh-CN': '协办单位', en: 'Co-handlers' },
  chain_office: { 'zh-CN': '链长办', en: 'Chain office' },
  chain_leader: { 'zh-CN': '链长', en: 'Chain leader' },
  chief_leader: { 'zh-CN': '总链长', en: 'Chief chain leader' },
  province_office: { 'zh-CN': '省级专班', en: 'Provincial office' },
};

export const TASK_PRIORITY_LABELS: Readonly<Record<TaskPriorityValue, Labels>> = {
  low: { 'zh-CN': '低', en: 'Low' },
  normal: { 'zh-CN': '普通', en: 'Normal' },
  high: { 'zh-CN': '高', en: 'High' },
  urgent: { 'zh-CN': '紧急', en: 'Urgent' },
};

export type RequestCategory = 'land' | 'energy' | 'finance' | 'talent' | 'logistics' | 'other';
export const REQUEST_CATEGORY_LABELS: Readonly<Record<RequestCategory, Labels>> = {
  land: { 'zh-CN': '用地', en: 'Land' },
  energy: { 'zh-CN': '能耗', en: 'Energy' },
  finance: { 'zh-CN': '融资', en: 'Finance' },
  talent: { 'zh-CN': '人才', en: 'Talent' },
  logistics: { 'zh-CN': '物流', en: 'Logistics' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export type RequestStatus = 'open' | 'assigned' | 'answered' | 'closed';
export const REQUEST_STATUS_LABELS: Readonly<Record<RequestStatus, Labels>> = {
  open: { 'zh-CN': '待处理', en: 'Open' },
  assigned: { 'zh-CN': '已转办', en: 'Assigned' },
  answered: { 'zh-CN': '已答复', en: 'Answered' },
  closed: { 'zh-CN': '已关闭', en: 'Closed' },
};

export type ReportStatus = 'submitted' | 'accepted' | 'returned';
export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, Labels>> = {
  submitted: { 'zh-CN': '待审核', en: 'Waiting for review' },
  accepted: { 'zh-CN': '已通过', en: 'Accepted' },
  returned: { 'zh-CN': '已退回', en: 'Returned' },
};

export type ReportSubjectType = 'task' | 'short_board' | 'project';
export const REPORT_SUBJECT_LABELS: Readonly<Record<ReportSubjectType, Labels>> = {
  task: { 'zh-CN': '任务', en: 'Task' },
  short_board: { 'zh-CN': '短板', en: 'Short board' },
  project: { 'zh-CN': '重点项目', en: 'Key project' },
};

export const PACE_LABELS: Readonly<Record<PaceColour, Labels>> = {
  green: { 'zh-CN': '进度正常', en: 'On pace' },
  amber: { 'zh-CN': '进度偏慢', en: 'Behind pace' },
  red: { 'zh-CN': '严重滞后', en: 'Far behind' },
};

/** Tag colours of ng-zorro for the pace colours of the domain. */
export const PACE_TAG_COLOURS: Readonly<Record<PaceColour, string>> = {
  green: 'green',
  amber: 'gold',
  red: 'red',
};

/** The risk flags of a chain-map link, in the order of their weight (worst first). */
export const RISK_FLAGS = [
  'chokepoint',
  'foreignDependent',
  'noLocalSupplier',
  'singleSource',
] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number] & keyof NodeRiskFlags;

export const RISK_FLAG_LABELS: Readonly<Record<RiskFlag | 'none', Labels>> = {
  chokepoint: { 'zh-CN': '卡脖子环节', en: 'Chokepoint' },
  foreignDependent: { 'zh-CN': '对外依存度高', en: 'Foreign dependence' },
  noLocalSupplier: { 'zh-CN': '省内无供应商', en: 'No local supplier' },
  singleSource: { 'zh-CN': '省内单一供应商', en: 'Single local supplier' },
  none: { 'zh-CN': '无风险标记', en: 'No risk flag' },
};

/** The sums behind a pace colour: progress against the share of the planned period gone. */
export function paceExplanation(
  transloco: { translate(key: string, params?: Record<string, unknown>): string },
  progress: number,
  pace: { readonly elapsed: number; readonly ratio: number | null },
): string {
  return transloco.translate('chains.pace.explanation', {
    progress,
    elapsed: Math.round(pace.elapsed * 100),
    ratio: pace.ratio === null ? '—' : pace.ratio.toFixed(2),
  });
}
