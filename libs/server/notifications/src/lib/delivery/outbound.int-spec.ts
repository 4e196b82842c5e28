import { getDefaultAutoSelectFamily, setDefaultAutoSelectFamily } from 'node:net';
import {
  MAX_RESPONSE_BYTES,
  OUTBOUND_USER_AGENT,
  OutboundRefusedError,
  OutboundTimeoutError,
  postJson,
  type OutboundPolicy,
  type OutboundRefusal,
} from './outbound';
import { startHttpReceiver, type HttpReceiver } from './testing/http-receiver';

/** 127.0.0.1 allowed: the local receivers stand in for an intranet robot gateway. */
const allowLocal: OutboundPolicy = { allowHosts: ['127.0.0.1'], timeoutMs: 2_000 };
const publicOnly: OutboundPolicy = { allowHosts: [], timeoutMs: 2_000 };

/** What `postJson` rejected with; fails the test when it resolved. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('the request was expected to fail');
    },
    (error: unknown) => error,
  );
}

async function refusal(promise: Promise<unknown>, reason: OutboundRefusal): Promise<string> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(OutboundRefusedError);
  expect((error as OutboundRefusedError).reason).toBe(reason);
  return (error as OutboundRefusedError).message;
}

describe('postJson (real sockets on 127.0.0.1)', () => {
  const receivers: HttpReceiver[] = [];

  async function receiver(...args: Parameters<typeof startHttpReceiver>): Promise<HttpReceiver> {
    const started = await startHttpReceiver(...args);
    receivers.push(started);
    return started;
  }

  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((started) => started.close()));
  });

  it('posts JSON with our headers to an allow-listed receiver and returns its answer', async () => {
    const target = await receiver(() => ({ status: 201, body: { received: true } }));

    const response = await postJson(
      `${target.origin}/hook?key=k1`,
      { title: '任务逾期', n: 1 },
      { policy: allowLocal, headers: { 'Idempotency-Key': 'task-1', 'User-Agent': 'spoofed' } },
    );

    expect(response).toEqual({ status: 201, body: '{"received":true}' });
    expect(target.requests).toHaveLength(1);
    const [request] = target.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/hook?key=k1');
    expect(JSON.parse(request.body)).toEqual({ title: '任务逾期', n: 1 });
    expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request.headers['user-agent']).toBe(OUTBOUND_USER_AGENT);
    expect(request.headers['idempotency-key']).toBe('task-1');
    expect(Number(request.headers['content-length'])).toBe(Buffer.byteLength(request.body));
  });

  it('refuses the same receiver when 127.0.0.1 is not allow-listed, before connecting', async () => {
    const target = await receiver();
    const message = await refusal(
      postJson(`${target.origin}/`, {}, { policy: publicOnly }),
      'address',
    );
    expect(message).toContain('127.0.0.1');
    expect(target.requests).toHaveLength(0);
  });

  it.each([
    'http://2130706433:PORT/',
    'http://0x7f000001:PORT/',
    'http://[::ffff:127.0.0.1]:PORT/',
  ])('refuses the receiver spelled %s', async (spelling) => {
    const target = await receiver();
    const url = spelling.replace('PORT', String(target.port));
    await refusal(postJson(url, {}, { policy: publicOnly }), 'address');
    expect(target.requests).toHaveLength(0);
  });

  // Node asks the lookup for all addresses when it races IPv4 and IPv6 (autoSelectFamily),
  // else for one: the guard has to answer both ways.
  describe.each([true, false])('with autoSelectFamily %s', (autoSelect) => {
    const initial = getDefaultAutoSelectFamily();
    beforeEach(() => setDefaultAutoSelectFamily(autoSelect));
    afterEach(() => setDefaultAutoSelectFamily(initial));

    it('refuses localhost when it resolves, at lookup time, to a loopback address', async () => {
      const target = await receiver();
      const message = await refusal(
        postJson(`http://localhost:${target.port}/`, {}, { policy: publicOnly }),
        'address',
      );
      expect(message).toMatch(
        /^refused host localhost: it resolves to (127\.0\.0\.1|::1) \(loopback\)/,
      );
      expect(target.requests).toHaveLength(0);
    });

    it('reaches localhost when an administrator allow-listed the name (any case)', async () => {
      const target = await receiver(() => ({ status: 200, body: 'ok' }));
      const response = await postJson(
        `http://localhost:${target.port}/`,
        { ping: 1 },
        { policy: { allowHosts: ['LOCALHOST'], timeoutMs: 2_000 } },
      );
      expect(response).toEqual({ status: 200, body: 'ok' });
      expect(target.requests).toHaveLength(1);
    });
  });

  it('refuses a redirect, even to an allow-listed address, and does not follow it', async () => {
    const elsewhere = await receiver();
    const redirecting = await receiver(() => ({
      status: 302,
      headers: { Location: `${elsewhere.origin}/internal` },
    }));

    const message = await refusal(
      postJson(`${redirecting.origin}/hook`, {}, { policy: allowLocal }),
      'redirect',
    );

    expect(message).toBe(
      `refused redirect: 127.0.0.1:${redirecting.port} answered 302 to 127.0.0.1:${elsewhere.port}; redirects are not followed`,
    );
    expect(redirecting.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it.each([301, 303, 307, 308])('refuses a %s redirect too', async (status) => {
    const redirecting = await receiver(() => ({ status, headers: { Location: '/other' } }));
    await refusal(postJson(`${redirecting.origin}/`, {}, { policy: allowLocal }), 'redirect');
  });

  it('times out a receiver that never answers, within the deadline', async () => {
    const hanging = await receiver(() => 'hang');
    const started = Date.now();

    const error = await rejection(
      postJson(`${hanging.origin}/`, {}, { policy: { allowHosts: ['127.0.0.1'], timeoutMs: 300 } }),
    );

    expect(error).toBeInstanceOf(OutboundTimeoutError);
    expect((error as Error).message).toBe(
      `request to 127.0.0.1:${hanging.port} timed out after 300 ms`,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(hanging.requests).toHaveLength(1);
    // afterEach closes the receiver, which drops the hanging connection.
  });

  it('times out an answer whose body never ends (the deadline covers the whole request)', async () => {
    const stalling = await receiver(() => ({ status: 200, body: '{"errcode":', stall: true }));
    const error = await rejection(
      postJson(
        `${stalling.origin}/`,
        {},
        { policy: { allowHosts: ['127.0.0.1'], timeoutMs: 300 } },
      ),
    );
    expect(error).toBeInstanceOf(OutboundTimeoutError);
  });

  it(`reads at most ${MAX_RESPONSE_BYTES} bytes of an answer`, async () => {
    const huge = await receiver(() => ({ status: 200, body: 'x'.repeat(4 * MAX_RESPONSE_BYTES) }));
    const response = await postJson(`${huge.origin}/`, {}, { policy: allowLocal });
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(MAX_RESPONSE_BYTES);
  });

  it('passes a refused connection on as an ordinary (retryable) error', async () => {
    const closed = await startHttpReceiver();
    const url = `${closed.origin}/`;
    await closed.close();

    const error = await rejection(postJson(url, {}, { policy: allowLocal }));

    expect(error).not.toBeInstanceOf(OutboundRefusedError);
    expect((error as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });

  it('rejects a header value that would split the request', async () => {
    const target = await receiver();
    const error = await rejection(
      postJson(`${target.origin}/`, {}, { policy: allowLocal, headers: { 'X-A': 'a\r\nX-B: b' } }),
    );
    expect((error as NodeJS.ErrnoException).code).toBe('ERR_INVALID_CHAR');
    expect(target.requests).toHaveLength(0);
  });
});
