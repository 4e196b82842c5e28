import { signal } from '@angular/core';
import type {
  EscalationPolicyDto,
  FieldError,
  PutEscalationPolicyRequest,
} from '@lianzhang/contracts';
import { apiError, httpStatus } from '../forms/field-errors';

export type SaveOutcome = 'saved' | 'invalid' | 'conflict' | 'failed';

/**
 * What a page around the policy editor keeps: the policy in force as read, its loading
 * and error states, and the last save's outcome (field errors for the editor, a stale
 * version, or another refusal with the api's message).
 */
export class PolicyPanelState {
  readonly dto = signal<EscalationPolicyDto | null>(null);
  readonly loading = signal(true);
  readonly failed = signal(false);
  readonly busy = signal(false);
  readonly serverErrors = signal<readonly FieldError[]>([]);
  /** The api's message when a save was refused for another reason than its fields. */
  readonly saveError = signal<string | null>(null);
  readonly conflict = signal(false);

  async load(read: () => Promise<EscalationPolicyDto>): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    try {
      this.dto.set(await read());
      this.conflict.set(false);
      this.saveError.set(null);
      this.serverErrors.set([]);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  /** Sends the policy with the version it was read at (0 when none was stored). */
  async save(
    policy: PutEscalationPolicyRequest['policy'],
    write: (request: PutEscalationPolicyRequest) => Promise<EscalationPolicyDto>,
  ): Promise<SaveOutcome> {
    const version = this.dto()?.version ?? 0;
    this.busy.set(true);
    this.saveError.set(null);
    this.conflict.set(false);
    this.serverErrors.set([]);
    try {
      this.dto.set(await write({ policy, version }));
      return 'saved';
    } catch (error) {
      const body = apiError(error);
      if (httpStatus(error) === 409) {
        this.conflict.set(true);
        this.saveError.set(body?.message ?? null);
        return 'conflict';
      }
      if (body?.details.length) {
        this.serverErrors.set(body.details);
        return 'invalid';
      }
      this.saveError.set(body?.message ?? '');
      return 'failed';
    } finally {
      this.busy.set(false);
    }
  }
}
