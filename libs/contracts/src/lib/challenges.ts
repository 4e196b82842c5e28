import {
  CHALLENGE_STATUSES,
  latestChallengeDate,
  shanghaiDate,
  type ApplicationAction,
  type ApplicationStatus,
  type ChallengeAction,
  type ChallengeParty,
  type ChallengeStatus,
  type OrganisationKind,
} from '@lianzhang/domain';
import { z } from 'zod';
import { dateSchema } from './chains';
import { listQuerySchema, requiredText } from './lists';

/**
 * 万元, as budgets and investments are stated: from 0.01, two decimals at most (the
 * columns are numeric(14,2), which would round 0.001 to 0.00 and refuse it), and far below
 * what numeric(14,2) holds (under 1e12).
 */
const wan = z.number().min(0.01).max(1e10).multipleOf(0.01, { error: 'amount.cents' });

/**
 * A deadline or milestone: a date at most five years after today (Asia/Shanghai, by the
 * clock of whoever checks; the api checks again against the database's today).
 */
const planDate = dateSchema.refine(
  (date) => date <= latestChallengeDate(shanghaiDate(new Date())),
  {
    message: 'date.fiveYears',
  },
);

const milestone = z
  .object({
    title: requiredText(200),
    dueDate: planDate,
  })
  .strict();

/** A challenge starts from a short board of a chain the caller manages; the chain is the board's. */
export const createChallengeSchema = z
  .object({
    shortBoardId: z.uuid(),
    title: requiredText(200),
    requirements: requiredText(20_000),
    budgetWan: wan,
    /** Last day (Asia/Shanghai) on which applications are taken. */
    deadline: planDate,
    milestones: z.array(milestone).min(1).max(20),
  })
  .strict();
export type CreateChallengeRequest = z.output<typeof createChallengeSchema>;

/**
 * Changes to a challenge, `version` as read. A draft may change anything; once published
 * only `milestones` (the list as a whole) may change, until 定榜.
 */
export const updateChallengeSchema = z
  .object({
    version: z.number().int().min(1),
    title: requiredText(200).optional(),
    requirements: requiredText(20_000).optional(),
    budgetWan: wan.optional(),
    deadline: planDate.optional(),
    milestones: z.array(milestone).min(1).max(20).optional(),
  })
  .strict();
export type UpdateChallengeRequest = z.output<typeof updateChallengeSchema>;

/** publish, close, cancel (which needs a reason). */
export const challengeStepSchema = z
  .object({
    version: z.number().int().min(1),
    reason: z.string().trim().max(2000).optional(),
  })
  .strict();
export type ChallengeStepRequest = z.output<typeof challengeStepSchema>;

const CHALLENGE_SORTS = [
  'createdAt',
  '-createdAt',
  'deadline',
  '-deadline',
  'title',
  '-title',
] as const;

export const challengeListQuerySchema = listQuerySchema(['createdAt', 'deadline', 'title'], {
  status: z.enum(CHALLENGE_STATUSES).optional(),
  chainId: z.uuid().optional(),
  /** An applicant: challenges its organisation applied to; the chain side: those of its chains. */
  mine: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
})
  // Newest first unless told otherwise.
  .extend({ sort: z.enum(CHALLENGE_SORTS).default('-createdAt') })
  .strict();
export type ChallengeListQuery = z.output<typeof challengeListQuerySchema>;

export const applyChallengeSchema = z
  .object({
    proposal: requiredText(20_000),
    quotedBudgetWan: wan.nullable().optional(),
    plannedCompletionDate: dateSchema.nullable().optional(),
  })
  .strict();
export type ApplyChallengeRequest = z.output<typeof applyChallengeSchema>;

export const updateApplicationSchema = z
  .object({
    version: z.number().int().min(1),
    proposal: requiredText(20_000).optional(),
    quotedBudgetWan: wan.nullable().optional(),
    plannedCompletionDate: dateSchema.nullable().optional(),
  })
  .strict();
export type UpdateApplicationRequest = z.output<typeof updateApplicationSchema>;

/** withdraw, shortlist: the application's version as read. */
export const applicationStepSchema = z.object({ version: z.number().int().min(1) }).strict();
export type ApplicationStepRequest = z.output<typeof applicationStepSchema>;

/**
 * 定榜: the application's version and the challenge's as the selecting user read them;
 * tasks are made from the milestones they saw, or the answer is 409.
 */
export const selectApplicationSchema = z
  .object({
    version: z.number().int().min(1),
    challengeVersion: z.number().int().min(1),
  })
  .strict();
export type SelectApplicationRequest = z.output<typeof selectApplicationSchema>;

export interface ChallengeMilestoneDto {
  readonly id: string;
  readonly title: string;
  readonly dueDate: string;
  /** The task 定榜 created for it, once selected. */
  readonly taskId: string | null;
}

export interface ChallengeApplicationDto {
  readonly id: string;
  readonly challengeId: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly organisationKind: OrganisationKind;
  readonly proposal: string;
  readonly quotedBudgetWan: number | null;
  readonly plannedCompletionDate: string | null;
  readonly status: ApplicationStatus;
  readonly submittedByName: string;
  /** The steps the caller may take on it now. */
  readonly allowedActions: readonly ApplicationAction[];
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One line of the list. */
export interface ChallengeDto {
  readonly id: string;
  readonly chainId: string;
  readonly chainName: string;
  readonly chainNameEn: string;
  readonly shortBoardId: string;
  readonly shortBoardTitle: string;
  readonly title: string;
  readonly budgetWan: number;
  readonly deadline: string;
  /** Effective: a published challenge past its deadline reads closed. */
  readonly status: ChallengeStatus;
  /**
   * Workdays from today to the deadline while applications are open; null otherwise, and
   * when the deadline lies more than a year ahead (the count stops at that horizon).
   */
  readonly workdaysLeft: number | null;
  /** Live applications; for the chain side and the province only (null for others). */
  readonly applicationCount: number | null;
  /** The organisation 定榜 selected, once selected (a public result). */
  readonly selectedOrganisationName: string | null;
  /** Whether the caller's organisation has a live or decided application. */
  readonly applied: boolean;
  readonly party: ChallengeParty;
  readonly allowedActions: readonly ChallengeAction[];
  readonly version: number;
  readonly createdAt: string;
  readonly publishedAt: string | null;
}

export interface ChallengeDetailDto extends ChallengeDto {
  readonly requirements: string;
  readonly milestones: readonly ChallengeMilestoneDto[];
  readonly selectedApplicationId: string | null;
  readonly cancelReason: string | null;
  /** The caller's organisation's latest application, if it applied. */
  readonly myApplication: ChallengeApplicationDto | null;
}
