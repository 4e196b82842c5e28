import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  parseSort,
  type ChainDetailDto,
  type ChainDto,
  type ChainListQuery,
  type ChainMemberDto,
  type ChainNodeDto,
  type CreateChainRequest,
  type CreateNodeRequest,
  type Page,
  type UpdateChainRequest,
  type UpdateNodeRequest,
} from '@lianzhang/contracts';
import { nodeRiskFlags, type LeadershipKind, type MemberRole } from '@lianzhang/domain';
import {
  AuditService,
  ConflictError,
  fieldError,
  NotFoundError,
  SqlFilter,
  ValidationFailedError,
  type AuthenticatedUser,
  inTransaction,
} from '@lianzhang/server/core';
import { DataSource, type EntityManager } from 'typeorm';
import { ChainEntity, ChainNodeEntity } from './chain.entities';
import { ChainScopeService, scopeCondition } from './chain-scope.service';

const SORT = { code: 'c.code', nameZh: 'c.name_zh' } as const;
const NO_SUCH = {
  organisation: { 'zh-CN': '没有这个单位', en: 'No such organisation' },
  parentChain: { 'zh-CN': '没有这个上级产业链', en: 'No such parent chain' },
  node: { 'zh-CN': '本产业链没有这个环节', en: 'This chain has no such node' },
  region: { 'zh-CN': '没有这个行政区划代码', en: 'No region has this code' },
  user: { 'zh-CN': '没有这个用户', en: 'No such user' },
} as const;

