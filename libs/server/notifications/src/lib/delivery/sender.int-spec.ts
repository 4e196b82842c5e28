import { createHmac } from 'node:crypto';
import type { DeliveryMessage, DeliveryTarget, HttpChannelKind } from './channels';
import type { OutboundPolicy } from './outbound';
import { DeliverySender } from './sender';
import { verifyWebhookSignature } from './signatures';
import {
  startHttpReceiver,
  type HttpReceiver,
  type ReceivedRequest,
  type Reply,
} from './testing/http-receiver';

const NOW_MS = 1_700_000_000_123;
const SECRET = 'SEC-robot-secret';

const allowLocal: OutboundPolicy = { allowHosts: ['127.0.0.1'], timeoutMs: 2_000 };

const message: DeliveryMessage = {
  title: '任务逾期：新能源汽车产业链招商',
  text: '任务“走访龙头企业”已逾期 3 天。',
  link: 'https://lianzhang.example.gov.cn/tasks/42',
  level: 'red',
  idempotencyKey: 'task-42.overdue.red',
  event: 'task.overdue',
  data: { taskId: 42 },
};

/** base64 HMAC-SHA256, computed here rather than with the code under test. */
const hmac = (key: string, text: string): string =>
  createHmac('sha256', key).update(text).digest('base64');

/**
 * How each robot is reached and what it answers. `check` plays the robot: it verifies the
 * request the way the real service does and answers success, or the service's error.
 */
interface Robot {
  readonly kind: Exclude<HttpChannelKind, 'webhook'>;
  readonly path: string;
  readonly success: unknown;
  readonly rateLimited: unknown;
  readonly refused: unknown;
  check(request: ReceivedRequest): Reply;
}

const robots: readonly Robot[] = [
  {
    kind: 'wecom',
    path: '/cgi-bin/webhook/send?key=wecom-key',
    success: { errcode: 0, errmsg: 'ok' },
    rateLimited: { errcode: 45009, errmsg: 'api freq out of limit' },
    refused: { errcode: 93000, errmsg: 'invalid webhook url' },
    check(request) {
      const body = JSON.parse(request.body) as { msgtype: string; markdown: { content: string } };
      const ok =
        request.path === this.path &&
        body.msgtype === 'markdown' &&
        body.markdown.content.startsWith('**【红牌】任务逾期') &&
        body.markdown.content.includes('(https://lianzhang.example.gov.cn/tasks/42)');
      return { status: 200, body: ok ? this.success : { errcode: 40008, errmsg: 'bad message' } };
    },
  },
  {
    kind: 'dingtalk',
    path: '/robot/send?access_token=ding-token',
    success: { errcode: 0, errmsg: 'ok' },
    rateLimited: { errcode: 130101, errmsg: 'send too fast' },
    refused: { errcode: 300001, errmsg: 'token is not exist' },
    check(request) {
      const url = new URL(request.path, 'http://robot.invalid');
      const timestamp = url.searchParams.get('timestamp') ?? '';
      const signed =
        url.pathname === '/robot/send' &&
        url.searchParams.get('access_token') === 'ding-token' &&
        timestamp === String(NOW_MS) &&
        url.searchParams.get('sign') === hmac(SECRET, `${timestamp}\n${SECRET}`);
      const body = JSON.parse(request.body) as {
        msgtype: string;
        markdown: { title: string; text: string };
      };
      const wellFormed =
        body.msgtype === 'markdown' &&
        body.markdown.title === '【红牌】任务逾期：新能源汽车产业链招商' &&
        body.markdown.text.includes('已逾期 3 天');
      if (!signed) {
        return { status: 200, body: { errcode: 310000, errmsg: 'sign not match' } };
      }
      return { status: 200, body: wellFormed ? this.success : { errcode: 40035, errmsg: 'bad' } };
    },
  },
  {
    kind: 'feishu',
    path: '/open-apis/bot/v2/hook/feishu-hook',
    success: { StatusCode: 0, StatusMessage: 'success', code: 0, data: {}, msg: 'success' },
    rateLimited: { code: 9499, msg: 'too many request', data: {} },
    refused: { code: 19024, msg: 'Key Words Not Found', data: {} },
    check(request) {
      const body = JSON.parse(request.body) as {
        timestamp: string;
        sign: string;
        msg_type: string;
        content: { text: string };
      };
      const signed =
        body.timestamp === String(Math.floor(NOW_MS / 1000)) &&
        body.sign === hmac(`${body.timestamp}\n${SECRET}`, '');
      if (!signed) {
        return { status: 200, body: { code: 19021, msg: 'sign match fail', data: {} } };
      }
      const ok =
        request.path === this.path &&
        body.msg_type === 'text' &&
        body.content.text.startsWith('【红牌】任务逾期') &&
        body.content.text.endsWith('https://lianzhang.example.gov.cn/tasks/42');
      return { status: 200, body: ok ? this.success : { code: 9499, msg: 'bad' } };
    },
  },
];

