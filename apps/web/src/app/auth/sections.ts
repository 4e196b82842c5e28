/** Who reaches each section; the api checks every call again, this only keeps menus honest. */
import type { Role } from '@lianzhang/domain';

export const SECTION_ROLES: Readonly<
  Record<
    | 'cockpit'
    | 'chains'
    | 'workspace'
    | 'admin'
    | 'insights'
    | 'reports'
    | 'imports'
    | 'challenges',
    readonly Role[]
  >
> = {
  cockpit: ['province_admin', 'province_analyst', 'city_coordinator'],
  chains: [
    'province_admin',
    'province_analyst',
    'chain_leader',
    'chain_office',
    'city_coordinator',
  ],
  workspace: ['enterprise_user'],
  admin: ['province_admin'],
  /** Chain health, the risk view, the plan's indicators (insight:read). */
  insights: [
    'province_admin',
    'province_analyst',
    'chain_leader',
    'chain_office',
    'city_coordinator',
  ],
  /** Weekly and monthly Excel reports (periodic_report:read). */
  reports: [
    'province_admin',
    'province_analyst',
    'chain_leader',
    'chain_office',
    'city_coordinator',
  ],
  /** Excel templates and uploads (data:import). */
  imports: ['province_admin', 'chain_leader', 'chain_office', 'city_coordinator'],
  /** 揭榜挂帅: every role reads; chain side publishes and selects, enterprises apply. */
  challenges: [
    'province_admin',
    'province_analyst',
    'chain_leader',
    'chain_office',
    'city_coordinator',
    'enterprise_user',
  ],
};