@Injectable()
export class ChainsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ChainScopeService,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthenticatedUser, query: ChainListQuery): Promise<Page<ChainDto>> {
    const params: unknown[] = [];
    const filter = new SqlFilter(params).raw(
      scopeCondition(await this.scope.visible(user), 'c.id', params),
    );
    if (query.industryGroup) filter.add('c.industry_group = ?', query.industryGroup);
    if (query.level) filter.add('c.level = ?', query.level);
    if (query.regionCode) filter.add('c.region_code = ?', query.regionCode);
    if (query.q) filter.add('(c.name_zh ILIKE ? OR c.name_en ILIKE ?)', `%${query.q}%`);
    const sort = parseSort<keyof typeof SORT>(query.sort);
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM chain c WHERE ${filter.where}`,
      filter.params,
    )) as [{ total: number }];
    const page = filter.page(query);
    const rows = (await this.dataSource.query(
      `SELECT c.* FROM chain c WHERE ${filter.where} ORDER BY ${SORT[sort.field]} ${sort.direction}, c.id ${page.sql}`,
      page.params,
    )) as ChainRow[];
    return { items: rows.map(toDto), total, page: query.page, pageSize: query.pageSize };
  }

  async detail(user: AuthenticatedUser, chainId: string): Promise<ChainDetailDto> {
    await this.scope.requireVisible(user, chainId);
    const [row] = (await this.dataSource.query(`SELECT * FROM chain WHERE id = $1`, [
      chainId,
    ])) as ChainRow[];
    const leaders = (await this.dataSource.query(
      `SELECT l.user_id AS "userId", u.display_name AS "displayName", l.kind
       FROM chain_leadership l JOIN app_user u ON u.id = l.user_id WHERE l.chain_id = $1
       ORDER BY array_position(ARRAY['chief', 'leader', 'office'], l.kind), u.display_name`,
      [chainId],
    )) as { userId: string; displayName: string; kind: LeadershipKind }[];
    const [counts] = (await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM chain_member WHERE chain_id = $1) AS members,
              (SELECT count(*)::int FROM chain_node WHERE chain_id = $1) AS nodes,
              (SELECT count(*)::int FROM short_board WHERE chain_id = $1) AS "shortBoards",
              (SELECT count(*)::int FROM project WHERE chain_id = $1) AS projects,
              (SELECT count(*)::int FROM task WHERE chain_id = $1 AND status NOT IN ('done', 'cancelled')) AS "openTasks"`,
      [chainId],
    )) as [ChainDetailDto['counts']];
    return {
      ...toDto(row as ChainRow),
      leaders,
      counts,
      canEdit: await this.scope.canManage(user, chainId),
    };
  }

  async create(request: CreateChainRequest): Promise<ChainDto> {
    return this.write(async (manager) => {
      const repository = manager.getRepository(ChainEntity);
      const saved = await repository.save(
        repository.create({ ...request, parentId: request.parentId ?? null }),
      );
      const row = (await manager.query(`SELECT * FROM chain WHERE id = $1`, [
        saved.id,
      ])) as ChainRow[];
      const dto = toDto(row[0] as ChainRow);
      await this.audit.record(
        { action: 'chain.create', subjectType: 'chain', subjectId: dto.id, after: dto },
        manager,
      );
      return dto;
    });
  }

  async update(
    user: AuthenticatedUser,
    chainId: string,
    request: UpdateChainRequest,
  ): Promise<ChainDto> {
    await this.scope.requireManaged(user, chainId);
    const { version, ...changes } = request;
    return this.write(async (manager) => {
      const [before] = (await manager.query(`SELECT * FROM chain WHERE id = $1 FOR UPDATE`, [
        chainId,
      ])) as ChainRow[];
      if (!before) throw new NotFoundError('chain');
      if (before.version !== version) throw new ConflictError();
      await manager
        .getRepository(ChainEntity)
        .update({ id: chainId }, { ...changes, version: version + 1 });
      const [after] = (await manager.query(`SELECT * FROM chain WHERE id = $1`, [
        chainId,
      ])) as ChainRow[];
      const dto = toDto(after as ChainRow);
      await this.audit.record(
        {
          action: 'chain.update',
          subjectType: 'chain',
          subjectId: chainId,
          before: toDto(before),
          after: dto,
        },
        manager,
      );
      return dto;
    });
  }

  async setLeadership(chainId: string, userId: string, kind: LeadershipKind): Promise<void> {
    await this.write(async (manager) => {
      const [target] = (await manager.query(`SELECT role FROM app_user WHERE id = $1`, [
        userId,
      ])) as { role: string }[];
      if (!target || !['chain_leader', 'chain_office'].includes(target.role)) {
        throw new ValidationFailedError([
          fieldError('userId', {
            'zh-CN': '只能指定链长或链长办人员',
            en: 'Only chain leaders and chain office staff can lead a chain',
          }),
        ]);
      }
      await this.requireChain(manager, chainId);
      await manager.query(
        `INSERT INTO chain_leadership (chain_id, user_id, kind) VALUES ($1, $2, $3)
         ON CONFLICT (chain_id, user_id) DO UPDATE SET kind = EXCLUDED.kind`,
        [chainId, userId, kind],
      );
      await this.audit.record(
        {
          action: 'chain.leadership.set',
          subjectType: 'chain',
          subjectId: chainId,
          after: { userId, kind },
        },
        manager,
      );
    });
  }

  async members(user: AuthenticatedUser, chainId: string): Promise<ChainMemberDto[]> {
    await this.scope.requireVisible(user, chainId);
    return (await this.dataSource.query(
      `SELECT m.organisation_id AS "organisationId", o.name, o.credit_code AS "creditCode", o.region_code AS "regionCode", m.role
       FROM chain_member m JOIN organisation o ON o.id = m.organisation_id WHERE m.chain_id = $1
       ORDER BY array_position(ARRAY['chain_master', 'key_supporting', 'member', 'research_partner', 'service_provider'], m.role), o.name`,
      [chainId],
    )) as ChainMemberDto[];
  }

  async setMember(
    user: AuthenticatedUser,
    chainId: string,
    organisationId: string,
    role: MemberRole,
  ): Promise<void> {
    await this.scope.requireManaged(user, chainId);
    await this.write(async (manager) => {
      await manager.query(
        `INSERT INTO chain_member (chain_id, organisation_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (chain_id, organisation_id) DO UPDATE SET role = EXCLUDED.role`,
        [chainId, organisationId, role],
      );
      await this.audit.record(
        {
          action: 'chain.member.set',
          subjectType: 'chain',
          subjectId: chainId,
          after: { organisationId, role },
        },
        manager,
      );
    });
  }

  async removeMember(
    user: AuthenticatedUser,
    chainId: string,
    organisationId: string,
  ): Promise<void> {
    await this.scope.requireManaged(user, chainId);
    await this.write(async (manager) => {
      const [, removed] = (await manager.query(
        `DELETE FROM chain_member WHERE chain_id = $1 AND organisation_id = $2`,
        [chainId, organisationId],
      )) as [unknown, number];
      if (!removed) throw new NotFoundError('member');
      await this.audit.record(
        {
          action: 'chain.member.remove',
          subjectType: 'chain',
          subjectId: chainId,
          before: { organisationId },
        },
        manager,
      );
    });
  }

  /** The chain map: every node with its enterprises, its short boards and its derived risk flags. */
  async map(user: AuthenticatedUser, chainId: string): Promise<ChainNodeDto[]> {
    await this.scope.requireVisible(user, chainId);
    const nodes = (await this.dataSource.query(
      `SELECT n.id, n.parent_id AS "parentId", n.stage, n.name, n.foreign_dependence AS "foreignDependence",
              n.chokepoint, n.sort_order AS "sortOrder", n.version,
              coalesce(json_agg(json_build_object('organisationId', o.id, 'name', o.name, 'local', o.region_code LIKE '37%'))
                FILTER (WHERE o.id IS NOT NULL), '[]') AS enterprises,
              coalesce((SELECT array_agg(s.id) FROM short_board s WHERE s.node_id = n.id), '{}') AS "shortBoardIds"
       FROM chain_node n
       LEFT JOIN chain_node_enterprise ne ON ne.node_id = n.id
       LEFT JOIN organisation o ON o.id = ne.organisation_id
       WHERE n.chain_id = $1
       GROUP BY n.id
       ORDER BY array_position(ARRAY['upstream', 'midstream', 'downstream'], n.stage), n.sort_order, n.name`,
      [chainId],
    )) as (Omit<ChainNodeDto, 'flags' | 'foreignDependence'> & {
      foreignDependence: string | null;
    })[];
    return nodes.map((node) => {
      const foreignDependence =
        node.foreignDependence === null ? null : Number(node.foreignDependence);
      return {
        ...node,
        foreignDependence,
        flags: nodeRiskFlags({
          localSuppliers: node.enterprises.filter((e) => e.local).length,
          foreignDependence,
          chokepoint: node.chokepoint,
        }),
      };
    });
  }

  async createNode(
    user: AuthenticatedUser,
    chainId: string,
    request: CreateNodeRequest,
  ): Promise<{ id: string }> {
    await this.scope.requireManaged(user, chainId);
    return this.write(async (manager) => {
      if (request.parentId)
        await this.requireNodeOfChain(manager, request.parentId, chainId, 'parentId');
      const repository = manager.getRepository(ChainNodeEntity);
      const node = await repository.save(
        repository.create({
          chainId,
          name: request.name,
          stage: request.stage,
          parentId: request.parentId ?? null,
          foreignDependence: request.foreignDependence ?? null,
          chokepoint: request.chokepoint ?? false,
          sortOrder: request.sortOrder ?? 0,
        }),
      );
      await this.audit.record(
        {
          action: 'chain.node.create',
          subjectType: 'chain_node',
          subjectId: node.id,
          after: request,
        },
        manager,
      );
      return { id: node.id };
    });
  }

  async updateNode(
    user: AuthenticatedUser,
    nodeId: string,
    request: UpdateNodeRequest,
  ): Promise<void> {
    const chainId = await this.chainOfNode(nodeId);
    await this.scope.requireManaged(user, chainId);
    const { version, ...changes } = request;
    await this.write(async (manager) => {
      const [before] = (await manager.query(`SELECT * FROM chain_node WHERE id = $1 FOR UPDATE`, [
        nodeId,
      ])) as { version: number }[];
      if (!before) throw new NotFoundError('node');
      if (before.version !== version) throw new ConflictError();
      if (changes.parentId) {
        if (changes.parentId === nodeId)
          throw new ValidationFailedError([fieldError('parentId', NO_SUCH.node)]);
        await this.requireNodeOfChain(manager, changes.parentId, chainId, 'parentId');
      }
      await manager
        .getRepository(ChainNodeEntity)
        .update({ id: nodeId }, { ...changes, version: version + 1 });
      await this.audit.record(
        {
          action: 'chain.node.update',
          subjectType: 'chain_node',
          subjectId: nodeId,
          before,
          after: changes,
        },
        manager,
      );
    });
  }

  async attachEnterprise(
    user: AuthenticatedUser,
    nodeId: string,
    organisationId: string,
  ): Promise<void> {
    const chainId = await this.chainOfNode(nodeId);
    await this.scope.requireManaged(user, chainId);
    await this.write(async (manager) => {
      const [organisation] = (await manager.query(`SELECT kind FROM organisation WHERE id = $1`, [
        organisationId,
      ])) as { kind: string }[];
      if (organisation?.kind !== 'enterprise') {
        throw new ValidationFailedError([
          fieldError('organisationId', {
            'zh-CN': '只能关联企业',
            en: 'Only enterprises sit on a chain map',
          }),
        ]);
      }
      await manager.query(
        `INSERT INTO chain_node_enterprise (node_id, organisation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [nodeId, organisationId],
      );
      await this.audit.record(
        {
          action: 'chain.node.attach',
          subjectType: 'chain_node',
          subjectId: nodeId,
          after: { organisationId },
        },
        manager,
      );
    });
  }

  async detachEnterprise(
    user: AuthenticatedUser,
    nodeId: string,
    organisationId: string,
  ): Promise<void> {
    const chainId = await this.chainOfNode(nodeId);
    await this.scope.requireManaged(user, chainId);
    await this.write(async (manager) => {
      await manager.query(
        `DELETE FROM chain_node_enterprise WHERE node_id = $1 AND organisation_id = $2`,
        [nodeId, organisationId],
      );
      await this.audit.record(
        {
          action: 'chain.node.detach',
          subjectType: 'chain_node',
          subjectId: nodeId,
          before: { organisationId },
        },
        manager,
      );
    });
  }

  private async chainOfNode(nodeId: string): Promise<string> {
    const [row] = (await this.dataSource.query(`SELECT chain_id FROM chain_node WHERE id = $1`, [
      nodeId,
    ])) as { chain_id: string }[];
    if (!row) throw new NotFoundError('node');
    return row.chain_id;
  }

  private async requireNodeOfChain(
    manager: EntityManager,
    nodeId: string,
    chainId: string,
    path: string,
  ): Promise<void> {
    const rows = (await manager.query(`SELECT 1 FROM chain_node WHERE id = $1 AND chain_id = $2`, [
      nodeId,
      chainId,
    ])) as unknown[];
    if (rows.length === 0) throw new ValidationFailedError([fieldError(path, NO_SUCH.node)]);
  }

  private async requireChain(manager: EntityManager, chainId: string): Promise<void> {
    if ((await manager.query(`SELECT 1 FROM chain WHERE id = $1`, [chainId])).length === 0)
      throw new NotFoundError('chain');
  }

  /** A transaction whose constraint violations come back as field errors. */
  private write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work, (constraint) => {
      if (constraint === 'uq_chain_code')
        return new ConflictError([
          fieldError('code', { 'zh-CN': '该编码已被使用', en: 'This code is taken' }),
        ]);
      if (constraint === 'fk_chain_region')
        return new ValidationFailedError([fieldError('regionCode', NO_SUCH.region)]);
      if (constraint === 'fk_chain_parent')
        return new ValidationFailedError([fieldError('parentId', NO_SUCH.parentChain)]);
      if (constraint.endsWith('_organisation'))
        return new ValidationFailedError([fieldError('organisationId', NO_SUCH.organisation)]);
      if (constraint === 'fk_chain_leadership_user')
        return new ValidationFailedError([fieldError('userId', NO_SUCH.user)]);
      return undefined;
    });
  }
}

interface ChainRow {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  industry_group: ChainDto['industryGroup'];
  level: ChainDto['level'];
  region_code: string;
  parent_id: string | null;
  target_text: string | null;
  target_value: string | null;
  target_unit: string | null;
  plan_section: string | null;
  version: number;
}

function toDto(row: ChainRow): ChainDto {
  return {
    id: row.id,
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    industryGroup: row.industry_group,
    level: row.level,
    regionCode: row.region_code,
    parentId: row.parent_id,
    targetText: row.target_text,
    targetValue: row.target_value === null ? null : Number(row.target_value),
    targetUnit: row.target_unit,
    planSection: row.plan_section,
    version: row.version,
  };
}
