import type { Language } from '@lianzhang/contracts';
import {
  ESCALATION_ANCHOR_PHRASES,
  type EscalationAnchor,
  type EscalationLevel,
} from '@lianzhang/domain';

/*
 * Helpers of the escalation ladder's pages. The bilingual labels are the domain's maps
 * (ESCALATION_LEVEL_LABELS, ESCALATION_ANCHOR_LABELS, ESCALATION_AUDIENCE_LABELS,
 * DELIVERY_CHANNEL_LABELS, POLICY_PROBLEM_MESSAGES of `@lianzhang/domain`).
 */

export const ESCALATION_LEVEL_COLOURS: Readonly<Record<EscalationLevel, string>> = {
  reminder: 'blue',
  yellow: 'gold',
  red: 'red',
};

/** When a step fires, in words: "到期日前 3 个工作日", "2 workdays after assignment". */
export function stepTiming(
  step: { readonly anchor: EscalationAnchor; readonly offsetWorkdays: number | null },
  language: Language,
): string {
  const n = Math.abs(step.offsetWorkdays ?? 0);
  const offset = step.offsetWorkdays ?? 0;
  if (language === 'en') {
    const anchor = ESCALATION_ANCHOR_PHRASES[step.anchor].en;
    if (offset === 0) return `On ${anchor}`;
    return `${n} workday${n === 1 ? '' : 's'} ${offset < 0 ? 'before' : 'after'} ${anchor}`;
  }
  const anchor = ESCALATION_ANCHOR_PHRASES[step.anchor]['zh-CN'];
  if (offset === 0) return `${anchor}当天`;
  return `${anchor}${offset < 0 ? '前' : '后'} ${n} 个工作日`;
}
