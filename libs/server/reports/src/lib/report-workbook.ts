import {
  CHAIN_COLOUR_LABELS,
  ESCALATION_AUDIENCE_LABELS,
  ESCALATION_LEVEL_LABELS,
  PACE_LABELS,
  PROJECT_STAGE_LABELS,
  PROJECT_TYPE_LABELS,
  periodicReportTitle,
  periodShortLabel,
  reportSubject,
  SHORT_BOARD_CATEGORY_LABELS,
  SHORT_BOARD_STATUS_LABELS,
  SHORT_BOARD_STATUSES,
  TASK_STATUS_LABELS,
  type IsoDate,
} from '@lianzhang/domain';
import {
  addSummarySheet,
  addTableSheet,
  newWorkbook,
  workbookBuffer,
  type SheetColumn,
  type SummaryLine,
} from '@lianzhang/server/excel';
import type { DataSource, EntityManager } from 'typeorm';
import {
  loadReportData,
  type ChainSummary,
  type LedgerTask,
  type ReportData,
  type ReportNotice,
  type ReportProject,
  type ReportShortBoard,
  type ReportSpec,
} from './report-data';

/** The sheets of every report, in order; 分链统计 only when the report covers several chains. */
export const REPORT_SHEETS = {
  summary: '汇总',
  chains: '分链统计',
  ledger: '任务台账',
  shortBoards: '短板清单',
  projects: '重点项目',
  notices: '督办记录',
} as const;

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const MONEY = '#,##0.00';
const COUNT = '0';
const SHARE = '0.0%';
const DATE = 'yyyy-mm-dd';
const DATE_TIME = 'yyyy-mm-dd hh:mm';
/** Ideographic spaces under 其中：, as a summary table indents its sub-lines. */
const INDENT = '\u3000\u3000\u3000';
/** An ideographic space between the subtitle's parts. */
const GAP = '\u3000';

/** A calendar day as Excel keeps it: a date with no time and no zone. */
export function excelDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** An instant as the wall-clock time in Shanghai, which is what the office reads. */
export function excelDateTime(instant: Date): Date {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
}

function zh(labels: { readonly 'zh-CN': string }): string {
  return labels['zh-CN'];
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * Builds a report's workbook from the database: reads every figure in one
 * repeatable-read, read-only snapshot (or in the caller's transaction), then writes the
 * sheets. The function the worker runs and the benchmark times.
 */
export async function buildReportWorkbook(
  source: DataSource | EntityManager,
  spec: ReportSpec,
): Promise<Buffer> {
  return renderReportWorkbook(await readReportData(source, spec));
}

/** The figures of a report in one snapshot: its own when given a data source. */
export async function readReportData(
  source: DataSource | EntityManager,
  spec: ReportSpec,
): Promise<ReportData> {
  if ('createQueryRunner' in source) {
    const runner = source.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        return await loadReportData(runner.manager, spec);
      } finally {
        await runner.query('COMMIT');
      }
    } finally {
      await runner.release();
    }
  }
  return loadReportData(source, spec);
}

/** The title of a report's workbook and the subject its sheets are named after. */
export function reportNames(data: ReportData): { subject: string; title: string } {
  const subject = reportSubject(data.subjectNameZh, data.spec.scope);
  return { subject, title: periodicReportTitle(subject, data.period) };
}

