export * from './lib/access/password-policy';
export * from './lib/access/roles';
export * from './lib/organisations/credit-code';
export * from './lib/organisations/organisation';
export * from './lib/regions/region';
export * from './lib/regions/shandong';
export * from './lib/tasks/task-state-machine';
