import type { DeliveryMessage } from './channels';
import { emailContent, outcomeFromMailError } from './email';

const message: DeliveryMessage = {
  title: '任务逾期：新能源汽车产业链招商',
  text: '任务“走访龙头企业”已逾期 3 天。\n\n请尽快处理 <重要>。',
  link: 'https://lianzhang.example.gov.cn/tasks/42?a=1&b=2',
  level: 'red',
  idempotencyKey: 'task-42.overdue.red',
  event: 'task.overdue',
  data: {},
};

describe('emailContent', () => {
  it('uses the title as subject and puts the link under the text', () => {
    const content = emailContent(message);
    expect(content.subject).toBe('任务逾期：新能源汽车产业链招商');
    expect(content.text).toBe(
      `${message.text}\n\nhttps://lianzhang.example.gov.cn/tasks/42?a=1&b=2`,
    );
  });

  it('escapes the HTML part and links only http(s) URLs', () => {
    const { html } = emailContent(message);
    expect(html).toContain('<p>请尽快处理 &#60;重要&#62;。</p>');
    expect(html).toContain(
      '<a href="https://lianzhang.example.gov.cn/tasks/42?a=1&#38;b=2">查看详情 / View details</a>',
    );
    expect(emailContent({ ...message, link: 'javascript:alert(1)' }).html).not.toContain('<a ');
  });

  it('keeps the subject on one line', () => {
    expect(emailContent({ ...message, title: '第一行\r\nBcc: x@example.com' }).subject).toBe(
      '第一行 Bcc: x@example.com',
    );
  });

  it('omits the link when there is none', () => {
    const content = emailContent({ ...message, link: undefined });
    expect(content.text).toBe(message.text);
    expect(content.html).not.toContain('查看详情');
  });
});

describe('outcomeFromMailError', () => {
  const smtpError = (responseCode: number, permanent?: boolean): Error =>
    Object.assign(new Error(`Can't send mail: ${responseCode}`), {
      code: 'EENVELOPE',
      responseCode,
      ...(permanent === undefined ? {} : { permanent }),
    });

  it.each([
    [smtpError(550, true), false],
    [smtpError(450, false), true],
    [smtpError(421), true],
    [smtpError(554), false],
    [smtpError(503), true],
  ])('maps SMTP reply %p', (error, retryable) => {
    expect(outcomeFromMailError(error)).toMatchObject({ ok: false, retryable });
  });

  it.each([
    ['ECONNECTION', true],
    ['ESOCKET', true],
    ['ETIMEDOUT', true],
    ['EDNS', true],
    ['EAUTH', false],
    ['ENOAUTH', false],
    ['ECONFIG', false],
    ['EENVELOPE', false],
    [undefined, false],
  ])('maps code %s → retryable %s', (code, retryable) => {
    const error = Object.assign(new Error('failed'), code ? { code } : {});
    expect(outcomeFromMailError(error)).toEqual({ ok: false, error: 'failed', retryable });
  });
});
