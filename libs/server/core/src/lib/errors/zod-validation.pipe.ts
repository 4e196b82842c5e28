import { Injectable, type PipeTransform } from '@nestjs/common';
import { isValidationMessageKey, VALIDATION_MESSAGES } from '@lianzhang/contracts';
import { z } from 'zod';
import { ValidationFailedError, type LocalizedFieldError } from './domain-error';

const zh = z.locales.zhCN();
const en = z.locales.en();

/** A zod error as the per-field list of the error shape, in both languages. */
export function fieldErrors(error: z.ZodError): LocalizedFieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(root)';
    if (isValidationMessageKey(issue.message)) {
      return { path, message: VALIDATION_MESSAGES[issue.message] };
    }
    const raw = issue as unknown as Parameters<typeof zh.localeError>[0];
    const text = (locale: typeof zh) => {
      const result = locale.localeError(raw);
      return typeof result === 'string' ? result : (result?.message ?? issue.message);
    };
    return { path, message: { 'zh-CN': text(zh), en: text(en) } };
  });
}

/** Parses `value` or throws a 400 naming every wrong field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    throw new ValidationFailedError(fieldErrors(parsed.error));
  }
  return parsed.data;
}

/** Validates a body, query or parameter against a contract schema; 400 with the fields otherwise. */
@Injectable()
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    return parseOrThrow(this.schema, value);
  }
}
