import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The one configuration object of every process, read once from the environment at start
 * and validated. `.env.example` lists every variable; keep the two in step.
 */
const DEV_TOKEN_SECRET = 'lianzhang-development-secret-do-not-use-in-production';

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'expected a port number' })
    .int('expected a whole port number')
    .min(1, 'expected a port between 1 and 65535')
    .max(65535, 'expected a port between 1 and 65535')
    .default(fallback);

const urlWithProtocols = (protocols: readonly string[], example: string) =>
  z.string().refine(
    (value) => {
      try {
        const url = new URL(value);
        return protocols.includes(url.protocol) && url.hostname !== '';
      } catch {
        return false;
      }
    },
    { message: `expected a URL like ${example}` },
  );

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

const wholeNumber = (fallback: number, min: number, max: number) =>
  z.coerce
    .number({ error: 'expected a whole number' })
    .int('expected a whole number')
    .min(min, `expected ${min} to ${max}`)
    .max(max, `expected ${min} to ${max}`)
    .default(fallback);

const boolean = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'production', 'test'], {
        error: 'expected development, production or test',
      })
      .default('development'),
    PORT: port(3000),
    WORKER_HEALTH_PORT: port(3001),
    DATABASE_URL: optionalString.pipe(
      urlWithProtocols(
        ['postgres:', 'postgresql:'],
        'postgres://user:password@host:5432/lianzhang',
      ).optional(),
    ),
    REDIS_URL: optionalString.pipe(
      urlWithProtocols(['redis:', 'rediss:'], 'redis://host:6379').optional(),
    ),
    QUEUE_BACKEND: z
      .enum(['redis', 'postgres'], { error: 'expected redis or postgres' })
      .optional(),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,30}$/, 'expected lower-case letters, digits and _ (at most 31)')
      .default('lz'),
    JWT_ACCESS_SECRET: optionalString,
    JWT_REFRESH_SECRET: optionalString,
    SMTP_HOST: optionalString,
    SMTP_PORT: port(587),
    SMTP_SECURE: boolean(false),
    SMTP_USER: optionalString,
    SMTP_PASSWORD: optionalString,
    SMTP_FROM: optionalString.pipe(
      z
        .string()
        .regex(/^(.+<)?[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+>?$/, 'expected an email address')
        .optional(),
    ),
    DATA_DIR: z.string().min(1).default('.data'),
    SCHEDULER_HORIZON_SECONDS: wholeNumber(600, 5, 86_400),
    SCHEDULER_RECONCILE_SECONDS: wholeNumber(60, 1, 3_600),
    DELIVERY_TIMEOUT_MS: wholeNumber(10_000, 100, 120_000),
    DELIVERY_ATTEMPTS: wholeNumber(6, 1, 20),
    DELIVERY_BACKOFF_MS: wholeNumber(5_000, 10, 3_600_000),
    DEMO_DATA: z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
      .optional()
      .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1' || v === 'yes')),
    WEB_DIST: optionalString,
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'expected fatal, error, warn, info, debug, trace or silent',
      })
      .default('info'),
    LOG_FORMAT: z.enum(['json', 'pretty'], { error: 'expected json or pretty' }).optional(),
    LOG_QUERIES: boolean(false),
  })
  .superRefine((env, ctx) => {
    const backend = env.QUEUE_BACKEND ?? (env.REDIS_URL ? 'redis' : 'postgres');
    if (backend === 'redis' && !env.REDIS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['REDIS_URL'],
        message: 'required when QUEUE_BACKEND is redis (e.g. redis://127.0.0.1:6379)',
      });
    }
    if (env.NODE_ENV === 'production') {
      for (const key of ['JWT_ACCESS_SECRET', 'JWT_REFRESH_SECRET'] as const) {
        const value = env[key];
        if (!value) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'required in production (32 or more random characters)',
          });
        } else if (value.length < 32) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'too short: expected 32 or more random characters',
          });
        }
      }
      if (env.JWT_ACCESS_SECRET && env.JWT_ACCESS_SECRET === env.JWT_REFRESH_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['JWT_REFRESH_SECRET'],
          message: 'must differ from JWT_ACCESS_SECRET',
        });
      }
    }
  });

export type QueueBackend = 'redis' | 'postgres';

