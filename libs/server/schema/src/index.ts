import type { SchemaDefinition } from '@lianzhang/server/core';
import { RegionEntity } from '@lianzhang/server/regions';
import { Regions1764300000000 } from './migrations/1764300000000-regions';

/**
 * Every entity and every migration, in order. Apps, the launcher and the tests build
 * their data sources from this one list; `npm run db:migration:generate` diffs it
 * against a database.
 */
export const SCHEMA: SchemaDefinition = {
  entities: [RegionEntity],
  migrations: [Regions1764300000000],
};
