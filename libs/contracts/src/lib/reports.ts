import {
  PERIODIC_REPORT_STATUSES,
  REPORT_PERIOD_KINDS,
  REPORT_SCOPES,
  type PeriodicReportStatus,
  type ReportPeriodKind,
  type ReportScope,
  type ReportTrigger,
} from '@lianzhang/domain';
import { z } from 'zod';
import { dateSchema } from './chains';
import { MAX_PAGE_SIZE } from './lists';

/** Where the periodic reports live (`/api/reports` is the progress reports' already). */
export const PERIODIC_REPORTS_PATH = '/api/periodic-reports';

/**
 * The list of periodic reports, newest first (a report just asked for is on top). Filters
 * only; the order is fixed.
 */
export const periodicReportListQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
    scope: z.enum(REPORT_SCOPES).optional(),
    chainId: z.uuid().optional(),
    kind: z.enum(REPORT_PERIOD_KINDS).optional(),
    status: z.enum(PERIODIC_REPORT_STATUSES).optional(),
  })
  .strict();
export type PeriodicReportListQuery = z.output<typeof periodicReportListQuerySchema>;

const periodFields = {
  kind: z.enum(REPORT_PERIOD_KINDS),
  /**
   * Any day of the wanted period (the period containing it is meant); without it, the
   * last period that ended: last week, last month.
   */
  periodStart: dateSchema.optional(),
};

/** 生成报告: a report of the province or of one chain, for a week or a month. */
export const createPeriodicReportSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('province'), ...periodFields }).strict(),
  z.object({ scope: z.literal('chain'), chainId: z.uuid(), ...periodFields }).strict(),
]);
export type CreatePeriodicReportRequest = z.output<typeof createPeriodicReportSchema>;

export interface PeriodicReportDto {
  readonly id: string;
  readonly scope: ReportScope;
  readonly chainId: string | null;
  readonly chainNameZh: string | null;
  readonly chainNameEn: string | null;
  readonly kind: ReportPeriodKind;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly trigger: ReportTrigger;
  /** Who asked for it; null for a scheduled report. */
  readonly requestedBy: { readonly id: string; readonly name: string } | null;
  readonly status: PeriodicReportStatus;
  readonly attempts: number;
  /** Why the last attempt failed (a failed report, or a pending one about to retry). */
  readonly lastError: string | null;
  /** The download's name, once ready. */
  readonly fileName: string | null;
  readonly sizeBytes: number | null;
  /** SHA-256 of the file, hex, for anyone who wants to prove a copy is the original. */
  readonly sha256: string | null;
  readonly createdAt: string;
  readonly generatedAt: string | null;
  /** How long the last successful generation took. */
  readonly durationMs: number | null;
}

/** What the caller may ask a report of: the province (province roles) and the chains in scope. */
export interface PeriodicReportOptionsDto {
  readonly province: boolean;
  readonly chains: readonly {
    readonly id: string;
    readonly code: string;
    readonly nameZh: string;
    readonly nameEn: string;
  }[];
}
