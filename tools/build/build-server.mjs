#!/usr/bin/env node
// Bundles a server entry point (api, worker, launcher) into dist/ with esbuild.
// esbuild cannot emit decorator metadata, which NestJS injection and TypeORM need, so
// each TypeScript file goes through SWC first. Packages from node_modules stay external
// (they are installed beside dist/); the workspace's own @lianzhang/* libraries are bundled.
//
//   node tools/build/build-server.mjs <api|worker|launcher|bench-scheduler> [--watch] [--run]
import { transform } from '@swc/core';
import { context, build } from 'esbuild';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const targets = {
  api: { entry: 'apps/api/src/main.ts', out: 'dist/apps/api/main.js' },
  worker: { entry: 'apps/worker/src/main.ts', out: 'dist/apps/worker/main.js' },
  launcher: { entry: 'tools/launcher/src/main.ts', out: 'dist/tools/launcher/main.js' },
  'bench-scheduler': {
    entry: 'tools/bench/src/scheduler.bench.ts',
    out: 'dist/tools/bench/scheduler.js',
  },
  bench: {
    entry: 'tools/bench/src/province.bench.ts',
    out: 'dist/tools/bench/province.js',
  },
  'bench-import': {
    entry: 'tools/bench/src/import.bench.ts',
    out: 'dist/tools/bench/import.js',
  },
};
const [name, ...flags] = process.argv.slice(2);
const target = targets[name];
if (!target) {
  console.error(`usage: build-server.mjs <${Object.keys(targets).join('|')}> [--watch] [--run]`);
  process.exit(64);
}
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

/** TypeScript through SWC: legacy decorators with metadata, as tsc would emit them. */
const swcPlugin = {
  name: 'swc-decorators',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const result = await transform(source, {
        filename: args.path,
        sourceMaps: 'inline',
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
        module: { type: 'es6' },
      });
      return { contents: result.code, loader: 'js' };
    });
  },
};

/** Bare imports are external, except the workspace's own libraries (resolved by tsconfig paths). */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@lianzhang/') ? undefined : { path: args.path, external: true },
    );
  },
};

const options = {
  absWorkingDir: root,
  entryPoints: [target.entry],
  outfile: target.out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  keepNames: true,
  tsconfig: 'tsconfig.base.json',
  define: { 'process.env.LZ_BUILD_VERSION': JSON.stringify(pkg.version) },
  plugins: [externalPackages, swcPlugin],
  logLevel: 'warning',
};

if (flags.includes('--watch')) {
  let child;
  const restart = {
    name: 'restart',
    setup(b) {
      b.onEnd((result) => {
        if (result.errors.length || !flags.includes('--run')) return;
        child?.kill('SIGTERM');
        child = spawn(process.execPath, ['--enable-source-maps', target.out], {
          stdio: 'inherit',
          cwd: root,
        });
      });
    },
  };
  const ctx = await context({ ...options, plugins: [...options.plugins, restart] });
  await ctx.watch();
  console.log(`watching ${target.entry}`);
} else {
  await build(options);
  console.log(`built ${target.out}`);
}
