import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { seesWholeProvince } from '@lianzhang/domain';
import {
  currentRequestContext,
  NotFoundError,
  type AuthenticatedUser,
  type RequestContext,
} from '@lianzhang/server/core';
import { DataSource, type EntityManager } from 'typeorm';

/** Chains a user may see, as SQL over a chain id column: every chain, or a list. */
export type ChainScope =
  | { readonly all: true }
  | { readonly all: false; readonly chainIds: readonly string[] };

/**
 * Which chains a user reaches, from the database and the token, never from the request:
 * the province everything; a chain leader or office the chains they lead or staff; a
 * city coordinator the city's chains and those of its counties; an enterprise the
 * chains it is a member of (to read; its work it sees through tasks).
 */
@Injectable()
export class ChainScopeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Scopes read outside a transaction, kept for the rest of the request: a list or a
   * detail asks for the caller's scope several times (visibility, then the actions it
   * may take) and the answer cannot change in between. Reads inside a caller's
   * transaction always go to that transaction.
   */
  private readonly perRequest = new WeakMap<RequestContext, Map<string, Promise<ChainScope>>>();

  private remembered(
    key: string,
    manager: EntityManager,
    read: () => Promise<ChainScope>,
  ): Promise<ChainScope> {
    const context = currentRequestContext();
    if (!context || manager !== this.dataSource.manager) return read();
    let scopes = this.perRequest.get(context);
    if (!scopes) this.perRequest.set(context, (scopes = new Map()));
    const found = scopes.get(key);
    if (found) return found;
    const scope = read();
    scopes.set(key, scope);
    // A failed read is not kept: the next call tries again.
    scope.catch(() => scopes?.delete(key));
    return scope;
  }

  async visible(
    user: AuthenticatedUser,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ChainScope> {
    return this.remembered(`visible:${user.id}`, manager, () => this.readVisible(user, manager));
  }

  async managed(
    user: AuthenticatedUser,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ChainScope> {
    return this.remembered(`managed:${user.id}`, manager, () => this.readManaged(user, manager));
  }

  private async readVisible(user: AuthenticatedUser, manager: EntityManager): Promise<ChainScope> {
    if (seesWholeProvince(user.role)) return { all: true };
    switch (user.role) {
      case 'enterprise_user':
        return this.ids(
          manager,
          `SELECT chain_id AS id FROM chain_member WHERE organisation_id = $1`,
          [user.organisationId],
        );
      default:
        return this.managed(user, manager);
    }
  }

  /** Chains the user may change and assign work in. Empty for analysts and enterprises. */
  private async readManaged(user: AuthenticatedUser, manager: EntityManager): Promise<ChainScope> {
    switch (user.role) {
      case 'province_admin':
        return { all: true };
      case 'chain_leader':
      case 'chain_office':
        return this.ids(manager, `SELECT chain_id AS id FROM chain_leadership WHERE user_id = $1`, [
          user.id,
        ]);
      case 'city_coordinator':
        return this.ids(
          manager,
          `SELECT id FROM chain WHERE level <> 'province' AND (region_code = $1 OR left(region_code, 4) || '00' = $1)`,
          [user.regionCode],
        );
      default:
        return { all: false, chainIds: [] };
    }
  }

  async canManage(
    user: AuthenticatedUser,
    chainId: string,
    manager?: EntityManager,
  ): Promise<boolean> {
    return includes(await this.managed(user, manager), chainId);
  }

  /** 404 unless the chain exists and the user may see it: out of scope looks the same as absent. */
  async requireVisible(
    user: AuthenticatedUser,
    chainId: string,
    manager?: EntityManager,
  ): Promise<void> {
    if (
      !includes(await this.visible(user, manager), chainId) ||
      !(await this.exists(chainId, manager))
    ) {
      throw new NotFoundError('chain');
    }
  }

  /** 404 unless the user may change the chain (a chain they cannot even see stays invisible). */
  async requireManaged(
    user: AuthenticatedUser,
    chainId: string,
    manager?: EntityManager,
  ): Promise<void> {
    if (!(await this.canManage(user, chainId, manager)) || !(await this.exists(chainId, manager))) {
      throw new NotFoundError('chain');
    }
  }

  private async exists(
    chainId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return (await manager.query(`SELECT 1 FROM chain WHERE id = $1`, [chainId])).length > 0;
  }

  private async ids(manager: EntityManager, sql: string, params: unknown[]): Promise<ChainScope> {
    const rows = (await manager.query(sql, params)) as { id: string }[];
    return { all: false, chainIds: rows.map((r) => r.id) };
  }
}

export function includes(scope: ChainScope, chainId: string): boolean {
  return scope.all || scope.chainIds.includes(chainId);
}

/** A SQL condition limiting `column` to the scope; pushes its parameter onto `params`. */
export function scopeCondition(scope: ChainScope, column: string, params: unknown[]): string {
  if (scope.all) return 'TRUE';
  params.push(scope.chainIds);
  return `${column} = ANY($${params.length}::uuid[])`;
}
