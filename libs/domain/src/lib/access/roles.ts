/**
 * Roles of DESIGN.md §1. A user has one role; which chains or which organisation the
 * role reaches is scope, and comes from the database, never from a request.
 */
export const ROLES = [
  'province_admin',
  'province_analyst',
  'chain_leader',
  'chain_office',
  'city_coordinator',
  'enterprise_user',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<
  Record<Role, { readonly 'zh-CN': string; readonly en: string }>
> = {
  province_admin: { 'zh-CN': '省级管理员', en: 'Province administrator' },
  province_analyst: { 'zh-CN': '省级分析员（只读）', en: 'Province analyst (read only)' },
  chain_leader: { 'zh-CN': '链长', en: 'Chain leader' },
  chain_office: { 'zh-CN': '链长办工作人员', en: 'Chain office staff' },
  city_coordinator: { 'zh-CN': '市级协调员', en: 'City coordinator' },
  enterprise_user: { 'zh-CN': '企业用户', en: 'Enterprise user' },
};

/** How a chain-side user stands to one chain: 总链长 (over several chains), 链长, or 链长办 staff. */
export const LEADERSHIP_KINDS = ['chief', 'leader', 'office'] as const;
export type LeadershipKind = (typeof LEADERSHIP_KINDS)[number];

export const LEADERSHIP_LABELS: Readonly<
  Record<LeadershipKind, { readonly 'zh-CN': string; readonly en: string }>
> = {
  chief: { 'zh-CN': '总链长', en: 'Chief chain leader' },
  leader: { 'zh-CN': '链长', en: 'Chain leader' },
  office: { 'zh-CN': '链长办', en: 'Chain office' },
};

/** Every permission a route can declare. */
export const PERMISSIONS = [
  'me:read',
  'region:read',
  'organisation:read',
  'organisation:manage',
  'user:read',
  'user:manage',
  'chain:read',
  'chain:manage',
  'chain:edit',
  'task:read',
  'task:assign',
  'task:work',
  'report:create',
  'report:review',
  'request:create',
  'request:handle',
  'audit:read',
  'calendar:manage',
  /** The provincial cockpit: every chain of the scope on one screen. */
  'cockpit:read',
  /** The province's default escalation policy. */
  'escalation:manage',
  /** Delivery endpoints, the outgoing allow-list, the dead letter and the queue board. */
  'delivery:manage',
  /** Chain health scores and their history, the risk view (map nodes and chokepoints at risk). */
  'insight:read',
  /** Yearly actuals of the plan's indicators and chains' output (the province enters them). */
  'indicator:manage',
  /** Weekly and monthly Excel reports: list, download, generate on demand (rows scoped). */
  'periodic_report:read',
  /** Excel import: templates and uploads (organisations need organisation:manage too). */
  'data:import',
  /** Open challenges (揭榜挂帅): publish, shortlist, select (定榜). */
  'challenge:manage',
  /** Apply to an open challenge with a proposal (enterprises and institutes). */
  'challenge:apply',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = [
  'me:read',
  'region:read',
  'organisation:read',
  'chain:read',
  'task:read',
];
const CHAIN_SIDE: Permission[] = [
  ...READ,
  'chain:edit',
  'task:assign',
  'report:review',
  'request:handle',
  'report:create',
  'insight:read',
  'periodic_report:read',
  'data:import',
  'challenge:manage',
];

/**
 * What each role may do at all. Whether it may do it to a given row is decided by the
 * services from the user's scope (their chains, their city, their organisation).
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  province_admin: [
    ...CHAIN_SIDE,
    'organisation:manage',
    'user:read',
    'user:manage',
    'chain:manage',
    'audit:read',
    'calendar:manage',
    'cockpit:read',
    'escalation:manage',
    'delivery:manage',
    'indicator:manage',
  ],
  province_analyst: [
    ...READ,
    'user:read',
    'audit:read',
    'cockpit:read',
    'insight:read',
    'periodic_report:read',
  ],
  chain_leader: CHAIN_SIDE,
  chain_office: CHAIN_SIDE,
  city_coordinator: [...CHAIN_SIDE, 'cockpit:read'],
  enterprise_user: [...READ, 'task:work', 'report:create', 'request:create', 'challenge:apply'],
};

/** Roles that read every chain of the province (the provincial office); the rest are scoped. */
export const PROVINCE_WIDE_ROLES: readonly Role[] = ['province_admin', 'province_analyst'];

export function seesWholeProvince(role: Role): boolean {
  return PROVINCE_WIDE_ROLES.includes(role);
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
