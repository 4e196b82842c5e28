import { PLAN_INDICATORS } from '../catalogue/plan';
import {
  INDICATOR_MEASURE_LABELS,
  INDICATOR_PROGRESS_GAP_LABELS,
  indicatorProgress,
  latestActual,
  type IndicatorProgressInput,
} from './indicator-progress';

/** The plan's own row, as the api reads it: base, target and how it is measured. */
function planRow(code: string, actual: number): IndicatorProgressInput {
  const indicator = PLAN_INDICATORS.find((i) => i.code === code);
  if (!indicator) throw new Error(`no indicator ${code}`);
  return {
    base: indicator.base2020,
    target: indicator.target2025,
    actual,
    measure: indicator.measure,
  };
}

describe('indicatorProgress', () => {
  it.each<[string, IndicatorProgressInput, number | null, boolean, string | null, string | null]>([
    ['half way up', { base: 27.2, target: 28, actual: 27.6 }, 0.5, false, 'rising', null],
    ['at the base', { base: 10, target: 20, actual: 10 }, 0, false, 'rising', null],
    ['target reached', { base: 10, target: 20, actual: 20 }, 1, true, 'rising', null],
    ['overshoot', { base: 10, target: 20, actual: 25 }, 1.5, true, 'rising', null],
    ['gone backwards', { base: 10, target: 20, actual: 8 }, -0.2, false, 'rising', null],
    // Energy use per unit of value added: down from 100 to 85.
    [
      'falling target, a third of the way',
      { base: 100, target: 85, actual: 95 },
      0.3333,
      false,
      'falling',
      null,
    ],
    [
      'falling target reached',
      { base: 100, target: 85, actual: 84 },
      1.0667,
      true,
      'falling',
      null,
    ],
    [
      'falling target, went up instead',
      { base: 100, target: 85, actual: 103 },
      -0.2,
      false,
      'falling',
      null,
    ],
    // A chain's output target has no base: the share of the target reached.
    [
      'no base: share of a positive target',
      { base: null, target: 350, actual: 280 },
      0.8,
      false,
      'rising',
      null,
    ],
    [
      'no base and no positive target',
      { base: null, target: -5, actual: 1 },
      null,
      false,
      null,
      'no_base',
    ],
    ['no actual yet', { base: 10, target: 20, actual: null }, null, false, 'rising', 'no_actual'],
    ['no target', { base: 10, target: null, actual: 12 }, null, false, null, 'no_target'],
    ['target equals base', { base: 5, target: 5, actual: 6 }, null, false, null, 'no_change'],
    // Reached is judged on the figures, not on the share rounded to 4 decimals (1.0000).
    [
      'falling target missed by a hair',
      { base: 100, target: 85, actual: 85.0001 },
      1,
      false,
      'falling',
      null,
    ],
    [
      'rising target missed by a hair',
      { base: 10, target: 20, actual: 19.99999 },
      1,
      false,
      'rising',
      null,
    ],
    ['falling target met exactly', { base: 100, target: 85, actual: 85 }, 1, true, 'falling', null],
    // A cumulative figure is counted from zero, whatever the previous period's total.
    [
      'cumulative: a 10 % reduction of a 17 % target',
      { base: 24.5, target: 17, actual: 10, measure: 'cumulative' },
      0.5882,
      false,
      'rising',
      null,
    ],
    [
      'cumulative: a 20 % reduction passes a 17 % target',
      { base: 24.5, target: 17, actual: 20, measure: 'cumulative' },
      1.1765,
      true,
      'rising',
      null,
    ],
    [
      'cumulative without a target',
      { base: 24.5, target: null, actual: 20, measure: 'cumulative' },
      null,
      false,
      null,
      'no_target',
    ],
    // The plan's two cumulative rows (marked * in its table), straight from the catalogue.
    [
      'plan: energy use per unit of industrial value added down 10 % (target 17)',
      planRow('energy_intensity_reduction', 10),
      0.5882,
      false,
      'rising',
      null,
    ],
    [
      'plan: energy use per unit of industrial value added down 20 % (target 17)',
      planRow('energy_intensity_reduction', 20),
      1.1765,
      true,
      'rising',
      null,
    ],
    [
      'plan: water use per unit of industrial value added down 4 % (target 5)',
      planRow('water_intensity_reduction', 4),
      0.8,
      false,
      'rising',
      null,
    ],
    [
      'plan: a level indicator from its base (27.2 → 28)',
      planRow('manufacturing_value_added_share', 27.6),
      0.5,
      false,
      'rising',
      null,
    ],
  ])('%s', (_label, input, progress, reached, direction, gap) => {
    expect(indicatorProgress(input)).toEqual({
      progress,
      reached,
      direction,
      measure: input.measure ?? 'level',
      gap,
    });
  });

  it('measures only the plan table’s figures marked * as cumulative', () => {
    const cumulative = PLAN_INDICATORS.filter((i) => i.measure === 'cumulative');
    expect(cumulative.map((i) => i.code)).toEqual([
      'energy_intensity_reduction',
      'water_intensity_reduction',
    ]);
    for (const indicator of cumulative) expect(indicator.note).toContain('累计值');
    for (const indicator of PLAN_INDICATORS.filter((i) => i.measure === 'level'))
      expect(indicator.note ?? '').not.toContain('累计值');
  });

  it('words every gap in both languages', () => {
    for (const labels of [
      ...Object.values(INDICATOR_PROGRESS_GAP_LABELS),
      ...Object.values(INDICATOR_MEASURE_LABELS),
    ]) {
      expect(labels['zh-CN'].trim()).not.toBe('');
      expect(labels.en).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});

describe('latestActual', () => {
  it('takes the latest year whatever the order, and null for none', () => {
    expect(latestActual([{ year: 2022 }, { year: 2024 }, { year: 2023 }])).toEqual({ year: 2024 });
    expect(latestActual([])).toBeNull();
  });
});
