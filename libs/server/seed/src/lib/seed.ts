import { SHANDONG, SHANDONG_CITIES } from '@lianzhang/domain';
import type { DataSource } from 'typeorm';

export interface SeedReport {
  readonly regions: number;
}

/**
 * Loads the catalogue that exists so far. Idempotent: a second run changes nothing
 * that is already right, and corrects names that differ.
 */
export async function seedCatalogue(dataSource: DataSource): Promise<SeedReport> {
  const regions = [SHANDONG, ...SHANDONG_CITIES];
  await dataSource.transaction(async (manager) => {
    for (const region of regions) {
      await manager.query(
        `INSERT INTO region (code, name_zh, name_en, level, parent_code)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (code) DO UPDATE
           SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
               level = EXCLUDED.level, parent_code = EXCLUDED.parent_code, updated_at = now()
         WHERE (region.name_zh, region.name_en, region.level, region.parent_code)
               IS DISTINCT FROM (EXCLUDED.name_zh, EXCLUDED.name_en, EXCLUDED.level, EXCLUDED.parent_code)`,
        [region.code, region.nameZh, region.nameEn, region.level, region.parentCode],
      );
    }
  });
  return { regions: regions.length };
}
