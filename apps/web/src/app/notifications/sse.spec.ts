import { parseServerEvents } from './sse';

describe('parseServerEvents', () => {
  it('reads typed JSON events, keeps an unfinished block for later and skips comments', () => {
    const first = parseServerEvents(
      'event: unread\ndata: {"unread":3}\n\n: heartbeat\n\nevent: unread\r\ndata: {"unr',
    );
    expect(first.events).toEqual([{ type: 'unread', data: { unread: 3 } }]);
    const second = parseServerEvents(`${first.rest}ead":4}\n\ndata: plain text\n\n`);
    expect(second).toEqual({
      events: [
        { type: 'unread', data: { unread: 4 } },
        { type: 'message', data: 'plain text' },
      ],
      rest: '',
    });
  });
});
