import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerError } from 'smtp-server';

/** A message as the SMTP receiver got it. */
export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  /** The raw RFC 5322 message. */
  readonly raw: string;
}

/** A local SMTP server on 127.0.0.1 (no TLS, no authentication) that records messages. */
export interface SmtpReceiver {
  /** `smtp://127.0.0.1:<port>` */
  readonly url: string;
  readonly mails: readonly ReceivedMail[];
  close(): Promise<void>;
}

/**
 * Starts an SMTP receiver on a random port (test helper). `refuseRecipient` may answer a
 * recipient with an SMTP reply code (450, 550…) instead of accepting it.
 */
export async function startSmtpReceiver(
  refuseRecipient: (address: string) => number | null = () => null,
): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = refuseRecipient(address.address);
      if (code === null) {
        callback();
        return;
      }
      const error: SMTPServerError = new Error(`recipient ${address.address} refused`);
      error.responseCode = code;
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map(({ address }) => address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  const listening = server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => listening.once('listening', () => resolve()));
  const { port } = listening.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
