import type { Language, RiskDto, RiskExportQuery } from '@lianzhang/contracts';
import { CHAIN_STAGE_LABELS, RISK_KIND_LABELS } from '@lianzhang/domain';
import {
  addTableSheet,
  newWorkbook,
  workbookBuffer,
  type SheetColumn,
} from '@lianzhang/server/excel';

const TEXTS = {
  'zh-CN': {
    title: '产业链风险清单',
    colon: '：',
    separator: '；',
    sheet: '风险清单',
    asOf: '导出日期',
    filters: '筛选条件',
    none: '全部',
    rows: '共 {n} 条',
    kind: '风险类型',
    chainCode: '产业链编码',
    chain: '产业链',
    subjectType: '对象',
    node: '图谱环节',
    shortBoard: '短板',
    name: '名称',
    stage: '环节位置',
    localSuppliers: '省内供应商',
    localUnit: '家',
    foreignDependence: '对外依存度',
    lastReport: '最近进展报告',
    daysSilent: '未报送天数',
    daysUnit: '天',
    reason: '说明',
  },
  en: {
    title: 'Chain risk list',
    colon: ': ',
    separator: '; ',
    sheet: 'Risks',
    asOf: 'Exported on',
    filters: 'Filters',
    none: 'none',
    rows: '{n} rows',
    kind: 'Risk',
    chainCode: 'Chain code',
    chain: 'Chain',
    subjectType: 'Subject',
    node: 'Map link',
    shortBoard: 'Short board',
    name: 'Name',
    stage: 'Stage',
    localSuppliers: 'Local suppliers',
    localUnit: 'firms',
    foreignDependence: 'Foreign dependence',
    lastReport: 'Last progress report',
    daysSilent: 'Days without report',
    daysUnit: 'days',
    reason: 'Why',
  },
} as const;

/** The download's file name, and an ASCII one for old clients. */
export function riskExportFileName(day: string, language: Language): [string, string] {
  return [`${TEXTS[language].title}-${day}.xlsx`, `lianzhang-risks-${day}.xlsx`];
}

/**
 * The risk list as an .xlsx workbook in the reader's language: a titled table with the
 * filters it was taken with, units in the headers, a frozen header, set widths; texts
 * neutralised against formula injection by the shared writer.
 */
export async function riskWorkbook(
  rows: readonly RiskDto[],
  query: RiskExportQuery,
  day: string,
  language: Language,
): Promise<Buffer> {
  const t = TEXTS[language];
  const filters = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(', ');
  const columns: SheetColumn<RiskDto>[] = [
    { header: t.kind, width: 26, value: (r) => RISK_KIND_LABELS[r.kind][language] },
    { header: t.chainCode, width: 18, value: (r) => r.chainCode },
    {
      header: t.chain,
      width: 22,
      value: (r) => (language === 'en' ? r.chainNameEn : r.chainNameZh),
    },
    {
      header: t.subjectType,
      width: 10,
      value: (r) => (r.subjectType === 'node' ? t.node : t.shortBoard),
    },
    { header: t.name, width: 30, value: (r) => r.subjectName },
    {
      header: t.stage,
      width: 10,
      value: (r) => (r.stage ? CHAIN_STAGE_LABELS[r.stage][language] : null),
    },
    {
      header: t.localSuppliers,
      unit: t.localUnit,
      width: 12,
      numFmt: '0',
      value: (r) => r.localSuppliers,
    },
    {
      header: t.foreignDependence,
      width: 12,
      numFmt: '0.0%',
      value: (r) => r.foreignDependence,
    },
    { header: t.lastReport, width: 14, value: (r) => r.lastReportOn },
    { header: t.daysSilent, unit: t.daysUnit, width: 12, numFmt: '0', value: (r) => r.daysSilent },
    { header: t.reason, width: 44, value: (r) => r.reason[language] },
  ];
  const workbook = newWorkbook(t.title);
  addTableSheet(workbook, {
    name: t.sheet,
    title: t.title,
    subtitle: [
      `${t.asOf}${t.colon}${day}`,
      `${t.filters}${t.colon}${filters || t.none}`,
      t.rows.replace('{n}', String(rows.length)),
    ].join(t.separator),
    columns,
    rows,
  });
  return workbookBuffer(workbook);
}
