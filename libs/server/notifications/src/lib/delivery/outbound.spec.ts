import {
  assertResolvedAddressesAllowed,
  checkOutboundUrl,
  isPublicAddress,
  OutboundRefusedError,
  type OutboundPolicy,
  type OutboundRefusal,
} from './outbound';

const policy: OutboundPolicy = { allowHosts: [], timeoutMs: 1_000 };

/** The refusal `checkOutboundUrl` rejects with, or fails the test when it accepts. */
async function refusal(url: string, given: OutboundPolicy = policy): Promise<OutboundRefusedError> {
  const error: unknown = await checkOutboundUrl(url, given).then(
    () => new Error(`${url} was accepted`),
    (refused: unknown) => refused,
  );
  if (!(error instanceof OutboundRefusedError)) {
    throw error;
  }
  return error;
}

describe('the WHATWG URL parser', () => {
  it.each([
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://[0:0:0:0:0:ffff:7f00:1]/', '[::ffff:7f00:1]'],
    ['http://EXAMPLE.com/', 'example.com'],
  ])('normalises %s to %s before the check sees it', (raw, hostname) => {
    expect(new URL(raw).hostname).toBe(hostname);
  });
});

describe('checkOutboundUrl', () => {
  it.each<[string, OutboundRefusal, RegExp]>([
    ['http://127.0.0.1/', 'address', /127\.0\.0\.1 \(loopback\)/],
    ['http://[::1]/', 'address', /::1 \(loopback\)/],
    ['http://10.0.0.1/', 'address', /10\.0\.0\.1 \(private\)/],
    ['http://172.16.5.4/', 'address', /private/],
    ['http://192.168.1.1/', 'address', /private/],
    ['http://169.254.169.254/latest/meta-data', 'address', /169\.254\.169\.254 \(linkLocal\)/],
    ['http://[fe80::1]/', 'address', /linkLocal/],
    ['http://[fc00::1]/', 'address', /uniqueLocal/],
    ['http://[fd12:3456::1]/', 'address', /uniqueLocal/],
    ['http://0.0.0.0/', 'address', /unspecified/],
    ['http://[::]/', 'address', /unspecified/],
    ['http://255.255.255.255/', 'address', /broadcast/],
    ['http://224.0.0.1/', 'address', /multicast/],
    ['http://[ff02::1]/', 'address', /multicast/],
    ['http://100.64.0.1/', 'address', /carrierGradeNat/],
    ['http://192.0.2.1/', 'address', /reserved/],
    ['http://240.0.0.1/', 'address', /reserved/],
    ['http://2130706433/', 'address', /127\.0\.0\.1/],
    ['http://0x7f000001/', 'address', /127\.0\.0\.1/],
    ['http://0177.0.0.1:8080/', 'address', /127\.0\.0\.1/],
    ['http://[::ffff:127.0.0.1]/', 'address', /loopback/],
    ['http://[::ffff:169.254.169.254]/', 'address', /linkLocal/],
    ['http://[::127.0.0.1]/', 'address', /::7f00:1/],
    ['http://[64:ff9b::7f00:1]/', 'address', /rfc6052/],
    ['file:///etc/passwd', 'scheme', /file:/],
    ['ftp://example.com/', 'scheme', /ftp:/],
    ['gopher://example.com:70/_GET', 'scheme', /gopher:/],
    ['javascript:alert(1)', 'scheme', /javascript:/],
    ['not a url', 'scheme', /not a valid/],
    ['http://user:pw@example.com/', 'credentials', /example\.com/],
    ['https://token@example.com/', 'credentials', /credentials/],
  ])('refuses %s (%s)', async (url, reason, message) => {
    const error = await refusal(url);
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(message);
  });

  it.each([
    'http://93.184.216.34/',
    'https://93.184.216.34:8443/hook?x=1',
    'http://[2606:4700:4700::1111]/',
    'http://[::ffff:93.184.216.34]/',
    'https://oapi.dingtalk.com/robot/send?access_token=abc',
    'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
  ])('accepts %s (public address, or a name checked when it resolves)', async (url) => {
    await expect(checkOutboundUrl(url, policy)).resolves.toEqual(new URL(url));
  });

  it.each([
    ['127.0.0.1', 'http://127.0.0.1:8080/hook'],
    ['::1', 'http://[::1]/'],
    ['[::1]', 'http://[::1]/'],
    ['0:0:0:0:0:0:0:1', 'http://[::1]/'],
    ['10.0.0.7', 'http://10.0.0.7/'],
    ['10.0.0.7', 'http://167772167/'],
  ])('accepts a non-public address allow-listed as %s: %s', async (allowed, url) => {
    await expect(
      checkOutboundUrl(url, { allowHosts: [allowed], timeoutMs: 1_000 }),
    ).resolves.toBeInstanceOf(URL);
  });

  it('allows only the listed address, not its neighbours', async () => {
    const error = await refusal('http://10.0.0.8/', { allowHosts: ['10.0.0.7'], timeoutMs: 1 });
    expect(error.reason).toBe('address');
  });

  it('does not let an allow-listed host excuse a bad scheme or credentials', async () => {
    const allowed = { allowHosts: ['127.0.0.1'], timeoutMs: 1 };
    expect((await refusal('ftp://127.0.0.1/', allowed)).reason).toBe('scheme');
    expect((await refusal('http://a:b@127.0.0.1/', allowed)).reason).toBe('credentials');
  });
});

