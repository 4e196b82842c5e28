import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { closeOnSignals, ConfigError, loadConfig, SchemaBehindError } from '@lianzhang/server/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig(process.env, { requireDatabaseUrl: true });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  closeOnSignals(app, logger);
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