/** Writes the sheets of a report as an office expects them. */
export async function renderReportWorkbook(data: ReportData): Promise<Buffer> {
  const { subject, title } = reportNames(data);
  const workbook = newWorkbook(title);
  const short = periodShortLabel(data.period, 'zh-CN');
  const range = `${data.period.start} 至 ${data.period.end}`;
  const generated = formatDateTime(data.generatedAt);
  const note = data.ended ? '' : `；期间尚未结束，数据截至 ${data.asOf}`;
  const subtitle = (extra = '') =>
    `统计期间：${range}${GAP}生成时间：${generated}（北京时间）${note}${extra}`;
  const multi = data.chains.length > 1;
  const names = new Map(data.chains.map((c) => [c.id, c.nameZh]));
  const chainColumn = <T extends { chainId: string }>(): SheetColumn<T>[] =>
    multi ? [{ header: '产业链', width: 18, value: (row) => names.get(row.chainId) ?? '' }] : [];

  addSummarySheet(workbook, {
    name: REPORT_SHEETS.summary,
    title,
    subtitle: subtitle(),
    lines: summaryLines(data),
  });

  if (multi) {
    addTableSheet<ChainSummary>(workbook, {
      name: REPORT_SHEETS.chains,
      title: `${subject}分链统计（${short}）`,
      subtitle: subtitle('；投资单位：万元'),
      columns: [
        { header: '产业链', width: 20, value: (c) => c.chain.nameZh },
        { header: '运行状态', width: 10, value: (c) => zh(CHAIN_COLOUR_LABELS[c.colour]) },
        { header: '期内任务', unit: '项', width: 10, numFmt: COUNT, value: (c) => c.tasks },
        { header: '本期新增', unit: '项', width: 10, numFmt: COUNT, value: (c) => c.created },
        { header: '本期办结', unit: '项', width: 10, numFmt: COUNT, value: (c) => c.done },
        { header: '期末在办', unit: '项', width: 10, numFmt: COUNT, value: (c) => c.open },
        { header: '期末逾期', unit: '项', width: 10, numFmt: COUNT, value: (c) => c.overdue },
        { header: '进展报告', unit: '份', width: 10, numFmt: COUNT, value: (c) => c.reports },
        { header: '黄牌督办', unit: '张', width: 10, numFmt: COUNT, value: (c) => c.yellowIssued },
        { header: '红牌督办', unit: '张', width: 10, numFmt: COUNT, value: (c) => c.redIssued },
        {
          header: '未解决短板',
          unit: '项',
          width: 11,
          numFmt: COUNT,
          value: (c) => c.shortBoardsOpen,
        },
        { header: '重点项目', unit: '个', width: 10, numFmt: COUNT, value: (c) => c.projects },
        { header: '计划投资', unit: '万元', width: 14, numFmt: MONEY, value: (c) => c.planned },
        { header: '完成投资', unit: '万元', width: 14, numFmt: MONEY, value: (c) => c.completed },
      ],
      rows: data.perChain.filter((c) => !c.chain.hasChildren || c.tasks > 0),
    });
  }

  addTableSheet<LedgerTask & { n: number }>(workbook, {
    name: REPORT_SHEETS.ledger,
    title: `${subject}任务台账（${short}）`,
    subtitle: subtitle('；状态、进度为期末情况'),
    columns: [
      { header: '序号', width: 6, numFmt: COUNT, value: (t) => t.n },
      ...chainColumn<LedgerTask & { n: number }>(),
      { header: '任务名称', width: 36, value: (t) => t.title },
      { header: '主办单位', width: 28, value: (t) => t.assignee },
      { header: '交办人', width: 14, value: (t) => t.assigner },
      { header: '交办日期', width: 12, numFmt: DATE, value: (t) => excelDate(t.assignedOn) },
      { header: '截止日期', width: 12, numFmt: DATE, value: (t) => excelDate(t.dueDate) },
      { header: '状态', width: 10, value: (t) => zh(TASK_STATUS_LABELS[t.status]) },
      {
        header: '逾期',
        unit: '工作日',
        width: 10,
        numFmt: COUNT,
        value: (t) => (t.overdue ? t.overdueWorkdays : null),
      },
      { header: '最新进度', unit: '%', width: 10, numFmt: COUNT, value: (t) => t.progress },
      {
        header: '最近报送日期',
        width: 13,
        numFmt: DATE,
        value: (t) => (t.lastReportOn ? excelDate(t.lastReportOn) : null),
      },
    ],
    rows: data.tasks.map((t, index) => ({ ...t, n: index + 1 })),
  });

  addTableSheet<ReportShortBoard & { n: number }>(workbook, {
    name: REPORT_SHEETS.shortBoards,
    title: `${subject}短板清单（${short}）`,
    subtitle: subtitle('；为生成时的最新状态'),
    columns: [
      { header: '序号', width: 6, numFmt: COUNT, value: (b) => b.n },
      ...chainColumn<ReportShortBoard & { n: number }>(),
      { header: '短板名称', width: 30, value: (b) => b.title },
      { header: '类别', width: 12, value: (b) => zh(SHORT_BOARD_CATEGORY_LABELS[b.category]) },
      { header: '卡脖子', width: 8, value: (b) => (b.chokepoint ? '是' : '否') },
      {
        header: '对外依存度',
        width: 11,
        numFmt: SHARE,
        value: (b) => b.foreignDependence,
      },
      { header: '责任单位', width: 28, value: (b) => b.owners },
      { header: '状态', width: 10, value: (b) => zh(SHORT_BOARD_STATUS_LABELS[b.status]) },
      { header: '进度', unit: '%', width: 8, numFmt: COUNT, value: (b) => b.progress },
      { header: '开始日期', width: 12, numFmt: DATE, value: (b) => excelDate(b.startDate) },
      { header: '目标日期', width: 12, numFmt: DATE, value: (b) => excelDate(b.targetDate) },
      {
        header: '进度评价',
        width: 11,
        value: (b) => (b.pace ? zh(PACE_LABELS[b.pace]) : '—'),
      },
    ],
    rows: data.shortBoards.map((b, index) => ({ ...b, n: index + 1 })),
  });

  addTableSheet<ReportProject & { n: number }>(workbook, {
    name: REPORT_SHEETS.projects,
    title: `${subject}重点项目（${short}）`,
    subtitle: subtitle('；为生成时的最新状态；投资单位：万元'),
    columns: [
      { header: '序号', width: 6, numFmt: COUNT, value: (p) => p.n },
      ...chainColumn<ReportProject & { n: number }>(),
      { header: '项目名称', width: 32, value: (p) => p.name },
      { header: '类型', width: 8, value: (p) => zh(PROJECT_TYPE_LABELS[p.type]) },
      { header: '所在城市', width: 10, value: (p) => p.city },
      { header: '业主单位', width: 28, value: (p) => p.owner },
      { header: '计划投资', unit: '万元', width: 14, numFmt: MONEY, value: (p) => p.planned },
      { header: '完成投资', unit: '万元', width: 14, numFmt: MONEY, value: (p) => p.completed },
      {
        header: '投资完成率',
        width: 11,
        numFmt: SHARE,
        value: (p) => share(p.completed, p.planned),
      },
      { header: '建设阶段', width: 10, value: (p) => zh(PROJECT_STAGE_LABELS[p.stage]) },
      { header: '开工日期', width: 12, numFmt: DATE, value: (p) => excelDate(p.startDate) },
      { header: '计划完成日期', width: 13, numFmt: DATE, value: (p) => excelDate(p.endDate) },
      {
        header: '进度评价',
        width: 11,
        value: (p) => (p.pace ? zh(PACE_LABELS[p.pace]) : '—'),
      },
    ],
    rows: data.projects.map((p, index) => ({ ...p, n: index + 1 })),
  });

  addTableSheet<ReportNotice & { n: number }>(workbook, {
    name: REPORT_SHEETS.notices,
    title: `${subject}督办记录（${short}）`,
    subtitle: subtitle('；本期签发的黄牌、红牌督办单'),
    tabColor: 'FFC00000',
    columns: [
      { header: '序号', width: 6, numFmt: COUNT, value: (n) => n.n },
      { header: '督办单号', width: 20, value: (n) => n.number },
      { header: '等级', width: 10, value: (n) => zh(ESCALATION_LEVEL_LABELS[n.level]) },
      ...chainColumn<ReportNotice & { n: number }>(),
      { header: '任务名称', width: 32, value: (n) => n.taskTitle },
      { header: '主办单位', width: 28, value: (n) => n.assignee },
      {
        header: '签发时间',
        width: 17,
        numFmt: DATE_TIME,
        value: (n) => excelDateTime(n.issuedAt),
      },
      { header: '逾期', unit: '工作日', width: 10, numFmt: COUNT, value: (n) => n.overdueWorkdays },
      {
        header: '主送',
        width: 30,
        value: (n) => n.audience.map((a) => zh(ESCALATION_AUDIENCE_LABELS[a])).join('、'),
      },
      { header: '任务状态', width: 10, value: (n) => zh(TASK_STATUS_LABELS[n.taskStatus]) },
    ],
    rows: data.notices.map((n, index) => ({ ...n, n: index + 1 })),
  });

  return workbookBuffer(workbook);
}

