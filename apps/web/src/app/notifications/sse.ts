/** One server-sent event: its type and its data parsed as JSON. */
export interface ServerEvent {
  readonly type: string;
  readonly data: unknown;
}

/**
 * Splits a text/event-stream into events. EventSource cannot send the bearer token, so
 * the app reads the stream with `fetch` and parses it here: blocks end with a blank line;
 * `event:` names the type (default `message`), `data:` lines are joined with newlines.
 * Returns the events of the complete blocks and the unfinished rest.
 */
export function parseServerEvents(buffer: string): { events: ServerEvent[]; rest: string } {
  const events: ServerEvent[] = [];
  const normalised = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalised.split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let type = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      if (field === 'data') data.push(value);
    }
    if (data.length === 0) continue;
    const text = data.join('\n');
    try {
      events.push({ type, data: JSON.parse(text) as unknown });
    } catch {
      events.push({ type, data: text });
    }
  }
  return { events, rest };
}
