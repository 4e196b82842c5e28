import type {
  ChallengeApplicationDto,
  ChallengeDetailDto,
  ChallengeDto,
} from '@lianzhang/contracts';

/** Answers of the api for the challenge pages' component tests. */
export const CHAIN = '11111111-1111-4111-8111-111111111111';
export const OTHER_CHAIN = '22222222-2222-4222-8222-222222222222';
export const ID = '33333333-3333-4333-8333-333333333333';

export function challengeLine(over: Partial<ChallengeDto> = {}): ChallengeDto {
  return {
    id: ID,
    chainId: CHAIN,
    chainName: '集成电路',
    chainNameEn: 'Integrated circuits',
    shortBoardId: '44444444-4444-4444-8444-444444444444',
    shortBoardTitle: '车规级芯片',
    title: '车规级芯片揭榜攻关',
    budgetWan: 1500,
    deadline: '2026-12-20',
    status: 'published',
    workdaysLeft: 12,
    applicationCount: 2,
    selectedOrganisationName: null,
    applied: false,
    party: 'manager',
    allowedActions: ['edit', 'close', 'cancel'],
    version: 2,
    createdAt: '2026-11-01T02:00:00.000Z',
    publishedAt: '2026-11-02T02:00:00.000Z',
    ...over,
  };
}

export function challengeDetail(over: Partial<ChallengeDetailDto> = {}): ChallengeDetailDto {
  return {
    ...challengeLine(),
    requirements: '研制 32 位车规级 MCU',
    milestones: [
      { id: 'm1', title: '方案评审', dueDate: '2027-01-10', taskId: null },
      { id: 'm2', title: '样片流片', dueDate: '2027-04-10', taskId: null },
    ],
    selectedApplicationId: null,
    cancelReason: null,
    myApplication: null,
    ...over,
  };
}

export function application(over: Partial<ChallengeApplicationDto> = {}): ChallengeApplicationDto {
  return {
    id: '55555555-5555-4555-8555-555555555555',
    challengeId: ID,
    organisationId: '66666666-6666-4666-8666-666666666666',
    organisationName: '济南芯光微电子有限公司',
    organisationKind: 'enterprise',
    proposal: '自主 IP 核，18 个月流片',
    quotedBudgetWan: 1200,
    plannedCompletionDate: '2027-12-31',
    status: 'submitted',
    submittedByName: '联络员',
    allowedActions: ['shortlist'],
    version: 1,
    createdAt: '2026-11-05T02:00:00.000Z',
    updatedAt: '2026-11-05T02:00:00.000Z',
    ...over,
  };
}
