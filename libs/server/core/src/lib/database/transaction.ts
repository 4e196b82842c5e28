import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

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
): Promise<T> {
  const hooks: Hook[] = [];
  const result = await dataSource.transaction(async (manager) => {
    const runner = manager.queryRunner;
    if (!runner) throw new Error('a transaction without a query runner');
    runner.data = { ...runner.data, [AFTER_COMMIT]: hooks };
    return work(manager);
  });
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

/** Runs `hook` after the surrounding {@link inTransaction} commits. */
export function afterCommit(manager: EntityManager, hook: Hook): void {
  const hooks = (manager.queryRunner?.data as Record<string, unknown> | undefined)?.[
    AFTER_COMMIT
  ] as Hook[] | undefined;
  if (!hooks) throw new Error('afterCommit needs a transaction opened by inTransaction');
  hooks.push(hook);
}
