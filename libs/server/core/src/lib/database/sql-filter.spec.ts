import { likeContains, SqlFilter } from './sql-filter';

describe('SqlFilter', () => {
  it('numbers parameters after those already pushed, every ? of a condition for its one value', () => {
    const params: unknown[] = ['org-1'];
    const filter = new SqlFilter(params)
      .raw('t.organisation_id = $1')
      .add('t.status = ?', 'open')
      .add('(c.name_zh ILIKE ? OR c.name_en ILIKE ?)', '%链%');
    expect(filter.where).toBe(
      't.organisation_id = $1 AND t.status = $2 AND (c.name_zh ILIKE $3 OR c.name_en ILIKE $3)',
    );
    expect(filter.params).toEqual(['org-1', 'open', '%链%']);
    expect(filter.page({ page: 3, pageSize: 20 })).toEqual({
      sql: 'LIMIT $4 OFFSET $5',
      params: ['org-1', 'open', '%链%', 20, 40],
    });
  });

  it('is TRUE without conditions', () => {
    expect(new SqlFilter().where).toBe('TRUE');
  });
});

describe('likeContains', () => {
  it.each([
    ['链', '%链%'],
    ['100%', '%100\\%%'],
    ['a_b', '%a\\_b%'],
    ['C:\\x', '%C:\\\\x%'],
    ['%_\\', '%\\%\\_\\\\%'],
    ['', '%%'],
  ])('escapes %j as %j', (text, pattern) => {
    expect(likeContains(text)).toBe(pattern);
  });
});
