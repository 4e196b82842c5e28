import { AuditEntryEntity, type SchemaDefinition } from '@lianzhang/server/core';
import {
  LoginThrottleEntity,
  OrganisationEntity,
  RefreshTokenEntity,
  SessionEntity,
  UserEntity,
} from '@lianzhang/server/identity';
import { CalendarOverrideEntity, CalendarYearEntity } from '@lianzhang/server/calendar';
import {
  CHAIN_ENTITIES,
  ChainCityLayoutEntity,
  PlanIndicatorEntity,
} from '@lianzhang/server/chains';
import { RegionEntity } from '@lianzhang/server/regions';
import { INSIGHT_ENTITIES } from '@lianzhang/server/insights';
import { CHALLENGE_ENTITIES } from '@lianzhang/server/challenges';
import { PERIODIC_REPORT_ENTITIES } from '@lianzhang/server/reports';
import { NOTIFICATION_ENTITIES } from '@lianzhang/server/notifications';
import { ScheduledEventEntity } from '@lianzhang/server/scheduler';
import {
  EscalationPolicyEntity,
  SupervisionNoticeEntity,
  TASK_ENTITIES,
} from '@lianzhang/server/tasks';
import { Regions1764300000000 } from './migrations/1764300000000-regions';
import { Identity1764400000000 } from './migrations/1764400000000-identity';
import { Audit1764500000000 } from './migrations/1764500000000-audit';
import { ChainsAndTasks1795875117931 } from './migrations/1795875117931-chains-and-tasks';
import { PlanCatalogue1795875589227 } from './migrations/1795875589227-plan-catalogue';
import { Calendar1795878481591 } from './migrations/1795878481591-calendar';
import { Attachments1795876110521 } from './migrations/1795876110521-attachments';
import { Escalation1795882510318 } from './migrations/1795882510318-escalation';
import { UserLanguage1795890000000 } from './migrations/1795890000000-user-language';
import { Insights1795900000000 } from './migrations/1795900000000-insights';
import { PeriodicReports1795900100000 } from './migrations/1795900100000-periodic-reports';
import { Challenges1795900300000 } from './migrations/1795900300000-challenges';
import { ProvinceScale1795900400000 } from './migrations/1795900400000-province-scale';

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
    ...CHAIN_ENTITIES,
    ...TASK_ENTITIES,
    ChainCityLayoutEntity,
    PlanIndicatorEntity,
    CalendarOverrideEntity,
    CalendarYearEntity,
    ScheduledEventEntity,
    ...NOTIFICATION_ENTITIES,
    EscalationPolicyEntity,
    SupervisionNoticeEntity,
    ...INSIGHT_ENTITIES,
    ...CHALLENGE_ENTITIES,
    ...PERIODIC_REPORT_ENTITIES,
  ],
  migrations: [
    Regions1764300000000,
    Identity1764400000000,
    Audit1764500000000,
    ChainsAndTasks1795875117931,
    PlanCatalogue1795875589227,
    Attachments1795876110521,
    Calendar1795878481591,
    Escalation1795882510318,
    UserLanguage1795890000000,
    Insights1795900000000,
    PeriodicReports1795900100000,
    Challenges1795900300000,
    ProvinceScale1795900400000,
  ],
};
