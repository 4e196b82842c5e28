import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter, validateCreditCode } from './credit-code';

/** A valid code from any 17 characters, by appending the check character. */
const withCheck = (first17: string) => first17 + creditCodeCheckCharacter(first17);

describe('unified social credit code (GB 32100-2015)', () => {
  it.each([
    // The example of the standard itself.
    '91350100M000100Y43',
    '91110000600037341L',
    withCheck('91370100MA3C5ER72'),
    withCheck('12370000004609434'),
    withCheck('51370200MJD612345'),
    withCheck('Y1370100000000000'),
  ])('accepts %s', (code) => {
    expect(validateCreditCode(code)).toEqual({ valid: true, code, divisionCode: code.slice(2, 8) });
  });

  it('reads lower case and surrounding spaces as people type them', () => {
    expect(validateCreditCode('  91350100m000100y43 ')).toMatchObject({
      valid: true,
      code: '91350100M000100Y43',
    });
  });

  it.each([
    ['', 'length'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y433', 'length'],
    ['91350100M000100I43', 'character'],
    ['91350100M000100O43', 'character'],
    ['91350100M000100Z43', 'character'],
    ['91350100M000100S43', 'character'],
    ['91350100M000100V43', 'character'],
    ['913501-0M000100Y43', 'character'],
    ['９1350100M000100Y43', 'character'],
    [withCheck('91A50100M000100Y4'), 'division'],
    ['91350100M000100Y44', 'check'],
    ['91350100M000100Y4A', 'check'],
  ])('refuses %j: %s', (code, problem) => {
    expect(validateCreditCode(code)).toMatchObject({ valid: false, problem });
  });

  it('names the expected check character', () => {
    expect(validateCreditCode('91350100M000100Y40')).toEqual({
      valid: false,
      problem: 'check',
      expected: '3',
    });
  });

  it('catches every single-character change of a valid code', () => {
    const code = '91350100M000100Y43';
    for (let position = 0; position < 18; position++) {
      for (const replacement of CREDIT_CODE_ALPHABET) {
        if (replacement === code[position]) continue;
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(validateCreditCode(changed).valid).toBe(false);
      }
    }
  });
});
