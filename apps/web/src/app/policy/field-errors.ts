import { HttpErrorResponse } from '@angular/common/http';
import {
  isValidationMessageKey,
  VALIDATION_MESSAGES,
  type ApiError,
  type FieldError,
  type Language,
} from '@lianzhang/contracts';
import type { z } from 'zod';

/** Field path (`steps.2.key`) → the message to show beside that field. */
export type FieldErrors = Readonly<Record<string, string>>;

type Labels = { readonly 'zh-CN': string; readonly en: string };

const GENERIC: Readonly<Record<string, Labels>> = {
  required: { 'zh-CN': '请填写此项', en: 'Please fill this in' },
  choose: { 'zh-CN': '请选择', en: 'Please choose' },
  atLeast: { 'zh-CN': '至少选择 {n} 项', en: 'Choose at least {n}' },
  atMost: { 'zh-CN': '最多 {n} 项', en: 'At most {n}' },
  min: { 'zh-CN': '不能小于 {n}', en: 'Must be at least {n}' },
  max: { 'zh-CN': '不能大于 {n}', en: 'Must be at most {n}' },
  integer: { 'zh-CN': '应为整数', en: 'Must be a whole number' },
  longest: { 'zh-CN': '最多 {n} 个字符', en: 'At most {n} characters' },
  invalid: { 'zh-CN': '格式不正确', en: 'Not valid' },
};

function generic(key: string, language: Language, n?: unknown): string {
  return (GENERIC[key] ?? (GENERIC['invalid'] as Labels))[language].replace('{n}', String(n));
}

/**
 * The text of one zod issue in the interface's language: the platform's own keys
 * (`creditCode.check`, `text.blank`…) as the api words them, zod's built-in checks in
 * plain words.
 */
export function issueMessage(issue: z.core.$ZodIssue, language: Language): string {
  if (isValidationMessageKey(issue.message)) return VALIDATION_MESSAGES[issue.message][language];
  switch (issue.code) {
    case 'invalid_type':
      return generic(issue.expected === 'number' ? 'required' : 'required', language);
    case 'invalid_value':
      return generic('choose', language);
    case 'invalid_format':
      return generic(issue.format === 'uuid' ? 'choose' : 'invalid', language);
    case 'too_small':
      if (issue.origin === 'array') return generic('atLeast', language, issue.minimum);
      if (issue.origin === 'string') return VALIDATION_MESSAGES['text.blank'][language];
      return generic('min', language, issue.minimum);
    case 'too_big':
      if (issue.origin === 'array') return generic('atMost', language, issue.maximum);
      if (issue.origin === 'string') return generic('longest', language, issue.maximum);
      return generic('max', language, issue.maximum);
    default:
      return generic('invalid', language);
  }
}

/** The first message for each field path of a failed `safeParse`. */
export function zodFieldErrors(error: z.ZodError, language: Language): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issueMessage(issue, language);
  }
  return errors;
}

/** The api's error body, when the failure is one. */
export function apiError(error: unknown): ApiError | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body = error.error as Partial<ApiError> | null;
  return body && typeof body === 'object' && typeof body.code === 'string'
    ? { code: body.code, message: body.message ?? '', details: body.details ?? [] }
    : null;
}

/** The api's field errors by path; `prefix` (e.g. `policy.`) is taken off the paths. */
export function apiFieldErrors(
  details: readonly FieldError[] | undefined,
  prefix = '',
): FieldErrors {
  const errors: Record<string, string> = {};
  for (const detail of details ?? []) {
    const path = detail.path.startsWith(prefix) ? detail.path.slice(prefix.length) : detail.path;
    errors[path] ??= detail.message;
  }
  return errors;
}

/** HTTP status of a failure, 0 when it never reached the api. */
export function statusOf(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : 0;
}
