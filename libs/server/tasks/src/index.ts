export * from './lib/task.entities';
