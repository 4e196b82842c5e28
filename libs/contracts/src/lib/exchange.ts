import {
  CHAIN_STAGE_LABELS,
  MEMBER_ROLE_LABELS,
  ORGANISATION_KIND_LABELS,
  PROJECT_STAGE_LABELS,
  PROJECT_TYPE_LABELS,
  SHORT_BOARD_CATEGORY_LABELS,
  SHORT_BOARD_STATUS_LABELS,
  TASK_PRIORITY_LABELS,
  type Permission,
} from '@lianzhang/domain';
import { z } from 'zod';
import type { Bilingual } from './i18n';

/**
 * Excel import (issue 6): one template per kind of data, uploaded whole and committed
 * only when every row is valid. The columns below are the one description of each
 * template, shared by the api (template, header matching, error report) and the web
 * app (the kind cards and the column names in the error table).
 */
export const IMPORT_KINDS = [
  'organisations',
  'chain-members',
  'map-nodes',
  'short-boards',
  'projects',
  'tasks',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

/** What an upload may be; the api refuses more (413 for size, 400 for rows). */
export const IMPORT_LIMITS = { maxBytes: 10 * 1024 * 1024, maxRows: 50_000 } as const;

/** Where things are in a template: the reader needs the sheet and the header row. */
export const IMPORT_TEMPLATE = {
  sheet: '数据',
  guideSheet: '说明',
  /** Row 1 the title, row 2 the instructions, row 3 the header. */
  headerRow: 3,
  /** The example row, left out of an import as long as it is unchanged. */
  exampleRow: 4,
  /** Drop-down lists cover this many rows below the header. */
  validatedRows: 1_000,
} as const;

/** How many row errors an answer lists at most; a last line counts the rest. */
export const IMPORT_ERROR_LIMIT = 1_000;

/** Permission an import needs besides `data:import` (which every import route declares). */
export const IMPORT_KIND_PERMISSION: Readonly<Record<ImportKind, Permission>> = {
  organisations: 'organisation:manage',
  'chain-members': 'data:import',
  'map-nodes': 'data:import',
  'short-boards': 'data:import',
  projects: 'data:import',
  tasks: 'data:import',
};

export const IMPORT_KIND_LABELS: Readonly<
  Record<ImportKind, { readonly title: Bilingual; readonly description: Bilingual }>
> = {
  organisations: {
    title: { 'zh-CN': '单位名录', en: 'Organisations' },
    description: {
      'zh-CN': '企业、政府部门、高校院所等单位；企业须有统一社会信用代码。仅省级管理员可导入。',
      en: 'Enterprises, government offices, universities and others; enterprises need their credit code. Province administrators only.',
    },
  },
  'chain-members': {
    title: { 'zh-CN': '链上企业', en: 'Chain members' },
    description: {
      'zh-CN': '把已登记的单位加入产业链，并设定链主、重点配套等角色。',
      en: 'Adds registered organisations to a chain as chain master, key supporting enterprise and so on.',
    },
  },
  'map-nodes': {
    title: { 'zh-CN': '产业链图谱', en: 'Chain map' },
    description: {
      'zh-CN': '图谱环节：上中下游、上级环节、对外依存度、卡脖子标记和环节上的企业。',
      en: 'Links of the chain map: stage, parent link, foreign dependence, chokepoint flag and the enterprises on them.',
    },
  },
  'short-boards': {
    title: { 'zh-CN': '短板目录', en: 'Short boards' },
    description: {
      'zh-CN': '产业链短板：类别、卡脖子、对外依存度、攻关单位、起止日期和状态。',
      en: 'Gaps of a chain: category, chokepoint, foreign dependence, owners, dates and status.',
    },
  },
  projects: {
    title: { 'zh-CN': '重点项目', en: 'Key projects' },
    description: {
      'zh-CN': '建链、补链、延链、强链项目：所在地区、项目单位、计划投资（万元）、阶段和起止日期。',
      en: 'Build, fill, extend and strengthen projects: region, owner, planned investment (10k yuan), stage and dates.',
    },
  },
  tasks: {
    title: { 'zh-CN': '任务', en: 'Tasks' },
    description: {
      'zh-CN': '批量交办任务：承办单位、截止日期、优先级、关联短板或项目，可立即交办。',
      en: 'Tasks in bulk: assignee, due date, priority, linked short board or project; assign at once if you like.',
    },
  },
};

/** How a column is read and laid out in the template. */
export type ImportColumnType = 'text' | 'code' | 'choice' | 'yesno' | 'date' | 'number' | 'list';

export interface ImportColumn {
  /** The English key: the last word of the header, e.g. `title` in `*任务名称 title`. */
  readonly key: string;
  readonly label: Bilingual;
  readonly required: boolean;
  readonly type: ImportColumnType;
  /** Meaning and format, for the 说明 sheet and the header's note. */
  readonly help: Bilingual;
  /** The values of a `choice` column, as the domain labels them. */
  readonly choices?: Readonly<Record<string, Bilingual>>;
  /** The example row's value (the template leaves it out of an import while unchanged). */
  readonly example: string;
  readonly width?: number;
}

const FORMAT = {
  date: {
    'zh-CN': '日期，格式 YYYY-MM-DD（如 2026-12-31），也可用 Excel 日期单元格',
    en: 'A date as YYYY-MM-DD (e.g. 2026-12-31), or an Excel date cell',
  },
  yesno: { 'zh-CN': '填“是”或“否”，空白为否', en: '是 (yes) or 否 (no); blank means no' },
  share: {
    'zh-CN': '百分比，如 35%（或 0.35）；可空',
    en: 'A percentage such as 35% (or 0.35); may be blank',
  },
  chainCode: {
    'zh-CN': '产业链代码（见产业链详情页，如 ngit.ic）；须为您管理的产业链',
    en: 'The chain code (on the chain page, e.g. ngit.ic); a chain you manage',
  },
  creditCode: {
    'zh-CN': '18 位统一社会信用代码，须已在单位名录中登记',
    en: 'The 18-character unified social credit code of a registered organisation',
  },
  creditCodes: {
    'zh-CN': '一个或多个统一社会信用代码，用顿号、逗号或分号分隔；须已登记',
    en: 'One or more credit codes of registered organisations, separated by 、 , or ;',
  },
  region: {
    'zh-CN': '6 位行政区划代码（如 370100）或地区名称（如 济南市）',
    en: 'A 6-digit division code (e.g. 370100) or the region name (e.g. 济南市)',
  },
} satisfies Record<string, Bilingual>;

const text = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, en });
const EXAMPLE_CREDIT_CODE = '91370100MA3C5ER72M';
const EXAMPLE_CREDIT_CODE_2 = '91370200MA3C7TQ05D';

