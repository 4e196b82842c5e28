import { translationFile } from '../testing';

/** Every key in one language exists in the other, so no label falls back silently. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key),
  );
}

describe('translation files', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(keys(translationFile('en')).sort()).toEqual(keys(translationFile('zh-CN')).sort());
  });

  it('have no empty text and no untranslated Chinese in English', () => {
    const en = translationFile('en');
    for (const key of keys(en)) {
      const text = key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en) as string;
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(/\p{Script=Han}/u);
    }
  });
});
