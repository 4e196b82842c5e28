import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the receiver saw it. */
export interface ReceivedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The raw body, before any JSON parsing (what signatures cover). */
  readonly body: string;
}

/**
 * How the receiver answers a request: `hang` never answers; `stall` sends the status, headers
 * and body but never ends the response.
 */
export type Reply =
  | {
      readonly status: number;
      readonly body?: unknown;
      readonly headers?: Record<string, string>;
      readonly stall?: boolean;
    }
  | 'hang';

/**
 * A local HTTP server on 127.0.0.1 that records requests and answers as told. A request is
 * recorded before it is answered, so it is in `requests` by the time the client has its answer.
 */
export interface HttpReceiver {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  readonly requests: readonly ReceivedRequest[];
  /** Drops every connection, hanging ones included, and stops listening. */
  close(): Promise<void>;
}

/**
 * Starts a receiver on a random port of 127.0.0.1 (test helper). Objects in `body` are sent
 * as JSON; the default reply is `{"errcode":0}`.
 */
export async function startHttpReceiver(
  answer: (request: ReceivedRequest) => Reply = () => ({ status: 200, body: { errcode: 0 } }),
): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      const reply = answer(received);
      if (reply === 'hang') {
        return;
      }
      const body =
        typeof reply.body === 'string' || reply.body === undefined
          ? (reply.body ?? '')
          : JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        'Content-Type': typeof reply.body === 'string' ? 'text/plain' : 'application/json',
        ...reply.headers,
      });
      if (reply.stall) {
        res.write(body);
      } else {
        res.end(body);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
