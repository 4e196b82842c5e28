import { inject } from '@angular/core';
import { Router, type CanActivateFn, type CanMatchFn } from '@angular/router';
import type { Role } from '@lianzhang/domain';
import { SessionStore } from './session.store';

/** Pages behind sign-in: without a session, sign in first and come back here. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const session = inject(SessionStore);
  return session.signedIn()
    ? true
    : inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** A section for some roles only: others land on the home page, which shows what they may do. */
export function roleGuard(...roles: readonly Role[]): CanMatchFn {
  return () => {
    const role = inject(SessionStore).user()?.role;
    return role !== undefined && roles.includes(role) ? true : inject(Router).createUrlTree(['/']);
  };
}
