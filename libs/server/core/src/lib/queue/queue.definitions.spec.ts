import { JOBS, jobId, QUEUES } from './queue.definitions';

describe('queue definitions', () => {
  it('puts every job on a declared queue with bounded retention', () => {
    for (const [name, job] of Object.entries(JOBS)) {
      expect(Object.values(QUEUES)).toContain(job.queue);
      expect(name.startsWith(`${job.queue}.`)).toBe(true);
      // Kept for a bounded age, or removed at once (wake-ups: their row keeps the record).
      for (const retention of [job.options.removeOnComplete, job.options.removeOnFail]) {
        expect(
          retention === true ||
            (typeof retention === 'object' &&
              'age' in retention &&
              typeof retention.age === 'number'),
        ).toBe(true);
      }
    }
  });

  it('builds deterministic job ids and refuses a colon', () => {
    expect(jobId('event', 42, 'v3')).toBe('event-42-v3');
    expect(() => jobId('a:b')).toThrow(RangeError);
    expect(() => jobId('delayed')).toThrow(/BullMQ's own keys/);
    expect(() => jobId()).toThrow(RangeError);
  });
});
