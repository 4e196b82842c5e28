import { Logger } from '@nestjs/common';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';

const AFTER_COMMIT = 'lianzhang.afterCommit';
const logger = new Logger('Transaction');

type Hook = () => Promise<unknown> | unknown;

/**
 * A transaction whose work may register {@link afterCommit} hooks: they run once the
 * commit succeeded, never after a rollback. Used to enqueue the wake-up job of an
 * outbox row: the row is the truth, the job only a hint, so a hook that fails (or a
 * process that dies before it runs) is repaired by the reconciler, and is logged only.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  /** What a violated constraint means to the caller (a field error); undefined: rethrow as is. */
  onViolation?: (constraint: string) => Error | undefined,
): Promise<T> {
  const hooks: Hook[] = [];
  let result: T;
  try {
    result = await dataSource.transaction(async (manager) => {
      const runner = manager.queryRunner;
      if (!runner) throw new Error('a transaction without a query runner');
      runner.data = { ...runner.data, [AFTER_COMMIT]: hooks };
      return work(manager);
    });
  } catch (error) {
    const constraint = violatedConstraint(error);
    throw (constraint && onViolation?.(constraint)) || error;
  }
  for (const hook of hooks) {
    try {
      await hook();
    } catch (error) {
      logger.warn(
        `after-commit step failed (the reconciler repairs it): ${(error as Error).message}`,
      );
    }
  }
  return result;
}

/** The name of the constraint a failed statement violated, if that is why it failed. */
export function violatedConstraint(error: unknown): string | undefined {
  return error instanceof QueryFailedError
    ? (error.driverError as { constraint?: string }).constraint
    : undefined;
}

/** Runs `hook` after the surrounding {@link inTransaction} commits. */
export function afterCommit(manager: EntityManager, hook: Hook): void {
  const hooks = (manager.queryRunner?.data as Record<string, unknown> | undefined)?.[
    AFTER_COMMIT
  ] as Hook[] | undefined;
  if (!hooks) throw new Error('afterCommit needs a transaction opened by inTransaction');
  hooks.push(hook);
}
