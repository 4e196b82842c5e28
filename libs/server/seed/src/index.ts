export * from './lib/catalogue';
export * from './lib/demo';
