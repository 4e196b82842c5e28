import {
  CHAIN_LEVELS,
  CHAIN_STAGES,
  INDUSTRY_GROUPS,
  LEADERSHIP_KINDS,
  MEMBER_ROLES,
  PROJECT_STAGES,
  PROJECT_TYPES,
  SHORT_BOARD_CATEGORIES,
  SHORT_BOARD_STATUSES,
  type ChainLevel,
  type ChainStage,
  type IndustryGroup,
  type LeadershipKind,
  type MemberRole,
  type NodeRiskFlags,
  type PaceColour,
  type ProjectStage,
  type ProjectType,
  type ShortBoardCategory,
  type ShortBoardStatus,
} from '@lianzhang/domain';
import { z } from 'zod';
import { listQuerySchema, requiredText } from './lists';

const regionCode = z.string().regex(/^\d{6}$/, 'region.code');
/** A calendar date, YYYY-MM-DD, that exists. */
export const dateSchema = z.iso.date({ error: 'date.invalid' });
const share = z.number().min(0).max(1);

export const chainListQuerySchema = listQuerySchema(['code', 'nameZh'], {
  industryGroup: z.enum(INDUSTRY_GROUPS).optional(),
  level: z.enum(CHAIN_LEVELS).optional(),
  regionCode: regionCode.optional(),
  q: z.string().trim().max(100).optional(),
});
export type ChainListQuery = z.output<typeof chainListQuerySchema>;

export const createChainSchema = z
  .object({
    code: z
      .string()
      .regex(/^[a-z0-9]+(\.[a-z0-9-]+)*$/, 'text.blank')
      .max(64),
    nameZh: requiredText(100),
    nameEn: requiredText(200),
    industryGroup: z.enum(INDUSTRY_GROUPS),
    level: z.enum(CHAIN_LEVELS),
    regionCode,
    parentId: z.uuid().nullable().optional(),
    targetText: z.string().trim().max(500).nullable().optional(),
    targetValue: z.number().positive().nullable().optional(),
    targetUnit: z.string().trim().max(20).nullable().optional(),
  })
  .strict();
export type CreateChainRequest = z.output<typeof createChainSchema>;

export const updateChainSchema = z
  .object({
    version: z.number().int().min(1),
    nameZh: requiredText(100).optional(),
    nameEn: requiredText(200).optional(),
    targetText: z.string().trim().max(500).nullable().optional(),
    targetValue: z.number().positive().nullable().optional(),
    targetUnit: z.string().trim().max(20).nullable().optional(),
  })
  .strict();
export type UpdateChainRequest = z.output<typeof updateChainSchema>;

export interface ChainDto {
  readonly id: string;
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly industryGroup: IndustryGroup;
  readonly level: ChainLevel;
  readonly regionCode: string;
  readonly parentId: string | null;
  readonly targetText: string | null;
  readonly targetValue: number | null;
  readonly targetUnit: string | null;
  readonly planSection: string | null;
  readonly version: number;
}

export interface ChainDetailDto extends ChainDto {
  readonly leaders: readonly {
    readonly userId: string;
    readonly displayName: string;
    readonly kind: LeadershipKind;
  }[];
  readonly counts: {
    readonly members: number;
    readonly nodes: number;
    readonly shortBoards: number;
    readonly projects: number;
    readonly openTasks: number;
  };
  /** Whether the caller may change this chain (leads, staffs or coordinates it, or is the province). */
  readonly canEdit: boolean;
}

export const setLeadershipSchema = z.object({ kind: z.enum(LEADERSHIP_KINDS) }).strict();
export const setMemberSchema = z.object({ role: z.enum(MEMBER_ROLES) }).strict();

export interface ChainMemberDto {
  readonly organisationId: string;
  readonly name: string;
  readonly creditCode: string | null;
  readonly regionCode: string;
  readonly role: MemberRole;
}

