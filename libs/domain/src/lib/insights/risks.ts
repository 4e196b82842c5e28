import { REPORT_WINDOW_DAYS } from './chain-health';

type Labels = { readonly 'zh-CN': string; readonly en: string };

/**
 * Kinds of risk on the province's risk view, the worst first. The first three are
 * chain-map links (their derived flags, see nodeRiskFlags); the last two are open
 * chokepoint (卡脖子) short boards that nobody owns or nobody reports on.
 */
export const RISK_KINDS = [
  'chokepoint_no_owner',
  'chokepoint_stale',
  'foreign_dependence',
  'no_local_supplier',
  'single_source',
] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

/* A chokepoint short board without a progress report for REPORT_WINDOW_DAYS days is stale. */

export const RISK_KIND_LABELS: Readonly<Record<RiskKind, Labels>> = {
  chokepoint_no_owner: { 'zh-CN': '卡脖子短板无牵头单位', en: 'Chokepoint without an owner' },
  chokepoint_stale: {
    'zh-CN': `卡脖子短板 ${REPORT_WINDOW_DAYS} 天无进展报告`,
    en: `Chokepoint without a report for ${REPORT_WINDOW_DAYS} days`,
  },
  foreign_dependence: { 'zh-CN': '对外依存度高', en: 'Foreign dependence' },
  no_local_supplier: { 'zh-CN': '省内无供应商', en: 'No local supplier' },
  single_source: { 'zh-CN': '省内单一供应商', en: 'Single local supplier' },
};

/** Where a risk sits: a link of a chain map or a short board. */
export type RiskSubject = 'node' | 'short_board';

export interface RiskFacts {
  readonly kind: RiskKind;
  /** Suppliers in the province on the link (node kinds). */
  readonly localSuppliers?: number | null;
  /** Share of supply from abroad, 0–1 (node kinds). */
  readonly foreignDependence?: number | null;
  /** Latest progress report day (chokepoint kinds); null when none ever came. */
  readonly lastReportOn?: string | null;
  /** The day reporting was first expected (the short board's start). */
  readonly since?: string | null;
  /** Whole days since the last report, or since `since` when none came. */
  readonly daysSilent?: number | null;
}

/** Why a row is on the risk list, in words. */
export function riskReason(facts: RiskFacts): Labels {
  switch (facts.kind) {
    case 'chokepoint_no_owner':
      return {
        'zh-CN': '卡脖子短板尚未确定牵头攻关单位',
        en: 'No organisation owns this chokepoint short board',
      };
    case 'chokepoint_stale':
      return facts.lastReportOn
        ? {
            'zh-CN': `最近一次进展报告为 ${facts.lastReportOn}，已 ${facts.daysSilent ?? '?'} 天`,
            en: `Last progress report on ${facts.lastReportOn}, ${facts.daysSilent ?? '?'} days ago`,
          }
        : {
            'zh-CN': `自 ${facts.since ?? '开始'} 起从未报送进展（${facts.daysSilent ?? '?'} 天）`,
            en: `No progress report since ${facts.since ?? 'the start'} (${facts.daysSilent ?? '?'} days)`,
          };
    case 'foreign_dependence': {
      const share = `${Math.round((facts.foreignDependence ?? 0) * 1000) / 10}%`;
      return {
        'zh-CN': `对外依存度 ${share}`,
        en: `${share} of supply from abroad`,
      };
    }
    case 'no_local_supplier':
      return { 'zh-CN': '该环节省内没有供应商', en: 'No supplier of this link in the province' };
    case 'single_source':
      return {
        'zh-CN': '该环节省内只有 1 家供应商',
        en: 'Only one supplier of this link in the province',
      };
  }
}
