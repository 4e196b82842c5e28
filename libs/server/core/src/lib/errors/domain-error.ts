import type { Bilingual, ErrorCode } from '@lianzhang/contracts';

/** A field error before the language of the answer is known. */
export interface LocalizedFieldError {
  readonly path: string;
  readonly message: Bilingual;
}

/**
 * An error the platform means to report: a stable code, mapped to an HTTP status and a
 * bilingual message by the one global filter. Anything else is an internal error.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: readonly LocalizedFieldError[] = [],
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'DomainError';
  }
}

export class ValidationFailedError extends DomainError {
  constructor(details: readonly LocalizedFieldError[]) {
    super('VALIDATION_FAILED', details);
  }
}

/** 404: also the answer for rows outside the caller's scope, so they learn nothing of them. */
export class NotFoundError extends DomainError {
  constructor(what?: string) {
    super('NOT_FOUND', [], what ? `${what} not found` : undefined);
  }
}

export class ConflictError extends DomainError {
  constructor(details: readonly LocalizedFieldError[] = [], message?: string) {
    super('CONFLICT', details, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message?: string) {
    super('FORBIDDEN', [], message);
  }
}

/** One bilingual field error, for rules checked outside a schema (uniqueness, workflow). */
export function fieldError(path: string, message: Bilingual): LocalizedFieldError {
  return { path, message };
}
