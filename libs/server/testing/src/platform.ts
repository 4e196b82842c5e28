import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..', '..');
export const LAUNCHER = join(ROOT, 'dist', 'tools', 'launcher', 'main.js');

/** Fails a suite early and clearly when `npm run build` has not run. */
export function requireBuilt(...paths: string[]): void {
  for (const path of [LAUNCHER, ...paths]) {
    if (!existsSync(path)) {
      throw new Error(`${path} is missing: run \`npm run build\` first (\`npm test\` does)`);
    }
  }
}

export interface RunningPlatform {
  readonly baseUrl: string;
  readonly process: ChildProcess;
  /** Everything the launcher and its children printed so far. */
  output(): string;
  /** SIGTERM, then the exit code (a signal counts as 128 + its number). */
  stop(): Promise<number>;
  /** SIGINT to the whole process group, as Ctrl-C in a terminal does; then the exit code. */
  interrupt(): Promise<number>;
}

export interface PlatformOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly port: number;
  /** How long the launcher may take to report a healthy platform. */
  readonly timeoutMs?: number;
}

/**
 * Starts the all-in-one launcher as a real process, as `npm start` does, and resolves
 * once it reports the platform healthy (its /api/health answered 200, so the canary
 * went through a worker). Rejects with the output when it exits or times out first.
 */
export function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const child = spawn(process.execPath, [LAUNCHER, 'start'], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      LOG_LEVEL: 'info',
      ...options.env,
      PORT: String(options.port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own, like a shell job, so `interrupt` can signal all of it.
    detached: true,
  });
  let output = '';
  const exited = new Promise<number>((resolveExit) =>
    child.once('exit', (code, signal) =>
      resolveExit(code ?? (signal === 'SIGKILL' ? 137 : signal === 'SIGTERM' ? 143 : 128)),
    ),
  );
  const platform: RunningPlatform = {
    baseUrl: `http://127.0.0.1:${options.port}`,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    interrupt: async () => {
      if (child.exitCode === null && child.signalCode === null && child.pid)
        process.kill(-child.pid, 'SIGINT');
      return exited;
    },
  };
  return new Promise<RunningPlatform>((resolveStart, rejectStart) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectStart(
        new Error(
          `the platform was not healthy within ${options.timeoutMs ?? 90_000} ms:\n${output}`,
        ),
      );
    }, options.timeoutMs ?? 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('lianzhang is running at')) {
        clearTimeout(timer);
        resolveStart(platform);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      rejectStart(
        new Error(`the launcher exited with ${code} before the platform was healthy:\n${output}`),
      );
    });
  });
}
