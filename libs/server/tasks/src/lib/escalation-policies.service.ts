import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EscalationPolicyDto, PutEscalationPolicyRequest } from '@lianzhang/contracts';
import {
  DEFAULT_ESCALATION_POLICY,
  POLICY_PROBLEM_MESSAGES,
  policyProblems,
  type EscalationPolicy,
} from '@lianzhang/domain';
import { ChainScopeService } from '@lianzhang/server/chains';
import {
  AuditService,
  ConflictError,
  fieldError,
  inTransaction,
  NotFoundError,
  ValidationFailedError,
  type AuthenticatedUser,
} from '@lianzhang/server/core';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The province's default ladder and each chain's own. Tasks keep the policy they were
 * assigned with; a change here applies to tasks assigned afterwards and to requests.
 */
@Injectable()
export class EscalationPoliciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ChainScopeService,
    private readonly audit: AuditService,
  ) {}

  async province(): Promise<EscalationPolicyDto> {
    const [row] = (await this.dataSource.query(
      `SELECT policy, version FROM escalation_policy WHERE chain_id IS NULL`,
    )) as { policy: EscalationPolicy; version: number }[];
    return row
      ? { source: 'province', ...row }
      : { source: 'built_in', policy: DEFAULT_ESCALATION_POLICY, version: 0 };
  }

  /**
   * The policy in force on a chain: its own, else the province's, else the built-in
   * ladder, in one query. `version` is that of the chain's own row (0 without one), the
   * version a PUT on the chain must name.
   */
  async effective(
    chainId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EscalationPolicyDto> {
    const [row] = (await manager.query(
      `SELECT policy, version, chain_id IS NOT NULL AS own FROM escalation_policy
       WHERE chain_id = $1 OR chain_id IS NULL ORDER BY chain_id NULLS LAST LIMIT 1`,
      [chainId],
    )) as { policy: EscalationPolicy; version: number; own: boolean }[];
    if (!row) return { source: 'built_in', policy: DEFAULT_ESCALATION_POLICY, version: 0 };
    return row.own
      ? { source: 'chain', policy: row.policy, version: row.version }
      : { source: 'province', policy: row.policy, version: 0 };
  }

  /** The policy in force on a chain the caller may see. */
  async chain(user: AuthenticatedUser, chainId: string): Promise<EscalationPolicyDto> {
    await this.scope.requireVisible(user, chainId);
    return this.effective(chainId);
  }

  async setProvince(request: PutEscalationPolicyRequest): Promise<EscalationPolicyDto> {
    await this.put(null, request);
    return this.province();
  }

  async setChain(
    user: AuthenticatedUser,
    chainId: string,
    request: PutEscalationPolicyRequest,
  ): Promise<EscalationPolicyDto> {
    await this.scope.requireManaged(user, chainId);
    await this.put(chainId, request);
    return this.chain(user, chainId);
  }

  /** Back to the province's policy. */
  async resetChain(user: AuthenticatedUser, chainId: string): Promise<void> {
    await this.scope.requireManaged(user, chainId);
    await inTransaction(this.dataSource, async (manager) => {
      const [rows] = (await manager.query(
        `DELETE FROM escalation_policy WHERE chain_id = $1 RETURNING policy`,
        [chainId],
      )) as [unknown[], number];
      if (!rows?.length) throw new NotFoundError('escalation policy');
      await this.record(manager, chainId, 'escalation.policy.reset', rows[0], null);
    });
  }

  private async put(chainId: string | null, request: PutEscalationPolicyRequest): Promise<void> {
    const problems = policyProblems(request.policy);
    if (problems.length > 0) {
      throw new ValidationFailedError(
        problems.map((p) => fieldError(`policy.${p.path}`, POLICY_PROBLEM_MESSAGES[p.problem])),
      );
    }
    await inTransaction(this.dataSource, async (manager) => {
      const where = chainId ? `chain_id = $1` : `chain_id IS NULL`;
      const [current] = (await manager.query(
        `SELECT policy, version FROM escalation_policy WHERE ${where} FOR UPDATE`,
        chainId ? [chainId] : [],
      )) as { policy: EscalationPolicy; version: number }[];
      if ((current?.version ?? 0) !== request.version) throw new ConflictError();
      const policy = JSON.stringify(request.policy);
      if (current) {
        await manager.query(
          `UPDATE escalation_policy SET policy = $1, version = version + 1, updated_at = now() WHERE ${chainId ? 'chain_id = $2' : 'chain_id IS NULL'}`,
          chainId ? [policy, chainId] : [policy],
        );
      } else {
        // Two first writers: the partial unique index lets one in; the other gets 409.
        const rows = (await manager.query(
          `INSERT INTO escalation_policy (scope, chain_id, policy) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`,
          [chainId ? 'chain' : 'province', chainId, policy],
        )) as unknown[];
        if (rows.length === 0) throw new ConflictError();
      }
      await this.record(
        manager,
        chainId,
        'escalation.policy.set',
        current?.policy ?? null,
        request.policy,
      );
    });
  }

  private record(
    manager: EntityManager,
    chainId: string | null,
    action: string,
    before: unknown,
    after: unknown,
  ) {
    return this.audit.record(
      { action, subjectType: 'escalation_policy', subjectId: chainId ?? 'province', before, after },
      manager,
    );
  }
}
