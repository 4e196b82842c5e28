import {
  buildHttpDelivery,
  headline,
  interpretHttpResponse,
  outcomeFromError,
  truncateUtf8,
  type DeliveryMessage,
  type HttpChannelKind,
} from './channels';
import { OutboundRefusedError, OutboundTimeoutError } from './outbound';
import { dingtalkSign, feishuSign, verifyWebhookSignature } from './signatures';

/** A message with sensible defaults; override what a test is about. */
function messageWith(overrides: Partial<DeliveryMessage> = {}): DeliveryMessage {
  return {
    title: '任务逾期：新能源汽车产业链招商',
    text: '任务“走访龙头企业”已逾期 3 天。\n请尽快处理。',
    link: 'https://lianzhang.example.gov.cn/tasks/42',
    level: 'red',
    idempotencyKey: 'task-42.overdue.red',
    event: 'task.overdue',
    data: { taskId: 42, overdueDays: 3 },
    ...overrides,
  };
}

const NOW_MS = 1_700_000_000_123;

describe('headline', () => {
  it.each([
    ['reminder', '【提醒】标题'],
    ['yellow', '【黄牌】标题'],
    ['red', '【红牌】标题'],
  ] as const)('marks %s as %s', (level, expected) => {
    expect(headline(messageWith({ level, title: '标题' }))).toBe(expected);
  });
});

