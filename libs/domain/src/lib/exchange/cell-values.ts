import type { MemberRole } from '../chains/chain';
import type { ProjectStage, ProjectType, ShortBoardStatus } from '../chains/work-items';
import type { OrganisationKind } from '../organisations/organisation';
import type { TaskPriority } from '../tasks/task';

type Labels = { readonly 'zh-CN': string; readonly en: string };

/**
 * How the cells of an uploaded sheet are read: what people type into Excel (Chinese
 * labels, full-width digits, 是/否, 35%, 2026/3/1, a date cell) to the values of the
 * contracts. Each reader returns undefined when the text means nothing it knows, and the
 * caller reports that cell; none of them guesses beyond what is written here.
 */

/** Full-width letters, digits and punctuation as their ASCII forms; trimmed. */
export function normaliseCellText(text: string): string {
  return text.normalize('NFKC').trim();
}

const key = (text: string) => normaliseCellText(text).replace(/\s+/g, '').toLowerCase();

/**
 * The value a cell names, by its code (`urgent`), its Chinese or English label
 * (紧急, Urgent) or one of the everyday words people use for it (`aliases`, e.g. 链主 for
 * 链主企业). Case, spaces and full-width forms do not matter.
 */
export function parseChoice<K extends string>(
  text: string,
  labels: Readonly<Record<K, Labels>>,
  aliases: Readonly<Partial<Record<K, readonly string[]>>> = {} as Partial<
    Record<K, readonly string[]>
  >,
): K | undefined {
  const wanted = key(text);
  if (!wanted) return undefined;
  for (const code of Object.keys(labels) as K[]) {
    const names = [code, labels[code]['zh-CN'], labels[code].en, ...(aliases[code] ?? [])];
    if (names.some((name) => key(name) === wanted)) return code;
  }
  return undefined;
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', 'on']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', 'off']);

/** 是 / 否 and their usual spellings (Y/N, yes/no, TRUE/FALSE, 1/0, √/×). */
export function parseYesNo(text: string): boolean | undefined {
  const wanted = key(text);
  if (YES.has(wanted)) return true;
  if (NO.has(wanted)) return false;
  return undefined;
}

/** A decimal number as people write it: `1,200.5`, `１２００`, ` 35 `; not `1e3`, not `12万`. */
export function parseDecimal(text: string): number | undefined {
  const plain = normaliseCellText(text).replace(/[,\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return undefined;
  return Number(plain);
}

/** A whole number, e.g. a reporting cadence in workdays. */
export function parseInteger(text: string): number | undefined {
  const value = parseDecimal(text);
  return value !== undefined && Number.isInteger(value) ? value : undefined;
}

/**
 * A share, 0–1, from `35%`, `35` or `0.35`: with a percent sign it is a percentage; without
 * one, a number above 1 is a percentage and one up to 1 is already a share (a cell Excel
 * formats as a percentage holds 0.35 for 35%). Values above 100 % come back above 1, for
 * the caller's range check to refuse.
 */
export function parseShare(text: string): number | undefined {
  const plain = normaliseCellText(text);
  if (plain.endsWith('%')) {
    const value = parseDecimal(plain.slice(0, -1));
    return value === undefined ? undefined : round(value / 100);
  }
  const value = parseDecimal(plain);
  if (value === undefined) return undefined;
  return value > 1 ? round(value / 100) : value;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** Day 0 of Excel's 1900 date system (its phantom 1900-02-29 is before every date we read). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const pad = (value: string) => value.padStart(2, '0');

/**
 * A date as `YYYY-MM-DD` from what a cell holds: `2026-03-01`, `2026/3/1`, `2026.3.1`,
 * `2026年3月1日`, a date cell (read as `2026-03-01`), or the serial number of a date
 * cell whose format was lost (46082, between the years 1955 and 2119). Anything else comes
 * back unchanged, for the date check to refuse; whether the day exists is that check's.
 */
export function normaliseDate(text: string): string {
  const plain = normaliseCellText(text);
  const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(plain);
  if (parts) return `${parts[1]}-${pad(parts[2] ?? '')}-${pad(parts[3] ?? '')}`;
  const iso = /^(\d{4}-\d{2}-\d{2})T00:00:00(\.000)?Z$/.exec(plain);
  if (iso) return iso[1] ?? plain;
  if (/^\d{5}$/.test(plain)) {
    const serial = Number(plain);
    if (serial >= 20_000 && serial <= 80_000) {
      return new Date(EXCEL_EPOCH + serial * 86_400_000).toISOString().slice(0, 10);
    }
  }
  return plain;
}

/** The items of a list cell, split at 、 ， , ； ; and line breaks; blanks dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[、，,；;\n\r]+/)
    .map((item) => normaliseCellText(item))
    .filter((item) => item.length > 0);
}

/** Everyday words for organisation kinds besides their labels. */
export const ORGANISATION_KIND_ALIASES: Readonly<
  Partial<Record<OrganisationKind, readonly string[]>>
> = {
  government: ['政府', '政府机关', '部门'],
  institute: ['高校', '大学', '科研院所', '研究院', '院所'],
  alliance: ['产业联盟', '联盟', '协会', '商会'],
  service_provider: ['服务机构', '中介机构'],
};

/** 链主, 重点配套… as chain offices write them, besides the labels (链主企业, 重点配套企业…). */
export const MEMBER_ROLE_ALIASES: Readonly<Partial<Record<MemberRole, readonly string[]>>> = {
  chain_master: ['链主'],
  key_supporting: ['重点配套', '配套企业'],
  member: ['成员', '成员单位', '一般成员'],
  research_partner: ['科研合作', '科研单位', '合作单位'],
  service_provider: ['服务单位'],
};

export const TASK_PRIORITY_ALIASES: Readonly<Partial<Record<TaskPriority, readonly string[]>>> = {
  normal: ['一般', '中'],
  high: ['较高', '重要'],
  urgent: ['特急', '急'],
};

export const SHORT_BOARD_STATUS_ALIASES: Readonly<
  Partial<Record<ShortBoardStatus, readonly string[]>>
> = {
  identified: ['识别', '待攻关'],
  tackling: ['攻关'],
  breakthrough: ['突破'],
  resolved: ['解决'],
  shelved: ['搁置'],
};

export const PROJECT_TYPE_ALIASES: Readonly<Partial<Record<ProjectType, readonly string[]>>> = {};

export const PROJECT_STAGE_ALIASES: Readonly<Partial<Record<ProjectStage, readonly string[]>>> = {
  signed: ['已签约'],
  started: ['已开工', '新开工'],
  under_construction: ['建设中'],
  in_production: ['已投产'],
};
