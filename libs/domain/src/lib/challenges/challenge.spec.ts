import { ROLES, type Role } from '../access/roles';
import { OFFICIAL_CALENDAR } from '../calendar/official';
import { WorkdayCalendar } from '../calendar/workday-calendar';
import { SHORT_BOARD_STATUSES } from '../chains/work-items';
import {
  canPublishChallengeFrom,
  challengeWorkdaysLeft,
  latestChallengeDate,
  LIVE_CHALLENGE_STATUSES,
  allowedApplicationActions,
  allowedChallengeActions,
  APPLICATION_ACTION_LABELS,
  APPLICATION_ACTIONS,
  APPLICATION_STATUS_LABELS,
  APPLICATION_STATUSES,
  applicationPartyOf,
  CHALLENGE_ACTION_LABELS,
  CHALLENGE_ACTIONS,
  CHALLENGE_MESSAGES,
  CHALLENGE_PARTIES,
  CHALLENGE_STATUS_LABELS,
  CHALLENGE_STATUSES,
  challengePartyOf,
  challengePlanProblems,
  editableChallengeFields,
  effectiveChallengeStatus,
  isApplicationLive,
  isChallengePublic,
  milestonePastMessage,
  outcomeForOthers,
  PUBLISH_AS_CHALLENGE_LABEL,
  transitionApplication,
  transitionChallenge,
  type ApplicationAction,
  type ApplicationScopeFacts,
  type ApplicationStatus,
  type ChallengeAction,
  type ChallengeParty,
  type ChallengeStatus,
} from './challenge';

/**
 * The challenge's workflow written out by hand, one line per allowed step:
 * [from, action, to, who]. Everything not listed must be refused.
 */
const CHALLENGE_ALLOWED: readonly (readonly [
  ChallengeStatus,
  ChallengeAction,
  ChallengeStatus,
  ChallengeParty,
])[] = [
  ['draft', 'edit', 'draft', 'manager'],
  ['published', 'edit', 'published', 'manager'],
  ['closed', 'edit', 'closed', 'manager'],
  ['draft', 'publish', 'published', 'manager'],
  ['published', 'close', 'closed', 'manager'],
  ['draft', 'cancel', 'cancelled', 'manager'],
  ['published', 'cancel', 'cancelled', 'manager'],
  ['closed', 'cancel', 'cancelled', 'manager'],
  ['published', 'apply', 'published', 'applicant'],
];

/** The application's: [application status, challenge status, action, to, who]. */
const APPLICATION_ALLOWED: readonly (readonly [
  ApplicationStatus,
  ChallengeStatus,
  ApplicationAction,
  ApplicationStatus,
  ChallengeParty,
])[] = [
  ['submitted', 'published', 'edit', 'submitted', 'applicant'],
  ['submitted', 'published', 'withdraw', 'withdrawn', 'applicant'],
  ['submitted', 'closed', 'withdraw', 'withdrawn', 'applicant'],
  ['shortlisted', 'published', 'withdraw', 'withdrawn', 'applicant'],
  ['shortlisted', 'closed', 'withdraw', 'withdrawn', 'applicant'],
  ['submitted', 'published', 'shortlist', 'shortlisted', 'manager'],
  ['submitted', 'closed', 'shortlist', 'shortlisted', 'manager'],
  ['shortlisted', 'closed', 'select', 'selected', 'manager'],
];

/** Each role in each relation it can have, with the party it must come out as. */
const ACTORS: readonly (readonly [
  Role,
  string,
  ApplicationScopeFacts,
  ChallengeParty,
  ChallengeParty,
])[] = [
  // [role, relation, facts, party to the challenge, party to the application]
  [
    'province_admin',
    'anywhere',
    { chainManaged: true, ownOrganisation: false },
    'manager',
    'manager',
  ],
  [
    'province_analyst',
    'anywhere',
    { chainManaged: false, ownOrganisation: false },
    'observer',
    'observer',
  ],
  [
    'chain_leader',
    'own chain',
    { chainManaged: true, ownOrganisation: false },
    'manager',
    'manager',
  ],
  [
    'chain_leader',
    'other chain',
    { chainManaged: false, ownOrganisation: false },
    'observer',
    'observer',
  ],
  [
    'chain_office',
    'own chain',
    { chainManaged: true, ownOrganisation: false },
    'manager',
    'manager',
  ],
  [
    'chain_office',
    'other chain',
    { chainManaged: false, ownOrganisation: false },
    'observer',
    'observer',
  ],
  [
    'city_coordinator',
    'own city',
    { chainManaged: true, ownOrganisation: false },
    'manager',
    'manager',
  ],
  [
    'city_coordinator',
    'other city',
    { chainManaged: false, ownOrganisation: false },
    'observer',
    'observer',
  ],
  [
    'enterprise_user',
    'own application',
    { chainManaged: false, ownOrganisation: true },
    'applicant',
    'applicant',
  ],
  [
    'enterprise_user',
    'another’s application',
    { chainManaged: false, ownOrganisation: false },
    'applicant',
    'observer',
  ],
  // A chain scope never makes an enterprise a manager: it lacks challenge:manage.
  [
    'enterprise_user',
    'member of the chain',
    { chainManaged: true, ownOrganisation: false },
    'applicant',
    'observer',
  ],
];