describe('isPublicAddress', () => {
  it.each([
    ['93.184.216.34', true],
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['::ffff:93.184.216.34', true],
    ['127.0.0.1', false],
    ['127.255.255.254', false],
    ['::1', false],
    ['::ffff:10.1.2.3', false],
    ['::10.1.2.3', false],
    ['172.31.255.255', false],
    ['172.32.0.1', true],
    ['100.127.255.255', false],
    ['100.128.0.1', true],
    ['198.18.0.1', false],
    ['2001:db8::1', false],
    ['2002:7f00:1::1', false],
    ['fe80::1', false],
    ['localhost', false],
    ['', false],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('assertResolvedAddressesAllowed', () => {
  const publicAddress = { address: '93.184.216.34', family: 4 };
  const privateAddress = { address: '10.0.0.1', family: 4 };

  it('accepts a name that resolves to public addresses only', () => {
    expect(() =>
      assertResolvedAddressesAllowed('hooks.example.com', [publicAddress], policy),
    ).not.toThrow();
  });

  it('refuses a name when any one of its addresses is not public (DNS rebinding)', () => {
    expect(() =>
      assertResolvedAddressesAllowed('rebind.example', [publicAddress, privateAddress], policy),
    ).toThrow(
      new OutboundRefusedError(
        'address',
        'refused host rebind.example: it resolves to 10.0.0.1 (private), not a public address',
      ),
    );
  });

  it('refuses an IPv6 loopback answer too', () => {
    expect(() =>
      assertResolvedAddressesAllowed(
        'x.example',
        [publicAddress, { address: '::1', family: 6 }],
        policy,
      ),
    ).toThrow(/::1 \(loopback\)/);
  });

  it('refuses a name that resolves to nothing (reason dns)', () => {
    let caught: unknown;
    try {
      assertResolvedAddressesAllowed('empty.example', [], policy);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(OutboundRefusedError);
    expect((caught as OutboundRefusedError).reason).toBe('dns');
  });

  it('trusts an allow-listed name whatever it resolves to, case-insensitively', () => {
    const allowed = { allowHosts: ['Robot-Gateway.Intranet'], timeoutMs: 1 };
    expect(() =>
      assertResolvedAddressesAllowed('robot-gateway.intranet', [privateAddress], allowed),
    ).not.toThrow();
    expect(() =>
      assertResolvedAddressesAllowed('robot-gateway.intranet.', [privateAddress], allowed),
    ).not.toThrow();
  });
});
