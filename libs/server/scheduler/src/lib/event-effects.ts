import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A pending event as its effect sees it, locked, at its time. */
export interface FiringEvent {
  readonly id: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly kind: string;
  readonly step: string;
  readonly fireAt: Date;
  readonly payload: Record<string, unknown>;
}

/**
 * What happens when an event of one kind comes due. Both methods run in the claiming
 * transaction: whatever `apply` writes commits together with the event's new status, or
 * not at all.
 */
export interface EventEffect {
  /**
   * Locks the subject before the event row is locked, in the order the api takes the
   * same locks (subject, then its events), so a change and a firing never deadlock.
   * Returns false when the subject is gone.
   */
  lockSubject(manager: EntityManager, subjectId: string): Promise<boolean>;
  /** Writes the effect, or decides the subject no longer needs it. */
  apply(manager: EntityManager, event: FiringEvent): Promise<'fired' | 'skipped'>;
}

/** Effects by event kind; feature modules register theirs when they start. */
@Injectable()
export class EventEffects {
  private readonly effects = new Map<string, EventEffect>();

  register(kind: string, effect: EventEffect): void {
    if (this.effects.has(kind)) throw new Error(`event kind "${kind}" has two effects`);
    this.effects.set(kind, effect);
  }

  get(kind: string): EventEffect {
    const effect = this.effects.get(kind);
    if (!effect) throw new Error(`no effect for event kind "${kind}"`);
    return effect;
  }
}
