import { OutboundRefusedError, OutboundTimeoutError, type OutboundResponse } from './outbound';
import {
  dingtalkSignedUrl,
  feishuSign,
  WEBHOOK_SIGNATURE_HEADER,
  webhookSignature,
} from './signatures';

/** Where a notification can be delivered. */
export type ChannelKind = 'email' | 'wecom' | 'dingtalk' | 'feishu' | 'webhook';

/** The channels reached with an HTTP POST to a URL someone configured. */
export type HttpChannelKind = Exclude<ChannelKind, 'email'>;

/** How urgent a notification is: the escalation ladder's reminder, yellow card, red card. */
export type DeliveryLevel = 'reminder' | 'yellow' | 'red';

/**
 * One notification, channel-neutral. Title and text arrive localised (Chinese first) from the
 * caller; this layer only lays them out for each channel.
 */
export interface DeliveryMessage {
  readonly title: string;
  readonly text: string;
  /** Where the recipient can act on it (the task page). */
  readonly link?: string;
  readonly level: DeliveryLevel;
  /** Stable across retries of the same notification, so that receivers can deduplicate. */
  readonly idempotencyKey: string;
  /** What happened, e.g. `task.overdue`. */
  readonly event: string;
  /** Machine-readable details for generic webhooks. */
  readonly data: Record<string, unknown>;
}

/** Where one delivery goes: a mailbox, or a robot / webhook URL with its optional secret. */
export type DeliveryTarget =
  | { readonly kind: 'email'; readonly to: string }
  | { readonly kind: HttpChannelKind; readonly url: string; readonly secret?: string | null };

/** The targets reached over HTTP. */
export type HttpTarget = Extract<DeliveryTarget, { readonly url: string }>;

/**
 * What became of a delivery. `retryable` tells the queue whether another attempt can succeed
 * (a timeout, a 5xx, a rate limit) or would fail the same way (a refused URL, a bad token).
 */
export interface DeliveryOutcome {
  readonly ok: boolean;
  /** The HTTP status, or for e-mail the SMTP reply code of a refusal. */
  readonly status?: number;
  readonly error?: string;
  readonly retryable: boolean;
}

/** A ready-to-send HTTP delivery: the URL (signed where the channel signs it), body, headers. */
export interface HttpDelivery {
  readonly url: string;
  readonly body: Record<string, unknown>;
  readonly headers: Readonly<Record<string, string>>;
}

/** The marker chat robots put before the title, so that a red card stands out in a group. */
export const LEVEL_MARKERS: Readonly<Record<DeliveryLevel, string>> = {
  reminder: '提醒',
  yellow: '黄牌',
  red: '红牌',
};

/** The robots' error codes that mean "too many messages, try later". */
const RATE_LIMIT_CODES: Readonly<Record<Exclude<HttpChannelKind, 'webhook'>, readonly number[]>> = {
  wecom: [45009],
  dingtalk: [130101],
  feishu: [9499, 11232],
};

/** WeCom refuses markdown content longer than 4096 bytes. */
const WECOM_MAX_BYTES = 4096;

/** DingTalk and Feishu allow about 20 KB per request; stay well below. */
const ROBOT_MAX_BYTES = 16_000;

/** `【红牌】标题`: the title with its level marker. */
export function headline(message: DeliveryMessage): string {
  return `【${LEVEL_MARKERS[message.level]}】${message.title}`;
}

/**
 * Builds the request for an HTTP channel: payload, signed URL or signature header as the
 * channel wants them.
 *
 * @param nowMs the sending time, which signatures and `sentAt` carry
 */
export function buildHttpDelivery(
  target: HttpTarget,
  message: DeliveryMessage,
  nowMs: number,
): HttpDelivery {
  const secret = target.secret || null;
  switch (target.kind) {
    case 'wecom':
      return { url: target.url, body: wecomPayload(message), headers: {} };
    case 'dingtalk':
      return {
        url: secret ? dingtalkSignedUrl(target.url, secret, nowMs) : target.url,
        body: dingtalkPayload(message),
        headers: {},
      };
    case 'feishu':
      return { url: target.url, body: feishuPayload(message, secret, nowMs), headers: {} };
    case 'webhook':
      return webhookDelivery(target.url, secret, message, nowMs);
  }
}

/** WeCom group robot: a markdown message (`\n` breaks lines there). */
export function wecomPayload(message: DeliveryMessage): Record<string, unknown> {
  const lines = [`**${headline(message)}**`, message.text];
  if (message.link) {
    lines.push(`[查看详情](${markdownUrl(message.link)})`);
  }
  return {
    msgtype: 'markdown',
    markdown: { content: truncateUtf8(lines.join('\n'), WECOM_MAX_BYTES) },
  };
}

/**
 * DingTalk custom robot: a markdown message. `title` is what the notification preview shows;
 * DingTalk's markdown needs blank lines to break lines.
 */
export function dingtalkPayload(message: DeliveryMessage): Record<string, unknown> {
  const paragraphs = [`### ${headline(message)}`, message.text.replace(/\r?\n/g, '\n\n')];
  if (message.link) {
    paragraphs.push(`[查看详情](${markdownUrl(message.link)})`);
  }
  return {
    msgtype: 'markdown',
    markdown: {
      title: headline(message),
      text: truncateUtf8(paragraphs.join('\n\n'), ROBOT_MAX_BYTES),
    },
  };
}

/**
 * Feishu/Lark custom bot: a text message, with `timestamp` (seconds, as a string like Feishu's
 * examples) and `sign` when the bot has a signing secret.
 */
