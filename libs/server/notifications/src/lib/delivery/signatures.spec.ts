import { createHash } from 'node:crypto';
import {
  dingtalkSign,
  dingtalkSignedUrl,
  feishuSign,
  verifyWebhookSignature,
  webhookSignature,
} from './signatures';

/**
 * HMAC-SHA256 written out from RFC 2104 over plain SHA-256, so that the expected values do not
 * come from the `createHmac` the code under test uses.
 */
function hmacSha256(key: string, message: string): Buffer {
  const blockSize = 64;
  let keyBytes = Buffer.from(key, 'utf8');
  if (keyBytes.length > blockSize) {
    keyBytes = createHash('sha256').update(keyBytes).digest();
  }
  const padded = Buffer.concat([keyBytes, Buffer.alloc(blockSize - keyBytes.length)]);
  const xor = (byte: number): Buffer => Buffer.from(padded.map((b) => b ^ byte));
  const inner = createHash('sha256')
    .update(Buffer.concat([xor(0x36), Buffer.from(message, 'utf8')]))
    .digest();
  return createHash('sha256')
    .update(Buffer.concat([xor(0x5c), inner]))
    .digest();
}

// Fixed vectors derived once with OpenSSL, independently of this code:
//   printf '1700000000000\nSEC123' | openssl dgst -sha256 -hmac SEC123 -binary | base64
//   printf '' | openssl dgst -sha256 -hmac "$(printf '1700000000\nSEC123')" -binary | base64
//   printf '1700000000.{"id":"task-1:overdue"}' | openssl dgst -sha256 -hmac SEC123
const DINGTALK_SEC123_1700000000000 = 'lkcPI1uoxBY1gUnCnnPH1Kkru0Hqjo7rFpA3haIVhEQ=';
const FEISHU_SEC123_1700000000 = 'j/tImR0k8vYXRsYw0+GHVQkV1v/J/8obOuMU7PE/KDo=';
const WEBHOOK_SEC123_1700000000 =
  '8ea1e7104dd3bf84d575cec8ed07b4fbae844c99329251521d66862d1936062b';

describe('dingtalkSign', () => {
  it('matches the fixed vector for SEC123 at 1700000000000 ms', () => {
    expect(dingtalkSign('SEC123', 1_700_000_000_000)).toBe(DINGTALK_SEC123_1700000000000);
  });

  it.each([
    ['SECabc', 1_712_345_678_901],
    ['SEC' + 'x'.repeat(100), 1], // a key longer than the HMAC block
    ['密钥', 1_700_000_000_123],
  ])('is base64 HMAC-SHA256(secret, "<ts>\\n<secret>") for %s', (secret, ts) => {
    expect(dingtalkSign(secret, ts)).toBe(
      hmacSha256(secret, `${ts}\n${secret}`).toString('base64'),
    );
  });
});

describe('dingtalkSignedUrl', () => {
  const robot = 'https://oapi.dingtalk.com/robot/send?access_token=abc123';

  it('appends timestamp and the URL-encoded sign, keeping the access token', () => {
    const signed = dingtalkSignedUrl(robot, 'SEC123', 1_700_000_000_000);
    expect(signed).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abc123&timestamp=1700000000000' +
        `&sign=${encodeURIComponent(DINGTALK_SEC123_1700000000000)}`,
    );
    expect(signed).not.toMatch(/sign=[^&]*[+/=]/);
    expect(new URL(signed).searchParams.get('sign')).toBe(DINGTALK_SEC123_1700000000000);
  });

  it('replaces a stale timestamp and sign instead of adding a second pair', () => {
    const once = dingtalkSignedUrl(robot, 'SEC123', 1);
    const url = new URL(dingtalkSignedUrl(once, 'SEC123', 1_700_000_000_000));
    expect(url.searchParams.getAll('timestamp')).toEqual(['1700000000000']);
    expect(url.searchParams.getAll('sign')).toEqual([DINGTALK_SEC123_1700000000000]);
  });
});

