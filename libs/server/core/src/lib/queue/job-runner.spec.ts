import type { HandlesJob } from './job-handler';
import { collectHandlers, JobHandlerRegistryError } from './job-runner';
import type { JobName } from './queue.definitions';

const handler = (): HandlesJob<JobName> => ({ handle: async () => undefined });
const jobs = ['system.canary'] as JobName[];

describe('collectHandlers', () => {
  it('maps each job to its one handler and ignores providers that handle none', () => {
    const canary = handler();
    const map = collectHandlers(
      [
        { name: 'system.canary', instance: canary, className: 'CanaryHandler' },
        { name: undefined, instance: handler(), className: 'SomeService' },
      ],
      jobs,
    );
    expect(map.get('system.canary')).toBe(canary);
    expect(map.size).toBe(1);
  });

  it('refuses to start when a job has no handler', () => {
    expect(() => collectHandlers([], jobs)).toThrow(
      new JobHandlerRegistryError('job "system.canary" has no handler'),
    );
  });

  it('refuses to start when a job has two handlers, naming both', () => {
    expect(() =>
      collectHandlers(
        [
          { name: 'system.canary', instance: handler(), className: 'A' },
          { name: 'system.canary', instance: handler(), className: 'B' },
        ],
        jobs,
      ),
    ).toThrow('job "system.canary" has 2 handlers: A, B');
  });

  it('refuses a handler of a job that is not declared', () => {
    expect(() =>
      collectHandlers(
        [{ name: 'system.nothing' as JobName, instance: handler(), className: 'Stray' }],
        jobs,
      ),
    ).toThrow('Stray handles unknown job "system.nothing"');
  });
});
