import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { AUTH_PATHS, SessionStore } from './session.store';

/**
 * Sends the access token with every api call. A 401 means the token expired: refresh it
 * once and repeat the call; when the session itself is over, go to sign-in and come
 * back to the same page afterwards.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith('/api/') || AUTH_PATHS.includes(request.url)) return next(request);
  const session = inject(SessionStore);
  const router = inject(Router);
  const withToken = () => {
    const token = session.accessToken();
    return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
  };
  return next(withToken()).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401)
        return throwError(() => error);
      return from(session.refresh()).pipe(
        switchMap((renewed) => {
          if (renewed) return next(withToken());
          void session.expired(router.url);
          return throwError(() => error);
        }),
      );
    }),
  );
};
