import { REPORT_WINDOW_DAYS } from './chain-health';
import { RISK_KIND_LABELS, RISK_KINDS, riskReason } from './risks';

describe('risk reasons', () => {
  it.each([
    [{ kind: 'chokepoint_no_owner' }, '卡脖子短板尚未确定牵头攻关单位'],
    [
      { kind: 'chokepoint_stale', lastReportOn: '2026-05-01', daysSilent: 61 },
      '最近一次进展报告为 2026-05-01，已 61 天',
    ],
    [
      { kind: 'chokepoint_stale', lastReportOn: null, since: '2026-01-01', daysSilent: 181 },
      '自 2026-01-01 起从未报送进展（181 天）',
    ],
    [{ kind: 'foreign_dependence', foreignDependence: 0.725 }, '对外依存度 72.5%'],
    [{ kind: 'no_local_supplier', localSuppliers: 0 }, '该环节省内没有供应商'],
    [{ kind: 'single_source', localSuppliers: 1 }, '该环节省内只有 1 家供应商'],
  ] as const)('%j: %s', (facts, text) => {
    expect(riskReason(facts)['zh-CN']).toBe(text);
    expect(riskReason(facts).en).toMatch(/^[\x20-\x7e]+$/);
  });

  it('labels every kind in both languages', () => {
    expect(Object.keys(RISK_KIND_LABELS)).toEqual([...RISK_KINDS]);
    for (const labels of Object.values(RISK_KIND_LABELS))
      expect(labels.en).toMatch(/^[\x20-\x7e]+$/);
  });

  it('calls a chokepoint stale after the same window as report freshness', () => {
    expect(RISK_KIND_LABELS.chokepoint_stale['zh-CN']).toBe(
      `卡脖子短板 ${REPORT_WINDOW_DAYS} 天无进展报告`,
    );
    expect(REPORT_WINDOW_DAYS).toBe(30);
  });
});
