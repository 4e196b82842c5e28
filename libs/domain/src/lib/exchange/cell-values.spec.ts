import { MEMBER_ROLE_LABELS } from '../chains/chain';
import { TASK_PRIORITY_LABELS } from '../tasks/task';
import {
  MEMBER_ROLE_ALIASES,
  normaliseDate,
  parseChoice,
  parseDecimal,
  parseInteger,
  parseShare,
  parseYesNo,
  splitList,
  TASK_PRIORITY_ALIASES,
} from './cell-values';

describe('reading the cells of an import', () => {
  it.each([
    ['链主企业', 'chain_master'],
    ['链主', 'chain_master'],
    [' 重点配套 ', 'key_supporting'],
    ['Key supporting enterprise', 'key_supporting'],
    ['key_supporting', 'key_supporting'],
    ['KEY_SUPPORTING', 'key_supporting'],
    ['成员单位', 'member'],
    ['科研合作单位', 'research_partner'],
    ['链长', undefined],
    ['', undefined],
  ])('member role %j is %j', (text, expected) => {
    expect(parseChoice(text, MEMBER_ROLE_LABELS, MEMBER_ROLE_ALIASES)).toBe(expected);
  });

  it.each([
    ['紧急', 'urgent'],
    ['特急', 'urgent'],
    ['Urgent', 'urgent'],
    ['普通', 'normal'],
    ['一般', 'normal'],
    ['低', 'low'],
    ['最高', undefined],
  ])('priority %j is %j', (text, expected) => {
    expect(parseChoice(text, TASK_PRIORITY_LABELS, TASK_PRIORITY_ALIASES)).toBe(expected);
  });

  it.each([
    ['是', true],
    ['否', false],
    ['Y', true],
    ['n', false],
    ['TRUE', true],
    ['FALSE', false],
    ['1', true],
    ['0', false],
    ['√', true],
    ['可能', undefined],
  ])('yes/no %j is %j', (text, expected) => {
    expect(parseYesNo(text)).toBe(expected);
  });

  it.each([
    ['1,200.5', 1200.5],
    ['１２００', 1200],
    [' 35 ', 35],
    ['-3', -3],
    ['1e3', undefined],
    ['12万', undefined],
    ['', undefined],
  ])('decimal %j is %j', (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it.each([
    ['5', 5],
    ['5.0', 5],
    ['5.5', undefined],
  ])('integer %j is %j', (text, expected) => {
    expect(parseInteger(text)).toBe(expected);
  });

  it.each([
    ['35%', 0.35],
    ['35％', 0.35],
    ['35', 0.35],
    ['0.35', 0.35],
    ['100%', 1],
    ['1', 1],
    ['0', 0],
    ['150%', 1.5],
    ['很高', undefined],
  ])('share %j is %j', (text, expected) => {
    expect(parseShare(text)).toBe(expected);
  });

  it.each([
    ['2026-03-01', '2026-03-01'],
    ['2026/3/1', '2026-03-01'],
    ['2026.3.1', '2026-03-01'],
    ['2026年3月1日', '2026-03-01'],
    ['２０２６－０３－０１', '2026-03-01'],
    ['2026-03-01T00:00:00.000Z', '2026-03-01'],
    ['46082', '2026-03-01'],
    ['2026-02-30', '2026-02-30'],
    ['下月底', '下月底'],
    ['12345', '12345'],
  ])('date %j reads as %j', (text, expected) => {
    expect(normaliseDate(text)).toBe(expected);
  });

  it.each([
    ['91370100MA3C5ER72X、91370100MA3C5ER72Y', ['91370100MA3C5ER72X', '91370100MA3C5ER72Y']],
    ['a，b;c；d\ne', ['a', 'b', 'c', 'd', 'e']],
    [' a ,, b ', ['a', 'b']],
    ['', []],
  ])('list %j is %j', (text, expected) => {
    expect(splitList(text)).toEqual(expected);
  });
});
