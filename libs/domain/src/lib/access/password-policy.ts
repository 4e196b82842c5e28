/** At least 10 characters, and characters of at least 3 of the 4 classes. */
export const PASSWORD_MIN_LENGTH = 10;

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/] as const;

export function passwordMeetsPolicy(password: string): boolean {
  if ([...password].length < PASSWORD_MIN_LENGTH) return false;
  return CLASSES.filter((pattern) => pattern.test(password)).length >= 3;
}

export const PASSWORD_POLICY_MESSAGE = {
  'zh-CN': '密码至少 10 位，并包含大写字母、小写字母、数字、符号中的至少三类',
  en: 'A password needs 10 or more characters from at least three of: capitals, small letters, digits, symbols',
} as const;
