import {
  createTransport,
  type Mail,
  type NodemailerError,
  type SMTPSentMessageInfo,
  type SMTPTransportOptions,
} from 'nodemailer';
import { messageOf, type DeliveryMessage, type DeliveryOutcome } from './channels';

/** A nodemailer SMTP transport. */
export type Mailer = Mail<SMTPSentMessageInfo, SMTPTransportOptions>;

/** The parts of an e-mail built from a message. */
export interface EmailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/**
 * Nodemailer waits up to 2 minutes to connect and 10 minutes on an idle socket by default; a
 * delivery job should fail sooner and be retried. Parameters in the URL's query still win.
 */
const SMTP_TIMEOUTS = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
} as const;

/** Nodemailer error codes of a connection that failed rather than a message that was refused. */
const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'ECONNECTION',
  'ESOCKET',
  'ETIMEDOUT',
  'EDNS',
]);

/**
 * Creates an SMTP transport from a connection URL such as
 * `smtps://user:pass@smtp.example.com:465` (the administrator's configuration, so it is not
 * subject to the webhook policy). Nothing connects until the first message.
 */
export function createMailer(smtpUrl: string): Mailer {
  return createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS });
}

/**
 * Lays a message out as an e-mail: subject = title (on one line), plain text with the link
 * below, and a simple escaped HTML version for clients that prefer it.
 */
export function emailContent(message: DeliveryMessage): EmailContent {
  const subject = message.title.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  const text = message.link ? `${message.text}\n\n${message.link}` : message.text;
  const paragraphs = message.text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, '<br>')}</p>`);
  if (message.link) {
    paragraphs.push(`<p>${htmlLink(message.link)}</p>`);
  }
  const html = `<!doctype html><html><body><h3>${escapeHtml(subject)}</h3>${paragraphs.join('')}</body></html>`;
  return { subject, text, html };
}

/** Sends one message to one address. Rejects with nodemailer's error on failure. */
export async function sendEmail(
  mailer: Mailer,
  from: string,
  to: string,
  message: DeliveryMessage,
): Promise<SMTPSentMessageInfo> {
  return mailer.sendMail({ from, to, ...emailContent(message) });
}

/**
 * Maps a nodemailer failure: an SMTP reply is retryable when the server says so (4xx, and
 * nodemailer's `permanent` flag), a broken connection is retryable, and everything else
 * (authentication, configuration, no valid recipient) would fail again.
 */
export function outcomeFromMailError(error: unknown): DeliveryOutcome {
  const { code, responseCode, permanent } =
    typeof error === 'object' && error !== null ? (error as Partial<NodemailerError>) : {};
  let retryable: boolean;
  if (typeof responseCode === 'number') {
    retryable = permanent !== undefined ? !permanent : responseCode < 500 || responseCode === 503;
  } else {
    retryable = code !== undefined && TRANSIENT_CODES.has(code);
  }
  return {
    ok: false,
    ...(typeof responseCode === 'number' ? { status: responseCode } : {}),
    error: messageOf(error),
    retryable,
  };
}

/** A link in the HTML part: clickable only when it is http(s), plain text otherwise. */
function htmlLink(link: string): string {
  return /^https?:\/\//i.test(link)
    ? `<a href="${escapeHtml(link)}">查看详情 / View details</a>`
    : escapeHtml(link);
}

/** Escapes text for HTML content and attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
