// @ts-check
const { readFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = __dirname;

/** `@lianzhang/*` aliases of tsconfig.base.json as Jest module mappings. */
function aliasMapper() {
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
  /** @type {Record<string, string[]>} */
  const paths = tsconfig.compilerOptions.paths;
  return Object.fromEntries(
    Object.entries(paths).map(([alias, [target]]) => [
      `^${alias.replace(/[/]/g, '\\/')}$`,
      `<rootDir>/${target}`,
    ]),
  );
}

/**
 * A Node project transformed by SWC (with decorator metadata, which NestJS and TypeORM
 * need). `*.spec.ts` are unit tests; `*.int-spec.ts` talk to the real PostgreSQL and Redis.
 * @param {string} name
 * @param {string} dir
 * @returns {import('jest').Config}
 */
function serverProject(name, dir) {
  const projectRoot = relative(root, dir);
  return {
    displayName: name,
    rootDir: root,
    roots: [`<rootDir>/${projectRoot}`],
    testEnvironment: 'node',
    testMatch: ['**/*.spec.ts', '**/*.int-spec.ts'],
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: {
              legacyDecorator: true,
              decoratorMetadata: true,
              useDefineForClassFields: false,
            },
            target: 'es2022',
            keepClassNames: true,
          },
          module: { type: 'commonjs' },
          sourceMaps: 'inline',
        },
      ],
    },
    moduleNameMapper: aliasMapper(),
    moduleFileExtensions: ['ts', 'js', 'json'],
    globalSetup: '<rootDir>/libs/server/testing/src/global-setup.ts',
    globalTeardown: '<rootDir>/libs/server/testing/src/global-teardown.ts',
  };
}

module.exports = { aliasMapper, serverProject };
