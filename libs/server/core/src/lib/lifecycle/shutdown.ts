import type { INestApplicationContext, LoggerService } from '@nestjs/common';

/**
 * Closes the app on SIGTERM or SIGINT and exits 0.
 *
 * Nest's `enableShutdownHooks()` runs the same hooks (`app.close()` does) but then
 * re-raises the signal, so the process ends with 143 instead of 0 and a supervisor
 * cannot tell a clean stop from a crash. A second signal, or a close that takes longer
 * than `timeoutMs`, exits 1. A process started by the launcher also closes when the
 * launcher's IPC channel drops, so a killed launcher leaves no orphan holding a port.
 */
/**
 * Holds SIGTERM and SIGINT from the very start of a process, before the app exists:
 * Nest runs the bootstrap hooks inside `create…()`, so a worker already takes jobs (and
 * a supervisor may already stop it) before `closeOnSignals` could be called. Without
 * this, a signal in that window kills the process with 143 instead of draining it.
 */
export class EarlySignals {
  private received: NodeJS.Signals | undefined;
  private readonly hold = (signal: NodeJS.Signals) => {
    this.received ??= signal;
  };
  /** The launcher's IPC channel dropping during start is a SIGTERM too (the launcher died). */
  private readonly holdDisconnect = () => this.hold('SIGTERM');

  constructor() {
    process.on('SIGTERM', this.hold);
    process.on('SIGINT', this.hold);
    if (process.connected) process.once('disconnect', this.holdDisconnect);
  }

  /** Stops holding; returns the signal that came meanwhile, if any. */
  release(): NodeJS.Signals | undefined {
    process.off('SIGTERM', this.hold);
    process.off('SIGINT', this.hold);
    process.off('disconnect', this.holdDisconnect);
    return this.received;
  }
}

export function closeOnSignals(
  app: INestApplicationContext,
  logger: LoggerService,
  options: {
    readonly timeoutMs?: number;
    readonly afterClose?: () => Promise<void>;
    /** Signals held since the process started: one that came already closes at once. */
    readonly early?: EarlySignals;
  } = {},
): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    closing = true;
    logger.log(`${signal}: draining and closing`);
    const timer = setTimeout(() => {
      logger.error(`still closing after ${options.timeoutMs ?? 30_000} ms: exiting`);
      process.exit(1);
    }, options.timeoutMs ?? 30_000);
    timer.unref();
    app
      .close()
      .then(() => options.afterClose?.())
      .then(
        () => {
          logger.log('closed');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error(
            `error while closing: ${error instanceof Error ? error.message : String(error)}`,
          );
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  const early = options.early?.release();
  if (early) onSignal(early);
  // Started by the launcher with an IPC channel: its loss means the launcher is gone.
  if (process.connected) {
    process.once('disconnect', () => {
      logger.warn('the launcher is gone');
      onSignal('SIGTERM');
    });
  }
}
