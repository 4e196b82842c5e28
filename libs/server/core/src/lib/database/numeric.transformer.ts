import type { ValueTransformer } from 'typeorm';

/** PostgreSQL numeric columns arrive from pg as strings; entities read them as numbers. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
