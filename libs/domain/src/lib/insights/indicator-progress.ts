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

export interface IndicatorProgressInput {
  /** The base (2020) value; null when the plan gives none. */
  readonly base: number | null;
  /** The 2025 target; null when the plan sets none. */
  readonly target: number | null;
  /** The latest actual; null when none is entered. */
  readonly actual: number | null;
}

export interface IndicatorProgress {
  /**
   * Share of the way from base to target covered, (actual − base) / (target − base):
   * 0 at the base, 1 at the target, above 1 beyond it, below 0 when it went backwards.
   * Null when it cannot be said (see gap).
   */
  readonly progress: number | null;
  /** The target is met or passed (in the target's direction). */
  readonly reached: boolean;
  /** Whether the target lies above or below the base. */
  readonly direction: 'rising' | 'falling' | null;
  readonly gap: IndicatorProgressGap | null;
}

/**
 * Progress to a plan target. Works for falling targets (energy use per unit of output):
 * both differences are negative and the share comes out positive. Without a base (a
 * chain's output target), a positive target is measured from zero: the share reached.
 */
export function indicatorProgress(input: IndicatorProgressInput): IndicatorProgress {
  const { target, actual } = input;
  if (target === null) return { progress: null, reached: false, direction: null, gap: 'no_target' };
  const base = input.base ?? (target > 0 ? 0 : null);
  if (base === null) return { progress: null, reached: false, direction: null, gap: 'no_base' };
  if (target === base) return { progress: null, reached: false, direction: null, gap: 'no_change' };
  const direction = target > base ? 'rising' : 'falling';
  if (actual === null) return { progress: null, reached: false, direction, gap: 'no_actual' };
  const progress = Math.round(((actual - base) / (target - base)) * 10_000) / 10_000;
  return { progress, reached: progress >= 1, direction, gap: null };
}

/** The entry of the latest year, or null. */
export function latestActual<T extends { readonly year: number }>(actuals: readonly T[]): T | null {
  let latest: T | null = null;
  for (const actual of actuals) if (!latest || actual.year > latest.year) latest = actual;
  return latest;
}
