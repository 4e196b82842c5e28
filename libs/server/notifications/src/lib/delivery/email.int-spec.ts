import type { DeliveryMessage } from './channels';
import { createMailer, sendEmail } from './email';
import { DeliverySender } from './sender';
import { parseMail } from './testing/mime';
import { startSmtpReceiver, type SmtpReceiver } from './testing/smtp-receiver';

const message: DeliveryMessage = {
  title: '【红牌】任务逾期：新能源汽车产业链招商',
  text: '任务“走访龙头企业”已逾期 3 天。\n请尽快处理。',
  link: 'https://lianzhang.example.gov.cn/tasks/42',
  level: 'red',
  idempotencyKey: 'task-42.overdue.red',
  event: 'task.overdue',
  data: { taskId: 42 },
};

const policy = { allowHosts: [], timeoutMs: 2_000 };
const FROM = '"链长制平台" <noreply@example.gov.cn>';

describe('e-mail over a real SMTP server on 127.0.0.1', () => {
  let smtp: SmtpReceiver;
  let sender: DeliverySender;

  beforeEach(async () => {
    smtp = await startSmtpReceiver((address) => {
      if (address.startsWith('full@')) return 452;
      if (address.startsWith('nobody@')) return 550;
      return null;
    });
    sender = new DeliverySender({ policy, smtpUrl: smtp.url, mailFrom: FROM });
  });

  afterEach(async () => {
    await sender.close();
    await smtp.close();
  });

  it('delivers the message: recipient, Chinese subject, text with link, HTML part', async () => {
    const outcome = await sender.send({ kind: 'email', to: 'chief@example.gov.cn' }, message);

    expect(outcome).toEqual({ ok: true, retryable: false });
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail.from).toBe('noreply@example.gov.cn');
    expect(mail.to).toEqual(['chief@example.gov.cn']);
    const parsed = parseMail(mail.raw);
    expect(parsed.headers.get('subject')).toBe('【红牌】任务逾期：新能源汽车产业链招商');
    expect(parsed.headers.get('from')).toBe('链长制平台 <noreply@example.gov.cn>');
    expect(parsed.headers.get('to')).toBe('chief@example.gov.cn');
    expect(parsed.text).toBe(
      '任务“走访龙头企业”已逾期 3 天。\n请尽快处理。\n\nhttps://lianzhang.example.gov.cn/tasks/42',
    );
    expect(parsed.html).toContain('<p>任务“走访龙头企业”已逾期 3 天。<br>请尽快处理。</p>');
    expect(parsed.html).toContain('href="https://lianzhang.example.gov.cn/tasks/42"');
  });

  it('sends with a mailer of its own too (createMailer + sendEmail)', async () => {
    const mailer = createMailer(smtp.url);
    try {
      const info = await sendEmail(mailer, FROM, 'deputy@example.gov.cn', message);
      expect(info.accepted).toEqual(['deputy@example.gov.cn']);
    } finally {
      mailer.close();
    }
    expect(smtp.mails.map((mail) => mail.to)).toEqual([['deputy@example.gov.cn']]);
  });

  it('does not retry a recipient the server refuses for good (550)', async () => {
    const outcome = await sender.send({ kind: 'email', to: 'nobody@example.gov.cn' }, message);
    expect(outcome).toMatchObject({ ok: false, status: 550, retryable: false });
    expect(outcome.error).toMatch(/550/);
    expect(smtp.mails).toHaveLength(0);
  });

  it('retries a recipient the server refuses for now (452)', async () => {
    const outcome = await sender.send({ kind: 'email', to: 'full@example.gov.cn' }, message);
    expect(outcome).toMatchObject({ ok: false, status: 452, retryable: true });
  });

  it('retries when the SMTP server does not answer the connection', async () => {
    const down = await startSmtpReceiver();
    await down.close();
    const unreachable = new DeliverySender({ policy, smtpUrl: down.url, mailFrom: FROM });
    try {
      const outcome = await unreachable.send(
        { kind: 'email', to: 'chief@example.gov.cn' },
        message,
      );
      expect(outcome).toMatchObject({ ok: false, retryable: true });
      expect(outcome.error).toMatch(/ECONNREFUSED/);
    } finally {
      await unreachable.close();
    }
  });
});
