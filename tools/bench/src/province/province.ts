import { dataSourceOptions, migrate } from '@lianzhang/server/core';
import { SCHEMA } from '@lianzhang/server/schema';
import { seedCatalogue } from '@lianzhang/server/seed';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { generateProvince, type ProvinceReport } from './generate';

export interface ProvinceDatabase {
  readonly url: string;
  readonly report: ProvinceReport;
  /** Seconds the generation took, or null when an earlier run's province was reused. */
  readonly generatedInSeconds: number | null;
}

interface Recipe {
  readonly scale: number;
  readonly seed: number;
  /** The last migration's name: a changed schema means a new province. */
  readonly schema: string;
  readonly generator: number;
}

const sameRecipe = (a: Recipe, b: Recipe) =>
  a.scale === b.scale && a.seed === b.seed && a.schema === b.schema && a.generator === b.generator;

/** Bumped whenever the generator's output changes, so an older province is regenerated. */
const GENERATOR_VERSION = 2;

/**
 * The province database `name` on the server of `adminUrl`, generated unless an earlier run
 * left one made by the same recipe (scale, seed, schema, generator) and `fresh` is unset.
 * Its due dates are relative to the day it was generated; a province older than a week is
 * made again, so "overdue" keeps its meaning.
 */
export async function ensureProvince(options: {
  readonly adminUrl: string;
  readonly name: string;
  readonly scale: number;
  readonly seed: number;
  readonly passwordHash: () => Promise<string>;
  readonly fresh?: boolean;
  readonly log: (line: string) => void;
}): Promise<ProvinceDatabase> {
  const url = new URL(options.adminUrl);
  url.pathname = `/${options.name}`;
  const recipe: Recipe = {
    scale: options.scale,
    seed: options.seed,
    schema: lastMigration(),
    generator: GENERATOR_VERSION,
  };
  const admin = new Client({ connectionString: options.adminUrl });
  await admin.connect();
  try {
    if (!options.fresh) {
      const existing = await readRecipe(url.toString());
      if (
        existing &&
        sameRecipe(existing.recipe, recipe) &&
        Date.now() - existing.generatedAt.getTime() < 7 * 86_400_000
      ) {
        options.log(
          `province: reusing ${options.name} (generated ${existing.generatedAt.toISOString()})`,
        );
        return { url: url.toString(), report: existing.report, generatedInSeconds: null };
      }
    }
    await admin.query(`DROP DATABASE IF EXISTS "${options.name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${options.name}"`);
  } finally {
    await admin.end();
  }
  const started = Date.now();
  await migrate(url.toString(), SCHEMA);
  const dataSource = new DataSource(dataSourceOptions(url.toString(), SCHEMA, { poolSize: 1 }));
  await dataSource.initialize();
  try {
    await seedCatalogue(dataSource);
  } finally {
    await dataSource.destroy();
  }
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const report = await generateProvince(client, {
      scale: options.scale,
      seed: options.seed,
      now: new Date(),
      passwordHash: await options.passwordHash(),
      log: (l) => options.log(`province: ${l}`),
    });
    await client.query(
      `CREATE TABLE bench_province (recipe jsonb NOT NULL, report jsonb NOT NULL, generated_at timestamptz NOT NULL DEFAULT now())`,
    );
    await client.query(`INSERT INTO bench_province (recipe, report) VALUES ($1, $2)`, [
      JSON.stringify(recipe),
      JSON.stringify(report),
    ]);
    return { url: url.toString(), report, generatedInSeconds: (Date.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}

function lastMigration(): string {
  const migrations = Object.values(SCHEMA.migrations) as unknown[];
  const last = migrations[migrations.length - 1];
  return typeof last === 'function' ? last.name : String(last);
}

async function readRecipe(
  url: string,
): Promise<{ recipe: Recipe; report: ProvinceReport; generatedAt: Date } | null> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{
      recipe: Recipe;
      report: ProvinceReport;
      generated_at: Date;
    }>(`SELECT recipe, report, generated_at FROM bench_province`);
    const [row] = rows;
    return row ? { recipe: row.recipe, report: row.report, generatedAt: row.generated_at } : null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}
