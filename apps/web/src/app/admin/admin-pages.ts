/** The pages of 省级管理, in menu order; `/admin` opens the first. */
export const ADMIN_PAGES = [
  { path: 'users', icon: 'team', label: 'admin.nav.users' },
  { path: 'organisations', icon: 'bank', label: 'admin.nav.organisations' },
  { path: 'calendar', icon: 'calendar', label: 'admin.nav.calendar' },
  { path: 'policy', icon: 'safety-certificate', label: 'admin.nav.policy' },
  { path: 'delivery', icon: 'api', label: 'admin.nav.delivery' },
  { path: 'audit', icon: 'audit', label: 'admin.nav.audit' },
] as const;
