import { passwordMeetsPolicy } from './password-policy';

describe('password policy', () => {
  it.each([
    ['Abcdefghi1', true],
    ['abcdefgh1!', true],
    ['ABCDEFGH1!', true],
    ['Abcdefgh!!', true],
    ['链长制平台Ab12!', true],
    ['链长制平台Ab1!', false],
    ['Abcdefgh1', false],
    ['abcdefghij', false],
    ['abcdefghi1', false],
    ['ABCDEFGHI!', false],
    ['1234567890', false],
    ['', false],
  ])('%j → %s', (password, ok) => expect(passwordMeetsPolicy(password)).toBe(ok));
});
