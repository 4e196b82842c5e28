import { snakeCase, SnakeNamingStrategy } from './snake-naming.strategy';

describe('snake_case naming', () => {
  it.each([
    ['nameZh', 'name_zh'],
    ['parentCode', 'parent_code'],
    ['createdAt', 'created_at'],
    ['HTTPStatus', 'http_status'],
    ['creditCode18', 'credit_code18'],
    ['already_snake', 'already_snake'],
  ])('%s → %s', (input, expected) => expect(snakeCase(input)).toBe(expected));

  it('names tables after the entity class without its suffix, columns with embedded prefixes', () => {
    const strategy = new SnakeNamingStrategy();
    expect(strategy.tableName('ScheduledEventEntity', undefined)).toBe('scheduled_event');
    expect(strategy.tableName('RegionEntity', 'region')).toBe('region');
    expect(strategy.columnName('amount', undefined, ['plannedInvestment'])).toBe(
      'planned_investment_amount',
    );
    expect(strategy.joinColumnName('assigneeOrganisation', 'id')).toBe('assignee_organisation_id');
  });
});
