import { IMPORT_ERROR_LIMIT, importErrorPath, type Bilingual } from '@lianzhang/contracts';
import { fieldError, ValidationFailedError } from '@lianzhang/server/core';

const text = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, en });

/** The messages of an import's own checks; the contracts' checks bring theirs. */
export const IMPORT_MESSAGES = {
  required: text('必填', 'Required'),
  formula: text(
    "不接受公式，请直接填写值；文字须以 = 开头时，请在前面加英文单引号 '",
    "Formulas are not accepted; type the value (to start a text with =, put an apostrophe ' before it)",
  ),
  choice: (labels: Readonly<Record<string, Bilingual>>): Bilingual => {
    const choices = Object.values(labels);
    return text(
      `应为以下之一：${choices.map((c) => c['zh-CN']).join('、')}`,
      `Expected one of: ${choices.map((c) => c.en).join(', ')}`,
    );
  },
  yesNo: text('应填“是”或“否”', 'Expected 是 (yes) or 否 (no)'),
  number: text('应为数字', 'Expected a number'),
  integer: text('应为整数', 'Expected a whole number'),
  amountTooLarge: text(
    '金额应小于 1,000,000,000,000 万元',
    'The amount must be below 1,000,000,000,000',
  ),
  share: text('应为 0–100% 的百分比，如 35%', 'Expected a percentage from 0 to 100%, e.g. 35%'),
  unknownChain: text(
    '没有这个产业链代码，或该产业链不在您管理的范围内',
    'No chain you manage has this code',
  ),
  unknownCreditCode: (code: string) =>
    text(
      `单位名录中没有统一社会信用代码为 ${code} 的单位`,
      `No registered organisation has the credit code ${code}`,
    ),
  unknownOrganisationName: text(
    '单位名录中没有这个名称的单位',
    'No registered organisation has this name',
  ),
  ambiguousOrganisationName: text(
    '有多个同名单位，请改填统一社会信用代码',
    'Several organisations have this name; give the credit code instead',
  ),
  organisationMissing: text(
    '请填写单位统一社会信用代码或单位名称',
    'Give the organisation’s credit code or its name',
  ),
  notEnterprise: (code: string) =>
    text(
      `${code} 不是企业，只有企业能列入图谱环节`,
      `${code} is not an enterprise; only enterprises sit on map links`,
    ),
  unknownRegion: text('没有这个行政区划代码或地区名称', 'No region has this code or name'),
  duplicateInFile: (row: number) => text(`与第 ${row} 行重复`, `Same as row ${row}`),
  creditCodeTaken: text('该统一社会信用代码已登记', 'This credit code is already registered'),
  nameTaken: text('已有同类型、同名称的单位', 'An organisation of this kind has this name already'),
  alreadyMember: text(
    '该单位已是本产业链成员',
    'This organisation is already a member of the chain',
  ),
  nodeTaken: text('本产业链已有同名环节', 'The chain has a link of this name already'),
  shortBoardTaken: text(
    '本产业链已有同名短板',
    'The chain has a short board of this title already',
  ),
  projectTaken: text('本产业链已有同名项目', 'The chain has a project of this name already'),
  taskTaken: text(
    '本产业链已有同名的未办结任务',
    'The chain has an open task of this title already',
  ),
  unknownNode: text('本产业链没有这个环节', 'The chain has no link of this name'),
  unknownParentNode: text(
    '本产业链和本文件中都没有这个上级环节',
    'Neither the chain nor this file has a link of this name',
  ),
  parentCycle: text('上级环节形成了循环', 'The parent links form a loop'),
  unknownShortBoard: text('本产业链没有这个短板', 'The chain has no short board of this title'),
  unknownProject: text('本产业链没有这个项目', 'The chain has no project of this name'),
  pastDue: text('截止日期不能早于今天', 'The due date cannot be before today'),
  missingColumn: text(
    '缺少这一必填列，请使用下载的模板',
    'This required column is missing; use the downloaded template',
  ),
  unknownColumn: text(
    '无法识别这一列，请使用下载的模板',
    'This column is not part of the template',
  ),
  repeatedColumn: text('这一列出现了两次', 'This column appears twice'),
  noRows: text(
    '文件中没有数据行（示例行不计）',
    'The file has no data rows (the example row does not count)',
  ),
  missingFile: text('请选择要上传的 Excel 文件', 'Choose an Excel file to upload'),
  more: (shown: number, total: number) =>
    text(
      `共 ${total.toLocaleString('en')} 处错误，只列出前 ${shown.toLocaleString('en')} 处；请修改后重新上传`,
      `${total.toLocaleString('en')} problems in all; the first ${shown.toLocaleString('en')} are listed. Correct them and upload again`,
    ),
  changedMeanwhile: text(
    '导入期间数据已被他人修改，请重新上传',
    'The data changed while importing; upload the file again',
  ),
} as const;

interface RowError {
  readonly row: number;
  readonly column: string;
  readonly message: Bilingual;
}

/**
 * Every problem of an upload, one per cell (the first found wins), reported together as
 * one 400 in the row and column order of the sheet. Nothing is written when there is any.
 */
export class RowErrors {
  private readonly errors: RowError[] = [];
  private readonly cells = new Set<string>();

  constructor(private readonly columnOrder: readonly string[]) {}

  add(row: number, column: string, message: Bilingual): void {
    const cell = `${row}\u0000${column}`;
    if (this.cells.has(cell)) return;
    this.cells.add(cell);
    this.errors.push({ row, column, message });
  }

  /** Whether the cell has a problem already (then later checks of it stay quiet). */
  has(row: number, column: string): boolean {
    return this.cells.has(`${row}\u0000${column}`);
  }

  get count(): number {
    return this.errors.length;
  }

  /** Throws the 400 when there is any problem. */
  throwIfAny(): void {
    if (this.errors.length === 0) return;
    const order = (column: string) => {
      const index = this.columnOrder.indexOf(column);
      return index < 0 ? this.columnOrder.length : index;
    };
    const sorted = [...this.errors].sort(
      (a, b) => a.row - b.row || order(a.column) - order(b.column),
    );
    const shown = sorted.slice(0, IMPORT_ERROR_LIMIT);
    const details = shown.map((e) => fieldError(importErrorPath(e.row, e.column), e.message));
    if (sorted.length > shown.length) {
      details.push(fieldError('rows', IMPORT_MESSAGES.more(shown.length, sorted.length)));
    }
    throw new ValidationFailedError(details);
  }
}
