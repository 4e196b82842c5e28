import { addDays, latestChallengeDate, shanghaiDate } from '@lianzhang/domain';
import {
  applyChallengeSchema,
  createChallengeSchema,
  selectApplicationSchema,
  updateChallengeSchema,
} from './challenges';

const today = shanghaiDate(new Date());
const request = (over: Record<string, unknown> = {}) => ({
  shortBoardId: '44444444-4444-4444-8444-444444444444',
  title: '车规级芯片揭榜攻关',
  requirements: '研制 32 位车规级 MCU',
  budgetWan: 1500,
  deadline: addDays(today, 20),
  milestones: [{ title: '方案评审', dueDate: addDays(today, 40) }],
  ...over,
});
/** The paths and messages a request fails on, once each. */
const problems = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => [...new Set(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`))];

describe('challenge amounts (万元 in numeric(14,2))', () => {
  it.each([0.01, 0.07, 1.1, 12.34, 1500, 9_999_999_999.99, 1e10])('takes %s', (budgetWan) => {
    expect(createChallengeSchema.safeParse(request({ budgetWan })).success).toBe(true);
    expect(
      applyChallengeSchema.safeParse({ proposal: '方案', quotedBudgetWan: budgetWan }).success,
    ).toBe(true);
  });

  it.each([0.001, 0.004, 0.009, 1.234, 2.345])(
    'refuses %s: more than two decimals',
    (budgetWan) => {
      expect(problems(createChallengeSchema.safeParse(request({ budgetWan })))).toContain(
        'budgetWan: amount.cents',
      );
      expect(
        problems(applyChallengeSchema.safeParse({ proposal: '方案', quotedBudgetWan: budgetWan })),
      ).toContain('quotedBudgetWan: amount.cents');
    },
  );

  it.each([0, -1, 0.001, 1e10 + 1, 1e12])(
    'refuses %s: below a cent or beyond the bound',
    (budgetWan) => {
      const result = createChallengeSchema.safeParse(request({ budgetWan }));
      expect(result.success).toBe(false);
      expect(result.error?.issues.every((i) => i.path.join('.') === 'budgetWan')).toBe(true);
    },
  );
});

describe('challenge dates: at most five years ahead', () => {
  const latest = latestChallengeDate(today);

  it('takes the last day and refuses the next, for the deadline and each milestone', () => {
    expect(
      createChallengeSchema.safeParse(request({ milestones: [{ title: '五年', dueDate: latest }] }))
        .success,
    ).toBe(true);
    expect(
      problems(
        createChallengeSchema.safeParse(
          request({
            deadline: '9999-12-31',
            milestones: [{ title: '远期', dueDate: addDays(latest, 1) }],
          }),
        ),
      ),
    ).toEqual(['deadline: date.fiveYears', 'milestones.0.dueDate: date.fiveYears']);
    expect(
      problems(updateChallengeSchema.safeParse({ version: 1, deadline: '9999-12-31' })),
    ).toEqual(['deadline: date.fiveYears']);
  });
});

describe('定榜 request', () => {
  it('needs the challenge’s version as read besides the application’s', () => {
    expect(selectApplicationSchema.safeParse({ version: 2, challengeVersion: 3 }).success).toBe(
      true,
    );
    expect(problems(selectApplicationSchema.safeParse({ version: 2 }))).toHaveLength(1);
    expect(selectApplicationSchema.safeParse({ version: 2 }).error?.issues[0]?.path).toEqual([
      'challengeVersion',
    ]);
  });
});
