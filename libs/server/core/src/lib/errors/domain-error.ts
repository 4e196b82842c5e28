import type { ErrorCode, FieldError } from '@lianzhang/contracts';

/**
 * An error the platform means to report: a stable code, mapped to an HTTP status and a
 * bilingual message by the one global filter. Anything else is an internal error.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: readonly FieldError[] = [],
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'DomainError';
  }
}

export class ValidationFailedError extends DomainError {
  constructor(details: readonly FieldError[]) {
    super('VALIDATION_FAILED', details);
  }
}

export class NotFoundError extends DomainError {
  constructor(what?: string) {
    super('NOT_FOUND', [], what ? `${what} not found` : undefined);
  }
}
