import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { translationFile } from '../testing';

/** Every key in one language exists in the other, so no label falls back silently. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key),
  );
}

/** The root files and every feature's scope (public/i18n/<scope>/<lang>.json, loaded with its route). */
const ROOT = join(__dirname, '..', '..', '..', 'public', 'i18n');
const SCOPES = [
  '',
  ...readdirSync(ROOT).filter((entry) => statSync(join(ROOT, entry)).isDirectory()),
];

describe.each(SCOPES)('translation files %s', (scope) => {
  const file = (language: string) => translationFile(scope ? `${scope}/${language}` : language);

  it('have the same keys in zh-CN and en', () => {
    expect(keys(file('en')).sort()).toEqual(keys(file('zh-CN')).sort());
  });

  it('have no empty text and no untranslated Chinese in English', () => {
    const en = file('en');
    for (const key of keys(en)) {
      const text = key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en) as string;
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(/\p{Script=Han}/u);
    }
  });
});
