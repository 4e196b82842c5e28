/**
 * Helpers for showing the domain's bilingual label maps (CHAIN_LEVEL_LABELS, PACE_LABELS…
 * of `@lianzhang/domain`) in the chain pages. The maps themselves live in the domain,
 * never here and never in the translation files.
 */
import type { Language } from '@lianzhang/contracts';
import type { PaceColour } from '@lianzhang/domain';

export type Labels = { readonly 'zh-CN': string; readonly en: string };

export function labelOf<K extends string>(
  labels: Readonly<Record<K, Labels>>,
  key: K,
  language: Language,
): string {
  return labels[key]?.[language] ?? key;
}

/** Tag colours of ng-zorro for the pace colours of the domain. */
export const PACE_TAG_COLOURS: Readonly<Record<PaceColour, string>> = {
  green: 'green',
  amber: 'gold',
  red: 'red',
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
