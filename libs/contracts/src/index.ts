export * from './lib/api-paths';
export * from './lib/errors';
export * from './lib/health';
export * from './lib/i18n';
export * from './lib/identity';
export * from './lib/lists';
export * from './lib/regions';
export * from './lib/validation';
