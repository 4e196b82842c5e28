import { Injectable, type PipeTransform } from '@nestjs/common';
import type { FieldError } from '@lianzhang/contracts';
import type { z } from 'zod';
import { ValidationFailedError } from './domain-error';

/** A zod error as the per-field list of the error shape. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** Validates a body, query or parameter against a contract schema; 400 with the fields otherwise. */
@Injectable()
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) {
      throw new ValidationFailedError(fieldErrors(parsed.error));
    }
    return parsed.data;
  }
}
