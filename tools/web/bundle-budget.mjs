// The web app's bundle budget, gzipped, as the issue sets it (Angular's own budgets count
// raw bytes): the JavaScript a first visit downloads before anything renders must stay
// under BUDGET_KB gzipped. Reads esbuild's metafile (`statsJson`), follows static imports
// from the entry point for the initial set, and reports the largest lazy chunk. Exits 1
// over budget, so `nx run web:build` fails. `--json` prints the figures for docs/benchmarks.md.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 350;
const dist = resolve(
  process.argv.find((a) => a.startsWith('--dist='))?.slice(7) ?? 'dist/apps/web',
);
const { outputs } = JSON.parse(readFileSync(join(dist, 'stats.json'), 'utf8'));
const browser = join(dist, 'browser');
const gz = (file) => gzipSync(readFileSync(join(browser, file))).length;
const name = (file) => file.replace(/^.*\//, '');

const js = Object.entries(outputs).filter(([file]) => file.endsWith('.js'));
const entry = js.find(([, output]) => output.entryPoint?.endsWith('src/main.ts'));
if (!entry) throw new Error(`no entry point for src/main.ts in ${dist}/stats.json`);

const initial = new Set();
const lazyRoots = new Set();
const visit = (file) => {
  if (initial.has(file)) return;
  initial.add(file);
  for (const dependency of outputs[file]?.imports ?? []) {
    if (!dependency.path.endsWith('.js')) continue;
    if (dependency.kind === 'dynamic-import') lazyRoots.add(dependency.path);
    else visit(dependency.path);
  }
};
visit(entry[0]);

const initialBytes = [...initial].reduce((sum, file) => sum + gz(name(file)), 0);
const initialRaw = [...initial].reduce((sum, file) => sum + outputs[file].bytes, 0);
const lazy = js
  .filter(([file]) => !initial.has(file))
  .map(([file, output]) => ({
    file: name(file),
    source: output.entryPoint ?? '(shared)',
    gzip: gz(name(file)),
    raw: output.bytes,
  }))
  .sort((a, b) => b.gzip - a.gzip);
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;
const report = {
  budgetKb: BUDGET_KB,
  initial: { files: initial.size, gzipKb: kb(initialBytes), rawKb: kb(initialRaw) },
  largestLazy: lazy.slice(0, 5).map((l) => ({ ...l, gzipKb: kb(l.gzip), rawKb: kb(l.raw) })),
};

if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
else {
  console.log(
    `initial JavaScript: ${report.initial.files} files, ${report.initial.gzipKb} KB gzipped, ${report.initial.rawKb} KB raw (budget ${BUDGET_KB} KB gzipped)`,
  );
  for (const l of report.largestLazy)
    console.log(`  lazy ${l.file.padEnd(22)} ${String(l.gzipKb).padStart(7)} KB gz  ${l.source}`);
}
if (initialBytes > BUDGET_KB * 1024) {
  console.error(
    `over budget: initial JavaScript is ${kb(initialBytes)} KB gzipped > ${BUDGET_KB} KB`,
  );
  process.exit(1);
}
