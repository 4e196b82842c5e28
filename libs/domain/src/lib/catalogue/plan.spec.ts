import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { INDUSTRY_GROUPS } from '../chains/chain';
import { SHANDONG_CITIES } from '../regions/shandong';
import { PLAN_CHAINS, PLAN_INDICATORS } from './plan';

/** The plan itself sits beside the repository in every session and CI run (shared/plan). */
const PLAN_FILE = resolve(
  __dirname,
  '../../../../../../shared/plan/shandong-14th-fyp-manufacturing-plan.md',
);

describe('the plan catalogue (typed data from ../shared/plan)', () => {
  it('has one group entry per industry group and every chain under one of them', () => {
    const groups = PLAN_CHAINS.filter((c) => c.parentCode === null);
    expect(groups.map((g) => g.industryGroup).sort()).toEqual([...INDUSTRY_GROUPS].sort());
    const codes = new Set(PLAN_CHAINS.map((c) => c.code));
    expect(codes.size).toBe(PLAN_CHAINS.length);
    for (const chain of PLAN_CHAINS.filter((c) => c.parentCode !== null)) {
      const parent = PLAN_CHAINS.find((c) => c.code === chain.parentCode);
      expect({ chain: chain.code, parentGroup: parent?.industryGroup }).toEqual({
        chain: chain.code,
        parentGroup: chain.industryGroup,
      });
      expect(chain.code.startsWith(`${chain.parentCode}.`)).toBe(true);
    }
  });

  it('names the chains the plan names, with the targets it sets', () => {
    const target = (code: string) => PLAN_CHAINS.find((c) => c.code === code)?.target;
    expect(target('ngit.ic')).toMatchObject({ value: 350, unit: '亿元', year: 2025 });
    expect(target('ngit.software')).toMatchObject({ value: 8000, unit: '亿元' });
    expect(target('ngit.sensor')).toMatchObject({ value: 500, unit: '亿元' });
    expect(target('ngit.uhd_video')).toMatchObject({ value: 3800, unit: '亿元' });
    expect(target('traditional.steel')).toMatchObject({ value: 1, unit: '万亿元' });
    expect(target('traditional.tyres')).toMatchObject({ value: 2000, unit: '亿元' });
    expect(target('traditional.foundry')).toMatchObject({ value: 1000, unit: '亿元' });
    for (const name of [
      '集成电路',
      '高端软件',
      '智能传感器',
      '钢铁',
      '轮胎',
      '铸造',
      '纺织服装',
      '食品',
      '家电',
      '造纸',
    ]) {
      expect(PLAN_CHAINS.map((c) => c.nameZh)).toContain(name);
    }
    for (const chain of PLAN_CHAINS) {
      expect(chain.section).not.toBe('');
      if (chain.target)
        expect(chain.target.value === null || chain.target.unit !== null).toBe(true);
    }
  });

  it('places every city layout in one of the 16 cities, once per chain', () => {
    const cities = new Set(SHANDONG_CITIES.map((c) => c.code));
    for (const chain of PLAN_CHAINS) {
      const seen = chain.cityLayouts.map((l) => l.cityCode);
      expect(seen.every((code) => cities.has(code))).toBe(true);
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it('has the 13 rows of the main-indicators table', () => {
    expect(PLAN_INDICATORS).toHaveLength(13);
    expect(new Set(PLAN_INDICATORS.map((i) => i.code)).size).toBe(13);
    const byName = (fragment: string) => PLAN_INDICATORS.find((i) => i.nameZh.includes(fragment));
    expect(byName('制造业增加值占')).toMatchObject({ base2020: 27.2, target2025: 28 });
    expect(byName('单项冠军')).toMatchObject({ base2020: 501, target2025: 900 });
    expect(byName('专精特新')).toMatchObject({ base2020: 2534, target2025: 4000 });
  });

  it('takes every number from the plan: each target text and indicator value occurs in the source', () => {
    expect(existsSync(PLAN_FILE)).toBe(true);
    const source = readFileSync(PLAN_FILE, 'utf8').replace(/\s+/g, '');
    for (const chain of PLAN_CHAINS) {
      if (chain.target?.value != null) {
        expect({ chain: chain.code, found: source.includes(String(chain.target.value)) }).toEqual({
          chain: chain.code,
          found: true,
        });
      }
    }
    for (const indicator of PLAN_INDICATORS) {
      for (const value of [indicator.base2020, indicator.target2025]) {
        if (value !== null)
          expect({ indicator: indicator.code, found: source.includes(String(value)) }).toEqual({
            indicator: indicator.code,
            found: true,
          });
      }
    }
  });
});
