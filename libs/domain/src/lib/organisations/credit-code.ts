/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a
 * 31-character alphabet (digits and capitals without I, O, Z, S, V):
 *   1     registration authority (1 机构编制, 5 民政, 9 工商/市场监管, Y 其他, …)
 *   2     organisation category under that authority
 *   3–8   administrative division of registration (GB/T 2260, digits)
 *   9–17  organisation code (GB 11714)
 *   18    check character over the first 17, weights 3^(i-1) mod 31
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeProblem = 'length' | 'character' | 'division' | 'check';

export type CreditCodeResult =
  | { readonly valid: true; readonly code: string; readonly divisionCode: string }
  | { readonly valid: false; readonly problem: CreditCodeProblem; readonly expected?: string };

/** The check character the first 17 characters call for. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0)
      throw new RangeError(`not a credit-code character: ${JSON.stringify(first17.charAt(i))}`);
    sum += value * (WEIGHTS[i] as number);
  }
  return CREDIT_CODE_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Validates a credit code. Surrounding spaces are ignored and lower-case letters are
 * read as capitals (people type them so); the normalised code is returned.
 */
export function validateCreditCode(input: string): CreditCodeResult {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return { valid: false, problem: 'length' };
  for (const character of code) {
    if (!CREDIT_CODE_ALPHABET.includes(character)) return { valid: false, problem: 'character' };
  }
  const divisionCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(divisionCode)) return { valid: false, problem: 'division' };
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code.charAt(17) !== expected) return { valid: false, problem: 'check', expected };
  return { valid: true, code, divisionCode };
}

export const CREDIT_CODE_MESSAGES: Readonly<
  Record<CreditCodeProblem, { readonly 'zh-CN': string; readonly en: string }>
> = {
  length: {
    'zh-CN': '统一社会信用代码应为 18 位',
    en: 'A unified social credit code has 18 characters',
  },
  character: {
    'zh-CN': '统一社会信用代码只能包含数字和大写字母（不含 I、O、Z、S、V）',
    en: 'A unified social credit code uses digits and capitals other than I, O, Z, S and V',
  },
  division: {
    'zh-CN': '统一社会信用代码第 3–8 位应为行政区划代码',
    en: 'Characters 3–8 must be an administrative division code',
  },
  check: {
    'zh-CN': '统一社会信用代码校验位不正确',
    en: 'The check character of the unified social credit code is wrong',
  },
};
