import { EarlySignals } from './shutdown';

describe('EarlySignals', () => {
  it('holds the first signal that comes before the app exists, and lets go of it', () => {
    const listeners = process.listenerCount('SIGTERM');
    const early = new EarlySignals();
    expect(process.listenerCount('SIGTERM')).toBe(listeners + 1);
    process.emit('SIGINT', 'SIGINT');
    process.emit('SIGTERM', 'SIGTERM');
    expect(early.release()).toBe('SIGINT');
    expect(process.listenerCount('SIGTERM')).toBe(listeners);
  });

  it('has nothing to report when no signal came', () => {
    expect(new EarlySignals().release()).toBeUndefined();
  });
});
