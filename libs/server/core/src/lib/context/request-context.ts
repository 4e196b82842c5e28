import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthenticatedUser } from '../auth/auth.decorators';
import { requestId } from '../logging/logging.module';

/** What every layer may want to know about the request it serves, without passing it down. */
export interface RequestContext {
  readonly requestId: string;
  readonly clientAddress: string | null;
  /** Set by the guard once the caller is known. */
  user?: AuthenticatedUser;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Express middleware: one context per request, with the request id the logs use too. */
export function requestContextMiddleware(
  request: IncomingMessage & { id?: string; ip?: string },
  response: ServerResponse,
  next: () => void,
): void {
  const id = requestId(request);
  request.id = id;
  response.setHeader('X-Request-Id', id);
  storage.run(
    { requestId: id, clientAddress: request.ip ?? request.socket.remoteAddress ?? null },
    next,
  );
}
