import { createHmac, timingSafeEqual } from 'node:crypto';

/** Name of the header that carries `webhookSignature`. */
export const WEBHOOK_SIGNATURE_HEADER = 'X-Lianzhang-Signature';

/** How far (seconds) a webhook signature's timestamp may be from the receiver's clock. */
export const WEBHOOK_SIGNATURE_TOLERANCE_SEC = 300;

/**
 * The "加签" signature of a DingTalk custom robot: base64 of HMAC-SHA256 keyed with the secret
 * over `timestamp + "\n" + secret`, the timestamp in milliseconds. DingTalk refuses a message
 * whose timestamp is more than an hour off.
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/**
 * The robot URL with `timestamp` and `sign` added (URL-encoded by URLSearchParams, as DingTalk
 * requires: the base64 `+`, `/` and `=` must not reach it raw). Replaces stale values.
 */
export function dingtalkSignedUrl(webhookUrl: string, secret: string, timestampMs: number): string {
  const url = new URL(webhookUrl);
  url.searchParams.set('timestamp', String(timestampMs));
  url.searchParams.set('sign', dingtalkSign(secret, timestampMs));
  return url.toString();
}

/**
 * The signature of a Feishu/Lark custom bot: base64 of HMAC-SHA256 keyed with
 * `timestamp + "\n" + secret` over an empty message, the timestamp in seconds. Sent in the body
 * next to `timestamp`; Feishu refuses a timestamp more than an hour off.
 */
export function feishuSign(secret: string, timestampSec: number): string {
  return createHmac('sha256', `${timestampSec}\n${secret}`).update('').digest('base64');
}

/** Hex HMAC-SHA256 of `${timestampSec}.${rawBody}`: what `v1` holds. */
function webhookDigest(secret: string, timestampSec: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestampSec}.${rawBody}`).digest('hex');
}

/**
 * The `X-Lianzhang-Signature` header of a generic webhook: `t=<unix seconds>,v1=<hex>`, where
 * `v1` is HMAC-SHA256 with the shared secret over `<t>.<raw request body>`. Signing the
 * timestamp with the body lets receivers refuse replays of an old delivery.
 *
 * How a receiver verifies (any language): split the header on `,` into `t` and `v1`; refuse
 * when `|now − t|` exceeds five minutes; compute the HMAC over `t + "." + body` exactly as
 * received (before any JSON parsing) and compare it with `v1` in constant time; then
 * deduplicate on the `Idempotency-Key` header, since retried deliveries repeat it.
 */
export function webhookSignature(secret: string, timestampSec: number, rawBody: string): string {
  return `t=${timestampSec},v1=${webhookDigest(secret, timestampSec, rawBody)}`;
}

/**
 * Verifies an `X-Lianzhang-Signature` header as described at `webhookSignature`: false when
 * the header is missing, malformed or repeated, the timestamp is further than `toleranceSec`
 * from `nowSec`, or no `v1` matches. Compares in constant time so that the answer time does not
 * reveal how much of a forged signature was right.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | readonly string[] | null | undefined,
  rawBody: string,
  nowSec: number,
  toleranceSec: number = WEBHOOK_SIGNATURE_TOLERANCE_SEC,
): boolean {
  if (typeof header !== 'string') {
    return false;
  }
  const parsed = parseSignatureHeader(header);
  if (parsed === null || Math.abs(nowSec - parsed.timestamp) > toleranceSec) {
    return false;
  }
  const expected = Buffer.from(webhookDigest(secret, parsed.timestamp, rawBody), 'utf8');
  return parsed.signatures.some((candidate) => {
    const given = Buffer.from(candidate, 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** `t=…,v1=…[,v1=…]` → timestamp and the v1 values; null when malformed. */
function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value, ...rest] = part.trim().split('=');
    if (value === undefined || rest.length > 0) {
      return null;
    }
    if (key === 't') {
      if (timestamp !== null || !/^\d{1,15}$/.test(value)) {
        return null;
      }
      timestamp = Number(value);
    } else if (key === 'v1') {
      signatures.push(value);
    }
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}
