export * from './lib/health.service';
export * from './lib/indicators.service';
export * from './lib/insights.entities';
export * from './lib/insights.http.module';
export * from './lib/insights.jobs.module';
export * from './lib/insights.module';
export * from './lib/risks.service';
