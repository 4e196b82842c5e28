import {
  INDICATOR_PROGRESS_GAP_LABELS,
  indicatorProgress,
  latestActual,
  type IndicatorProgressInput,
} from './indicator-progress';

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
  ])('%s', (_label, input, progress, reached, direction, gap) => {
    expect(indicatorProgress(input)).toEqual({ progress, reached, direction, gap });
  });

  it('words every gap in both languages', () => {
    for (const labels of Object.values(INDICATOR_PROGRESS_GAP_LABELS)) {
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
