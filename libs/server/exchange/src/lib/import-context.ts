import type { OrganisationKind } from '@lianzhang/domain';
import { normaliseCellText } from '@lianzhang/domain';
import { scopeCondition, type ChainScope } from '@lianzhang/server/chains';
import type { AuthenticatedUser } from '@lianzhang/server/core';
import { TODAY } from '@lianzhang/server/tasks';
import type { EntityManager } from 'typeorm';

export interface KnownOrganisation {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly creditCode: string | null;
}

/**
 * What an import checks its rows against, read once per upload with one query per kind
 * of reference (never one per row): the chains the user manages, the organisations the
 * file names, the regions. Chains outside the user's scope are simply not found, so a
 * row naming one reads exactly like a row naming no chain at all.
 */
export class ImportContext {
  private regionIndex: Map<string, string> | undefined;

  constructor(
    readonly manager: EntityManager,
    readonly user: AuthenticatedUser,
    private readonly managed: ChainScope,
    /** Today in Asia/Shanghai, YYYY-MM-DD: the calendar of every due date. */
    readonly today: string,
  ) {}

  static async open(
    manager: EntityManager,
    user: AuthenticatedUser,
    managed: ChainScope,
  ): Promise<ImportContext> {
    const [{ today }] = (await manager.query(
      `SELECT to_char(${TODAY}, 'YYYY-MM-DD') AS today`,
    )) as [{ today: string }];
    return new ImportContext(manager, user, managed, today);
  }

  /** The chains among `codes` that the user manages: code → id. */
  async chains(codes: Iterable<string>): Promise<Map<string, string>> {
    const wanted = [...new Set(codes)];
    if (wanted.length === 0) return new Map();
    const params: unknown[] = [wanted];
    const rows = (await this.manager.query(
      `SELECT id, code FROM chain WHERE code = ANY($1::text[]) AND ${scopeCondition(this.managed, 'id', params)}`,
      params,
    )) as { id: string; code: string }[];
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  /** The registered organisations among these credit codes: code → organisation. */
  async organisationsByCreditCode(
    codes: Iterable<string>,
  ): Promise<Map<string, KnownOrganisation>> {
    const wanted = [...new Set(codes)];
    if (wanted.length === 0) return new Map();
    const rows = (await this.manager.query(
      `SELECT id, name, kind, credit_code AS "creditCode" FROM organisation WHERE credit_code = ANY($1::text[])`,
      [wanted],
    )) as KnownOrganisation[];
    return new Map(rows.map((r) => [r.creditCode ?? '', r]));
  }

  /** The registered organisations of these exact names: name → every organisation so named. */
  async organisationsByName(names: Iterable<string>): Promise<Map<string, KnownOrganisation[]>> {
    const wanted = [...new Set(names)];
    const found = new Map<string, KnownOrganisation[]>();
    if (wanted.length === 0) return found;
    const rows = (await this.manager.query(
      `SELECT id, name, kind, credit_code AS "creditCode" FROM organisation WHERE name = ANY($1::text[])`,
      [wanted],
    )) as KnownOrganisation[];
    for (const row of rows) found.set(row.name, [...(found.get(row.name) ?? []), row]);
    return found;
  }

  /**
   * The region a cell names: its 6-digit code, or its Chinese or English name (济南市,
   * 济南, Jinan). Undefined when no region matches.
   */
  async region(text: string): Promise<string | undefined> {
    if (!this.regionIndex) {
      const rows = (await this.manager.query(
        `SELECT code, name_zh AS "nameZh", name_en AS "nameEn" FROM region`,
      )) as { code: string; nameZh: string; nameEn: string }[];
      const index = new Map<string, string>();
      const add = (name: string, code: string) => {
        const key = regionKey(name);
        if (key && !index.has(key)) index.set(key, code);
      };
      for (const row of rows) {
        add(row.code, row.code);
        add(row.nameZh, row.code);
        add(row.nameEn, row.code);
      }
      // Short names (济南 for 济南市) only where they name one region.
      const short = new Map<string, string[]>();
      for (const row of rows) {
        const name = row.nameZh.replace(/(市|县|区)$/, '');
        if (name !== row.nameZh) short.set(name, [...(short.get(name) ?? []), row.code]);
      }
      for (const [name, found] of short) if (found.length === 1) add(name, found[0] ?? '');
      this.regionIndex = index;
    }
    return this.regionIndex.get(regionKey(text));
  }
}

const regionKey = (text: string) => normaliseCellText(text).replace(/\s+/g, '').toLowerCase();

/**
 * Keys that must be unique among the rows of a file: the first row holding a key wins,
 * later ones learn which row they repeat.
 */
export class FirstSeen {
  private readonly rows = new Map<string, number>();

  /** The row that had `key` first, or undefined (and `row` now has it). */
  claim(key: string, row: number): number | undefined {
    const first = this.rows.get(key);
    if (first !== undefined) return first;
    this.rows.set(key, row);
    return undefined;
  }
}