export const createNodeSchema = z
  .object({
    name: requiredText(100),
    stage: z.enum(CHAIN_STAGES),
    parentId: z.uuid().nullable().optional(),
    foreignDependence: share.nullable().optional(),
    chokepoint: z.boolean().optional(),
    sortOrder: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();
export type CreateNodeRequest = z.output<typeof createNodeSchema>;

export const updateNodeSchema = createNodeSchema
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();
export type UpdateNodeRequest = z.output<typeof updateNodeSchema>;

export interface ChainNodeDto {
  readonly id: string;
  readonly parentId: string | null;
  readonly stage: ChainStage;
  readonly name: string;
  readonly foreignDependence: number | null;
  readonly chokepoint: boolean;
  readonly sortOrder: number;
  readonly version: number;
  readonly enterprises: readonly {
    readonly organisationId: string;
    readonly name: string;
    readonly local: boolean;
  }[];
  readonly flags: NodeRiskFlags;
  readonly shortBoardIds: readonly string[];
}

export const createShortBoardSchema = z
  .object({
    title: requiredText(200),
    description: z.string().max(5000).optional(),
    category: z.enum(SHORT_BOARD_CATEGORIES),
    nodeId: z.uuid().nullable().optional(),
    chokepoint: z.boolean().optional(),
    foreignDependence: share.nullable().optional(),
    startDate: dateSchema,
    targetDate: dateSchema,
    ownerOrganisationIds: z.array(z.uuid()).max(20).optional(),
  })
  .strict()
  .refine((v) => v.targetDate >= v.startDate, { path: ['targetDate'], message: 'date.order' });
export type CreateShortBoardRequest = z.output<typeof createShortBoardSchema>;

export const updateShortBoardSchema = z
  .object({
    version: z.number().int().min(1),
    title: requiredText(200).optional(),
    description: z.string().max(5000).optional(),
    status: z.enum(SHORT_BOARD_STATUSES).optional(),
    progress: z.number().int().min(0).max(100).optional(),
    chokepoint: z.boolean().optional(),
    foreignDependence: share.nullable().optional(),
    targetDate: dateSchema.optional(),
  })
  .strict();
export type UpdateShortBoardRequest = z.output<typeof updateShortBoardSchema>;

export interface ShortBoardDto {
  readonly id: string;
  readonly chainId: string;
  readonly nodeId: string | null;
  readonly title: string;
  readonly description: string;
  readonly category: ShortBoardCategory;
  readonly chokepoint: boolean;
  readonly foreignDependence: number | null;
  readonly status: ShortBoardStatus;
  readonly progress: number;
  readonly startDate: string;
  readonly targetDate: string;
  readonly owners: readonly { readonly organisationId: string; readonly name: string }[];
  readonly pace: {
    readonly colour: PaceColour;
    readonly elapsed: number;
    readonly ratio: number | null;
  };
  readonly version: number;
}

export const createProjectSchema = z
  .object({
    name: requiredText(200),
    type: z.enum(PROJECT_TYPES),
    regionCode,
    ownerOrganisationId: z.uuid(),
    plannedInvestment: z.number().positive().lt(1e12),
    startDate: dateSchema,
    endDate: dateSchema,
    milestones: z
      .array(z.object({ name: requiredText(200), plannedDate: dateSchema }).strict())
      .max(50)
      .optional(),
  })
  .strict()
  .refine((v) => v.endDate >= v.startDate, { path: ['endDate'], message: 'date.order' });
export type CreateProjectRequest = z.output<typeof createProjectSchema>;

export const updateProjectSchema = z
  .object({
    version: z.number().int().min(1),
    name: requiredText(200).optional(),
    stage: z.enum(PROJECT_STAGES).optional(),
    completedInvestment: z.number().min(0).lt(1e12).optional(),
    endDate: dateSchema.optional(),
  })
  .strict();
export type UpdateProjectRequest = z.output<typeof updateProjectSchema>;

export const setMilestoneSchema = z.object({ actualDate: dateSchema.nullable() }).strict();

export interface ProjectDto {
  readonly id: string;
  readonly chainId: string;
  readonly name: string;
  readonly type: ProjectType;
  readonly regionCode: string;
  readonly ownerOrganisationId: string;
  readonly plannedInvestment: number;
  readonly completedInvestment: number;
  readonly stage: ProjectStage;
  readonly startDate: string;
  readonly endDate: string;
  readonly milestones: readonly {
    readonly id: string;
    readonly name: string;
    readonly plannedDate: string;
    readonly actualDate: string | null;
  }[];
  readonly pace: {
    readonly colour: PaceColour;
    readonly elapsed: number;
    readonly ratio: number | null;
  };
  readonly version: number;
}
