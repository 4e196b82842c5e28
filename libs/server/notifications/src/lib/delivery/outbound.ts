import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * What an administrator allows outgoing webhook calls to reach. Webhook URLs are typed in by
 * users, so by default only public unicast addresses are reachable: an internal service, the
 * cloud metadata endpoint or the database must not become reachable through "send a test
 * message".
 */
export interface OutboundPolicy {
  /**
   * Host names or IP literals that may be reached even when they are not public (an intranet
   * robot gateway, a local receiver in tests). Compared case-insensitively with the URL's host
   * name; IPv6 literals are written without brackets.
   */
  readonly allowHosts: readonly string[];
  /** Deadline of a whole request, from connecting to the last byte of the answer. */
  readonly timeoutMs: number;
}

/** Why a URL or a resolved address was refused. */
export type OutboundRefusal = 'scheme' | 'address' | 'redirect' | 'credentials' | 'dns';

/**
 * A request the policy refused to send (or to follow). Retrying cannot help: the URL has to
 * change or an administrator has to allow the host.
 */
export class OutboundRefusedError extends Error {
  constructor(
    readonly reason: OutboundRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'OutboundRefusedError';
  }
}

/** The request did not complete within `OutboundPolicy.timeoutMs`; a later attempt may. */
export class OutboundTimeoutError extends Error {
  constructor(host: string, timeoutMs: number) {
    super(`request to ${host} timed out after ${timeoutMs} ms`);
    this.name = 'OutboundTimeoutError';
  }
}

/** The status and (possibly truncated) body of an answer. */
export interface OutboundResponse {
  readonly status: number;
  readonly body: string;
}

/** Answers are read up to this size: robots answer with a few bytes of JSON. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

/** Sent with every request so that receivers can recognise (and firewall) the platform. */
export const OUTBOUND_USER_AGENT = 'lianzhang-delivery/1';

/**
 * IPv4-compatible IPv6 addresses (`::a.b.c.d`, deprecated by RFC 4291): ipaddr.js calls them
 * unicast, but they embed an IPv4 address that would escape the IPv4 checks.
 */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/**
 * Tells whether an IP address is public unicast. IPv4-mapped IPv6 addresses
 * (`::ffff:127.0.0.1`) are judged by the IPv4 address they map to, since that is what the
 * kernel connects to.
 */
export function isPublicAddress(address: string): boolean {
  const literal = stripBrackets(address);
  if (isIP(literal) === 0) {
    return false;
  }
  const parsed = ipaddr.process(literal);
  if (parsed.kind() === 'ipv6' && parsed.match(IPV4_COMPATIBLE)) {
    return false;
  }
  return parsed.range() === 'unicast';
}

/** The range name ipaddr.js gives an address, for messages that say why it was refused. */
function rangeOf(address: string): string {
  const literal = stripBrackets(address);
  return isIP(literal) === 0 ? 'not an IP address' : ipaddr.process(literal).range();
}

/**
 * Checks a webhook URL before anything is sent: http or https only, no credentials in the URL,
 * and an IP-literal host must be public unless allow-listed. Host names are checked later, on
 * the addresses they resolve to (see `postJson`). The WHATWG parser has already turned decimal,
 * hex and octal IPv4 spellings (`http://2130706433/`) into dotted form, so they are caught too.
 *
 * @returns the parsed URL
 * @throws OutboundRefusedError
 */
export async function checkOutboundUrl(raw: string, policy: OutboundPolicy): Promise<URL> {
  const url = parseUrl(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundRefusedError(
      'scheme',
      `refused ${url.protocol} URL: only http and https URLs are allowed`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new OutboundRefusedError(
      'credentials',
      `refused URL of ${url.hostname}: credentials in the URL are not allowed`,
    );
  }
  const host = stripBrackets(url.hostname);
  if (isIP(host) !== 0 && !isAllowListed(host, policy) && !isPublicAddress(host)) {
    throw new OutboundRefusedError(
      'address',
      `refused address ${host} (${rangeOf(host)}): only public addresses are reachable unless an administrator allows the host`,
    );
  }
  return url;
}

/** Parses an absolute URL, refusing what does not parse (reason `scheme`). */
function parseUrl(raw: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw new OutboundRefusedError('scheme', 'refused URL: not a valid absolute URL');
  }
}

/**
 * Checks every address a host name resolved to: one private address among public ones is
 * enough to refuse, otherwise the connection could pick it.
 *
 * @throws OutboundRefusedError
 */
export function assertResolvedAddressesAllowed(
  hostname: string,
  addresses: readonly LookupAddress[],
  policy: OutboundPolicy,
): void {
  if (isAllowListed(hostname, policy)) {
    return;
  }
  if (addresses.length === 0) {
    throw new OutboundRefusedError('dns', `refused host ${hostname}: it resolves to no address`);
  }
  const refused = addresses.find(({ address }) => !isPublicAddress(address));
  if (refused) {
    throw new OutboundRefusedError(
      'address',
      `refused host ${hostname}: it resolves to ${refused.address} (${rangeOf(refused.address)}), not a public address`,
    );
  }
}

