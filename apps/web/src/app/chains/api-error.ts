import { HttpErrorResponse } from '@angular/common/http';
import {
  VALIDATION_MESSAGES,
  isValidationMessageKey,
  type ApiError,
  type Language,
} from '@lianzhang/contracts';

/** Field path → message, as shown beside each form control. */
export type FieldErrors = Readonly<Record<string, string>>;

/** The api's error body of a failed call, when there is one. */
export function apiError(error: unknown): ApiError | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body = error.error as Partial<ApiError> | null;
  return body && typeof body === 'object' && typeof body.code === 'string'
    ? { code: body.code, message: body.message ?? '', details: body.details ?? [] }
    : null;
}

/** The status of a failed call (0 when the api could not be reached). */
export function httpStatus(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : 0;
}

/** The api's field errors, keyed by path (first message per path). */
export function serverFieldErrors(error: ApiError | null): FieldErrors {
  const errors: Record<string, string> = {};
  for (const detail of error?.details ?? []) errors[detail.path] ??= detail.message;
  return errors;
}

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
}

/**
 * The shared schema's complaints, keyed by field path, in the interface language: the
 * platform's own messages (`text.blank`, `date.order`…) in their words, a missing value
 * as `required`, anything else as `invalid`.
 */
export function schemaFieldErrors(
  issues: readonly Issue[],
  language: Language,
  fallback: { readonly required: string; readonly invalid: string },
): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (errors[path]) continue;
    errors[path] = isValidationMessageKey(issue.message)
      ? VALIDATION_MESSAGES[issue.message][language]
      : issue.code === 'invalid_type' || issue.code === 'invalid_value'
        ? fallback.required
        : fallback.invalid;
  }
  return errors;
}
