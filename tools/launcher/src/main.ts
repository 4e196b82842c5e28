import 'reflect-metadata';
import {
  AuditService,
  ConfigError,
  dataSourceOptions,
  loadConfig,
  type AppConfig,
} from '@lianzhang/server/core';
import { SCHEMA } from '@lianzhang/server/schema';
import { DataSource } from 'typeorm';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { migrateAndSeed, openDatabase, type Database } from './database';
import { generateMigration } from './generate-migration';
import { startChild, stopChild, type Child } from './processes';
import { loadOrCreateSecrets } from './secrets';

/**
 * The launcher of lianzhang:
 *   start (default)          the all-in-one platform: database, migrations, seed, api, worker, web
 *   migrate                  apply pending migrations
 *   seed                     load the catalogue (idempotent)
 *   migration:generate NAME  write a migration for the difference between the entities and the database
 *   audit:verify             walk the audit chain; exit 1 naming the first broken entry
 * With no DATABASE_URL each command starts the embedded PostgreSQL under DATA_DIR/pg.
 */
const started = Date.now();
const log = (line: string) => console.log(`[launcher] ${line}`);
/** dist/tools/launcher/main.js → the dist folder. */
const DIST = resolve(__dirname, '..', '..');

async function main(): Promise<number> {
  const [command = 'start', ...args] = process.argv.slice(2);
  const config = loadConfig(process.env);
  switch (command) {
    case 'start':
      return process.env[SUPERVISED] ? start(config) : supervise();
    case 'migrate':
    case 'seed':
      return withDatabase(config, async (db) => {
        await migrateAndSeed(db.url, config.demoData ?? db.embedded !== undefined, log);
      });
    case 'migration:generate':
      return withDatabase(config, async (db) => {
        const name = args[0];
        if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
          throw new ConfigError([
            'migration:generate: expected a name in PascalCase, e.g. AddTasks',
          ]);
        }
        const file = await generateMigration(
          db.url,
          name,
          resolve(process.cwd(), 'libs/server/schema/src/migrations'),
        );
        log(
          file
            ? `wrote ${file}; add it to SCHEMA.migrations in libs/server/schema/src/index.ts`
            : 'no changes: the database matches the entities',
        );
      });
    case 'audit:verify':
      return verifyAudit(config);
    default:
      console.error(
        `unknown command "${command}": expected start, migrate, seed, migration:generate NAME or audit:verify`,
      );
      return 64;
  }
}

const SUPERVISED = 'LZ_LAUNCHER_SUPERVISED';

/**
 * Ctrl-C in a terminal signals the whole foreground process group, the embedded
 * PostgreSQL included, which would then stop before the api and the worker have
 * drained. So the platform runs in a process group of its own, and this process only
 * relays SIGINT and SIGTERM to it and returns its exit code. If this process dies, the
 * IPC channel drops and the platform stops itself.
 */
function supervise(): Promise<number> {
  const platform = spawn(process.execPath, process.argv.slice(1), {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [SUPERVISED]: '1' },
  });
  const relay = () => platform.kill('SIGTERM');
  process.on('SIGINT', relay);
  process.on('SIGTERM', relay);
  return new Promise((resolveExit) => {
    platform.once('error', () => resolveExit(1));
    platform.once('exit', (code, signal) => resolveExit(code ?? (signal ? 1 : 0)));
  });
}

async function verifyAudit(config: AppConfig): Promise<number> {
  let code = 0;
  await withDatabase(config, async (db) => {
    const dataSource = await new DataSource(
      dataSourceOptions(db.url, SCHEMA, { poolSize: 1, applicationName: 'lianzhang-audit-verify' }),
    ).initialize();
    try {
      const result = await new AuditService(dataSource).verify();
      if (result.firstBroken) {
        console.error(
          `audit chain BROKEN at entry ${result.firstBroken.id} (${result.firstBroken.reason === 'hash' ? 'its content does not match its hash' : 'it does not link to the entry before it'}); ${result.entries - 1} entries before it are intact`,
        );
        code = 1;
      } else {
        log(`audit chain intact: ${result.entries} entries`);
      }
    } finally {
      await dataSource.destroy();
    }
  });
  return code;
}

async function withDatabase(
  config: AppConfig,
  work: (db: Database) => Promise<void>,
): Promise<number> {
  const db = await openDatabase(config, log);
  try {
    await work(db);
    return 0;
  } finally {
    await db.embedded?.stop();
  }
}

async function start(config: AppConfig): Promise<number> {
  const db = await openDatabase(config, log);
  const children: Child[] = [];
  let stopping: Promise<number> | undefined;

  const stopAll = (code: number): Promise<number> => {
    stopping ??= (async () => {
      log('stopping: api and worker drain and close');
      const codes = await Promise.all(children.map((child) => stopChild(child)));
      children.forEach((child, i) => log(`${child.name} exited with ${codes[i]}`));
      if (db.embedded) {
        await db.embedded.stop();
        log('embedded PostgreSQL stopped');
      }
      return code !== 0 ? code : codes.some((c) => c !== 0) ? 1 : 0;
    })();
    return stopping;
  };

  const signalled = new Promise<number>((resolveSignal) => {
    const onSignal = (signal: NodeJS.Signals) => {
      log(`${signal} received`);
      resolveSignal(stopAll(0));
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
    if (process.connected) {
      process.once('disconnect', () => {
        log('the supervising process is gone');
        resolveSignal(stopAll(0));
      });
    }
  });

  try {
    await migrateAndSeed(db.url, config.demoData ?? db.embedded !== undefined, log);
  } catch (error) {
    await db.embedded?.stop();
    throw error;
  }

  const secrets =
    config.env === 'production' && process.env['JWT_ACCESS_SECRET']
      ? {}
      : loadOrCreateSecrets(join(config.dataDir, 'secrets.json'));
  const webDist = config.webDist ?? join(DIST, 'apps', 'web', 'browser');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...secrets,
    DATABASE_URL: db.url,
    QUEUE_BACKEND: config.queue.backend,
    WEB_DIST: webDist,
    DATA_DIR: config.dataDir,
  };
  if (!existsSync(join(webDist, 'index.html'))) {
    log(`no built web app in ${webDist}: the api runs without it (npm run build builds it)`);
  }
  children.push(startChild('api', join(DIST, 'apps', 'api', 'main.js'), env));
  children.push(startChild('worker', join(DIST, 'apps', 'worker', 'main.js'), env));

  const crashed = Promise.race(
    children.map((child) =>
      child.exited.then((code) => {
        if (stopping) return stopping;
        log(`${child.name} exited unexpectedly with ${code}: stopping the platform`);
        return stopAll(code === 0 ? 1 : code);
      }),
    ),
  );

  void waitUntilHealthy(config.port).then((healthy) => {
    if (healthy && !stopping) {
      log(
        `lianzhang is running at http://localhost:${config.port}  (healthy after ${((Date.now() - started) / 1000).toFixed(1)} s; queue on ${config.queue.backend})`,
      );
      log(`API docs: http://localhost:${config.port}/api/docs   Ctrl-C stops everything`);
    }
  });

  return Promise.race([signalled, crashed]);
}

/** Polls /api/health until it answers 200 (the canary went through a worker) or 120 s pass. */
async function waitUntilHealthy(port: number): Promise<boolean> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log('the platform did not become healthy within 120 s: see the log above');
  return false;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    console.error(error);
    process.exit(1);
  },
);
