import { parentRegionCode, regionLevelOf } from './region';
import { SHANDONG, SHANDONG_CITIES } from './shandong';

describe('GB/T 2260 region codes', () => {
  it.each([
    ['370000', 'province', null],
    ['370100', 'city', '370000'],
    ['371700', 'city', '370000'],
    ['370102', 'county', '370100'],
  ] as const)('%s is a %s inside %s', (code, level, parent) => {
    expect(regionLevelOf(code)).toBe(level);
    expect(parentRegionCode(code)).toBe(parent);
  });

  it.each(['', '37010', '3701000', '37A100', ' 370100'])('refuses %j', (code) => {
    expect(() => regionLevelOf(code)).toThrow(RangeError);
  });
});

describe('Shandong catalogue', () => {
  it('lists the 16 cities, each a city of the province, with unique codes and names', () => {
    expect(SHANDONG_CITIES).toHaveLength(16);
    expect(new Set(SHANDONG_CITIES.map((c) => c.code)).size).toBe(16);
    expect(new Set(SHANDONG_CITIES.map((c) => c.nameZh)).size).toBe(16);
    for (const c of SHANDONG_CITIES) {
      expect(regionLevelOf(c.code)).toBe('city');
      expect(c.parentCode).toBe(SHANDONG.code);
      expect(parentRegionCode(c.code)).toBe(SHANDONG.code);
    }
    expect(SHANDONG_CITIES.map((c) => c.code)).not.toContain('371200');
  });
});
