import { HttpErrorResponse } from '@angular/common/http';
import {
  isValidationMessageKey,
  VALIDATION_MESSAGES,
  type ApiError,
  type Bilingual,
  type Language,
} from '@lianzhang/contracts';
import type { ZodError } from 'zod';

/** Messages by field path: the first problem of each field. */
export type FieldErrors = Readonly<Partial<Record<string, string>>>;

type Issue = ZodError['issues'][number];

/**
 * Messages for the checks zod makes on its own (the contracts name a key of
 * VALIDATION_MESSAGES for their custom checks, which the api answers with too).
 */
const GENERIC: Readonly<Record<string, Bilingual>> = {
  required: { 'zh-CN': '请填写', en: 'Required' },
  choose: { 'zh-CN': '请选择', en: 'Choose a value' },
  invalid: { 'zh-CN': '格式不正确', en: 'Invalid value' },
  minNumber: { 'zh-CN': '不能小于 {n}', en: 'Must be at least {n}' },
  maxNumber: { 'zh-CN': '不能大于 {n}', en: 'Must be at most {n}' },
  maxText: { 'zh-CN': '不能超过 {n} 个字', en: 'At most {n} characters' },
};

function generic(key: keyof typeof GENERIC, language: Language, n?: unknown): string {
  return GENERIC[key][language].replace('{n}', String(n));
}

export function issueMessage(issue: Issue, language: Language): string {
  if (isValidationMessageKey(issue.message)) return VALIDATION_MESSAGES[issue.message][language];
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'number'
        ? generic('minNumber', language, issue.minimum)
        : generic('required', language);
    case 'too_big':
      return issue.origin === 'number'
        ? generic('maxNumber', language, issue.maximum)
        : generic('maxText', language, issue.maximum);
    case 'invalid_type':
      return generic('required', language);
    case 'invalid_value':
      return generic('choose', language);
    default:
      return generic('invalid', language);
  }
}

/** The problems a shared contract finds in a form, by field (`a.b` for nested paths). */
export function schemaErrors(issues: readonly Issue[], language: Language): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issueMessage(issue, language);
  }
  return errors;
}

/** The api's error body, when the failure is an answer of the api. */
export function apiErrorOf(error: unknown): ApiError | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body = error.error as Partial<ApiError> | null;
  return body && typeof body === 'object' && typeof body.message === 'string'
    ? { code: body.code ?? 'INTERNAL', message: body.message, details: body.details ?? [] }
    : null;
}

export function httpStatusOf(error: unknown): number | null {
  return error instanceof HttpErrorResponse ? error.status : null;
}

/** The api's field errors by path (the first of each). */
export function serverErrors(body: ApiError | null): FieldErrors {
  const errors: Record<string, string> = {};
  for (const detail of body?.details ?? []) errors[detail.path] ??= detail.message;
  return errors;
}

/** Why the api refused an upload: its field message (type), 413 (size), or its message. */
export function uploadRefusal(
  error: unknown,
  texts: { readonly tooLarge: string; readonly failed: string },
): string {
  const body = apiErrorOf(error);
  if (body?.details[0]) return body.details[0].message;
  if (httpStatusOf(error) === 413) return body?.message ?? texts.tooLarge;
  return body?.message ?? texts.failed;
}
