import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ActualDto,
  ChainOutputDto,
  IndicatorDto,
  IndicatorsDto,
  SetActualRequest,
} from '@lianzhang/contracts';
import {
  hasPermission,
  indicatorProgress,
  latestActual,
  PLAN_INDICATORS,
  type IndicatorMeasure,
} from '@lianzhang/domain';
import { ChainScopeService } from '@lianzhang/server/chains';
import {
  AuditService,
  fieldError,
  inTransaction,
  NotFoundError,
  ValidationFailedError,
  type AuthenticatedUser,
} from '@lianzhang/server/core';
import { DataSource, type EntityManager } from 'typeorm';

interface ActualRow {
  key: string;
  year: number;
  value: string;
  unit?: string;
  source: string;
  enteredByName: string | null;
  enteredAt: Date;
}

/**
 * How each indicator is measured, from the catalogue the plan_indicator rows are seeded
 * from: the table's figures marked * are totals over the plan period, counted from zero.
 */
const MEASURES: ReadonlyMap<string, IndicatorMeasure> = new Map(
  PLAN_INDICATORS.map((i) => [i.code, i.measure]),
);

const NO_TARGET = {
  'zh-CN': '该产业链没有数值目标，无法录入实际值',
  en: 'This chain has no numeric target to enter actuals against',
};

/**
 * The plan's main indicators and each chain's 2025 target, with the yearly actuals the
 * province enters (each with its source) and the progress to target the domain computes
 * from the latest one. Reading is open to every role (the plan is public); chains are
 * those of the reader's scope.
 */