/** Tells whether an administrator allowed the host (case-insensitive, brackets ignored). */
function isAllowListed(hostname: string, policy: OutboundPolicy): boolean {
  const host = normaliseHost(hostname);
  return policy.allowHosts.some((allowed) => normaliseHost(allowed) === host);
}

/** Lower case, without IPv6 brackets or the root dot; IP literals in one spelling. */
function normaliseHost(host: string): string {
  const bare = stripBrackets(host.trim().toLowerCase()).replace(/\.$/, '');
  return isIP(bare) === 0 ? bare : ipaddr.parse(bare).toNormalizedString();
}

/** `[::1]` → `::1`. */
function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/**
 * The `lookup` given to the socket: resolves all addresses and refuses the connection when any
 * of them is not allowed. The socket connects to the very addresses checked here, so a DNS
 * answer that changes between a check and the connection (DNS rebinding) cannot slip through.
 */
function guardedLookup(policy: OutboundPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(lookupError(hostname, error), []);
        return;
      }
      try {
        assertResolvedAddressesAllowed(hostname, addresses, policy);
      } catch (refusal) {
        callback(refusal as OutboundRefusedError, []);
        return;
      }
      if (options.all) {
        callback(null, addresses);
      } else {
        const [first] = addresses;
        callback(null, first.address, first.family);
      }
    });
  };
}

/**
 * A name that does not exist (ENOTFOUND) will not start to exist on a retry: refuse it. Other
 * resolver failures (EAI_AGAIN, a resolver that is down) are passed on as transient.
 */
function lookupError(hostname: string, error: NodeJS.ErrnoException): Error {
  return error.code === 'ENOTFOUND'
    ? new OutboundRefusedError('dns', `refused host ${hostname}: the name does not resolve`)
    : error;
}

/** The headers of every request; the caller's headers cannot replace these. */
function requestHeaders(
  length: number,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(length),
    'User-Agent': OUTBOUND_USER_AGENT,
  };
}

/**
 * POSTs a JSON body to a webhook URL under the policy: the URL is checked first, host names
 * are checked on the addresses actually connected to, redirects are refused rather than
 * followed (a redirect could point anywhere), the whole request has a deadline and at most
 * `MAX_RESPONSE_BYTES` of the answer are read.
 *
 * @throws OutboundRefusedError when the policy refuses the URL, an address or a redirect
 * @throws OutboundTimeoutError when the deadline passes
 * @throws Error (ECONNREFUSED, ECONNRESET, …) when the connection fails
 */
export async function postJson(
  url: string,
  body: unknown,
  options: { policy: OutboundPolicy; headers?: Record<string, string> },
): Promise<OutboundResponse> {
  const target = await checkOutboundUrl(url, options.policy);
  const payload = Buffer.from(JSON.stringify(body ?? null), 'utf8');
  return new Promise<OutboundResponse>((resolve, reject) => {
    let settled = false;
    let request: ClientRequest | undefined;
    const timer = setTimeout(() => {
      settle.fail(new OutboundTimeoutError(target.host, options.policy.timeoutMs));
    }, options.policy.timeoutMs);

    /** Settles once, and frees the connection whatever the outcome. */
    const settle: Settle = {
      done(response) {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          request?.destroy();
          resolve(response);
        }
      },
      fail(error) {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          request?.destroy();
          reject(error);
        }
      },
    };

    try {
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      request = send(
        target,
        {
          method: 'POST',
          agent: false,
          headers: requestHeaders(payload.length, options.headers),
          lookup: guardedLookup(options.policy),
        },
        (response) => readResponse(target, response, settle),
      );
    } catch (error) {
      // Node validates headers synchronously (a header value with a line break, say).
      settle.fail(error);
      return;
    }
    request.on('error', settle.fail);
    request.end(payload);
  });
}

/**
 * The two ways a request ends. Kept apart rather than told apart with `instanceof Error`:
 * errors from Node's core may come from another realm (a Jest sandbox, a vm) and fail it.
 */
interface Settle {
  done(response: OutboundResponse): void;
  fail(error: unknown): void;
}

/** Refuses redirects, else reads the body up to the cap and settles with the answer. */
function readResponse(target: URL, response: IncomingMessage, settle: Settle): void {
  const status = response.statusCode ?? 0;
  if (status >= 300 && status < 400) {
    settle.fail(
      new OutboundRefusedError(
        'redirect',
        `refused redirect: ${target.host} answered ${status}${redirectTarget(target, response)}; redirects are not followed`,
      ),
    );
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const done = (): void =>
    settle.done({ status, body: Buffer.concat(chunks, size).toString('utf8') });
  response.on('data', (chunk: Buffer) => {
    const part = chunk.subarray(0, MAX_RESPONSE_BYTES - size);
    chunks.push(part);
    size += part.length;
    if (size >= MAX_RESPONSE_BYTES) {
      done();
    }
  });
  response.on('end', done);
  response.on('error', settle.fail);
}

/** ` to <host>` of a redirect's Location, without its path (which may carry tokens). */
function redirectTarget(target: URL, response: IncomingMessage): string {
  const location = response.headers.location;
  if (!location) {
    return '';
  }
  try {
    return ` to ${new URL(location, target).host}`;
  } catch {
    return '';
  }
}
