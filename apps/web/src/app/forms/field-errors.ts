import { HttpErrorResponse } from '@angular/common/http';
import {
  isValidationMessageKey,
  VALIDATION_MESSAGES,
  type ApiError,
  type Bilingual,
  type FieldError,
  type Language,
} from '@lianzhang/contracts';
import type { z } from 'zod';

/** Field path (`steps.2.offsetWorkdays`) → the message to show beside that field. */
export type FieldErrors = Readonly<Record<string, string>>;

type Issue = z.core.$ZodIssue;

/**
 * Words for the checks zod makes on its own; the contracts name a key of
 * VALIDATION_MESSAGES for their custom checks, which the api answers with too.
 */
const GENERIC = {
  required: { 'zh-CN': '请填写此项', en: 'Please fill this in' },
  choose: { 'zh-CN': '请选择', en: 'Please choose' },
  integer: { 'zh-CN': '应为整数', en: 'Must be a whole number' },
  min: { 'zh-CN': '不能小于 {n}', en: 'Must be at least {n}' },
  above: { 'zh-CN': '应大于 {n}', en: 'Must be greater than {n}' },
  max: { 'zh-CN': '不能大于 {n}', en: 'Must be at most {n}' },
  below: { 'zh-CN': '应小于 {n}', en: 'Must be less than {n}' },
  shortest: { 'zh-CN': '不能少于 {n} 个字', en: 'At least {n} characters' },
  longest: { 'zh-CN': '不能超过 {n} 个字', en: 'At most {n} characters' },
  atLeast: { 'zh-CN': '至少选择 {n} 项', en: 'Choose at least {n}' },
  atMost: { 'zh-CN': '最多选择 {n} 项', en: 'Choose at most {n}' },
  email: { 'zh-CN': '请输入有效的电子邮箱', en: 'Enter a valid email address' },
  url: { 'zh-CN': '请输入有效的网址', en: 'Enter a valid web address' },
  invalid: { 'zh-CN': '格式不正确', en: 'Invalid value' },
} satisfies Record<string, Bilingual>;

function generic(key: keyof typeof GENERIC, language: Language, n?: unknown): string {
  return GENERIC[key][language].replace('{n}', String(n));
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>, language: Language): string {
  const n = issue.minimum;
  switch (issue.origin) {
    case 'array':
    case 'set':
      return generic('atLeast', language, n);
    case 'string':
      return Number(n) <= 1
        ? VALIDATION_MESSAGES['text.blank'][language]
        : generic('shortest', language, n);
    default:
      return generic(issue.inclusive === false ? 'above' : 'min', language, n);
  }
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>, language: Language): string {
  const n = issue.maximum;
  switch (issue.origin) {
    case 'array':
    case 'set':
      return generic('atMost', language, n);
    case 'string':
      return generic('longest', language, n);
    default:
      return generic(issue.inclusive === false ? 'below' : 'max', language, n);
  }
}

function invalidFormat(issue: Extract<Issue, { code: 'invalid_format' }>, language: Language) {
  switch (issue.format) {
    case 'uuid':
      return generic('choose', language);
    case 'email':
      return generic('email', language);
    case 'url':
      return generic('url', language);
    default:
      return generic('invalid', language);
  }
}

/**
 * The text of one zod issue in the interface's language: the platform's own keys
 * (`creditCode.check`, `text.blank`…) as the api words them, zod's built-in checks in
 * plain words.
 */
export function issueMessage(issue: Issue, language: Language): string {
  if (isValidationMessageKey(issue.message)) return VALIDATION_MESSAGES[issue.message][language];
  switch (issue.code) {
    case 'invalid_type':
      return generic(issue.expected === 'int' ? 'integer' : 'required', language);
    case 'invalid_value':
      return generic('choose', language);
    case 'invalid_format':
      return invalidFormat(issue, language);
    case 'too_small':
      return tooSmall(issue, language);
    case 'too_big':
      return tooBig(issue, language);
    default:
      return generic('invalid', language);
  }
}

/** The first message for each field path (`a.b.0`) of a failed `safeParse`. */
export function schemaFieldErrors(issues: readonly Issue[], language: Language): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issueMessage(issue, language);
  }
  return errors;
}

/** The api's error body, when the failure is an answer of the api. */
export function apiError(error: unknown): ApiError | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body = error.error as Partial<ApiError> | null;
  if (!body || typeof body !== 'object') return null;
  if (typeof body.code !== 'string' && typeof body.message !== 'string') return null;
  return {
    code: body.code ?? 'INTERNAL',
    message: body.message ?? '',
    details: body.details ?? [],
  };
}

/** HTTP status of a failure, 0 when it never reached the api. */
export function httpStatus(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : 0;
}

/**
 * The api's field errors (`ApiError.details`) by path, the first of each; `prefix`
 * (e.g. `policy.`) is taken off the paths so they match the form's own.
 */
export function apiFieldErrors(
  details: readonly FieldError[] | null | undefined,
  prefix = '',
): FieldErrors {
  const errors: Record<string, string> = {};
  for (const detail of details ?? []) {
    const path = detail.path.startsWith(prefix) ? detail.path.slice(prefix.length) : detail.path;
    errors[path] ??= detail.message;
  }
  return errors;
}