describe('challenge parties', () => {
  it('covers every role', () => {
    expect(new Set(ACTORS.map(([role]) => role))).toEqual(new Set(ROLES));
  });

  it.each(ACTORS)(
    '%s (%s, %j) is %s to the challenge and %s to the application',
    (role, _relation, facts, toChallenge, toApplication) => {
      expect(challengePartyOf(role, facts)).toBe(toChallenge);
      expect(applicationPartyOf(role, facts)).toBe(toApplication);
    },
  );
});

describe('challenge transitions: every status × action × role', () => {
  const cases = ACTORS.flatMap(([role, relation, facts]) =>
    CHALLENGE_STATUSES.flatMap((status) =>
      CHALLENGE_ACTIONS.map((action) => [role, relation, facts, status, action] as const),
    ),
  );

  it(`checks ${cases.length} combinations against the hand-written table`, () => {
    let allowed = 0;
    for (const [role, relation, facts, status, action] of cases) {
      const party = challengePartyOf(role, facts);
      const expected = CHALLENGE_ALLOWED.find(
        ([from, a, , by]) => from === status && a === action && by === party,
      );
      const result = transitionChallenge(status, action, party, 'a reason');
      const label = `${role} (${relation}) ${action} on ${status}`;
      if (expected) {
        allowed++;
        expect({ label, result }).toEqual({ label, result: { ok: true, to: expected[2] } });
      } else {
        expect({ label, ok: result.ok }).toEqual({ label, ok: false });
      }
    }
    expect(allowed).toBeGreaterThanOrEqual(CHALLENGE_ALLOWED.length);
  });

  it.each(
    CHALLENGE_STATUSES.flatMap((status) => CHALLENGE_PARTIES.map((p) => [status, p] as const)),
  )('allowed actions on a %s challenge for a %s are exactly the table', (status, party) => {
    const expected = CHALLENGE_ALLOWED.filter(([from, , , by]) => from === status && by === party)
      .map(([, action]) => action)
      .sort();
    expect(allowedChallengeActions(status, party).sort()).toEqual(expected);
  });

  it('needs a reason to cancel', () => {
    for (const reason of [undefined, null, '', '   ']) {
      expect(transitionChallenge('published', 'cancel', 'manager', reason)).toEqual({
        ok: false,
        refusal: 'reason_required',
      });
    }
  });

  it('says why a step is refused: wrong party before wrong status', () => {
    expect(transitionChallenge('selected', 'publish', 'applicant')).toEqual({
      ok: false,
      refusal: 'not_your_step',
    });
    expect(transitionChallenge('closed', 'apply', 'applicant')).toEqual({
      ok: false,
      refusal: 'not_in_this_status',
    });
  });

  it('leaves selected and cancelled challenges closed to everyone', () => {
    for (const party of CHALLENGE_PARTIES) {
      expect(allowedChallengeActions('selected', party)).toEqual([]);
      expect(allowedChallengeActions('cancelled', party)).toEqual([]);
    }
  });
});

