import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import {
  closeOnSignals,
  ConfigError,
  EarlySignals,
  loadConfig,
  SchemaBehindError,
} from '@lianzhang/server/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  // The worker takes jobs while Nest still runs its bootstrap hooks: hold signals from now.
  const early = new EarlySignals();
  const config = loadConfig(process.env, { requireDatabaseUrl: true });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  closeOnSignals(app, logger, { early });
  await app.init();
  logger.log(`worker started (queue backend: ${config.queue.backend})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof SchemaBehindError) {
    console.error(error.message);
    process.exit(78);
  }
  console.error(error);
  process.exit(1);
});
