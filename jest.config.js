/** Every Jest project of the workspace; `npm test` runs them all after lint, type checks and the build. */
/** @type {import("jest").Config} */
module.exports = {
  // Integration hooks start real apps, databases and browsers on a 2-core machine that runs
  // two test files at once; Jest's 5 s default is too tight there. Timing is never what a
  // test checks (benchmarks live in tools/bench).
  testTimeout: 120_000,
  projects: [
    '<rootDir>/libs/domain',
    '<rootDir>/libs/contracts',
    '<rootDir>/libs/server/core',
    '<rootDir>/libs/server/regions',
    '<rootDir>/libs/server/seed',
    '<rootDir>/libs/server/identity',
    '<rootDir>/libs/server/chains',
    '<rootDir>/libs/server/cockpit',
    '<rootDir>/libs/server/excel',
    '<rootDir>/libs/server/insights',
    '<rootDir>/libs/server/reports',
    '<rootDir>/libs/server/exchange',
    '<rootDir>/libs/server/challenges',
    '<rootDir>/libs/server/tasks',
    '<rootDir>/libs/server/calendar',
    '<rootDir>/libs/server/notifications',
    '<rootDir>/libs/server/scheduler',
    '<rootDir>/libs/server/schema',
    '<rootDir>/libs/server/embedded',
    '<rootDir>/apps/api',
    '<rootDir>/apps/worker',
    '<rootDir>/tools/launcher',
    '<rootDir>/tools/bench',
    '<rootDir>/apps/web',
    '<rootDir>/apps/web-e2e',
  ],
};
