import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  parseSort,
  RISK_EXPORT_MAX_ROWS,
  type Page,
  type RiskDto,
  type RiskExportQuery,
  type RiskListQuery,
} from '@lianzhang/contracts';
import {
  FOREIGN_DEPENDENCE_THRESHOLD,
  REPORT_WINDOW_DAYS,
  RISK_KINDS,
  riskReason,
  type ChainStage,
  type RiskKind,
  type RiskSubject,
} from '@lianzhang/domain';
import { ChainScopeService, scopeCondition } from '@lianzhang/server/chains';
import { likeContains, SqlFilter, TODAY, type AuthenticatedUser } from '@lianzhang/server/core';
import { DataSource } from 'typeorm';
import { LAST_REPORT } from './health.repository';

const KIND_RANK = `array_position(ARRAY[${RISK_KINDS.map((k) => `'${k}'`).join(', ')}]::text[], r.kind)`;
const SORT = {
  kind: (direction: string) =>
    `${KIND_RANK} ${direction}, c.code, r.subject_name, r.subject_id, r.kind`,
  chain: (direction: string) =>
    `c.code ${direction}, ${KIND_RANK}, r.subject_name, r.subject_id, r.kind`,
} as const;

/**
 * Every risk of the chains in scope as rows `r`: map links with one local supplier, none,
 * or a foreign share at or above the threshold (the flags of nodeRiskFlags, counted in
 * SQL so the list can be filtered and paged); open chokepoint short boards nobody owns,
 * or with no progress report (returned ones do not count) for more than REPORT_WINDOW_DAYS
 * days, the window of report freshness. `$1` is the
 * scope's condition parameters' start; the caller's SqlFilter continues from there.
 */
function risksSql(scope: string): string {
  return `
  WITH nodes AS (
    SELECT n.id, n.chain_id, n.name, n.stage, n.foreign_dependence,
           count(o.id) FILTER (WHERE o.region_code LIKE '37%')::int AS local
    FROM chain_node n
    LEFT JOIN chain_node_enterprise ne ON ne.node_id = n.id
    LEFT JOIN organisation o ON o.id = ne.organisation_id
    WHERE ${scope.replaceAll('{chain}', 'n.chain_id')}
    GROUP BY n.id
  ),
  boards AS (
    SELECT s.id, s.chain_id, s.title AS name, s.start_date,
           ${LAST_REPORT('short_board', 's.id')} AS last_report,
           EXISTS (SELECT 1 FROM short_board_owner w WHERE w.short_board_id = s.id) AS owned
    FROM short_board s
    WHERE s.chokepoint AND s.status IN ('identified', 'tackling', 'breakthrough')
      AND ${scope.replaceAll('{chain}', 's.chain_id')}
  ),
  r AS (
    SELECT 'single_source' AS kind, 'node' AS subject_type, id AS subject_id, name AS subject_name, chain_id,
           stage, local, foreign_dependence, NULL::date AS last_report, NULL::date AS since
    FROM nodes WHERE local = 1
    UNION ALL
    SELECT 'no_local_supplier', 'node', id, name, chain_id, stage, local, foreign_dependence, NULL, NULL
    FROM nodes WHERE local = 0
    UNION ALL
    SELECT 'foreign_dependence', 'node', id, name, chain_id, stage, local, foreign_dependence, NULL, NULL
    FROM nodes WHERE foreign_dependence >= ${FOREIGN_DEPENDENCE_THRESHOLD}
    UNION ALL
    SELECT 'chokepoint_no_owner', 'short_board', id, name, chain_id, NULL, NULL, NULL, last_report, start_date
    FROM boards WHERE NOT owned
    UNION ALL
    SELECT 'chokepoint_stale', 'short_board', id, name, chain_id, NULL, NULL, NULL, last_report, start_date
    FROM boards WHERE greatest(last_report, start_date) < ${TODAY} - ${REPORT_WINDOW_DAYS}
  )`;
}

const COLUMNS = `r.kind, r.subject_type AS "subjectType", r.subject_id AS "subjectId", r.subject_name AS "subjectName",
  c.id AS "chainId", c.code AS "chainCode", c.name_zh AS "chainNameZh", c.name_en AS "chainNameEn",
  c.region_code AS "chainRegionCode", r.stage, r.local AS "localSuppliers",
  r.foreign_dependence AS "foreignDependence",
  to_char(r.last_report, 'YYYY-MM-DD') AS "lastReportOn", to_char(r.since, 'YYYY-MM-DD') AS since,
  CASE WHEN r.subject_type = 'short_board' THEN ${TODAY} - greatest(r.last_report, r.since) END AS "daysSilent"`;

