import type { DayKind } from '@lianzhang/domain';

type Labels = { readonly 'zh-CN': string; readonly en: string };

/**
 * Bilingual labels of the workday calendar's day kinds and sources, in the shape of the
 * domain's label maps (the domain has none for these yet).
 */
export const DAY_KIND_LABELS: Readonly<Record<DayKind, Labels>> = {
  workday: { 'zh-CN': '工作日', en: 'Workday' },
  weekend: { 'zh-CN': '周末', en: 'Weekend' },
  holiday: { 'zh-CN': '节假日', en: 'Public holiday' },
  makeup_workday: { 'zh-CN': '调休上班', en: 'Make-up workday' },
};

export const DAY_SOURCE_LABELS: Readonly<Record<'override' | 'official' | 'weekday', Labels>> = {
  override: { 'zh-CN': '省级调整', en: 'Province override' },
  official: { 'zh-CN': '国务院通知', en: 'State Council notice' },
  weekday: { 'zh-CN': '按星期', en: 'By day of week' },
};

export const PROVISIONAL_LABEL: Labels = {
  'zh-CN': '暂定（尚无年度通知）',
  en: 'Provisional (no notice yet)',
};
