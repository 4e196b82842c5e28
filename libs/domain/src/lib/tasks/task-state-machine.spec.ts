import { ROLES, type Role } from '../access/roles';
import {
  allowedTaskActions,
  TASK_ACTIONS,
  TASK_PATHS,
  TASK_STATUSES,
  TASK_TRANSITIONS,
  taskPartyOf,
  transitionTask,
  type TaskAction,
  type TaskParty,
  type TaskScopeFacts,
  type TaskStatus,
} from './task-state-machine';

/**
 * The workflow written out by hand from DESIGN.md §3, one line per allowed step:
 * [from, action, to, who]. Everything not listed here must be refused.
 */
const ALLOWED: readonly (readonly [TaskStatus, TaskAction, TaskStatus, TaskParty])[] = [
  ['draft', 'assign', 'assigned', 'assigner'],
  ['assigned', 'accept', 'accepted', 'assignee'],
  ['assigned', 'decline', 'draft', 'assignee'],
  ['accepted', 'start', 'in_progress', 'assignee'],
  ['in_progress', 'submit', 'submitted', 'assignee'],
  ['submitted', 'approve', 'done', 'assigner'],
  ['submitted', 'return', 'returned', 'assigner'],
  ['returned', 'resume', 'in_progress', 'assignee'],
  ['draft', 'cancel', 'cancelled', 'assigner'],
  ['assigned', 'cancel', 'cancelled', 'assigner'],
  ['accepted', 'cancel', 'cancelled', 'assigner'],
  ['in_progress', 'cancel', 'cancelled', 'assigner'],
  ['submitted', 'cancel', 'cancelled', 'assigner'],
  ['returned', 'cancel', 'cancelled', 'assigner'],
];
const NEEDS_REASON: readonly TaskAction[] = ['decline', 'return', 'cancel'];

/** Each role in each relation it can have to a task, with the party it must come out as. */
const ACTORS: readonly (readonly [Role, string, TaskScopeFacts, TaskParty])[] = [
  [
    'province_admin',
    'anywhere',
    { chainInScope: false, organisationIsAssignee: false, organisationIsCoHandler: false },
    'assigner',
  ],
  [
    'province_analyst',
    'anywhere',
    { chainInScope: true, organisationIsAssignee: false, organisationIsCoHandler: false },
    'observer',
  ],
  [
    'chain_leader',
    'own chain',
    { chainInScope: true, organisationIsAssignee: false, organisationIsCoHandler: false },
    'assigner',
  ],
  [
    'chain_leader',
    'other chain',
    { chainInScope: false, organisationIsAssignee: false, organisationIsCoHandler: false },
    'observer',
  ],
  [
    'chain_office',
    'own chain',
    { chainInScope: true, organisationIsAssignee: false, organisationIsCoHandler: false },
    'assigner',
  ],
  [
    'chain_office',
    'other chain',
    { chainInScope: false, organisationIsAssignee: false, organisationIsCoHandler: false },
    'observer',
  ],
  [
    'city_coordinator',
    'own city',
    { chainInScope: true, organisationIsAssignee: false, organisationIsCoHandler: false },
    'assigner',
  ],
  [
    'city_coordinator',
    'other city',
    { chainInScope: false, organisationIsAssignee: false, organisationIsCoHandler: false },
    'observer',
  ],
  [
    'enterprise_user',
    'assignee (主办)',
    { chainInScope: false, organisationIsAssignee: true, organisationIsCoHandler: false },
    'assignee',
  ],
  [
    'enterprise_user',
    'co-handler (协办)',
    { chainInScope: false, organisationIsAssignee: false, organisationIsCoHandler: true },
    'co_handler',
  ],
  [
    'enterprise_user',
    'another enterprise',
    { chainInScope: true, organisationIsAssignee: false, organisationIsCoHandler: false },
    'observer',
  ],
];

describe('task parties', () => {
  it('covers every role', () => {
    expect(new Set(ACTORS.map(([role]) => role))).toEqual(new Set(ROLES));
  });

  it.each(ACTORS)('%s (%s, %j) acts as %s', (role, _relation, facts, party) => {
    expect(taskPartyOf(role, facts)).toBe(party);
  });
});

describe('task transitions: every status × action × role', () => {
  const cases = ACTORS.flatMap(([role, relation, facts, party]) =>
    TASK_STATUSES.flatMap((status) =>
      TASK_ACTIONS.map((action) => [role, relation, status, action, facts, party] as const),
    ),
  );

  it(`checks ${cases.length} combinations against the hand-written table`, () => {
    let allowed = 0;
    for (const [role, relation, status, action, facts, party] of cases) {
      const expected = ALLOWED.find(
        ([from, a, , by]) => from === status && a === action && by === party,
      );
      const result = transitionTask(status, action, taskPartyOf(role, facts), 'a reason');
      const label = `${role} (${relation}) ${action} on ${status}`;
      if (expected) {
        allowed++;
        expect({ label, result }).toEqual({ label, result: { ok: true, to: expected[2] } });
      } else {
        expect({ label, ok: result.ok }).toEqual({ label, ok: false });
      }
    }
    // Every step of the table is reachable by some role.
    expect(allowed).toBeGreaterThanOrEqual(ALLOWED.length);
  });

  it.each(ALLOWED.filter(([, action]) => NEEDS_REASON.includes(action)))(
    '%s --%s--> %s by %s needs a reason',
    (from, action, _to, party) => {
      expect(transitionTask(from, action, party)).toEqual({
        ok: false,
        refusal: 'reason_required',
      });
      expect(transitionTask(from, action, party, '   ')).toEqual({
        ok: false,
        refusal: 'reason_required',
      });
    },
  );

  it('says why a step is refused: wrong party before wrong status', () => {
    expect(transitionTask('draft', 'accept', 'assigner')).toEqual({
      ok: false,
      refusal: 'not_your_step',
    });
    expect(transitionTask('done', 'accept', 'assignee')).toEqual({
      ok: false,
      refusal: 'not_in_this_status',
    });
    expect(transitionTask('cancelled', 'cancel', 'assigner', 'again')).toEqual({
      ok: false,
      refusal: 'not_in_this_status',
    });
  });

  it.each(
    TASK_STATUSES.flatMap((status) =>
      (['assigner', 'assignee', 'co_handler', 'observer'] as const).map(
        (p) => [status, p] as const,
      ),
    ),
  )('allowed actions on %s for %s are exactly the table', (status, party) => {
    const expected = ALLOWED.filter(([from, , , by]) => from === status && by === party).map(
      ([, action]) => action,
    );
    expect(allowedTaskActions(status, party).sort()).toEqual([...expected].sort());
  });

  it('leaves done and cancelled tasks closed to everyone', () => {
    for (const party of ['assigner', 'assignee', 'co_handler', 'observer'] as const) {
      expect(allowedTaskActions('done', party)).toEqual([]);
      expect(allowedTaskActions('cancelled', party)).toEqual([]);
    }
  });
});

describe('TASK_PATHS', () => {
  it.each(TASK_STATUSES)('reaches %s from a draft by transitions of the workflow', (status) => {
    let at: TaskStatus = 'draft';
    for (const [action, from, to] of TASK_PATHS[status]) {
      expect(from).toBe(at);
      expect(TASK_TRANSITIONS[action].from).toContain(from);
      expect(TASK_TRANSITIONS[action].to).toBe(to);
      at = to;
    }
    expect(at).toBe(status);
  });
});
