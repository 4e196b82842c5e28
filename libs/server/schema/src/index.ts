import { AuditEntryEntity, type SchemaDefinition } from '@lianzhang/server/core';
import {
  LoginThrottleEntity,
  OrganisationEntity,
  RefreshTokenEntity,
  SessionEntity,
  UserEntity,
} from '@lianzhang/server/identity';
import { RegionEntity } from '@lianzhang/server/regions';
import { Regions1764300000000 } from './migrations/1764300000000-regions';
import { Identity1764400000000 } from './migrations/1764400000000-identity';
import { Audit1764500000000 } from './migrations/1764500000000-audit';

/**
 * Every entity and every migration, in order. Apps, the launcher and the tests build
 * their data sources from this one list; `npm run db:migration:generate` diffs it
 * against a database, and a test proves the two agree.
 */
export const SCHEMA: SchemaDefinition = {
  entities: [
    RegionEntity,
    OrganisationEntity,
    UserEntity,
    SessionEntity,
    RefreshTokenEntity,
    LoginThrottleEntity,
    AuditEntryEntity,
  ],
  migrations: [Regions1764300000000, Identity1764400000000, Audit1764500000000],
};
