import { negotiateLanguage } from './i18n';
import { ERROR_CODES, ERROR_HTTP_STATUS, ERROR_MESSAGES } from './errors';

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['fr-FR,en;q=0.5', 'en'],
    ['fr-FR', 'zh-CN'],
    ['zh;q=0.2,en;q=0.8', 'en'],
    ['en;q=0,zh', 'zh-CN'],
  ])('%j → %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
});

describe('error catalogue', () => {
  it('has a status and a message in both languages for every code', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_HTTP_STATUS[code]).toBeGreaterThanOrEqual(400);
      expect(ERROR_MESSAGES[code]['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(ERROR_MESSAGES[code].en).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});
