import type { Bilingual, Language } from './i18n';

/**
 * Every error the api returns has this one shape. `code` is stable and is what the web
 * app translates; `message` is in the language the request asked for (Accept-Language).
 */
export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details: readonly FieldError[];
  /** The request id of the log lines that belong to this request. */
  readonly requestId?: string;
}

export interface FieldError {
  /** Dotted path of the offending field, e.g. "dueDate" or "members.2.role". */
  readonly path: string;
  readonly message: string;
}

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export const ERROR_MESSAGES: Readonly<Record<ErrorCode, Bilingual>> = {
  VALIDATION_FAILED: { 'zh-CN': '提交的数据有误，请检查标出的字段', en: 'Some fields are invalid' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', en: 'Please sign in' },
  INVALID_CREDENTIALS: {
    'zh-CN': '用户名或密码错误；连续失败 5 次将锁定 15 分钟',
    en: 'Wrong user name or password; 5 failures in a row lock the account for 15 minutes',
  },
  FORBIDDEN: { 'zh-CN': '没有执行此操作的权限', en: 'You are not allowed to do this' },
  NOT_FOUND: { 'zh-CN': '未找到该内容', en: 'Not found' },
  CONFLICT: {
    'zh-CN': '该内容已被他人修改，请刷新后重试',
    en: 'Someone else changed this; reload and try again',
  },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '提交的内容过大', en: 'The request is too large' },
  RATE_LIMITED: { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  SERVICE_UNAVAILABLE: {
    'zh-CN': '服务暂时不可用，请稍后再试',
    en: 'The service is unavailable; try again later',
  },
  INTERNAL: { 'zh-CN': '服务器内部错误', en: 'Internal server error' },
};

export function errorMessage(code: ErrorCode, language: Language): string {
  return ERROR_MESSAGES[code][language];
}