describe('application transitions: every status × challenge status × action × role', () => {
  const cases = ACTORS.flatMap(([role, relation, facts]) =>
    APPLICATION_STATUSES.flatMap((status) =>
      CHALLENGE_STATUSES.flatMap((challenge) =>
        APPLICATION_ACTIONS.map(
          (action) => [role, relation, facts, status, challenge, action] as const,
        ),
      ),
    ),
  );

  it(`checks ${cases.length} combinations against the hand-written table`, () => {
    let allowed = 0;
    for (const [role, relation, facts, status, challenge, action] of cases) {
      const party = applicationPartyOf(role, facts);
      const expected = APPLICATION_ALLOWED.find(
        ([from, c, a, , by]) => from === status && c === challenge && a === action && by === party,
      );
      const result = transitionApplication(status, challenge, action, party);
      const label = `${role} (${relation}) ${action} on a ${status} application of a ${challenge} challenge`;
      if (expected) {
        allowed++;
        expect({ label, result }).toEqual({ label, result: { ok: true, to: expected[3] } });
      } else {
        expect({ label, ok: result.ok }).toEqual({ label, ok: false });
      }
    }
    expect(allowed).toBeGreaterThanOrEqual(APPLICATION_ALLOWED.length);
  });

  it.each(
    APPLICATION_STATUSES.flatMap((status) =>
      CHALLENGE_STATUSES.flatMap((challenge) =>
        CHALLENGE_PARTIES.map((party) => [status, challenge, party] as const),
      ),
    ),
  )(
    'allowed actions on a %s application (%s challenge) for a %s are the table',
    (status, challenge, party) => {
      const expected = APPLICATION_ALLOWED.filter(
        ([from, c, , , by]) => from === status && c === challenge && by === party,
      )
        .map(([, , action]) => action)
        .sort();
      expect(allowedApplicationActions(status, challenge, party).sort()).toEqual(expected);
    },
  );

  it('names the refusal: the party first, then the challenge, then the application', () => {
    expect(transitionApplication('submitted', 'published', 'shortlist', 'applicant')).toEqual({
      ok: false,
      refusal: 'not_your_step',
    });
    expect(transitionApplication('shortlisted', 'published', 'select', 'manager')).toEqual({
      ok: false,
      refusal: 'challenge_not_open',
    });
    expect(transitionApplication('submitted', 'closed', 'select', 'manager')).toEqual({
      ok: false,
      refusal: 'not_in_this_status',
    });
  });

  it('not-selects the live applications at 定榜 and leaves the rest', () => {
    expect(APPLICATION_STATUSES.map((s) => [s, outcomeForOthers(s)])).toEqual([
      ['submitted', 'not_selected'],
      ['shortlisted', 'not_selected'],
      ['selected', 'selected'],
      ['not_selected', 'not_selected'],
      ['withdrawn', 'withdrawn'],
    ]);
    expect(APPLICATION_STATUSES.filter(isApplicationLive)).toEqual(['submitted', 'shortlisted']);
  });
});

describe('the derived status and what may change', () => {
  it.each([
    ['published', '2026-05-10', '2026-05-10', 'published'],
    ['published', '2026-05-10', '2026-05-11', 'closed'],
    ['published', '2026-05-10', '2026-05-09', 'published'],
    ['draft', '2026-05-10', '2026-06-01', 'draft'],
    ['closed', '2026-05-10', '2026-05-01', 'closed'],
    ['selected', '2026-05-10', '2026-06-01', 'selected'],
    ['cancelled', '2026-05-10', '2026-06-01', 'cancelled'],
  ] as const)('%s with deadline %s on %s reads %s', (stored, deadline, today, expected) => {
    expect(effectiveChallengeStatus(stored, deadline, today)).toBe(expected);
  });

  it('shows published, closed and selected challenges to everyone, drafts and cancelled ones not', () => {
    expect(CHALLENGE_STATUSES.filter(isChallengePublic)).toEqual([
      'published',
      'closed',
      'selected',
    ]);
  });

  it.each([
    ['draft', ['title', 'requirements', 'budgetWan', 'deadline', 'milestones']],
    ['published', ['milestones']],
    ['closed', ['milestones']],
    ['selected', []],
    ['cancelled', []],
  ] as const)('a %s challenge may change %j', (status, fields) => {
    expect(editableChallengeFields(status)).toEqual(fields);
  });
});

describe('challenge dates', () => {
  const today = '2026-03-02';

  it.each([
    [{ deadline: '2026-03-02', milestones: [{ title: 'a', dueDate: '2026-04-01' }] }, []],
    [{ deadline: '2026-03-01', milestones: [{ title: 'a', dueDate: '2026-04-01' }] }, ['deadline']],
    [
      {
        deadline: '2026-03-10',
        milestones: [
          { title: 'a', dueDate: '2026-03-10' },
          { title: 'b', dueDate: '2026-03-11' },
          { title: 'c', dueDate: '2026-02-01' },
        ],
      },
      ['milestones.0.dueDate', 'milestones.2.dueDate'],
    ],
    [
      // A closed call: its deadline lies behind, a milestone may not.
      {
        deadline: '2026-02-10',
        milestones: [
          { title: 'a', dueDate: '2026-03-01' },
          { title: 'b', dueDate: '2026-03-02' },
        ],
      },
      ['deadline', 'milestones.0.dueDate'],
    ],
  ] as const)('%j has problems at %j', (plan, paths) => {
    expect(challengePlanProblems(plan, today).map((p) => p.path)).toEqual(paths);
  });

  it.each([
    // At most five years ahead: the last day is allowed, the next one is not.
    ['2026-03-10', '2031-03-02', []],
    [
      '2031-03-03',
      '2026-04-01',
      [
        ['deadline', 'tooFar'],
        ['milestones.0.dueDate', 'milestoneBeforeDeadline'],
      ],
    ],
    ['2026-03-10', '2031-03-03', [['milestones.0.dueDate', 'tooFar']]],
    [
      '9999-12-31',
      '9999-12-31',
      [
        ['deadline', 'tooFar'],
        ['milestones.0.dueDate', 'tooFar'],
      ],
    ],
    // The deadline on the last day is allowed; a milestone must still follow it.
    ['2031-03-02', '2031-03-02', [['milestones.0.dueDate', 'milestoneBeforeDeadline']]],
  ] as const)('deadline %s, milestone %s: %j', (deadline, dueDate, expected) => {
    const problems = challengePlanProblems(
      { deadline, milestones: [{ title: 'a', dueDate }] },
      today,
    );
    expect(problems).toEqual(
      expected.map(([path, key]) => ({ path, message: CHALLENGE_MESSAGES[key] })),
    );
  });

  it('says which bound in both languages', () => {
    expect(CHALLENGE_MESSAGES.tooFar['zh-CN']).toContain('5 年');
    expect(CHALLENGE_MESSAGES.tooFar.en).toContain('5 years');
  });

  it.each([
    ['2026-03-02', '2031-03-02'],
    ['2027-02-28', '2032-02-28'],
    // 2028-02-29 + 5 years: 2033 has no 29 February.
    ['2028-02-29', '2033-02-28'],
    ['2026-12-31', '2031-12-31'],
  ])('plans from %s up to %s', (from, latest) => {
    expect(latestChallengeDate(from)).toBe(latest);
  });

  it('names the milestone whose date has passed', () => {
    const message = milestonePastMessage('样机交付');
    expect(message['zh-CN']).toContain('样机交付');
    expect(message.en).toContain('样机交付');
  });
});

