type Labels = { readonly 'zh-CN': string; readonly en: string };

/** Years a plan actual may be entered for: the 14th plan's years and the next plan's first. */
export const ACTUAL_YEAR_MIN = 2021;
export const ACTUAL_YEAR_MAX = 2030;

/** Why a progress to target cannot be given. */
export const INDICATOR_PROGRESS_GAPS = ['no_target', 'no_actual', 'no_base', 'no_change'] as const;
export type IndicatorProgressGap = (typeof INDICATOR_PROGRESS_GAPS)[number];

export const INDICATOR_PROGRESS_GAP_LABELS: Readonly<Record<IndicatorProgressGap, Labels>> = {
  no_target: { 'zh-CN': '规划未设定数值目标', en: 'The plan sets no numeric target' },
  no_actual: { 'zh-CN': '尚未录入实际值', en: 'No actual entered yet' },
  no_base: {
    'zh-CN': '没有基期值，无法计算进度',
    en: 'No base value to measure progress from',
  },
  no_change: {
    'zh-CN': '目标值与基期值相同',
    en: 'The target equals the base value',
  },
};

/**
 * How an indicator is measured. A level (a share, a count) moves from its base towards
 * its target; a cumulative figure (the plan's “十四五” reductions, marked * in its table)
 * is summed over the plan period and starts again from zero, so its base (the previous
 * plan's cumulative figure) is no starting point.
 */
export const INDICATOR_MEASURES = ['level', 'cumulative'] as const;
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number];

/** How progress is read, in words: said beside a cumulative indicator's progress. */
export const INDICATOR_MEASURE_LABELS: Readonly<Record<IndicatorMeasure, Labels>> = {
  level: {
    'zh-CN': '自基期值起算：（实际 − 基期）÷（目标 − 基期）',
    en: 'From the base: (actual - base) / (target - base)',
  },
  cumulative: {
    'zh-CN': '“十四五”累计值，自 0 起算：实际 ÷ 目标',
    en: 'Cumulative over 2021-2025, from zero: actual / target',
  },
};

export interface IndicatorProgressInput {
  /** The base (2020) value; null when the plan gives none. Not used for a cumulative indicator. */
  readonly base: number | null;
  /** The 2025 target; null when the plan sets none. */
  readonly target: number | null;
  /** The latest actual; null when none is entered. */
  readonly actual: number | null;
  /** 'level' unless said otherwise. */
  readonly measure?: IndicatorMeasure;
}

export interface IndicatorProgress {
  /**
   * Share of the way to the target covered, rounded to 4 decimals: for a level
   * (actual − base) / (target − base), for a cumulative figure (or a target without a
   * base) actual / target. 0 at the start, 1 at the target, above 1 beyond it, below 0
   * when it went backwards. Null when it cannot be said (see gap).
   */
  readonly progress: number | null;
  /** The target is met or passed in the target's direction (judged on the exact figures). */
  readonly reached: boolean;
  /** Whether the target lies above or below the starting point (the base, or 0). */
  readonly direction: 'rising' | 'falling' | null;
  readonly measure: IndicatorMeasure;
  readonly gap: IndicatorProgressGap | null;
}

/**
 * Progress to a plan target. Works for falling targets (energy use per unit of output):
 * both differences are negative and the share comes out positive. A cumulative
 * indicator, and a target without a base (a chain's output target), are measured from
 * zero: the share of the target reached. Whether the target is reached compares the
 * actual with the target itself, never the rounded share (85.0001 has not reached 85
 * from 100).
 */
export function indicatorProgress(input: IndicatorProgressInput): IndicatorProgress {
  const { target, actual } = input;
  const measure = input.measure ?? 'level';
  const none = { progress: null, reached: false, direction: null, measure } as const;
  if (target === null) return { ...none, gap: 'no_target' };
  const base = measure === 'cumulative' ? 0 : (input.base ?? (target > 0 ? 0 : null));
  if (base === null) return { ...none, gap: 'no_base' };
  if (target === base) return { ...none, gap: 'no_change' };
  const direction = target > base ? 'rising' : 'falling';
  if (actual === null) return { ...none, direction, gap: 'no_actual' };
  const progress = Math.round(((actual - base) / (target - base)) * 10_000) / 10_000;
  const reached = direction === 'rising' ? actual >= target : actual <= target;
  return { progress, reached, direction, measure, gap: null };
}

/** The entry of the latest year, or null. */
export function latestActual<T extends { readonly year: number }>(actuals: readonly T[]): T | null {
  let latest: T | null = null;
  for (const actual of actuals) if (!latest || actual.year > latest.year) latest = actual;
  return latest;
}
