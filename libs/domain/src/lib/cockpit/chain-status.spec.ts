import { chainStatus, chainStatusReasonText, type ChainFacts } from './chain-status';

const calm: ChainFacts = {
  openTasks: 10,
  overdueTasks: 0,
  yellowNotices: 0,
  redNotices: 0,
  shortBoards: [{ pace: 'green', chokepoint: true }],
  projects: [{ pace: 'green' }],
  overdueRequests: 0,
};

describe('chainStatus', () => {
  it('is green with no reasons when nothing is late', () => {
    expect(chainStatus(calm)).toEqual({ colour: 'green', reasons: [] });
  });

  it('is green for a chain with no work at all (no tasks: no share to divide)', () => {
    expect(chainStatus({ ...calm, openTasks: 0, shortBoards: [], projects: [] })).toEqual({
      colour: 'green',
      reasons: [],
    });
  });

  it('turns yellow for one overdue task of ten (10 % < 20 %)', () => {
    expect(chainStatus({ ...calm, overdueTasks: 1 })).toEqual({
      colour: 'yellow',
      reasons: [{ code: 'overdue_tasks', colour: 'yellow', count: 1 }],
    });
  });

  it('turns red at three overdue of fifteen (exactly 20 %), with the share as the reason', () => {
    expect(chainStatus({ ...calm, openTasks: 15, overdueTasks: 3 })).toEqual({
      colour: 'red',
      reasons: [{ code: 'overdue_share', colour: 'red', count: 3, share: 0.2 }],
    });
  });

  it('stays yellow for two overdue of four: a high share of very few tasks is not yet alarm', () => {
    expect(chainStatus({ ...calm, openTasks: 4, overdueTasks: 2 })).toEqual({
      colour: 'yellow',
      reasons: [{ code: 'overdue_tasks', colour: 'yellow', count: 2 }],
    });
  });

  it('turns red for an open 红牌 even with nothing overdue, and lists every reason worst first', () => {
    const status = chainStatus({
      ...calm,
      redNotices: 1,
      yellowNotices: 2,
      projects: [{ pace: 'amber' }, { pace: 'green' }],
      overdueRequests: 3,
    });
    expect(status.colour).toBe('red');
    expect(status.reasons.map((r) => [r.code, r.count])).toEqual([
      ['red_notices', 1],
      ['yellow_notices', 2],
      ['projects_behind', 1],
      ['requests_overdue', 3],
    ]);
  });

  it('counts a chokepoint short board far behind as red, an ordinary one or an amber chokepoint as yellow', () => {
    const status = chainStatus({
      ...calm,
      shortBoards: [
        { pace: 'red', chokepoint: true },
        { pace: 'red', chokepoint: false },
        { pace: 'amber', chokepoint: true },
      ],
    });
    expect(status).toEqual({
      colour: 'red',
      reasons: [
        { code: 'chokepoint_behind', colour: 'red', count: 1 },
        { code: 'short_boards_behind', colour: 'yellow', count: 2 },
      ],
    });
  });

  it('says each reason in both languages', () => {
    const [reason] = chainStatus({ ...calm, overdueTasks: 3 }).reasons;
    if (!reason) throw new Error('a reason was expected');
    expect(chainStatusReasonText(reason, 'zh-CN')).toBe('逾期任务 3 项，占在办任务 30%');
    expect(chainStatusReasonText(reason, 'en')).toBe('3 overdue tasks, 30% of open tasks');
  });
});