/** Han characters and the full-width punctuation that goes with them. */
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

describe('challenge labels', () => {
  const maps: Record<string, Readonly<Record<string, { 'zh-CN': string; en: string }>>> = {
    CHALLENGE_STATUS_LABELS,
    CHALLENGE_ACTION_LABELS,
    APPLICATION_STATUS_LABELS,
    APPLICATION_ACTION_LABELS,
    CHALLENGE_MESSAGES,
    PUBLISH_AS_CHALLENGE_LABEL: { button: PUBLISH_AS_CHALLENGE_LABEL },
  };

  it.each(Object.entries(maps))('%s has both texts, and its English has no Chinese', (_, map) => {
    const entries = Object.entries(map);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter(([, l]) => !l['zh-CN'].trim() || !l.en.trim())).toEqual([]);
    expect(entries.filter(([, l]) => CHINESE.test(l.en)).map(([key]) => key)).toEqual([]);
  });

  it('labels every status and action', () => {
    expect(Object.keys(CHALLENGE_STATUS_LABELS)).toEqual([...CHALLENGE_STATUSES]);
    expect(Object.keys(CHALLENGE_ACTION_LABELS)).toEqual([...CHALLENGE_ACTIONS]);
    expect(Object.keys(APPLICATION_STATUS_LABELS)).toEqual([...APPLICATION_STATUSES]);
    expect(Object.keys(APPLICATION_ACTION_LABELS)).toEqual([...APPLICATION_ACTIONS]);
  });
});

describe('workdays left to the deadline', () => {
  const calendar = new WorkdayCalendar(OFFICIAL_CALENDAR);
  /** A calendar that counts how often it is asked. */
  const counting = () => {
    const spy = {
      calls: 0,
      workdaysBetween: (from: string, to: string) => {
        spy.calls++;
        return calendar.workdaysBetween(from, to);
      },
    };
    return spy;
  };

  it.each([
    // Friday 2026-03-06 to Monday 2026-03-09: one workday.
    ['published', '2026-03-09', 1],
    ['published', '2026-03-06', 0],
    ['published', '2026-03-05', null],
    ['closed', '2026-03-09', null],
    ['draft', '2026-03-09', null],
    // Within a year it counts; beyond the horizon it does not (a far date is never walked).
    ['published', '2027-03-07', 250],
    ['published', '2027-03-08', null],
    ['published', '9999-12-31', null],
  ] as const)('a %s call closing %s: %j', (status, deadline, expected) => {
    const spy = counting();
    const left = challengeWorkdaysLeft(status, deadline, '2026-03-06', spy);
    if (expected === 250) expect(left).toBeGreaterThan(240);
    else expect(left).toBe(expected);
    expect(spy.calls).toBe(expected === null ? 0 : 1);
  });
});

describe('which boards a challenge may come from', () => {
  it.each(SHORT_BOARD_STATUSES.map((s) => [s, s !== 'resolved' && s !== 'shelved'] as const))(
    'a %s board: %s',
    (status, allowed) => {
      expect(canPublishChallengeFrom(status)).toBe(allowed);
    },
  );

  it('holds a board while a challenge on it is draft, open or closed', () => {
    expect(LIVE_CHALLENGE_STATUSES).toEqual(['draft', 'published', 'closed']);
  });
});
