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
export function closeOnSignals(
  app: INestApplicationContext,
  logger: LoggerService,
  options: { readonly timeoutMs?: number; readonly afterClose?: () => Promise<void> } = {},
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
  // Started by the launcher with an IPC channel: its loss means the launcher is gone.
  if (process.connected) {
    process.once('disconnect', () => {
      logger.warn('the launcher is gone');
      onSignal('SIGTERM');
    });
  }
}
