export * from './lib/fault-harness';
