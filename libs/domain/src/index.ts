export * from './lib/regions/region';
export * from './lib/regions/shandong';
