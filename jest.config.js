/** Every Jest project of the workspace; `npm test` runs them all after lint, type checks and the build. */
/** @type {import("jest").Config} */
module.exports = {
  projects: [
    '<rootDir>/libs/domain',
    '<rootDir>/libs/contracts',
    '<rootDir>/libs/server/core',
    '<rootDir>/libs/server/regions',
    '<rootDir>/libs/server/seed',
    '<rootDir>/libs/server/identity',
    '<rootDir>/libs/server/chains',
    '<rootDir>/libs/server/tasks',
    '<rootDir>/libs/server/schema',
    '<rootDir>/libs/server/embedded',
    '<rootDir>/apps/api',
    '<rootDir>/apps/worker',
    '<rootDir>/tools/launcher',
    '<rootDir>/apps/web',
    '<rootDir>/apps/web-e2e',
  ],
};