@Injectable()
export class IndicatorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ChainScopeService,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthenticatedUser): Promise<IndicatorsDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const indicators = (await manager.query(
        `SELECT code, name_zh AS "nameZh", name_en AS "nameEn", unit, base2020, target2025, nature, category, note
         FROM plan_indicator ORDER BY sort_order, code`,
      )) as (Omit<IndicatorDto, 'base2020' | 'target2025' | 'actuals' | 'latest' | 'progress'> & {
        base2020: string | null;
        target2025: string | null;
      })[];
      const indicatorActuals = groupByKey(
        (await manager.query(
          `SELECT a.indicator_code AS key, a.year, a.value, a.source, u.display_name AS "enteredByName",
                  a.entered_at AS "enteredAt"
           FROM plan_indicator_actual a LEFT JOIN app_user u ON u.id = a.entered_by_user_id
           ORDER BY a.year`,
        )) as ActualRow[],
      );
      const scope = await this.scope.visible(user, manager);
      const ids = scope.all ? null : scope.chainIds;
      const chains = (await manager.query(
        `SELECT c.id AS "chainId", c.code, c.name_zh AS "nameZh", c.name_en AS "nameEn",
                c.target_text AS "targetText", c.target_value AS "targetValue", c.target_unit AS "targetUnit"
         FROM chain c
         WHERE (c.target_value IS NOT NULL OR c.target_text IS NOT NULL)
           AND ($1::uuid[] IS NULL OR c.id = ANY($1))
         ORDER BY c.code`,
        [ids],
      )) as (Omit<ChainOutputDto, 'targetValue' | 'actuals' | 'latest' | 'progress'> & {
        targetValue: string | null;
      })[];
      const chainActuals = groupByKey(
        (await manager.query(
          `SELECT a.chain_id AS key, a.year, a.value, a.unit, a.source, u.display_name AS "enteredByName",
                  a.entered_at AS "enteredAt"
           FROM chain_output_actual a LEFT JOIN app_user u ON u.id = a.entered_by_user_id
           WHERE ($1::uuid[] IS NULL OR a.chain_id = ANY($1))
           ORDER BY a.year`,
          [ids],
        )) as ActualRow[],
      );
      return {
        indicators: indicators.map((row): IndicatorDto => {
          const base2020 = toNumber(row.base2020);
          const target2025 = toNumber(row.target2025);
          const actuals = (indicatorActuals.get(row.code) ?? []).map(toActual);
          const latest = latestActual(actuals);
          return {
            ...row,
            base2020,
            target2025,
            actuals,
            latest,
            ...indicatorProgress({
              base: base2020,
              target: target2025,
              actual: latest?.value ?? null,
              measure: MEASURES.get(row.code) ?? 'level',
            }),
          };
        }),
        chains: chains.map((row): ChainOutputDto => {
          const targetValue = toNumber(row.targetValue);
          const actuals = (chainActuals.get(row.chainId) ?? []).map((a) => ({
            ...toActual(a),
            unit: a.unit ?? '',
          }));
          const latest = latestActual(actuals);
          return {
            ...row,
            targetValue,
            actuals,
            latest,
            ...indicatorProgress({
              base: null,
              target: targetValue,
              actual: latest?.value ?? null,
            }),
          };
        }),
        canManage: hasPermission(user.role, 'indicator:manage'),
      };
    });
  }

  async setIndicatorActual(
    user: AuthenticatedUser,
    code: string,
    year: number,
    request: SetActualRequest,
  ): Promise<void> {
    await this.write(async (manager) => {
      const exists = (await manager.query(`SELECT 1 FROM plan_indicator WHERE code = $1`, [
        code,
      ])) as unknown[];
      if (exists.length === 0) throw new NotFoundError('indicator');
      const before = await this.before(
        manager,
        `SELECT value, source FROM plan_indicator_actual WHERE indicator_code = $1 AND year = $2 FOR UPDATE`,
        [code, year],
      );
      await manager.query(
        `INSERT INTO plan_indicator_actual (indicator_code, year, value, source, entered_by_user_id)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (indicator_code, year) DO UPDATE
           SET value = EXCLUDED.value, source = EXCLUDED.source,
               entered_by_user_id = EXCLUDED.entered_by_user_id, entered_at = now()`,
        [code, year, request.value, request.source, user.id],
      );
      await this.audit.record(
        {
          action: 'indicator.actual.set',
          subjectType: 'plan_indicator',
          subjectId: code,
          before: before ? { year, ...before } : null,
          after: { year, value: request.value, source: request.source },
        },
        manager,
      );
    });
  }

  async removeIndicatorActual(code: string, year: number): Promise<void> {
    await this.write(async (manager) => {
      const before = await this.before(
        manager,
        `DELETE FROM plan_indicator_actual WHERE indicator_code = $1 AND year = $2 RETURNING value, source`,
        [code, year],
      );
      if (!before) throw new NotFoundError('actual');
      await this.audit.record(
        {
          action: 'indicator.actual.remove',
          subjectType: 'plan_indicator',
          subjectId: code,
          before: { year, ...before },
        },
        manager,
      );
    });
  }

  async setChainActual(
    user: AuthenticatedUser,
    chainId: string,
    year: number,
    request: SetActualRequest,
  ): Promise<void> {
    await this.scope.requireVisible(user, chainId);
    await this.write(async (manager) => {
      const [chain] = (await manager.query(`SELECT target_unit AS unit FROM chain WHERE id = $1`, [
        chainId,
      ])) as { unit: string | null }[];
      if (!chain) throw new NotFoundError('chain');
      if (!chain.unit) throw new ValidationFailedError([fieldError('value', NO_TARGET)]);
      const before = await this.before(
        manager,
        `SELECT value, unit, source FROM chain_output_actual WHERE chain_id = $1 AND year = $2 FOR UPDATE`,
        [chainId, year],
      );
      await manager.query(
        `INSERT INTO chain_output_actual (chain_id, year, value, unit, source, entered_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (chain_id, year) DO UPDATE
           SET value = EXCLUDED.value, unit = EXCLUDED.unit, source = EXCLUDED.source,
               entered_by_user_id = EXCLUDED.entered_by_user_id, entered_at = now()`,
        [chainId, year, request.value, chain.unit, request.source, user.id],
      );
      await this.audit.record(
        {
          action: 'chain.output_actual.set',
          subjectType: 'chain',
          subjectId: chainId,
          before: before ? { year, ...before } : null,
          after: { year, value: request.value, unit: chain.unit, source: request.source },
        },
        manager,
      );
    });
  }

  async removeChainActual(user: AuthenticatedUser, chainId: string, year: number): Promise<void> {
    await this.scope.requireVisible(user, chainId);
    await this.write(async (manager) => {
      const before = await this.before(
        manager,
        `DELETE FROM chain_output_actual WHERE chain_id = $1 AND year = $2 RETURNING value, unit, source`,
        [chainId, year],
      );
      if (!before) throw new NotFoundError('actual');
      await this.audit.record(
        {
          action: 'chain.output_actual.remove',
          subjectType: 'chain',
          subjectId: chainId,
          before: { year, ...before },
        },
        manager,
      );
    });
  }

  /** The row a change replaces, numbers as numbers, or null. */
  private async before(
    manager: EntityManager,
    sql: string,
    params: unknown[],
  ): Promise<Record<string, unknown> | null> {
    const result = (await manager.query(sql, params)) as unknown;
    // DELETE … RETURNING comes back as [rows, count]; SELECT as rows.
    const rows = (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as Record<
      string,
      unknown
    >[];
    const [row] = rows;
    return row ? { ...row, value: Number(row['value']) } : null;
  }

  private write(work: (manager: EntityManager) => Promise<void>): Promise<void> {
    return inTransaction(this.dataSource, work);
  }
}

function toNumber(value: string | null): number | null {
  return value === null ? null : Number(value);
}

function toActual(row: ActualRow): ActualDto {
  return {
    year: row.year,
    value: Number(row.value),
    source: row.source,
    enteredByName: row.enteredByName,
    enteredAt: row.enteredAt.toISOString(),
  };
}

function groupByKey(rows: readonly ActualRow[]): Map<string, ActualRow[]> {
  const groups = new Map<string, ActualRow[]>();
  for (const row of rows) {
    const group = groups.get(row.key);
    if (group) group.push(row);
    else groups.set(row.key, [row]);
  }
  return groups;
}
