import {
  buildHttpDelivery,
  interpretHttpResponse,
  outcomeFromError,
  type DeliveryMessage,
  type DeliveryOutcome,
  type DeliveryTarget,
  type HttpTarget,
} from './channels';
import { createMailer, outcomeFromMailError, sendEmail, type Mailer } from './email';
import { postJson, type OutboundPolicy } from './outbound';

/** What a `DeliverySender` needs: the webhook policy, the SMTP server, the sender address. */
export interface DeliverySenderOptions {
  readonly policy: OutboundPolicy;
  /** `smtp(s)://…`; without it e-mail targets fail with a non-retryable outcome. */
  readonly smtpUrl?: string;
  /** The From of e-mails, e.g. `"链长制平台" <noreply@example.gov.cn>`. */
  readonly mailFrom: string;
  /** The clock for signatures and `sentAt`; injectable so tests are deterministic. */
  readonly now?: () => number;
}

/**
 * Sends one message to one target over its channel and reports what happened. It never
 * throws: every failure becomes an outcome whose `retryable` tells the queue whether to try
 * again, so a caller cannot forget to handle one.
 */
export class DeliverySender {
  private mailer: Mailer | undefined;

  constructor(private readonly options: DeliverySenderOptions) {}

  /** Delivers the message; resolves with the outcome, never rejects. */
  async send(target: DeliveryTarget, message: DeliveryMessage): Promise<DeliveryOutcome> {
    try {
      return target.kind === 'email'
        ? await this.sendEmail(target.to, message)
        : await this.sendHttp(target, message);
    } catch (error) {
      return outcomeFromError(error);
    }
  }

  /** Closes the SMTP transport (HTTP requests keep no connections open). */
  async close(): Promise<void> {
    this.mailer?.close();
    this.mailer = undefined;
  }

  private async sendHttp(target: HttpTarget, message: DeliveryMessage): Promise<DeliveryOutcome> {
    const request = buildHttpDelivery(target, message, this.now());
    const response = await postJson(request.url, request.body, {
      policy: this.options.policy,
      headers: { ...request.headers },
    });
    return interpretHttpResponse(target.kind, response);
  }

  private async sendEmail(to: string, message: DeliveryMessage): Promise<DeliveryOutcome> {
    const { smtpUrl, mailFrom } = this.options;
    if (!smtpUrl) {
      return { ok: false, error: 'SMTP is not configured', retryable: false };
    }
    try {
      this.mailer ??= createMailer(smtpUrl);
      await sendEmail(this.mailer, mailFrom, to, message);
      return { ok: true, retryable: false };
    } catch (error) {
      return outcomeFromMailError(error);
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
