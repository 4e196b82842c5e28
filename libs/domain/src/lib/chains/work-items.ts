type Labels = { readonly 'zh-CN': string; readonly en: string };

/** Kinds of 短板 (DESIGN.md §2). */
export const SHORT_BOARD_CATEGORIES = [
  'core_technology',
  'key_component',
  'basic_material',
  'basic_process',
  'major_equipment',
  'basic_software',
  'element_supply',
] as const;
export type ShortBoardCategory = (typeof SHORT_BOARD_CATEGORIES)[number];

export const SHORT_BOARD_CATEGORY_LABELS: Readonly<Record<ShortBoardCategory, Labels>> = {
  core_technology: { 'zh-CN': '核心技术', en: 'Core technology' },
  key_component: { 'zh-CN': '关键零部件', en: 'Key component' },
  basic_material: { 'zh-CN': '基础材料', en: 'Basic material' },
  basic_process: { 'zh-CN': '基础工艺', en: 'Basic process' },
  major_equipment: { 'zh-CN': '重大装备', en: 'Major equipment' },
  basic_software: { 'zh-CN': '基础软件', en: 'Basic software' },
  element_supply: { 'zh-CN': '要素保障', en: 'Element supply' },
};

/** identified → tackling → breakthrough → resolved, or shelved (and back) from any open state. */
export const SHORT_BOARD_STATUSES = [
  'identified',
  'tackling',
  'breakthrough',
  'resolved',
  'shelved',
] as const;
export type ShortBoardStatus = (typeof SHORT_BOARD_STATUSES)[number];

const SHORT_BOARD_NEXT: Readonly<Record<ShortBoardStatus, readonly ShortBoardStatus[]>> = {
  identified: ['tackling', 'shelved'],
  tackling: ['breakthrough', 'shelved'],
  breakthrough: ['resolved', 'tackling', 'shelved'],
  resolved: [],
  shelved: ['identified', 'tackling'],
};

export function shortBoardCanMove(from: ShortBoardStatus, to: ShortBoardStatus): boolean {
  return SHORT_BOARD_NEXT[from].includes(to);
}

export const SHORT_BOARD_STATUS_LABELS: Readonly<Record<ShortBoardStatus, Labels>> = {
  identified: { 'zh-CN': '已识别', en: 'Identified' },
  tackling: { 'zh-CN': '攻关中', en: 'Tackling' },
  breakthrough: { 'zh-CN': '已突破', en: 'Breakthrough' },
  resolved: { 'zh-CN': '已解决', en: 'Resolved' },
  shelved: { 'zh-CN': '已搁置', en: 'Shelved' },
};

/** 建链 / 补链 / 延链 / 强链. */
export const PROJECT_TYPES = ['build', 'fill', 'extend', 'strengthen'] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

export const PROJECT_TYPE_LABELS: Readonly<Record<ProjectType, Labels>> = {
  build: { 'zh-CN': '建链', en: 'Build the chain' },
  fill: { 'zh-CN': '补链', en: 'Fill a gap' },
  extend: { 'zh-CN': '延链', en: 'Extend the chain' },
  strengthen: { 'zh-CN': '强链', en: 'Strengthen the chain' },
};

/** 签约 → 开工 → 在建 → 投产. */
export const PROJECT_STAGES = ['signed', 'started', 'under_construction', 'in_production'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const PROJECT_STAGE_LABELS: Readonly<Record<ProjectStage, Labels>> = {
  signed: { 'zh-CN': '签约', en: 'Signed' },
  started: { 'zh-CN': '开工', en: 'Started' },
  under_construction: { 'zh-CN': '在建', en: 'Under construction' },
  in_production: { 'zh-CN': '投产', en: 'In production' },
};

export type PaceColour = 'green' | 'amber' | 'red';

export const PACE_LABELS: Readonly<Record<PaceColour, Labels>> = {
  green: { 'zh-CN': '进度正常', en: 'On pace' },
  amber: { 'zh-CN': '进度偏慢', en: 'Behind pace' },
  red: { 'zh-CN': '严重滞后', en: 'Far behind pace' },
};

export interface Pace {
  readonly colour: PaceColour;
  /** Share of the planned period elapsed, 0–1. */
  readonly elapsed: number;
  /** Progress over elapsed share; null before the period starts. */
  readonly ratio: number | null;
}

const DAY = 86_400_000;

/**
 * Progress against ideal pace (DESIGN.md §3): the share done over the share of the
 * planned period elapsed. ≥ 0.95 green, 0.75–0.95 amber, < 0.75 red. Before the start
 * nothing can be behind; at or past the end, anything short of 100 % is red.
 */
export function paceOf(progressPercent: number, start: Date, end: Date, now: Date): Pace {
  const progress = Math.min(Math.max(progressPercent, 0), 100) / 100;
  const total = end.getTime() - start.getTime();
  if (now.getTime() <= start.getTime()) return { colour: 'green', elapsed: 0, ratio: null };
  if (total <= 0 || now.getTime() >= end.getTime()) {
    return { colour: progress >= 1 ? 'green' : 'red', elapsed: 1, ratio: progress };
  }
  const elapsed = Math.max((now.getTime() - start.getTime()) / total, 1 / Math.max(total / DAY, 1));
  const ratio = progress / elapsed;
  return { colour: ratio >= 0.95 ? 'green' : ratio >= 0.75 ? 'amber' : 'red', elapsed, ratio };
}

/** A project's pace: its progress is the share of its planned investment completed. */
export function projectPace(
  plannedInvestment: number,
  completedInvestment: number,
  start: Date,
  end: Date,
  now: Date,
): Pace {
  const percent =
    plannedInvestment > 0 ? Math.round((completedInvestment / plannedInvestment) * 100) : 0;
  return paceOf(percent, start, end, now);
}
