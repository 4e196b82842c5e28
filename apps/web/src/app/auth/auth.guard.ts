import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { SessionStore } from './session.store';

/** Pages behind sign-in: without a session, sign in first and come back here. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const session = inject(SessionStore);
  return session.signedIn()
    ? true
    : inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};
