import {
  ACTUAL_YEAR_MAX,
  ACTUAL_YEAR_MIN,
  RISK_KINDS,
  type ChainColour,
  type ChainLevel,
  type ChainStage,
  type HealthComponentKey,
  type HealthOmission,
  type IndicatorMeasure,
  type IndicatorProgressGap,
  type IndustryGroup,
  type RiskKind,
  type RiskSubject,
} from '@lianzhang/domain';
import { z } from 'zod';
import type { Bilingual } from './i18n';
import { listQuerySchema, requiredText } from './lists';

/* ---------------------------------------------------------------- health */

export interface HealthComponentDto {
  readonly key: HealthComponentKey;
  readonly weight: number;
  readonly appliedWeight: number;
  readonly value: number;
  readonly score: number;
  readonly explanation: Bilingual;
}

export interface HealthSnapshotDto {
  /** Asia/Shanghai day, YYYY-MM-DD. */
  readonly day: string;
  readonly score: number | null;
  readonly grade: ChainColour | null;
}

/** One chain's health: the live score with its breakdown, and the daily snapshots behind the trend. */
export interface ChainHealthDto {
  readonly chainId: string;
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly industryGroup: IndustryGroup;
  readonly level: ChainLevel;
  readonly regionCode: string;
  readonly score: number | null;
  readonly grade: ChainColour | null;
  readonly components: readonly HealthComponentDto[];
  readonly omitted: readonly {
    readonly key: HealthComponentKey;
    readonly reason: HealthOmission;
  }[];
  /** Why there is no score; null when there is one. */
  readonly reason: Bilingual | null;
  /** The last 90 days of snapshots, oldest first. */
  readonly trend: readonly HealthSnapshotDto[];
}

export interface InsightsHealthDto {
  /** Asia/Shanghai day the live scores are of. */
  readonly asOf: string;
  /** Worst first; chains without a score last. */
  readonly chains: readonly ChainHealthDto[];
}

/** Days of snapshots the trend shows. */
export const HEALTH_TREND_DAYS = 90;

/* ---------------------------------------------------------------- risks */

const riskFilters = {
  kind: z.enum(RISK_KINDS).optional(),
  chainId: z.uuid().optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/, 'region.code')
    .optional(),
  q: z.string().trim().max(100).optional(),
};

export const riskListQuerySchema = listQuerySchema(['kind', 'chain'], riskFilters);
export type RiskListQuery = z.infer<typeof riskListQuerySchema>;

/** The export takes the same filters as the list, without paging. */
export const riskExportQuerySchema = z.object(riskFilters).strict();
export type RiskExportQuery = z.infer<typeof riskExportQuerySchema>;

/** Rows an export holds at most. */
export const RISK_EXPORT_MAX_ROWS = 10_000;

export interface RiskDto {
  readonly kind: RiskKind;
  readonly subjectType: RiskSubject;
  readonly subjectId: string;
  /** The link's or short board's name. */
  readonly subjectName: string;
  readonly chainId: string;
  readonly chainCode: string;
  readonly chainNameZh: string;
  readonly chainNameEn: string;
  readonly chainRegionCode: string;
  /** Stage of the link (node kinds). */
  readonly stage: ChainStage | null;
  readonly localSuppliers: number | null;
  readonly foreignDependence: number | null;
  /** Latest progress report (chokepoint kinds). */
  readonly lastReportOn: string | null;
  readonly since: string | null;
  readonly daysSilent: number | null;
  /** Why it is on the list, in words. */
  readonly reason: Bilingual;
}

/* ---------------------------------------------------------------- indicators */

export const actualYearSchema = z.coerce.number().int().min(ACTUAL_YEAR_MIN).max(ACTUAL_YEAR_MAX);

/** The `:year` of an actual's path (other path parameters are checked on their own). */
export const actualYearParamsSchema = z.object({ year: actualYearSchema });

/** A yearly actual and where it comes from (统计公报, 统计年鉴, the department's figures…). */
export const setActualSchema = z
  .object({
    value: z.number().finite().gt(-1e12).lt(1e12),
    source: requiredText(500),
  })
  .strict();
export type SetActualRequest = z.infer<typeof setActualSchema>;

export interface ActualDto {
  readonly year: number;
  readonly value: number;
  readonly source: string;
  readonly enteredByName: string | null;
  readonly enteredAt: string;
}

export interface ProgressDto {
  /**
   * (latest actual − base) / (target − base) for a level; latest actual / target for a
   * cumulative indicator or a chain's target; null when it cannot be said.
   */
  readonly progress: number | null;
  /** The latest actual meets or passes the target, in the target's direction. */
  readonly reached: boolean;
  readonly direction: 'rising' | 'falling' | null;
  /** A level moving from its base, or a total over 2021–2025 counted from zero. */
  readonly measure: IndicatorMeasure;
  readonly gap: IndicatorProgressGap | null;
}

export interface IndicatorDto extends ProgressDto {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly base2020: number | null;
  readonly target2025: number | null;
  readonly nature: 'expected' | 'binding' | null;
  readonly category: string | null;
  readonly note: string | null;
  /** Oldest first. */
  readonly actuals: readonly ActualDto[];
  readonly latest: ActualDto | null;
}

export interface ChainOutputDto extends ProgressDto {
  readonly chainId: string;
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly targetText: string | null;
  readonly targetValue: number | null;
  readonly targetUnit: string | null;
  readonly actuals: readonly (ActualDto & { readonly unit: string })[];
  readonly latest: (ActualDto & { readonly unit: string }) | null;
}

export interface IndicatorsDto {
  readonly indicators: readonly IndicatorDto[];
  /** Chains with a 2025 target, in the reader's scope. */
  readonly chains: readonly ChainOutputDto[];
  /** The reader may enter and remove actuals. */
  readonly canManage: boolean;
}