export interface AppConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly workerHealthPort: number;
  /** Absent only in the launcher, which then starts an embedded PostgreSQL. */
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly queue: { readonly backend: QueueBackend; readonly prefix: string };
  readonly tokens: { readonly accessSecret: string; readonly refreshSecret: string };
  readonly smtp:
    | {
        readonly host: string;
        readonly port: number;
        readonly secure: boolean;
        readonly user: string | undefined;
        readonly password: string | undefined;
        readonly from: string;
      }
    | undefined;
  /** Absolute path of the data directory (embedded PostgreSQL, attachments, reports). */
  readonly dataDir: string;
  /** Load the demo province at start; unset: yes with the embedded database, no otherwise. */
  readonly demoData: boolean | undefined;
  /** Absolute path of the built web app the api serves, if any. */
  readonly webDist: string | undefined;
  /** `queries`: every SQL statement and its parameters at debug level (diagnosis and the API benchmark). */
  readonly log: {
    readonly level: string;
    readonly format: 'json' | 'pretty';
    readonly queries: boolean;
  };
  /**
   * Timers: events due within the horizon get a delayed job when written; the reconciler
   * runs every `reconcileEveryMs` and enqueues what enters the horizon or was lost.
   */
  readonly scheduler: { readonly horizonMs: number; readonly reconcileEveryMs: number };
  /** External deliveries: per-request timeout, attempts before dead letter, first backoff. */
  readonly delivery: {
    readonly timeoutMs: number;
    readonly attempts: number;
    readonly backoffMs: number;
  };
}

/** Thrown with one line per bad variable; `main` prints it and exits non-zero. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Variables only the launcher may leave out; api and worker need them. */
export interface LoadConfigOptions {
  readonly requireDatabaseUrl?: boolean;
  readonly cwd?: string;
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  options: LoadConfigOptions = {},
): AppConfig {
  const parsed = schema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'environment');
      const raw = env[key];
      const shown =
        raw === undefined || raw === ''
          ? 'it is not set'
          : `got ${JSON.stringify(redact(key, raw))}`;
      problems.push(`${key}: ${issue.message} (${shown})`);
    }
  }
  if (options.requireDatabaseUrl && !env['DATABASE_URL']) {
    problems.push(
      'DATABASE_URL: required for this process (e.g. postgres://user:password@host:5432/lianzhang); `npm start` sets it for you',
    );
  }
  if (problems.length > 0 || !parsed.success) {
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const cwd = options.cwd ?? process.cwd();
  const absolute = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    workerHealthPort: e.WORKER_HEALTH_PORT,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    queue: {
      backend: e.QUEUE_BACKEND ?? (e.REDIS_URL ? 'redis' : 'postgres'),
      prefix: e.QUEUE_PREFIX,
    },
    tokens: {
      accessSecret: e.JWT_ACCESS_SECRET ?? `${DEV_TOKEN_SECRET}-access`,
      refreshSecret: e.JWT_REFRESH_SECRET ?? `${DEV_TOKEN_SECRET}-refresh`,
    },
    smtp: e.SMTP_HOST
      ? {
          host: e.SMTP_HOST,
          port: e.SMTP_PORT,
          secure: e.SMTP_SECURE,
          user: e.SMTP_USER,
          password: e.SMTP_PASSWORD,
          from: e.SMTP_FROM ?? `lianzhang <no-reply@${e.SMTP_HOST}>`,
        }
      : undefined,
    dataDir: absolute(e.DATA_DIR),
    demoData: e.DEMO_DATA,
    webDist: e.WEB_DIST ? absolute(e.WEB_DIST) : undefined,
    log: {
      level: e.LOG_LEVEL,
      format: e.LOG_FORMAT ?? (e.NODE_ENV === 'production' ? 'json' : 'pretty'),
      queries: e.LOG_QUERIES,
    },
    scheduler: {
      horizonMs: e.SCHEDULER_HORIZON_SECONDS * 1000,
      reconcileEveryMs: e.SCHEDULER_RECONCILE_SECONDS * 1000,
    },
    delivery: {
      timeoutMs: e.DELIVERY_TIMEOUT_MS,
      attempts: e.DELIVERY_ATTEMPTS,
      backoffMs: e.DELIVERY_BACKOFF_MS,
    },
  };
}

/** Never echo secrets or the password of a URL back into a log. */
function redact(key: string, value: string): string {
  if (/SECRET|PASSWORD/.test(key)) return '***';
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return value;
  }
}

/** Database URL with the password hidden, for logs. */
export function describeUrl(value: string): string {
  return redact('URL', value);
}
