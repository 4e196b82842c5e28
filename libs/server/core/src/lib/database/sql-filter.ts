/**
 * The `ILIKE`/`LIKE` pattern that matches `text` anywhere, its own `\`, `%` and `_` escaped so
 * that they match themselves (PostgreSQL's default LIKE escape character is the backslash):
 * `filter.add('t.title ILIKE ?', likeContains(query.q))`.
 */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The WHERE clause of a list query, built from optional filters with numbered parameters.
 * `?` in a condition stands for its value (every `?` for the same one); conditions whose
 * parameters were pushed elsewhere (a visibility clause) share the same `params` array.
 */
export class SqlFilter {
  private readonly conditions: string[] = [];

  constructor(readonly params: unknown[] = []) {}

  /** Adds a condition on one value: `add('t.status = ?', status)`. */
  add(sql: string, value: unknown): this {
    this.params.push(value);
    this.conditions.push(sql.replaceAll('?', `$${this.params.length}`));
    return this;
  }

  /** Adds a condition without a parameter (or whose parameters are already in `params`). */
  raw(sql: string): this {
    this.conditions.push(sql);
    return this;
  }

  get where(): string {
    return this.conditions.length > 0 ? this.conditions.join(' AND ') : 'TRUE';
  }

  /** `LIMIT … OFFSET …` of one page, with the parameters for the rows query. */
  page(query: { readonly page: number; readonly pageSize: number }): {
    sql: string;
    params: unknown[];
  } {
    const n = this.params.length;
    return {
      sql: `LIMIT $${n + 1} OFFSET $${n + 2}`,
      params: [...this.params, query.pageSize, (query.page - 1) * query.pageSize],
    };
  }
}