/** The lines of the 汇总 sheet, in the order an office reads them. */
export function summaryLines(data: ReportData): SummaryLine[] {
  const tasks = data.tasks;
  const counted = data.perChain.filter((c) => !c.chain.hasChildren);
  const colour = (which: 'green' | 'yellow' | 'red') =>
    counted.filter((c) => c.colour === which).length;
  const done = tasks.filter((t) => t.status === 'done').length;
  const notCancelled = tasks.filter((t) => t.status !== 'cancelled').length;
  const boards = data.shortBoards;
  const planned = data.projects.reduce((sum, p) => sum + p.planned, 0);
  const completed = data.projects.reduce((sum, p) => sum + p.completed, 0);
  const count = (label: string, value: number, unit: string): SummaryLine => ({
    label,
    value,
    unit,
    numFmt: COUNT,
  });
  return [
    { label: '统计期间', value: `${data.period.start} 至 ${data.period.end}` },
    count('纳入统计的产业链', counted.length, '条'),
    count(`其中：运行${zh(CHAIN_COLOUR_LABELS.green)}`, colour('green'), '条'),
    count(`${INDENT}${zh(CHAIN_COLOUR_LABELS.yellow)}`, colour('yellow'), '条'),
    count(`${INDENT}${zh(CHAIN_COLOUR_LABELS.red)}`, colour('red'), '条'),
    count('期内任务', tasks.length, '项'),
    count('其中：本期新增', tasks.filter((t) => t.createdInPeriod).length, '项'),
    count(`${INDENT}本期办结`, tasks.filter((t) => t.doneInPeriod).length, '项'),
    count(
      '期末在办任务',
      tasks.filter((t) => t.status !== 'done' && t.status !== 'cancelled').length,
      '项',
    ),
    count('期末逾期任务', tasks.filter((t) => t.overdue).length, '项'),
    { label: '任务办结率', value: share(done, notCancelled), unit: '%', numFmt: SHARE },
    count('本期报送进展报告', data.reportsSubmitted, '份'),
    count('短板总数', boards.length, '项'),
    ...SHORT_BOARD_STATUSES.map((status, index) =>
      count(
        `${index === 0 ? '其中：' : INDENT}${zh(SHORT_BOARD_STATUS_LABELS[status])}`,
        boards.filter((b) => b.status === status).length,
        '项',
      ),
    ),
    count(
      '未解决的卡脖子短板',
      boards.filter((b) => b.chokepoint && b.status !== 'resolved').length,
      '项',
    ),
    count(
      '进度滞后短板',
      boards.filter((b) => b.pace === 'amber' || b.pace === 'red').length,
      '项',
    ),
    count('重点项目', data.projects.length, '个'),
    { label: '计划总投资', value: planned, unit: '万元', numFmt: MONEY },
    { label: '已完成投资', value: completed, unit: '万元', numFmt: MONEY },
    { label: '投资完成率', value: share(completed, planned), unit: '%', numFmt: SHARE },
    count(
      '进度滞后项目',
      data.projects.filter((p) => p.pace === 'amber' || p.pace === 'red').length,
      '个',
    ),
    count('本期签发黄牌督办单', data.notices.filter((n) => n.level === 'yellow').length, '张'),
    count('本期签发红牌督办单', data.notices.filter((n) => n.level === 'red').length, '张'),
  ];
}

function formatDateTime(instant: Date): string {
  return excelDateTime(instant).toISOString().slice(0, 16).replace('T', ' ');
}