const chainCode: ImportColumn = {
  key: 'chainCode',
  label: text('产业链代码', 'Chain code'),
  required: true,
  type: 'code',
  help: FORMAT.chainCode,
  example: 'ngit.ic',
  width: 16,
};

export const IMPORT_COLUMNS: Readonly<Record<ImportKind, readonly ImportColumn[]>> = {
  organisations: [
    {
      key: 'name',
      label: text('单位名称', 'Name'),
      required: true,
      type: 'text',
      help: text('单位全称，最多 200 字', 'Full name, up to 200 characters'),
      example: '山东示例新材料有限公司',
      width: 32,
    },
    {
      key: 'kind',
      label: text('单位类型', 'Kind'),
      required: true,
      type: 'choice',
      choices: ORGANISATION_KIND_LABELS,
      help: text('从下拉列表中选择', 'Choose from the list'),
      example: ORGANISATION_KIND_LABELS.enterprise['zh-CN'],
      width: 16,
    },
    {
      key: 'creditCode',
      label: text('统一社会信用代码', 'Credit code'),
      required: false,
      type: 'code',
      help: text(
        '18 位统一社会信用代码（GB 32100，含校验位）；企业必填，不得与已登记单位重复',
        'The 18-character unified social credit code (GB 32100, with its check character); required for enterprises, unique',
      ),
      example: EXAMPLE_CREDIT_CODE,
      width: 22,
    },
    {
      key: 'regionCode',
      label: text('所在地区', 'Region'),
      required: true,
      type: 'code',
      help: FORMAT.region,
      example: '370100',
      width: 12,
    },
  ],
  'chain-members': [
    chainCode,
    {
      key: 'creditCode',
      label: text('单位统一社会信用代码', 'Credit code'),
      required: false,
      type: 'code',
      help: text(
        '单位的统一社会信用代码；与“单位名称”至少填一项，两项都填时以代码为准',
        'The organisation’s credit code; give it or the name (the code wins when both are given)',
      ),
      example: EXAMPLE_CREDIT_CODE,
      width: 22,
    },
    {
      key: 'organisationName',
      label: text('单位名称', 'Organisation name'),
      required: false,
      type: 'text',
      help: text(
        '已登记单位的全称（无信用代码的单位用名称）',
        'The full name of a registered organisation (for those without a credit code)',
      ),
      example: '山东示例新材料有限公司',
      width: 32,
    },
    {
      key: 'role',
      label: text('角色', 'Role'),
      required: true,
      type: 'choice',
      choices: MEMBER_ROLE_LABELS,
      help: text(
        '链主企业、重点配套企业等；也可写“链主”“重点配套”',
        'Chain master, key supporting enterprise…; 链主 and 重点配套 are understood too',
      ),
      example: MEMBER_ROLE_LABELS.key_supporting['zh-CN'],
      width: 16,
    },
  ],
  'map-nodes': [
    chainCode,
    {
      key: 'name',
      label: text('环节名称', 'Link name'),
      required: true,
      type: 'text',
      help: text('在同一产业链内不得重复', 'Unique within the chain'),
      example: '封装测试',
      width: 24,
    },
    {
      key: 'stage',
      label: text('环节位置', 'Stage'),
      required: true,
      type: 'choice',
      choices: CHAIN_STAGE_LABELS,
      help: text('上游、中游或下游', 'Upstream, midstream or downstream'),
      example: CHAIN_STAGE_LABELS.midstream['zh-CN'],
      width: 12,
    },
    {
      key: 'parentName',
      label: text('上级环节', 'Parent link'),
      required: false,
      type: 'text',
      help: text(
        '同一产业链已有的环节，或本文件中的另一行',
        'A link the chain already has, or another row of this file',
      ),
      example: '',
      width: 20,
    },
    {
      key: 'foreignDependence',
      label: text('对外依存度', 'Foreign dependence'),
      required: false,
      type: 'number',
      help: FORMAT.share,
      example: '35%',
      width: 12,
    },
    {
      key: 'chokepoint',
      label: text('卡脖子环节', 'Chokepoint'),
      required: false,
      type: 'yesno',
      help: FORMAT.yesno,
      example: '否',
      width: 12,
    },
    {
      key: 'sortOrder',
      label: text('排序', 'Order'),
      required: false,
      type: 'number',
      help: text(
        '0–10000 的整数，小的在前；空白为 0',
        'A whole number 0–10000, smaller first; blank is 0',
      ),
      example: '10',
      width: 8,
    },
    {
      key: 'enterpriseCreditCodes',
      label: text('环节企业', 'Enterprises'),
      required: false,
      type: 'list',
      help: FORMAT.creditCodes,
      example: EXAMPLE_CREDIT_CODE,
      width: 40,
    },
  ],
  'short-boards': [
    chainCode,
    {
      key: 'title',
      label: text('短板名称', 'Title'),
      required: true,
      type: 'text',
      help: text(
        '在同一产业链内不得重复，最多 200 字',
        'Unique within the chain, up to 200 characters',
      ),
      example: '高端光刻胶国产化',
      width: 30,
    },
    {
      key: 'category',
      label: text('短板类别', 'Category'),
      required: true,
      type: 'choice',
      choices: SHORT_BOARD_CATEGORY_LABELS,
      help: text('从下拉列表中选择', 'Choose from the list'),
      example: SHORT_BOARD_CATEGORY_LABELS.basic_material['zh-CN'],
      width: 14,
    },
    {
      key: 'description',
      label: text('说明', 'Description'),
      required: false,
      type: 'text',
      help: text('最多 5000 字', 'Up to 5,000 characters'),
      example: '',
      width: 30,
    },
    {
      key: 'nodeName',
      label: text('所属环节', 'Map link'),
      required: false,
      type: 'text',
      help: text('该产业链图谱中已有的环节名称', 'The name of a link of the chain map'),
      example: '',
      width: 16,
    },
    {
      key: 'chokepoint',
      label: text('卡脖子', 'Chokepoint'),
      required: false,
      type: 'yesno',
      help: FORMAT.yesno,
      example: '是',
      width: 10,
    },
    {
      key: 'foreignDependence',
      label: text('对外依存度', 'Foreign dependence'),
      required: false,
      type: 'number',
      help: FORMAT.share,
      example: '80%',
      width: 12,
    },
    {
      key: 'ownerCreditCodes',
      label: text('攻关单位', 'Owners'),
      required: false,
      type: 'list',
      help: FORMAT.creditCodes,
      example: EXAMPLE_CREDIT_CODE,
      width: 40,
    },
    {
      key: 'startDate',
      label: text('开始日期', 'Start date'),
      required: true,
      type: 'date',
      help: FORMAT.date,
      example: '2026-01-01',
      width: 12,
    },
    {
      key: 'targetDate',
      label: text('目标日期', 'Target date'),
      required: true,
      type: 'date',
      help: text(
        '日期，格式 YYYY-MM-DD，不得早于开始日期',
        'A date as YYYY-MM-DD, not before the start date',
      ),
      example: '2030-12-31',
      width: 12,
    },
    {
      key: 'status',
      label: text('状态', 'Status'),
      required: false,
      type: 'choice',
      choices: SHORT_BOARD_STATUS_LABELS,
      help: text('空白为“已识别”', 'Blank means identified'),
      example: SHORT_BOARD_STATUS_LABELS.tackling['zh-CN'],
      width: 10,
    },
  ],
  projects: [
    chainCode,
    {
      key: 'name',
      label: text('项目名称', 'Name'),
      required: true,
      type: 'text',
      help: text(
        '在同一产业链内不得重复，最多 200 字',
        'Unique within the chain, up to 200 characters',
      ),
      example: '12 英寸晶圆封测基地',
      width: 30,
    },
    {
      key: 'type',
      label: text('项目类型', 'Type'),
      required: true,
      type: 'choice',
      choices: PROJECT_TYPE_LABELS,
      help: text('建链、补链、延链或强链', 'Build, fill, extend or strengthen'),
      example: PROJECT_TYPE_LABELS.fill['zh-CN'],
      width: 10,
    },
    {
      key: 'regionCode',
      label: text('所在地区', 'Region'),
      required: true,
      type: 'code',
      help: FORMAT.region,
      example: '370200',
      width: 12,
    },
    {
      key: 'ownerCreditCode',
      label: text('项目单位信用代码', 'Owner credit code'),
      required: true,
      type: 'code',
      help: FORMAT.creditCode,
      example: EXAMPLE_CREDIT_CODE_2,
      width: 22,
    },
    {
      key: 'plannedInvestment',
      label: text('计划投资（万元）', 'Planned investment (10k yuan)'),
      required: true,
      type: 'number',
      help: text('万元，大于 0', 'In 10,000 yuan, above 0'),
      example: '50000',
      width: 14,
    },
    {
      key: 'completedInvestment',
      label: text('已完成投资（万元）', 'Completed investment (10k yuan)'),
      required: false,
      type: 'number',
      help: text('万元，不小于 0；空白为 0', 'In 10,000 yuan, 0 or more; blank is 0'),
      example: '12000',
      width: 14,
    },
    {
      key: 'stage',
      label: text('项目阶段', 'Stage'),
      required: false,
      type: 'choice',
      choices: PROJECT_STAGE_LABELS,
      help: text(
        '签约、开工、在建或投产；空白为签约',
        'Signed, started, under construction or in production; blank is signed',
      ),
      example: PROJECT_STAGE_LABELS.under_construction['zh-CN'],
      width: 10,
    },
    {
      key: 'startDate',
      label: text('开始日期', 'Start date'),
      required: true,
      type: 'date',
      help: FORMAT.date,
      example: '2026-03-01',
      width: 12,
    },
    {
      key: 'endDate',
      label: text('结束日期', 'End date'),
      required: true,
      type: 'date',
      help: text(
        '日期，格式 YYYY-MM-DD，不得早于开始日期',
        'A date as YYYY-MM-DD, not before the start date',
      ),
      example: '2030-12-31',
      width: 12,
    },
  ],
  tasks: [
    chainCode,
    {
      key: 'title',
      label: text('任务名称', 'Title'),
      required: true,
      type: 'text',
      help: text(
        '最多 200 字；同一产业链内不得与未办结的任务重名',
        'Up to 200 characters; no open task of the chain may have the same title',
      ),
      example: '车规级芯片封装可靠性验证',
      width: 32,
    },
    {
      key: 'description',
      label: text('任务说明', 'Description'),
      required: false,
      type: 'text',
      help: text('最多 10000 字', 'Up to 10,000 characters'),
      example: '',
      width: 30,
    },
    {
      key: 'assigneeCreditCode',
      label: text('承办单位信用代码', 'Assignee credit code'),
      required: true,
      type: 'code',
      help: FORMAT.creditCode,
      example: EXAMPLE_CREDIT_CODE,
      width: 22,
    },
    {
      key: 'dueDate',
      label: text('截止日期', 'Due date'),
      required: true,
      type: 'date',
      help: text('日期，格式 YYYY-MM-DD，不得早于今天', 'A date as YYYY-MM-DD, today or later'),
      example: '2030-06-30',
      width: 12,
    },
    {
      key: 'priority',
      label: text('优先级', 'Priority'),
      required: false,
      type: 'choice',
      choices: TASK_PRIORITY_LABELS,
      help: text('低、普通、高或紧急；空白为普通', 'Low, normal, high or urgent; blank is normal'),
      example: TASK_PRIORITY_LABELS.high['zh-CN'],
      width: 10,
    },
    {
      key: 'shortBoardTitle',
      label: text('关联短板', 'Short board'),
      required: false,
      type: 'text',
      help: text('该产业链短板目录中的短板名称', 'The title of one of the chain’s short boards'),
      example: '',
      width: 20,
    },
    {
      key: 'projectTitle',
      label: text('关联项目', 'Project'),
      required: false,
      type: 'text',
      help: text('该产业链重点项目的名称', 'The name of one of the chain’s key projects'),
      example: '',
      width: 20,
    },
    {
      key: 'reportEveryWorkdays',
      label: text('报送周期（工作日）', 'Report every (workdays)'),
      required: false,
      type: 'number',
      help: text(
        '每隔几个工作日报送一次进展，1–60；可空',
        'A progress report every 1–60 workdays; may be blank',
      ),
      example: '10',
      width: 12,
    },
    {
      key: 'assign',
      label: text('立即交办', 'Assign now'),
      required: false,
      type: 'yesno',
      help: text(
        '“是”则导入后立即交办并开始签收计时；“否”或空白为草稿',
        '是 assigns at once and starts the acceptance clock; 否 or blank keeps a draft',
      ),
      example: '是',
      width: 10,
    },
  ],
};

