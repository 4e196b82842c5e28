/**
 * Just enough MIME decoding for the e-mail tests (a test helper, written apart from nodemailer
 * so that the tests do not check nodemailer's encoding with nodemailer's decoder): headers
 * with RFC 2047 encoded words, multipart bodies, base64 and quoted-printable parts, UTF-8.
 */

/** A decoded message: headers by lower-case name, and the text and HTML parts. */
export interface ParsedMail {
  readonly headers: ReadonlyMap<string, string>;
  readonly text: string | null;
  readonly html: string | null;
}

/** Parses a raw message as sent by nodemailer. */
export function parseMail(raw: string): ParsedMail {
  const { headers, body } = splitEntity(raw);
  const parts = leafParts(headers, body);
  const part = (type: string): string | null => {
    const found = parts.find((leaf) => contentType(leaf.headers).startsWith(type));
    // Mail lines end in CRLF on the wire; compare texts with plain LF.
    return found ? decodeBody(found.headers, found.body).replace(/\r\n/g, '\n') : null;
  };
  return { headers, text: part('text/plain'), html: part('text/html') };
}

interface Entity {
  readonly headers: Map<string, string>;
  readonly body: string;
}

/** Headers (unfolded, encoded words decoded) and body of one MIME entity. */
function splitEntity(raw: string): Entity {
  const split = raw.indexOf('\r\n\r\n');
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      headers.set(
        line.slice(0, colon).trim().toLowerCase(),
        decodeWords(line.slice(colon + 1).trim()),
      );
    }
  }
  return { headers, body };
}

/** The non-multipart entities of a message, depth first. */
function leafParts(headers: Map<string, string>, body: string): Entity[] {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith('multipart/') || !boundary) {
    return [{ headers, body }];
  }
  return body
    .split(`--${boundary}`)
    .slice(1, -1)
    .flatMap((chunk) => {
      const entity = splitEntity(chunk.replace(/^\r\n/, ''));
      return leafParts(entity.headers, entity.body);
    });
}

function contentType(headers: ReadonlyMap<string, string>): string {
  return (headers.get('content-type') ?? 'text/plain').toLowerCase();
}

/** Undoes the part's Content-Transfer-Encoding; the charset is UTF-8 throughout. */
function decodeBody(headers: ReadonlyMap<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const trimmed = body.replace(/\r\n$/, '');
  if (encoding === 'base64') {
    return Buffer.from(trimmed.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  if (encoding === 'quoted-printable') {
    return quotedPrintable(trimmed.replace(/=\r\n/g, '')).toString('utf8');
  }
  return trimmed;
}

/** `=E4=BB=BB` → bytes. */
function quotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i], 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/**
 * Decodes RFC 2047 encoded words. Adjacent words are joined without the whitespace between
 * them and decoded as one byte sequence, since a character may be split across two words.
 */
function decodeWords(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/(?:=\?[^?]+\?[BbQq]\?[^?]*\?=)+/g, (run) => {
    const bytes = [...run.matchAll(word)].map(([, , kind, text]) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : quotedPrintable(text.replace(/_/g, ' ')),
    );
    return Buffer.concat(bytes).toString('utf8');
  });
}
