type Labels = { readonly 'zh-CN': string; readonly en: string };

/** 诉求 categories: the factors an enterprise asks help with (用地, 用能, 融资, 人才…). */
export const REQUEST_CATEGORIES = [
  'land',
  'energy',
  'finance',
  'talent',
  'logistics',
  'other',
] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

export const REQUEST_CATEGORY_LABELS: Readonly<Record<RequestCategory, Labels>> = {
  land: { 'zh-CN': '用地保障', en: 'Land' },
  energy: { 'zh-CN': '用能保障', en: 'Energy' },
  finance: { 'zh-CN': '融资支持', en: 'Finance' },
  talent: { 'zh-CN': '人才引育', en: 'Talent' },
  logistics: { 'zh-CN': '物流运输', en: 'Logistics' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/** open, perhaps assigned (转办 to a department), then answered and closed. */
export const REQUEST_STATUSES = ['open', 'assigned', 'answered', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_STATUS_LABELS: Readonly<Record<RequestStatus, Labels>> = {
  open: { 'zh-CN': '待受理', en: 'Open' },
  assigned: { 'zh-CN': '已转办', en: 'Assigned' },
  answered: { 'zh-CN': '已答复', en: 'Answered' },
  closed: { 'zh-CN': '已办结', en: 'Closed' },
};
