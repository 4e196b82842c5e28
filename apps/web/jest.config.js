const { aliasMapper } = require('../../jest.shared');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'web',
  rootDir: '../..',
  roots: ['<rootDir>/apps/web/src'],
  preset: 'jest-preset-angular',
  setupFilesAfterEnv: ['<rootDir>/apps/web/src/test-setup.ts'],
  testEnvironment: 'jsdom',
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      {
        tsconfig: '<rootDir>/apps/web/tsconfig.jest.json',
        stringifyContentPathRegex: '\\.(html|svg)$',
      },
    ],
  },
  // Angular packages ship .mjs; Transloco's utilities ship ESM in .js files.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@jsverse/))'],
  moduleNameMapper: aliasMapper(),
};