describe('buildHttpDelivery', () => {
  it('builds a WeCom markdown message with the marker, text and link', () => {
    const delivery = buildHttpDelivery(
      { kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' },
      messageWith(),
      NOW_MS,
    );
    expect(delivery).toEqual({
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      body: {
        msgtype: 'markdown',
        markdown: {
          content:
            '**【红牌】任务逾期：新能源汽车产业链招商**\n' +
            '任务“走访龙头企业”已逾期 3 天。\n请尽快处理。\n' +
            '[查看详情](https://lianzhang.example.gov.cn/tasks/42)',
        },
      },
      headers: {},
    });
  });

  it('keeps a WeCom message within its 4096-byte limit', () => {
    const delivery = buildHttpDelivery(
      { kind: 'wecom', url: 'https://qyapi.weixin.qq.com/x' },
      messageWith({ text: '很长'.repeat(2_000) }),
      NOW_MS,
    );
    const { content } = (delivery.body as { markdown: { content: string } }).markdown;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);
    expect(content.endsWith('…')).toBe(true);
  });

  it('builds a DingTalk markdown message, unsigned without a secret', () => {
    const delivery = buildHttpDelivery(
      {
        kind: 'dingtalk',
        url: 'https://oapi.dingtalk.com/robot/send?access_token=t',
        secret: null,
      },
      messageWith({ level: 'yellow', link: undefined }),
      NOW_MS,
    );
    expect(delivery).toEqual({
      url: 'https://oapi.dingtalk.com/robot/send?access_token=t',
      body: {
        msgtype: 'markdown',
        markdown: {
          title: '【黄牌】任务逾期：新能源汽车产业链招商',
          text:
            '### 【黄牌】任务逾期：新能源汽车产业链招商\n\n' +
            '任务“走访龙头企业”已逾期 3 天。\n\n请尽快处理。',
        },
      },
      headers: {},
    });
  });

  it('signs the DingTalk URL with the millisecond timestamp when a secret is set', () => {
    const delivery = buildHttpDelivery(
      {
        kind: 'dingtalk',
        url: 'https://oapi.dingtalk.com/robot/send?access_token=t',
        secret: 'SEC1',
      },
      messageWith(),
      NOW_MS,
    );
    const url = new URL(delivery.url);
    expect(url.searchParams.get('access_token')).toBe('t');
    expect(url.searchParams.get('timestamp')).toBe(String(NOW_MS));
    expect(url.searchParams.get('sign')).toBe(dingtalkSign('SEC1', NOW_MS));
  });

  it('builds a Feishu text message without timestamp and sign when there is no secret', () => {
    const delivery = buildHttpDelivery(
      { kind: 'feishu', url: 'https://open.feishu.cn/open-apis/bot/v2/hook/h' },
      messageWith({ level: 'reminder' }),
      NOW_MS,
    );
    expect(delivery.body).toEqual({
      msg_type: 'text',
      content: {
        text:
          '【提醒】任务逾期：新能源汽车产业链招商\n' +
          '任务“走访龙头企业”已逾期 3 天。\n请尽快处理。\n' +
          'https://lianzhang.example.gov.cn/tasks/42',
      },
    });
  });

  it('adds the Feishu timestamp (seconds) and sign when a secret is set', () => {
    const delivery = buildHttpDelivery(
      { kind: 'feishu', url: 'https://open.feishu.cn/open-apis/bot/v2/hook/h', secret: 'SEC1' },
      messageWith(),
      NOW_MS,
    );
    expect(delivery.body).toMatchObject({
      timestamp: '1700000000',
      sign: feishuSign('SEC1', 1_700_000_000),
      msg_type: 'text',
    });
    expect(delivery.url).toBe('https://open.feishu.cn/open-apis/bot/v2/hook/h');
  });

  it('builds the generic webhook document with Idempotency-Key and a verifiable signature', () => {
    const delivery = buildHttpDelivery(
      { kind: 'webhook', url: 'https://hooks.example.com/lz', secret: 'whsec' },
      messageWith(),
      NOW_MS,
    );
    expect(delivery.body).toEqual({
      id: 'task-42.overdue.red',
      event: 'task.overdue',
      level: 'red',
      title: '任务逾期：新能源汽车产业链招商',
      text: '任务“走访龙头企业”已逾期 3 天。\n请尽快处理。',
      link: 'https://lianzhang.example.gov.cn/tasks/42',
      data: { taskId: 42, overdueDays: 3 },
      sentAt: '2023-11-14T22:13:20.123Z',
    });
    expect(delivery.headers['Idempotency-Key']).toBe('task-42.overdue.red');
    expect(
      verifyWebhookSignature(
        'whsec',
        delivery.headers['X-Lianzhang-Signature'],
        JSON.stringify(delivery.body),
        1_700_000_000,
      ),
    ).toBe(true);
  });

  it('sends no signature header to a webhook without a secret, and link null without a link', () => {
    const delivery = buildHttpDelivery(
      { kind: 'webhook', url: 'https://hooks.example.com/lz', secret: '' },
      messageWith({ link: undefined }),
      NOW_MS,
    );
    expect(delivery.headers).toEqual({ 'Idempotency-Key': 'task-42.overdue.red' });
    expect(delivery.body['link']).toBeNull();
  });

  it('escapes parentheses and spaces that would break a markdown link', () => {
    const delivery = buildHttpDelivery(
      { kind: 'wecom', url: 'https://qyapi.weixin.qq.com/x' },
      messageWith({ link: 'https://x.example/a (b)' }),
      NOW_MS,
    );
    expect(JSON.stringify(delivery.body)).toContain('[查看详情](https://x.example/a%20%28b%29)');
  });
});