describe('feishuSign', () => {
  it('matches the fixed vector for SEC123 at 1700000000 s', () => {
    expect(feishuSign('SEC123', 1_700_000_000)).toBe(FEISHU_SEC123_1700000000);
  });

  it('is base64 HMAC-SHA256 keyed with "<ts>\\n<secret>" over an empty message', () => {
    expect(feishuSign('demo-secret', 1_599_360_473)).toBe(
      hmacSha256('1599360473\ndemo-secret', '').toString('base64'),
    );
  });

  it('differs from the DingTalk scheme (key and message are swapped)', () => {
    expect(feishuSign('SEC123', 1_700_000_000)).not.toBe(dingtalkSign('SEC123', 1_700_000_000));
  });
});

describe('webhookSignature', () => {
  const body = '{"id":"task-1:overdue"}';

  it('matches the fixed vector', () => {
    expect(webhookSignature('SEC123', 1_700_000_000, body)).toBe(
      `t=1700000000,v1=${WEBHOOK_SEC123_1700000000}`,
    );
  });

  it('is hex HMAC-SHA256(secret, "<t>.<body>") over UTF-8', () => {
    const chinese = '{"title":"任务逾期"}';
    expect(webhookSignature('s3cret', 1_700_000_123, chinese)).toBe(
      `t=1700000123,v1=${hmacSha256('s3cret', `1700000123.${chinese}`).toString('hex')}`,
    );
  });
});

describe('verifyWebhookSignature', () => {
  const secret = 'SEC123';
  const body = '{"id":"task-1:overdue","title":"任务逾期"}';
  const sentAt = 1_700_000_000;
  const header = webhookSignature(secret, sentAt, body);

  it('accepts its own signature within the tolerance', () => {
    expect(verifyWebhookSignature(secret, header, body, sentAt)).toBe(true);
    expect(verifyWebhookSignature(secret, header, body, sentAt + 300)).toBe(true);
    expect(verifyWebhookSignature(secret, header, body, sentAt - 300)).toBe(true);
  });

  it('accepts the fixed vector', () => {
    const fixed = `t=1700000000,v1=${WEBHOOK_SEC123_1700000000}`;
    expect(verifyWebhookSignature('SEC123', fixed, '{"id":"task-1:overdue"}', sentAt)).toBe(true);
  });

  it.each<[string, string, string | string[] | undefined, string, number]>([
    ['a tampered body', secret, header, body.replace('任务', '工作'), sentAt],
    ['a wrong secret', 'SEC124', header, body, sentAt],
    ['a stale timestamp', secret, header, body, sentAt + 301],
    ['a timestamp from the future', secret, header, body, sentAt - 301],
    ['a missing header', secret, undefined, body, sentAt],
    ['a repeated header', secret, [header, header], body, sentAt],
    ['a truncated signature', secret, header.slice(0, -2), body, sentAt],
    ['a re-dated signature', secret, header.replace('t=1700000000', 't=1700000100'), body, sentAt],
    ['no v1', secret, `t=${sentAt}`, body, sentAt],
    ['no timestamp', secret, header.replace(/^t=\d+,/, ''), body, sentAt],
    ['two timestamps', secret, `t=1,${header}`, body, sentAt],
    ['garbage', secret, 'v1', body, sentAt],
  ])('refuses %s', (_case, key, given, rawBody, now) => {
    expect(verifyWebhookSignature(key, given, rawBody, now)).toBe(false);
  });

  it('honours a custom tolerance', () => {
    expect(verifyWebhookSignature(secret, header, body, sentAt + 30, 10)).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, sentAt + 30, 60)).toBe(true);
  });

  it('accepts any matching v1 among several (secret rotation)', () => {
    const other = webhookSignature('old-secret', sentAt, body).split(',')[1];
    expect(verifyWebhookSignature(secret, `${header},${other}`, body, sentAt)).toBe(true);
    expect(verifyWebhookSignature('old-secret', `${header},${other}`, body, sentAt)).toBe(true);
  });
});
