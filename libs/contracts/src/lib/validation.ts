import {
  CHALLENGE_MESSAGES,
  CREDIT_CODE_MESSAGES,
  PASSWORD_POLICY_MESSAGE,
} from '@lianzhang/domain';
import type { Bilingual } from './i18n';

/**
 * Messages of the platform's own validation rules. A contract's custom check names one
 * of these keys as its message; the api sends the text in the caller's language and the
 * web app shows the same text beside the field.
 */
export const VALIDATION_MESSAGES = {
  'creditCode.length': CREDIT_CODE_MESSAGES.length,
  'creditCode.character': CREDIT_CODE_MESSAGES.character,
  'creditCode.division': CREDIT_CODE_MESSAGES.division,
  'creditCode.check': CREDIT_CODE_MESSAGES.check,
  'creditCode.required': {
    'zh-CN': '企业必须填写统一社会信用代码',
    en: 'An enterprise needs its unified social credit code',
  },
  'password.policy': PASSWORD_POLICY_MESSAGE,
  'text.blank': { 'zh-CN': '不能为空', en: 'Must not be blank' },
  'username.format': {
    'zh-CN': '用户名为 3–64 位小写字母、数字或 . _ -，以字母开头',
    en: 'A user name has 3–64 small letters, digits or . _ -, starting with a letter',
  },
  'region.code': {
    'zh-CN': '应为 6 位行政区划代码',
    en: 'Expected a 6-digit administrative division code',
  },
  'date.invalid': { 'zh-CN': '日期格式应为 YYYY-MM-DD', en: 'Expected a date as YYYY-MM-DD' },
  'date.order': {
    'zh-CN': '结束日期不能早于开始日期',
    en: 'The end date cannot be before the start date',
  },
  'reason.required': { 'zh-CN': '请填写原因', en: 'Please give a reason' },
  'date.fiveYears': CHALLENGE_MESSAGES.tooFar,
  'amount.cents': {
    'zh-CN': '金额最多保留两位小数（最小 0.01）',
    en: 'An amount has at most two decimals (0.01 at least)',
  },
  'email.invalid': { 'zh-CN': '邮箱地址格式不正确', en: 'Not a valid e-mail address' },
  'url.invalid': { 'zh-CN': '网址格式不正确', en: 'Not a valid URL' },
  'host.invalid': {
    'zh-CN': '应为主机名或 IP 地址',
    en: 'Expected a host name or an IP address',
  },
  'key.invalid': {
    'zh-CN': '应为 1–40 位小写字母、数字或 -',
    en: 'Expected 1–40 small letters, digits or -',
  },
} as const satisfies Record<string, Bilingual>;

export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;

export function isValidationMessageKey(value: string): value is ValidationMessageKey {
  return Object.prototype.hasOwnProperty.call(VALIDATION_MESSAGES, value);
}
