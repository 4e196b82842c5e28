import 'reflect-metadata';
import {
  closeOnSignals,
  ConfigError,
  EarlySignals,
  loadConfig,
  SchemaBehindError,
} from '@lianzhang/server/core';
import { Logger } from 'nestjs-pino';
import { createApi } from './bootstrap';

async function main(): Promise<void> {
  const early = new EarlySignals();
  const config = loadConfig(process.env, { requireDatabaseUrl: true });
  const app = await createApi(config);
  const logger = app.get(Logger);
  closeOnSignals(app, logger, { early });
  await app.listen(config.port);
  logger.log(`api listening on http://localhost:${config.port}/api (docs: /api/docs)`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof SchemaBehindError) {
    console.error(error.message);
    process.exit(78);
  }
  console.error(error);
  process.exit(1);
});
