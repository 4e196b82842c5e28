/** Kinds of organisation on the platform (DESIGN.md §2). */
export const ORGANISATION_KINDS = [
  'enterprise',
  'government',
  'institute',
  'alliance',
  'service_provider',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Readonly<
  Record<OrganisationKind, { readonly 'zh-CN': string; readonly en: string }>
> = {
  enterprise: { 'zh-CN': '企业', en: 'Enterprise' },
  government: { 'zh-CN': '政府部门', en: 'Government office' },
  institute: { 'zh-CN': '高校/科研院所', en: 'University or institute' },
  alliance: { 'zh-CN': '产业联盟/协会', en: 'Alliance or association' },
  service_provider: { 'zh-CN': '服务机构', en: 'Service provider' },
};
