import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** A platform process (api or worker) started from dist/, its stdout kept as lines when asked. */
export interface Platform {
  readonly pid: number;
  readonly lines: string[];
  stop(): Promise<void>;
}

export function startProcess(
  main: string,
  env: NodeJS.ProcessEnv,
  options: { readonly keepLines?: boolean; readonly name: string },
): Platform {
  const child: ChildProcess = spawn(process.execPath, [main], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const out = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  out.on('line', (line) => {
    if (options.keepLines) lines.push(line);
  });
  const err = createInterface({ input: child.stderr as NodeJS.ReadableStream });
  err.on('line', (line) => console.error(`[${options.name}] ${line}`));
  void exited.then((code) => {
    if (code !== 0 && code !== null) console.error(`[${options.name}] exited with ${code}`);
  });
  return {
    pid: child.pid as number,
    lines,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resident set size now and at its peak (VmHWM), in MB, from /proc (Linux). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  let status = '';
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return { rssMb: Number.NaN, peakMb: Number.NaN };
  }
  const kb = (key: string) =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

export async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