interface RiskRow {
  kind: RiskKind;
  subjectType: RiskSubject;
  subjectId: string;
  subjectName: string;
  chainId: string;
  chainCode: string;
  chainNameZh: string;
  chainNameEn: string;
  chainRegionCode: string;
  stage: ChainStage | null;
  localSuppliers: number | null;
  foreignDependence: string | null;
  lastReportOn: string | null;
  since: string | null;
  daysSilent: number | null;
}

/**
 * The province's risk view: weak links of the chain maps and neglected chokepoints, in
 * the caller's chain scope, filtered by kind, chain, region (the chain's own region, a
 * city's county chains, or a city in the chain's plan layout) and text.
 */
@Injectable()
export class RisksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ChainScopeService,
  ) {}

  async list(user: AuthenticatedUser, query: RiskListQuery): Promise<Page<RiskDto>> {
    const { sql, filter } = await this.query(user, query);
    const [{ total }] = (await this.dataSource.query(
      `${sql} SELECT count(*)::int AS total FROM r JOIN chain c ON c.id = r.chain_id WHERE ${filter.where}`,
      filter.params,
    )) as [{ total: number }];
    const sort = parseSort<keyof typeof SORT>(query.sort);
    const page = filter.page(query);
    const rows = (await this.dataSource.query(
      `${sql} SELECT ${COLUMNS} FROM r JOIN chain c ON c.id = r.chain_id WHERE ${filter.where}
       ORDER BY ${SORT[sort.field](sort.direction)} ${page.sql}`,
      page.params,
    )) as RiskRow[];
    return { items: rows.map(toDto), total, page: query.page, pageSize: query.pageSize };
  }

  /** The rows of an export: the same filters, worst first, at most RISK_EXPORT_MAX_ROWS; and today. */
  async export(
    user: AuthenticatedUser,
    query: RiskExportQuery,
  ): Promise<{ day: string; rows: RiskDto[] }> {
    const { sql, filter } = await this.query(user, query);
    const rows = (await this.dataSource.query(
      `${sql} SELECT ${COLUMNS} FROM r JOIN chain c ON c.id = r.chain_id WHERE ${filter.where}
       ORDER BY ${SORT.kind('ASC')} LIMIT ${RISK_EXPORT_MAX_ROWS}`,
      filter.params,
    )) as RiskRow[];
    const [{ day }] = (await this.dataSource.query(
      `SELECT to_char(${TODAY}, 'YYYY-MM-DD') AS day`,
    )) as [{ day: string }];
    return { day, rows: rows.map(toDto) };
  }

  private async query(user: AuthenticatedUser, query: RiskExportQuery) {
    const params: unknown[] = [];
    const scope = scopeCondition(await this.scope.visible(user), '{chain}', params);
    const filter = new SqlFilter(params);
    if (query.kind) filter.add('r.kind = ?', query.kind);
    if (query.chainId) filter.add('r.chain_id = ?::uuid', query.chainId);
    if (query.regionCode)
      filter.add(
        `(c.region_code = ? OR (c.level = 'county' AND left(c.region_code, 4) || '00' = ?)
          OR EXISTS (SELECT 1 FROM chain_city_layout l WHERE l.chain_id = c.id AND l.region_code = ?))`,
        query.regionCode,
      );
    if (query.q)
      filter.add(
        `(r.subject_name ILIKE ? OR c.name_zh ILIKE ? OR c.name_en ILIKE ?)`,
        likeContains(query.q),
      );
    return { sql: risksSql(scope), filter };
  }
}

function toDto(row: RiskRow): RiskDto {
  const foreignDependence = row.foreignDependence === null ? null : Number(row.foreignDependence);
  return {
    ...row,
    foreignDependence,
    reason: riskReason({
      kind: row.kind,
      localSuppliers: row.localSuppliers,
      foreignDependence,
      lastReportOn: row.lastReportOn,
      since: row.since,
      daysSilent: row.daysSilent,
    }),
  };
}
