import type { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { LanguageService } from './language.service';

/** The api answers errors in the interface's language. */
export const acceptLanguageInterceptor: HttpInterceptorFn = (request, next) => {
  const language = inject(LanguageService).language();
  return next(
    request.url.startsWith('/api')
      ? request.clone({ setHeaders: { 'Accept-Language': language } })
      : request,
  );
};
