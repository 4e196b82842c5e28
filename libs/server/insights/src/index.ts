export * from './lib/health.service';
export {
  boardUnderWay,
  NO_NOTICES,
  NO_TASKS,
  projectUnderWay,
  TREND_WEEKS,
  trendWeeks,
  type BoardFact,
  type ChainFacts,
  type ChainRow as HealthChainRow,
  type HeatFact,
  type HealthFacts,
  type NoticeFacts,
  type ProjectFact,
  type TaskFacts,
} from './lib/health.repository';
export * from './lib/indicators.service';
export * from './lib/insights.entities';
export * from './lib/insights.http.module';
export * from './lib/insights.jobs.module';
export * from './lib/insights.module';
export * from './lib/risks.service';
