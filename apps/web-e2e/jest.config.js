const { serverProject } = require('../../jest.shared');

/** Journeys in a real Chromium against the all-in-one server (built first: `npm run build`). */
module.exports = {
  ...serverProject('web-e2e', __dirname),
  testMatch: ['**/*.e2e-spec.ts'],
  testTimeout: 120_000,
};