describe('DeliverySender over HTTP (local receivers on 127.0.0.1)', () => {
  const receivers: HttpReceiver[] = [];
  let sender: DeliverySender;

  async function receiver(answer: (request: ReceivedRequest) => Reply): Promise<HttpReceiver> {
    const started = await startHttpReceiver(answer);
    receivers.push(started);
    return started;
  }

  beforeEach(() => {
    sender = new DeliverySender({
      policy: allowLocal,
      mailFrom: 'noreply@example.gov.cn',
      now: () => NOW_MS,
    });
  });

  afterEach(async () => {
    await sender.close();
    await Promise.all(receivers.splice(0).map((started) => started.close()));
  });

  describe.each(robots)('$kind robot', (robot) => {
    const target = (origin: string, secret: string | null = SECRET): DeliveryTarget => ({
      kind: robot.kind,
      url: `${origin}${robot.path}`,
      secret,
    });

    it('delivers a well-formed, correctly signed message (errcode 0 → ok)', async () => {
      const robotServer = await receiver((request) => robot.check(request));
      const outcome = await sender.send(target(robotServer.origin), message);
      expect(outcome).toEqual({ ok: true, status: 200, retryable: false });
      expect(robotServer.requests).toHaveLength(1);
      expect(robotServer.requests[0].headers['content-type']).toBe(
        'application/json; charset=utf-8',
      );
    });

    if (robot.kind !== 'wecom') {
      it('is refused by the robot when signed with the wrong secret (not retryable)', async () => {
        const robotServer = await receiver((request) => robot.check(request));
        const outcome = await sender.send(target(robotServer.origin, 'wrong-secret'), message);
        expect(outcome).toMatchObject({ ok: false, status: 200, retryable: false });
        expect(outcome.error).toMatch(/error (310000|19021)/);
      });
    }

    it('retries when the robot is rate-limited', async () => {
      const robotServer = await receiver(() => ({ status: 200, body: robot.rateLimited }));
      const outcome = await sender.send(target(robotServer.origin), message);
      expect(outcome).toMatchObject({ ok: false, status: 200, retryable: true });
      expect(outcome.error).toMatch(new RegExp(`^${robot.kind} error (45009|130101|9499)`));
    });

    it('does not retry another robot error', async () => {
      const robotServer = await receiver(() => ({ status: 200, body: robot.refused }));
      const outcome = await sender.send(target(robotServer.origin), message);
      expect(outcome).toMatchObject({ ok: false, status: 200, retryable: false });
    });

    it('retries HTTP 500', async () => {
      const robotServer = await receiver(() => ({ status: 500, body: 'internal error' }));
      const outcome = await sender.send(target(robotServer.origin), message);
      expect(outcome).toEqual({
        ok: false,
        status: 500,
        error: 'HTTP 500: internal error',
        retryable: true,
      });
    });

    it('does not retry HTTP 400', async () => {
      const robotServer = await receiver(() => ({ status: 400, body: { error: 'bad request' } }));
      const outcome = await sender.send(target(robotServer.origin), message);
      expect(outcome).toMatchObject({ ok: false, status: 400, retryable: false });
    });

    it('retries, with a timeout message, when the robot never answers', async () => {
      const robotServer = await receiver(() => 'hang');
      const impatient = new DeliverySender({
        policy: { allowHosts: ['127.0.0.1'], timeoutMs: 300 },
        mailFrom: 'noreply@example.gov.cn',
        now: () => NOW_MS,
      });
      const outcome = await impatient.send(target(robotServer.origin), message);
      expect(outcome).toEqual({
        ok: false,
        error: `request to 127.0.0.1:${robotServer.port} timed out after 300 ms`,
        retryable: true,
      });
      expect(robotServer.requests).toHaveLength(1);
      // afterEach closes the receiver and with it the hanging socket.
    });
  });

  describe('generic webhook', () => {
    /** A receiver that verifies the signature as documented and records idempotency keys. */
    async function verifyingReceiver(
      secret: string,
    ): Promise<{ server: HttpReceiver; keys: string[] }> {
      const keys: string[] = [];
      const server = await receiver((request) => {
        const valid = verifyWebhookSignature(
          secret,
          request.headers['x-lianzhang-signature'],
          request.body,
          Math.floor(NOW_MS / 1000) + 5,
        );
        if (!valid) {
          return { status: 401, body: 'bad signature' };
        }
        keys.push(String(request.headers['idempotency-key']));
        return { status: 204 };
      });
      return { server, keys };
    }

    it('delivers a signed document that the receiver verifies, with its idempotency key', async () => {
      const { server, keys } = await verifyingReceiver('whsec_1');
      const outcome = await sender.send(
        { kind: 'webhook', url: `${server.origin}/hooks/lianzhang`, secret: 'whsec_1' },
        message,
      );
      expect(outcome).toEqual({ ok: true, status: 204, retryable: false });
      expect(keys).toEqual(['task-42.overdue.red']);
      expect(JSON.parse(server.requests[0].body)).toEqual({
        id: 'task-42.overdue.red',
        event: 'task.overdue',
        level: 'red',
        title: message.title,
        text: message.text,
        link: message.link,
        data: { taskId: 42 },
        sentAt: new Date(NOW_MS).toISOString(),
      });
    });

    it('repeats the idempotency key on a retry of the same message', async () => {
      const { server, keys } = await verifyingReceiver('whsec_1');
      const target: DeliveryTarget = {
        kind: 'webhook',
        url: `${server.origin}/`,
        secret: 'whsec_1',
      };
      await sender.send(target, message);
      await sender.send(target, message);
      expect(keys).toEqual(['task-42.overdue.red', 'task-42.overdue.red']);
    });

    it('is refused by the receiver when the secrets differ (401, not retryable)', async () => {
      const { server, keys } = await verifyingReceiver('whsec_receiver');
      const outcome = await sender.send(
        { kind: 'webhook', url: `${server.origin}/`, secret: 'whsec_sender' },
        message,
      );
      expect(outcome).toEqual({
        ok: false,
        status: 401,
        error: 'HTTP 401: bad signature',
        retryable: false,
      });
      expect(keys).toEqual([]);
    });

    it('retries 429 and 503', async () => {
      for (const status of [429, 503]) {
        const server = await receiver(() => ({ status }));
        const outcome = await sender.send({ kind: 'webhook', url: `${server.origin}/` }, message);
        expect(outcome).toMatchObject({ ok: false, status, retryable: true });
      }
    });
  });

  describe('policy refusals', () => {
    it('does not send to a non-public address that is not allow-listed (not retryable)', async () => {
      const server = await receiver(() => ({ status: 200, body: { errcode: 0 } }));
      const strict = new DeliverySender({
        policy: { allowHosts: [], timeoutMs: 2_000 },
        mailFrom: 'noreply@example.gov.cn',
      });
      const outcome = await strict.send({ kind: 'wecom', url: `${server.origin}/` }, message);
      expect(outcome).toEqual({
        ok: false,
        error: expect.stringMatching(/^refused address 127\.0\.0\.1 \(loopback\)/),
        retryable: false,
      });
      expect(server.requests).toHaveLength(0);
    });

    it('does not follow a robot URL that redirects (not retryable)', async () => {
      const elsewhere = await receiver(() => ({ status: 200, body: { errcode: 0 } }));
      const redirecting = await receiver(() => ({
        status: 307,
        headers: { Location: `${elsewhere.origin}/` },
      }));
      const outcome = await sender.send(
        { kind: 'dingtalk', url: `${redirecting.origin}/robot/send` },
        message,
      );
      expect(outcome).toMatchObject({ ok: false, retryable: false });
      expect(outcome.error).toMatch(/^refused redirect/);
      expect(elsewhere.requests).toHaveLength(0);
    });

    it('refuses a non-http URL without throwing', async () => {
      const outcome = await sender.send({ kind: 'webhook', url: 'file:///etc/passwd' }, message);
      expect(outcome).toMatchObject({ ok: false, retryable: false });
    });

    it('retries when nothing listens on the allow-listed port', async () => {
      const closed = await startHttpReceiver();
      await closed.close();
      const outcome = await sender.send({ kind: 'webhook', url: `${closed.origin}/` }, message);
      expect(outcome).toMatchObject({ ok: false, retryable: true });
      expect(outcome.error).toMatch(/ECONNREFUSED/);
    });
  });

  it('answers e-mail targets with a non-retryable failure when SMTP is not configured', async () => {
    const outcome = await sender.send({ kind: 'email', to: 'chief@example.gov.cn' }, message);
    expect(outcome).toEqual({ ok: false, error: 'SMTP is not configured', retryable: false });
  });
});