/** The header of a column in a template: `*任务名称 title` (the star marks required ones). */
export function importHeaderText(column: ImportColumn): string {
  return `${column.required ? '*' : ''}${column.label['zh-CN']} ${column.key}`;
}

/** `?dryRun=true` only validates: nothing is written, the answer says what would be. */
export const importQuerySchema = z
  .object({ dryRun: z.enum(['true', 'false']).optional() })
  .strict();
export type ImportQuery = z.output<typeof importQuerySchema>;

/** The answer to an upload every row of which is valid. */
export interface ImportResultDto {
  readonly kind: ImportKind;
  readonly dryRun: boolean;
  /** Data rows imported (or, on a dry run, that would be). */
  readonly rows: number;
  /** Rows written: equal to `rows` once committed, 0 on a dry run. */
  readonly created: number;
  /** Whether the template's example row was found unchanged and left out. */
  readonly exampleSkipped: boolean;
  /** The import's id in the audit log (subject `import`); null on a dry run. */
  readonly importId: string | null;
}

/**
 * A refused upload is the api's one error shape (400 `VALIDATION_FAILED`), one detail a
 * problem: `file` for the file as a whole, `rows.<row>.<column>` for a cell (the row as
 * Excel numbers it, the column's key, or the header text of a column nobody knows), and
 * `rows` for the line counting the problems beyond {@link IMPORT_ERROR_LIMIT}.
 */
export function importErrorPath(row: number, column: string): string {
  return `rows.${row}.${column}`;
}

export interface ImportErrorLocation {
  readonly row: number | null;
  readonly column: string | null;
}

export function parseImportErrorPath(path: string): ImportErrorLocation {
  const match = /^rows\.(\d+)\.(.+)$/.exec(path);
  if (match) return { row: Number(match[1]), column: match[2] ?? null };
  return { row: null, column: null };
}
