import { spawn, type ChildProcess } from 'node:child_process';

export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  /** Resolves with the exit code (or 128 + signal number) when the child ends. */
  readonly exited: Promise<number>;
}

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = {
  SIGINT: 2,
  SIGKILL: 9,
  SIGTERM: 15,
};

/** Runs a built Node entry point with the given environment; its output goes to ours. */
export function startChild(name: string, entry: string, env: NodeJS.ProcessEnv): Child {
  // The IPC channel is a lifeline: if the launcher dies (even by SIGKILL) the channel
  // closes and the child shuts itself down instead of holding its port.
  const child = spawn(process.execPath, ['--enable-source-maps', entry], {
    env,
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number>((resolve) => {
    child.once('exit', (code, signal) =>
      resolve(code ?? 128 + (signal ? (SIGNAL_NUMBERS[signal] ?? 0) : 0)),
    );
    child.once('error', () => resolve(1));
  });
  return { name, process: child, exited };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
export async function stopChild(child: Child, graceMs = 30_000): Promise<number> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) {
    return child.exited;
  }
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  try {
    return await child.exited;
  } finally {
    clearTimeout(timer);
  }
}
