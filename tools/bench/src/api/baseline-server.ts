import { createServer, type Server } from 'node:http';
import { Pool } from 'pg';

/** One statement of a request as the api sent it (from its `LOG_QUERIES` log). */
export interface CapturedStatement {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

/**
 * The baseline of the API benchmark: a bare Node http server that answers a path by
 * running the statements the api ran for it, in the same order on one pooled
 * connection (its transaction statements included), and writing every result set as
 * JSON. No framework, no authentication, no validation, no domain code: what is left of
 * a request when the platform's own work is taken away. Pool size as the api's (10).
 */
export async function startBaseline(
  databaseUrl: string,
  routes: ReadonlyMap<string, readonly CapturedStatement[]>,
  port: number,
): Promise<{ readonly url: string; close(): Promise<void> }> {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: 10,
    options: '-c timezone=Asia/Shanghai',
  });
  const server: Server = createServer((request, response) => {
    const statements = routes.get(request.url ?? '');
    if (!statements) {
      response.writeHead(404).end();
      return;
    }
    void (async () => {
      const client = await pool.connect();
      try {
        const results: unknown[] = [];
        for (const s of statements)
          results.push((await client.query(s.sql, [...s.parameters])).rows);
        const body = JSON.stringify(results);
        response.writeHead(200, { 'content-type': 'application/json' }).end(body);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        response.writeHead(500).end(String(error));
      } finally {
        client.release();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
