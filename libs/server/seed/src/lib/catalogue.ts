import { PLAN_CHAINS, PLAN_INDICATORS, SHANDONG, SHANDONG_CITIES } from '@lianzhang/domain';
import type { DataSource, EntityManager } from 'typeorm';

export interface CatalogueReport {
  readonly regions: number;
  readonly chains: number;
  readonly cityLayouts: number;
  readonly indicators: number;
}

/**
 * Loads the plan's catalogue: the 16 cities, the industry groups and their chains with
 * their 2025 targets and city layouts, and the main-indicators table. Idempotent: rows
 * are matched by their stable codes; a second run changes nothing that is right.
 */
export async function seedCatalogue(dataSource: DataSource): Promise<CatalogueReport> {
  return dataSource.transaction(async (manager) => {
    const regions = [SHANDONG, ...SHANDONG_CITIES];
    for (const region of regions) {
      await manager.query(
        `INSERT INTO region (code, name_zh, name_en, level, parent_code) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (code) DO UPDATE
           SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, level = EXCLUDED.level,
               parent_code = EXCLUDED.parent_code, updated_at = now()
         WHERE (region.name_zh, region.name_en, region.level, region.parent_code)
               IS DISTINCT FROM (EXCLUDED.name_zh, EXCLUDED.name_en, EXCLUDED.level, EXCLUDED.parent_code)`,
        [region.code, region.nameZh, region.nameEn, region.level, region.parentCode],
      );
    }
    let layouts = 0;
    // Groups first, so that every sub-chain finds its parent.
    const ordered = [...PLAN_CHAINS].sort(
      (a, b) => Number(a.parentCode !== null) - Number(b.parentCode !== null),
    );
    for (const chain of ordered) {
      const parentId = chain.parentCode ? await chainId(manager, chain.parentCode) : null;
      await manager.query(
        `INSERT INTO chain (code, name_zh, name_en, industry_group, level, region_code, parent_id, target_text, target_value, target_unit, plan_section)
         VALUES ($1, $2, $3, $4, 'province', '370000', $5, $6, $7, $8, $9)
         ON CONFLICT (code) DO UPDATE
           SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, industry_group = EXCLUDED.industry_group,
               parent_id = EXCLUDED.parent_id, target_text = EXCLUDED.target_text, target_value = EXCLUDED.target_value,
               target_unit = EXCLUDED.target_unit, plan_section = EXCLUDED.plan_section, updated_at = now()
         WHERE (chain.name_zh, chain.name_en, chain.industry_group, chain.parent_id, chain.target_text, chain.target_value, chain.target_unit, chain.plan_section)
               IS DISTINCT FROM (EXCLUDED.name_zh, EXCLUDED.name_en, EXCLUDED.industry_group, EXCLUDED.parent_id, EXCLUDED.target_text,
                                 EXCLUDED.target_value, EXCLUDED.target_unit, EXCLUDED.plan_section)`,
        [
          chain.code,
          chain.nameZh,
          chain.nameEn,
          chain.industryGroup,
          parentId,
          chain.target?.text ?? null,
          chain.target?.value ?? null,
          chain.target?.unit ?? null,
          chain.section,
        ],
      );
      const id = await chainId(manager, chain.code);
      const byCity = new Map<string, { focus: string[]; section: string }>();
      for (const layout of chain.cityLayouts) {
        const entry = byCity.get(layout.cityCode) ?? { focus: [], section: layout.section };
        entry.focus.push(layout.focus);
        byCity.set(layout.cityCode, entry);
      }
      for (const [cityCode, layout] of byCity) {
        await manager.query(
          `INSERT INTO chain_city_layout (chain_id, region_code, focus, section) VALUES ($1, $2, $3, $4)
           ON CONFLICT (chain_id, region_code) DO UPDATE SET focus = EXCLUDED.focus, section = EXCLUDED.section
           WHERE (chain_city_layout.focus, chain_city_layout.section) IS DISTINCT FROM (EXCLUDED.focus, EXCLUDED.section)`,
          [id, cityCode, layout.focus.join('；'), layout.section],
        );
        layouts++;
      }
    }
    for (const [index, indicator] of PLAN_INDICATORS.entries()) {
      await manager.query(
        `INSERT INTO plan_indicator (code, name_zh, name_en, unit, base2020, target2025, nature, category, section, note, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (code) DO UPDATE
           SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, unit = EXCLUDED.unit, base2020 = EXCLUDED.base2020,
               target2025 = EXCLUDED.target2025, nature = EXCLUDED.nature, category = EXCLUDED.category,
               section = EXCLUDED.section, note = EXCLUDED.note, sort_order = EXCLUDED.sort_order`,
        [
          indicator.code,
          indicator.nameZh,
          indicator.nameEn,
          indicator.unit,
          indicator.base2020,
          indicator.target2025,
          indicator.nature,
          indicator.category,
          indicator.section,
          indicator.note ?? null,
          index,
        ],
      );
    }
    return {
      regions: regions.length,
      chains: PLAN_CHAINS.length,
      cityLayouts: layouts,
      indicators: PLAN_INDICATORS.length,
    };
  });
}

async function chainId(manager: EntityManager, code: string): Promise<string> {
  const [row] = (await manager.query(`SELECT id FROM chain WHERE code = $1`, [code])) as {
    id: string;
  }[];
  if (!row) throw new Error(`catalogue: no chain ${code}`);
  return row.id;
}
