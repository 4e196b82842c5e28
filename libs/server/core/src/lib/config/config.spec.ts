import { ConfigError, loadConfig } from './config';

const valid = { DATABASE_URL: 'postgres://lz:secret@db.example:5432/lianzhang' };

function problemsOf(env: NodeJS.ProcessEnv, options = {}): readonly string[] {
  try {
    loadConfig(env, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('fills the defaults: port 3000, PostgreSQL queue without Redis, readable logs in development', () => {
    const config = loadConfig(valid, { cwd: '/srv/lz' });
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      workerHealthPort: 3001,
      databaseUrl: valid.DATABASE_URL,
      queue: { backend: 'postgres', prefix: 'lz' },
      dataDir: '/srv/lz/.data',
      log: { level: 'info', format: 'pretty' },
      smtp: undefined,
    });
  });

  it('takes Redis for the queue when REDIS_URL is set, and JSON logs in production', () => {
    const config = loadConfig({
      ...valid,
      NODE_ENV: 'production',
      REDIS_URL: 'redis://cache:6379',
      JWT_ACCESS_SECRET: 'a'.repeat(32),
      JWT_REFRESH_SECRET: 'b'.repeat(32),
      SMTP_HOST: 'smtp.example.cn',
      SMTP_PORT: '465',
      SMTP_SECURE: 'true',
      SMTP_FROM: '链长办 <lz@example.cn>',
    });
    expect(config.queue.backend).toBe('redis');
    expect(config.log.format).toBe('json');
    expect(config.smtp).toMatchObject({
      host: 'smtp.example.cn',
      port: 465,
      secure: true,
      from: '链长办 <lz@example.cn>',
    });
  });

  it.each([
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL: expected a URL like postgres://'],
    [{ DATABASE_URL: 'mysql://db/lz' }, 'DATABASE_URL: expected a URL like postgres://'],
    [{ REDIS_URL: 'http://cache:6379' }, 'REDIS_URL: expected a URL like redis://'],
    [{ QUEUE_BACKEND: 'kafka' }, 'QUEUE_BACKEND: expected redis or postgres (got "kafka")'],
    [{ QUEUE_BACKEND: 'redis' }, 'REDIS_URL: required when QUEUE_BACKEND is redis'],
    [{ PORT: 'eighty' }, 'PORT: expected a port number'],
    [{ PORT: '70000' }, 'PORT: expected a port between 1 and 65535'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV: expected development, production or test'],
    [
      { NODE_ENV: 'production', JWT_REFRESH_SECRET: 'r'.repeat(40) },
      'JWT_ACCESS_SECRET: required in production',
    ],
    [
      { NODE_ENV: 'production', JWT_ACCESS_SECRET: 'short', JWT_REFRESH_SECRET: 'x'.repeat(40) },
      'JWT_ACCESS_SECRET: too short',
    ],
    [
      {
        NODE_ENV: 'production',
        JWT_ACCESS_SECRET: 'x'.repeat(40),
        JWT_REFRESH_SECRET: 'x'.repeat(40),
      },
      'JWT_REFRESH_SECRET: must differ',
    ],
    [{ SMTP_SECURE: 'maybe' }, 'SMTP_SECURE: expected true or false'],
    [{ SMTP_FROM: 'nobody' }, 'SMTP_FROM: expected an email address'],
    [{ QUEUE_PREFIX: 'Has:Colon' }, 'QUEUE_PREFIX: expected lower-case letters'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL: expected fatal, error, warn, info, debug, trace or silent'],
  ])('%j → one line naming the variable', (env, expected) => {
    const problems = problemsOf({ ...valid, ...env });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });

  it('names every bad variable at once', () => {
    expect(
      problemsOf({ DATABASE_URL: 'x', PORT: '-1', QUEUE_BACKEND: 'sqs' }).map(
        (p) => p.split(':')[0],
      ),
    ).toEqual(expect.arrayContaining(['DATABASE_URL', 'PORT', 'QUEUE_BACKEND']));
  });

  it('requires DATABASE_URL of the api and the worker, and never prints a password', () => {
    expect(problemsOf({}, { requireDatabaseUrl: true })[0]).toMatch(
      /^DATABASE_URL: required for this process/,
    );
    const [problem] = problemsOf({ DATABASE_URL: 'redis://u:hunter2@db/x' });
    expect(problem).not.toContain('hunter2');
    const [secret] = problemsOf({
      ...valid,
      NODE_ENV: 'production',
      JWT_ACCESS_SECRET: 'tiny-secret',
      JWT_REFRESH_SECRET: 'y'.repeat(40),
    });
    expect(secret).not.toContain('tiny-secret');
  });
});