describe('interpretHttpResponse', () => {
  const json = (value: unknown): string => JSON.stringify(value);

  it.each<[HttpChannelKind, number, string, { ok: boolean; retryable: boolean; error?: RegExp }]>([
    ['wecom', 200, json({ errcode: 0, errmsg: 'ok' }), { ok: true, retryable: false }],
    [
      'wecom',
      200,
      json({ errcode: 45009, errmsg: 'api freq out of limit' }),
      { ok: false, retryable: true, error: /wecom error 45009: api freq out of limit/ },
    ],
    [
      'wecom',
      200,
      json({ errcode: 93000, errmsg: 'invalid webhook url' }),
      { ok: false, retryable: false, error: /93000/ },
    ],
    ['dingtalk', 200, json({ errcode: 0, errmsg: 'ok' }), { ok: true, retryable: false }],
    [
      'dingtalk',
      200,
      json({ errcode: 130101, errmsg: 'send too fast' }),
      { ok: false, retryable: true },
    ],
    [
      'dingtalk',
      200,
      json({ errcode: 310000, errmsg: 'sign not match' }),
      { ok: false, retryable: false },
    ],
    ['dingtalk', 200, json({ errcode: 45009 }), { ok: false, retryable: false }],
    ['feishu', 200, json({ code: 0, msg: 'success', data: {} }), { ok: true, retryable: false }],
    [
      'feishu',
      200,
      json({ StatusCode: 0, StatusMessage: 'success' }),
      { ok: true, retryable: false },
    ],
    ['feishu', 200, json({ code: 9499, msg: 'too many requests' }), { ok: false, retryable: true }],
    [
      'feishu',
      200,
      json({ code: 11232, msg: 'frequency limited' }),
      { ok: false, retryable: true },
    ],
    [
      'feishu',
      200,
      json({ code: 19021, msg: 'sign match fail' }),
      { ok: false, retryable: false, error: /feishu error 19021: sign match fail/ },
    ],
    [
      'wecom',
      200,
      '<html>gateway</html>',
      { ok: false, retryable: false, error: /without an error code: <html>/ },
    ],
    ['dingtalk', 200, json({ ok: true }), { ok: false, retryable: false }],
    ['webhook', 200, '', { ok: true, retryable: false }],
    ['webhook', 204, '', { ok: true, retryable: false }],
    ['webhook', 202, 'not json', { ok: true, retryable: false }],
    ['webhook', 500, 'boom', { ok: false, retryable: true, error: /^HTTP 500: boom$/ }],
    ['webhook', 503, '', { ok: false, retryable: true, error: /^HTTP 503$/ }],
    ['webhook', 429, '', { ok: false, retryable: true }],
    ['webhook', 408, '', { ok: false, retryable: true }],
    ['webhook', 400, 'bad', { ok: false, retryable: false }],
    ['webhook', 404, '', { ok: false, retryable: false }],
    ['webhook', 410, '', { ok: false, retryable: false }],
    ['feishu', 500, json({ code: 0 }), { ok: false, retryable: true }],
    ['wecom', 400, json({ errcode: 0 }), { ok: false, retryable: false }],
  ])('%s HTTP %s %s', (kind, status, body, expected) => {
    const outcome = interpretHttpResponse(kind, { status, body });
    expect(outcome.ok).toBe(expected.ok);
    expect(outcome.retryable).toBe(expected.retryable);
    expect(outcome.status).toBe(status);
    if (expected.error) {
      expect(outcome.error).toMatch(expected.error);
    }
    expect(outcome.error === undefined).toBe(expected.ok);
  });

  it('shortens a long error body in the message', () => {
    const outcome = interpretHttpResponse('webhook', { status: 502, body: 'x'.repeat(5_000) });
    expect(outcome.error).toHaveLength('HTTP 502: '.length + 201);
  });
});

describe('outcomeFromError', () => {
  it('does not retry a refusal', () => {
    expect(
      outcomeFromError(new OutboundRefusedError('address', 'refused address 10.0.0.1')),
    ).toEqual({
      ok: false,
      error: 'refused address 10.0.0.1',
      retryable: false,
    });
  });

  it('retries a timeout', () => {
    expect(outcomeFromError(new OutboundTimeoutError('x.example', 300))).toEqual({
      ok: false,
      error: 'request to x.example timed out after 300 ms',
      retryable: true,
    });
  });

  it('retries a connection failure, reading errors by shape', () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(outcomeFromError(reset)).toEqual({
      ok: false,
      error: 'read ECONNRESET',
      retryable: true,
    });
    expect(outcomeFromError({ message: 'from another realm' }).error).toBe('from another realm');
    expect(outcomeFromError('odd').error).toBe('odd');
  });
});

describe('truncateUtf8', () => {
  it('leaves a short text alone', () => {
    expect(truncateUtf8('链长制', 9)).toBe('链长制');
  });

  it('cuts on a character boundary and marks the cut', () => {
    // 链 长 制 are 3 bytes each, … is 3 bytes.
    expect(truncateUtf8('链长制平台', 10)).toBe('链长…');
    expect(truncateUtf8('链长制平台', 11)).toBe('链长…');
    expect(truncateUtf8('链长制平台', 12)).toBe('链长制…');
  });

  it('does not split a surrogate pair', () => {
    expect(truncateUtf8('😀😀😀', 9)).toBe('😀…');
  });
});
