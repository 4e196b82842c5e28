import { paceOf, shortBoardCanMove, SHORT_BOARD_STATUSES } from './work-items';

const d = (iso: string) => new Date(`${iso}T00:00:00+08:00`);

describe('pace colour', () => {
  const start = d('2026-01-01');
  const end = d('2026-12-31');
  it.each([
    ['before the start', 0, '2025-12-01', 'green'],
    ['on pace at mid-year', 50, '2026-07-01', 'green'],
    ['a little behind', 40, '2026-07-01', 'amber'],
    ['far behind', 20, '2026-07-01', 'red'],
    ['ahead', 90, '2026-07-01', 'green'],
    ['done early', 100, '2026-03-01', 'green'],
    ['past the end, unfinished', 99, '2027-01-15', 'red'],
    ['past the end, finished', 100, '2027-01-15', 'green'],
  ])('%s: %i %% on %s is %s', (_label, progress, on, colour) => {
    expect(paceOf(progress, start, end, d(on)).colour).toBe(colour);
  });

  it('gives the ratio it judged by, and clamps progress to 0–100', () => {
    const pace = paceOf(150, start, end, d('2026-07-02'));
    expect(pace.elapsed).toBeCloseTo(0.5, 1);
    expect(pace.ratio).toBeCloseTo(2, 1);
    expect(paceOf(-5, start, end, d('2026-07-02')).colour).toBe('red');
  });

  it('handles an empty period', () => {
    expect(paceOf(0, start, start, d('2026-01-02')).colour).toBe('red');
    expect(paceOf(100, start, start, d('2026-01-02')).colour).toBe('green');
  });
});

describe('short-board workflow', () => {
  it.each([
    ['identified', 'tackling', true],
    ['tackling', 'breakthrough', true],
    ['breakthrough', 'resolved', true],
    ['tackling', 'shelved', true],
    ['shelved', 'tackling', true],
    ['identified', 'resolved', false],
    ['resolved', 'tackling', false],
    ['resolved', 'shelved', false],
  ] as const)('%s → %s: %s', (from, to, allowed) =>
    expect(shortBoardCanMove(from, to)).toBe(allowed),
  );

  it('never lets a status move to itself', () => {
    for (const status of SHORT_BOARD_STATUSES)
      expect(shortBoardCanMove(status, status)).toBe(false);
  });
});
