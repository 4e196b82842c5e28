type Labels = { readonly 'zh-CN': string; readonly en: string };

/** The plan's industry groups (三(二)–(四)): 5 emerging, the traditional ones, the future ones. */
export const INDUSTRY_GROUPS = [
  'next_generation_it',
  'high_end_equipment',
  'new_materials',
  'modern_medicine',
  'high_end_chemicals',
  'traditional',
  'future',
] as const;
export type IndustryGroup = (typeof INDUSTRY_GROUPS)[number];

export const INDUSTRY_GROUP_LABELS: Readonly<Record<IndustryGroup, Labels>> = {
  next_generation_it: { 'zh-CN': '新一代信息技术', en: 'Next-generation IT' },
  high_end_equipment: { 'zh-CN': '高端装备', en: 'High-end equipment' },
  new_materials: { 'zh-CN': '新材料', en: 'New materials' },
  modern_medicine: { 'zh-CN': '现代医药', en: 'Modern medicine' },
  high_end_chemicals: { 'zh-CN': '高端化工', en: 'High-end chemicals' },
  traditional: { 'zh-CN': '传统优势产业', en: 'Traditional industries' },
  future: { 'zh-CN': '未来产业', en: 'Future industries' },
};

export const CHAIN_LEVELS = ['province', 'city', 'county'] as const;
export type ChainLevel = (typeof CHAIN_LEVELS)[number];

export const CHAIN_LEVEL_LABELS: Readonly<Record<ChainLevel, Labels>> = {
  province: { 'zh-CN': '省级', en: 'Province' },
  city: { 'zh-CN': '市级', en: 'City' },
  county: { 'zh-CN': '县级', en: 'County' },
};

/** How an organisation takes part in a chain. */
export const MEMBER_ROLES = [
  'chain_master',
  'key_supporting',
  'member',
  'research_partner',
  'service_provider',
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const MEMBER_ROLE_LABELS: Readonly<Record<MemberRole, Labels>> = {
  chain_master: { 'zh-CN': '链主企业', en: 'Chain master' },
  key_supporting: { 'zh-CN': '重点配套企业', en: 'Key supporting enterprise' },
  member: { 'zh-CN': '成员企业', en: 'Member' },
  research_partner: { 'zh-CN': '科研合作单位', en: 'Research partner' },
  service_provider: { 'zh-CN': '服务机构', en: 'Service provider' },
};

export const CHAIN_STAGES = ['upstream', 'midstream', 'downstream'] as const;
export type ChainStage = (typeof CHAIN_STAGES)[number];

export const CHAIN_STAGE_LABELS: Readonly<Record<ChainStage, Labels>> = {
  upstream: { 'zh-CN': '上游', en: 'Upstream' },
  midstream: { 'zh-CN': '中游', en: 'Midstream' },
  downstream: { 'zh-CN': '下游', en: 'Downstream' },
};

/** Share of a link's supply from abroad at or above which it counts as foreign-dependent. */
export const FOREIGN_DEPENDENCE_THRESHOLD = 0.5;

export interface NodeRiskInput {
  /** Suppliers on this link located in the province. */
  readonly localSuppliers: number;
  /** Share of supply from abroad, 0–1; null when unknown. */
  readonly foreignDependence: number | null;
  /** Marked as a 卡脖子 chokepoint by the chain office. */
  readonly chokepoint: boolean;
}

export interface NodeRiskFlags {
  readonly noLocalSupplier: boolean;
  readonly singleSource: boolean;
  readonly foreignDependent: boolean;
  readonly chokepoint: boolean;
}

/** The risk flags of a chain-map link, in the order of their weight (worst first). */
export const RISK_FLAGS = [
  'chokepoint',
  'foreignDependent',
  'noLocalSupplier',
  'singleSource',
] as const satisfies readonly (keyof NodeRiskFlags)[];
export type RiskFlag = (typeof RISK_FLAGS)[number];

/** The flags in words, and `none` for a link that has none. */
export const RISK_FLAG_LABELS: Readonly<Record<RiskFlag | 'none', Labels>> = {
  chokepoint: { 'zh-CN': '卡脖子环节', en: 'Chokepoint' },
  foreignDependent: { 'zh-CN': '对外依存度高', en: 'Foreign dependence' },
  noLocalSupplier: { 'zh-CN': '省内无供应商', en: 'No local supplier' },
  singleSource: { 'zh-CN': '省内单一供应商', en: 'Single local supplier' },
  none: { 'zh-CN': '无风险标记', en: 'No risk flag' },
};

/** The derived flags of a chain-map link (DESIGN.md §2); never stored by hand. */
export function nodeRiskFlags(input: NodeRiskInput): NodeRiskFlags {
  return {
    noLocalSupplier: input.localSuppliers === 0,
    singleSource: input.localSuppliers === 1,
    foreignDependent:
      input.foreignDependence !== null && input.foreignDependence >= FOREIGN_DEPENDENCE_THRESHOLD,
    chokepoint: input.chokepoint,
  };
}
