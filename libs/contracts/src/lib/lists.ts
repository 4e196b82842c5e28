import { z } from 'zod';

/** One page of a list, with the total for the pager. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export const MAX_PAGE_SIZE = 100;

/**
 * The query of a list endpoint: page, page size, and a sort on one of `sortFields`
 * (`field` ascending, `-field` descending). Unknown query parameters are refused, so a
 * typo is an error rather than a silently ignored filter.
 */
export function listQuerySchema<F extends string, S extends z.ZodRawShape>(
  sortFields: readonly [F, ...F[]],
  filters: S,
) {
  const sorts = sortFields.flatMap((field) => [field, `-${field}`]) as [string, ...string[]];
  return z
    .object({
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
      sort: z.enum(sorts).default(sortFields[0]),
      ...filters,
    })
    .strict();
}

/** `-name` → { field: 'name', direction: 'DESC' }. */
export function parseSort<F extends string>(sort: string): { field: F; direction: 'ASC' | 'DESC' } {
  return sort.startsWith('-')
    ? { field: sort.slice(1) as F, direction: 'DESC' }
    : { field: sort as F, direction: 'ASC' };
}

/** A required text field: trimmed, not blank (`text.blank`), at most `max` characters. */
export const requiredText = (max: number) => z.string().trim().min(1, 'text.blank').max(max);
