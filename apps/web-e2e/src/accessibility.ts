import type { Page } from 'playwright-core';

const AXE = require.resolve('axe-core/axe.min.js');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules, plus best practices) on the page once its
 * transitions have finished (toasts excluded), and returns the serious and critical violations, each with the first nodes it found.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  // Colours are measured as they will stay, not halfway through a button's transition.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const result = (await page.evaluate(() =>
    (
      window as unknown as {
        axe: { run: (context: object, options: object) => Promise<unknown> };
      }
    ).axe.run(
      // Toasts come and go (they fade in, then out); their text is announced, not read in place.
      { exclude: [['.ant-message']] },
      { resultTypes: ['violations'] },
    ),
  )) as {
    violations: {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[]; failureSummary?: string }[];
    }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').split('\n')[1] ?? ''}`),
    }));
}
