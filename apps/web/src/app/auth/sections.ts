/** Who reaches each section; the api checks every call again, this only keeps menus honest. */
import type { Role } from '@lianzhang/domain';

export const SECTION_ROLES: Readonly<
  Record<'cockpit' | 'chains' | 'workspace' | 'admin', readonly Role[]>
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
};
