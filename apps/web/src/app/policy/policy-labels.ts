import type { Language } from '@lianzhang/contracts';
import type {
  DeliveryChannel,
  EscalationAnchor,
  EscalationAudience,
  EscalationLevel,
} from '@lianzhang/domain';

type Labels = { readonly 'zh-CN': string; readonly en: string };

/*
 * Bilingual labels of the escalation ladder's enums, in the shape of the domain's label
 * maps (ROLE_LABELS…). The domain has none for these yet; they belong beside
 * ESCALATION_LEVELS in libs/domain and can move there as they are.
 */

export const ESCALATION_LEVEL_LABELS: Readonly<Record<EscalationLevel, Labels>> = {
  reminder: { 'zh-CN': '提醒', en: 'Reminder' },
  yellow: { 'zh-CN': '黄牌', en: 'Yellow card' },
  red: { 'zh-CN': '红牌', en: 'Red card' },
};

export const ESCALATION_LEVEL_COLOURS: Readonly<Record<EscalationLevel, string>> = {
  reminder: 'blue',
  yellow: 'gold',
  red: 'red',
};

export const ESCALATION_ANCHOR_LABELS: Readonly<Record<EscalationAnchor, Labels>> = {
  assigned: { 'zh-CN': '交办（签收期限）', en: 'Assignment (acknowledgement)' },
  due: { 'zh-CN': '任务到期日', en: 'Due date' },
  last_report: { 'zh-CN': '报送周期届满', en: 'Report cadence due' },
  respond_by: { 'zh-CN': '诉求答复期限', en: 'Request answer deadline' },
};

export const ESCALATION_AUDIENCE_LABELS: Readonly<Record<EscalationAudience, Labels>> = {
  assignee: { 'zh-CN': '承办单位', en: 'Assignee' },
  co_handlers: { 'zh-CN': '协办单位', en: 'Co-handlers' },
  chain_office: { 'zh-CN': '链长办', en: 'Chain office' },
  chain_leader: { 'zh-CN': '链长', en: 'Chain leader' },
  chief_leader: { 'zh-CN': '总链长', en: 'Chief chain leader' },
  province_office: { 'zh-CN': '省级部门', en: 'Provincial office' },
};

export const DELIVERY_CHANNEL_LABELS: Readonly<Record<DeliveryChannel, Labels>> = {
  email: { 'zh-CN': '电子邮件', en: 'E-mail' },
  wecom: { 'zh-CN': '企业微信机器人', en: 'WeCom robot' },
  dingtalk: { 'zh-CN': '钉钉机器人', en: 'DingTalk robot' },
  feishu: { 'zh-CN': '飞书机器人', en: 'Feishu robot' },
  webhook: { 'zh-CN': 'Webhook', en: 'Webhook' },
};

/** The problems `policyProblems()` names, as the api words them. */
export const POLICY_PROBLEM_MESSAGES: Readonly<Record<string, Labels>> = {
  duplicate: { 'zh-CN': '步骤标识重复', en: 'This step key is used twice' },
  negative_after_event: {
    'zh-CN': '签收和报送节点只能在事件之后（偏移不能为负）',
    en: 'Steps after assignment or a report cannot have a negative offset',
  },
  not_for_requests: {
    'zh-CN': '诉求的催办对象只能是链长办、链长或省级部门',
    en: 'Request steps go to the chain side or the province, not to enterprises',
  },
};

export function label(labels: Labels, language: Language): string {
  return labels[language];
}

/** When a step fires, in words: "到期日前 3 个工作日", "2 workdays after assignment". */
export function stepTiming(
  step: { readonly anchor: EscalationAnchor; readonly offsetWorkdays: number | null },
  language: Language,
): string {
  const n = Math.abs(step.offsetWorkdays ?? 0);
  const offset = step.offsetWorkdays ?? 0;
  if (language === 'en') {
    const anchor = ANCHOR_PHRASES[step.anchor].en;
    if (offset === 0) return `On ${anchor}`;
    return `${n} workday${n === 1 ? '' : 's'} ${offset < 0 ? 'before' : 'after'} ${anchor}`;
  }
  const anchor = ANCHOR_PHRASES[step.anchor]['zh-CN'];
  if (offset === 0) return `${anchor}当天`;
  return `${anchor}${offset < 0 ? '前' : '后'} ${n} 个工作日`;
}

const ANCHOR_PHRASES: Readonly<Record<EscalationAnchor, Labels>> = {
  assigned: { 'zh-CN': '交办', en: 'assignment' },
  due: { 'zh-CN': '到期日', en: 'the due date' },
  last_report: { 'zh-CN': '报送周期届满', en: 'the report falling due' },
  respond_by: { 'zh-CN': '诉求答复期限', en: 'the request deadline' },
};