export function feishuPayload(
  message: DeliveryMessage,
  secret: string | null,
  nowMs: number,
): Record<string, unknown> {
  const lines = [headline(message), message.text];
  if (message.link) {
    lines.push(message.link);
  }
  const content = { text: truncateUtf8(lines.join('\n'), ROBOT_MAX_BYTES) };
  if (!secret) {
    return { msg_type: 'text', content };
  }
  const timestampSec = Math.floor(nowMs / 1000);
  return {
    timestamp: String(timestampSec),
    sign: feishuSign(secret, timestampSec),
    msg_type: 'text',
    content,
  };
}

/** The JSON document a generic webhook receives. */
export function webhookPayload(message: DeliveryMessage, nowMs: number): Record<string, unknown> {
  return {
    id: message.idempotencyKey,
    event: message.event,
    level: message.level,
    title: message.title,
    text: message.text,
    link: message.link ?? null,
    data: message.data,
    sentAt: new Date(nowMs).toISOString(),
  };
}

/**
 * Generic webhook: the payload plus `Idempotency-Key` and, with a secret, the signature over
 * the exact body. `postJson` serialises the same object with the same `JSON.stringify`, so the
 * signed text is the text sent.
 */
function webhookDelivery(
  url: string,
  secret: string | null,
  message: DeliveryMessage,
  nowMs: number,
): HttpDelivery {
  const body = webhookPayload(message, nowMs);
  const headers: Record<string, string> = { 'Idempotency-Key': message.idempotencyKey };
  if (secret) {
    const signature = webhookSignature(secret, Math.floor(nowMs / 1000), JSON.stringify(body));
    headers[WEBHOOK_SIGNATURE_HEADER] = signature;
  }
  return { url, body, headers };
}

/**
 * Reads a channel's answer. Robots answer HTTP 200 with an error code in the JSON, so for them
 * only code 0 is success and only their rate-limit codes are worth retrying; a generic webhook
 * succeeds with any 2xx.
 */
export function interpretHttpResponse(
  kind: HttpChannelKind,
  response: OutboundResponse,
): DeliveryOutcome {
  const { status } = response;
  if (status < 200 || status >= 300) {
    return {
      ok: false,
      status,
      error: `HTTP ${status}${excerpt(response.body)}`,
      retryable: status >= 500 || status === 408 || status === 429,
    };
  }
  if (kind === 'webhook') {
    return { ok: true, status, retryable: false };
  }
  const reply = robotReply(kind, response.body);
  if (reply === null) {
    return {
      ok: false,
      status,
      error: `${kind} answered HTTP ${status} without an error code${excerpt(response.body)}`,
      retryable: false,
    };
  }
  if (reply.code === 0) {
    return { ok: true, status, retryable: false };
  }
  return {
    ok: false,
    status,
    error: `${kind} error ${reply.code}${reply.message ? `: ${reply.message}` : ''}`,
    retryable: RATE_LIMIT_CODES[kind].includes(reply.code),
  };
}

/**
 * The code and message of a robot's JSON answer: `errcode`/`errmsg` for WeCom and DingTalk,
 * `code`/`msg` (or the older `StatusCode`/`StatusMessage`) for Feishu. Null when absent.
 */
function robotReply(
  kind: Exclude<HttpChannelKind, 'webhook'>,
  body: string,
): { code: number; message: string } | null {
  const json = parseObject(body);
  if (json === null) {
    return null;
  }
  const [code, message] =
    kind === 'feishu'
      ? [json['code'] ?? json['StatusCode'], json['msg'] ?? json['StatusMessage']]
      : [json['errcode'], json['errmsg']];
  return typeof code === 'number'
    ? { code, message: typeof message === 'string' ? message : '' }
    : null;
}

/** Parses a JSON object; null for anything else. */
function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Maps what `postJson` threw: refusals are final, timeouts and connection failures
 * (ECONNREFUSED, ECONNRESET, a resolver that is down) are worth another attempt.
 */
export function outcomeFromError(error: unknown): DeliveryOutcome {
  if (error instanceof OutboundRefusedError) {
    return { ok: false, error: error.message, retryable: false };
  }
  if (error instanceof OutboundTimeoutError) {
    return { ok: false, error: error.message, retryable: true };
  }
  return { ok: false, error: messageOf(error), retryable: true };
}

/**
 * The message of an error. Read by shape, not with `instanceof Error`: errors thrown by Node's
 * core may come from another realm (a Jest sandbox, a vm context).
 */
export function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return String(error.message);
  }
  return String(error);
}

/** `: <start of the body>` for error messages, or nothing when the body is empty. */
function excerpt(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text === '') {
    return '';
  }
  return `: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`;
}

/** Escapes what would end a markdown link target early. */
function markdownUrl(url: string): string {
  const escapes: Readonly<Record<string, string>> = { '(': '%28', ')': '%29' };
  return url.replace(/[()\s]/g, (char) => escapes[char] ?? encodeURIComponent(char));
}

/**
 * Cuts a text to at most `maxBytes` of UTF-8, on a character boundary, marking the cut with
 * `…`, so that a long text is shortened rather than refused by the robot.
 */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) {
    return text;
  }
  const ellipsis = '…';
  let budget = maxBytes - Buffer.byteLength(ellipsis, 'utf8');
  let result = '';
  for (const char of text) {
    budget -= Buffer.byteLength(char, 'utf8');
    if (budget < 0) {
      break;
    }
    result += char;
  }
  return result + ellipsis;
}
