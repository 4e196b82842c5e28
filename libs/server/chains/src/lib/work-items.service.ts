import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateProjectRequest,
  CreateShortBoardRequest,
  ProjectDto,
  ShortBoardDto,
  UpdateProjectRequest,
  UpdateShortBoardRequest,
} from '@lianzhang/contracts';
import { paceOf, projectPace, shortBoardCanMove, type ShortBoardStatus } from '@lianzhang/domain';
import {
  AuditService,
  ConflictError,
  fieldError,
  NotFoundError,
  ValidationFailedError,
  type AuthenticatedUser,
  versionedUpdate,
  inTransaction,
} from '@lianzhang/server/core';
import { DataSource, type EntityManager } from 'typeorm';
import { ChainScopeService, includes, scopeCondition } from './chain-scope.service';

/** Dates are calendar days in Asia/Shanghai; pace is judged at the start of that day. */
const day = (iso: string) => new Date(`${iso}T00:00:00+08:00`);

/** Short boards (短板目录) and key projects, with their pace against plan. */
@Injectable()
export class WorkItemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ChainScopeService,
    private readonly audit: AuditService,
  ) {}

  async listShortBoards(user: AuthenticatedUser, chainId: string): Promise<ShortBoardDto[]> {
    const params: unknown[] = [chainId];
    const condition =
      user.role === 'enterprise_user'
        ? `EXISTS (SELECT 1 FROM short_board_owner so WHERE so.short_board_id = s.id AND so.organisation_id = $${params.push(user.organisationId)})`
        : scopeCondition(await this.scope.visible(user), 's.chain_id', params);
    return this.shortBoards(`s.chain_id = $1 AND ${condition}`, params);
  }

  async getShortBoard(user: AuthenticatedUser, id: string): Promise<ShortBoardDto> {
    const [board] = await this.shortBoards('s.id = $1', [id]);
    if (!board || !(await this.mayReadShortBoard(user, board)))
      throw new NotFoundError('short board');
    return board;
  }

  async createShortBoard(
    user: AuthenticatedUser,
    chainId: string,
    request: CreateShortBoardRequest,
  ): Promise<ShortBoardDto> {
    await this.scope.requireManaged(user, chainId);
    const id = await this.write(async (manager) => {
      if (request.nodeId)
        await this.requireOfChain(manager, 'chain_node', request.nodeId, chainId, 'nodeId');
      const [{ id }] = (await manager.query(
        `INSERT INTO short_board (chain_id, node_id, title, description, category, chokepoint, foreign_dependence, start_date, target_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          chainId,
          request.nodeId ?? null,
          request.title,
          request.description ?? '',
          request.category,
          request.chokepoint ?? false,
          request.foreignDependence ?? null,
          request.startDate,
          request.targetDate,
        ],
      )) as [{ id: string }];
      for (const organisationId of new Set(request.ownerOrganisationIds ?? [])) {
        await manager.query(
          `INSERT INTO short_board_owner (short_board_id, organisation_id) VALUES ($1, $2)`,
          [id, organisationId],
        );
      }
      await this.audit.record(
        { action: 'short_board.create', subjectType: 'short_board', subjectId: id, after: request },
        manager,
      );
      return id;
    });
    return this.getShortBoard(user, id);
  }

  async updateShortBoard(
    user: AuthenticatedUser,
    id: string,
    request: UpdateShortBoardRequest,
  ): Promise<ShortBoardDto> {
    const board = await this.getShortBoard(user, id);
    if (!(await this.scope.canManage(user, board.chainId))) throw new NotFoundError('short board');
    const { version, ...changes } = request;
    await this.write(async (manager) => {
      const [current] = (await manager.query(
        `SELECT version, status FROM short_board WHERE id = $1 FOR UPDATE`,
        [id],
      )) as {
        version: number;
        status: ShortBoardStatus;
      }[];
      if (!current) throw new NotFoundError('short board');
      if (current.version !== version) throw new ConflictError();
      if (
        changes.status &&
        changes.status !== current.status &&
        !shortBoardCanMove(current.status, changes.status)
      ) {
        throw new ValidationFailedError([
          fieldError('status', {
            'zh-CN': `短板状态不能从“${current.status}”改为“${changes.status}”`,
            en: `A short board cannot move from ${current.status} to ${changes.status}`,
          }),
        ]);
      }
      await versionedUpdate(manager, 'short_board', id, changes);
      await this.audit.record(
        {
          action: 'short_board.update',
          subjectType: 'short_board',
          subjectId: id,
          before: board,
          after: changes,
        },
        manager,
      );
    });
    return this.getShortBoard(user, id);
  }

  async listProjects(user: AuthenticatedUser, chainId: string): Promise<ProjectDto[]> {
    const params: unknown[] = [chainId];
    const condition =
      user.role === 'enterprise_user'
        ? `p.owner_organisation_id = $${params.push(user.organisationId)}`
        : scopeCondition(await this.scope.visible(user), 'p.chain_id', params);
    return this.projects(`p.chain_id = $1 AND ${condition}`, params);
  }

  async getProject(user: AuthenticatedUser, id: string): Promise<ProjectDto> {
    const [project] = await this.projects('p.id = $1', [id]);
    if (!project) throw new NotFoundError('project');
    const readable =
      user.role === 'enterprise_user'
        ? project.ownerOrganisationId === user.organisationId
        : includes(await this.scope.visible(user), project.chainId);
    if (!readable) throw new NotFoundError('project');
    return project;
  }

  async createProject(
    user: AuthenticatedUser,
    chainId: string,
    request: CreateProjectRequest,
  ): Promise<ProjectDto> {
    await this.scope.requireManaged(user, chainId);
    const id = await this.write(async (manager) => {
      const [{ id }] = (await manager.query(
        `INSERT INTO project (chain_id, name, type, region_code, owner_organisation_id, planned_investment, start_date, end_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          chainId,
          request.name,
          request.type,
          request.regionCode,
          request.ownerOrganisationId,
          request.plannedInvestment,
          request.startDate,
          request.endDate,
        ],
      )) as [{ id: string }];
      for (const [index, milestone] of (request.milestones ?? []).entries()) {
        await manager.query(
          `INSERT INTO project_milestone (project_id, name, planned_date, sort_order) VALUES ($1, $2, $3, $4)`,
          [id, milestone.name, milestone.plannedDate, index],
        );
      }
      await this.audit.record(
        { action: 'project.create', subjectType: 'project', subjectId: id, after: request },
        manager,
      );
      return id;
    });
    return this.getProject(user, id);
  }

  async updateProject(
    user: AuthenticatedUser,
    id: string,
    request: UpdateProjectRequest,
  ): Promise<ProjectDto> {
    const project = await this.getProject(user, id);
    if (!(await this.scope.canManage(user, project.chainId))) throw new NotFoundError('project');
    const { version, ...changes } = request;
    await this.write(async (manager) => {
      const [current] = (await manager.query(
        `SELECT version FROM project WHERE id = $1 FOR UPDATE`,
        [id],
      )) as { version: number }[];
      if (!current) throw new NotFoundError('project');
      if (current.version !== version) throw new ConflictError();
      await versionedUpdate(manager, 'project', id, changes);
      await this.audit.record(
        {
          action: 'project.update',
          subjectType: 'project',
          subjectId: id,
          before: project,
          after: changes,
        },
        manager,
      );
    });
    return this.getProject(user, id);
  }

  /** Records when a milestone was actually reached (or clears it with null). */
  async setMilestone(
    user: AuthenticatedUser,
    projectId: string,
    milestoneId: string,
    actualDate: string | null,
  ): Promise<ProjectDto> {
    const project = await this.getProject(user, projectId);
    if (!(await this.scope.canManage(user, project.chainId))) throw new NotFoundError('project');
    await this.write(async (manager) => {
      const [, updated] = (await manager.query(
        `UPDATE project_milestone SET actual_date = $3 WHERE id = $2 AND project_id = $1`,
        [projectId, milestoneId, actualDate],
      )) as [unknown, number];
      if (!updated) throw new NotFoundError('milestone');
      await this.audit.record(
        {
          action: 'project.milestone',
          subjectType: 'project',
          subjectId: projectId,
          after: { milestoneId, actualDate },
        },
        manager,
      );
    });
    return this.getProject(user, projectId);
  }

  private async mayReadShortBoard(user: AuthenticatedUser, board: ShortBoardDto): Promise<boolean> {
    if (user.role === 'enterprise_user')
      return board.owners.some((o) => o.organisationId === user.organisationId);
    return includes(await this.scope.visible(user), board.chainId);
  }

  private async shortBoards(where: string, params: unknown[]): Promise<ShortBoardDto[]> {
    const [{ now }] = (await this.dataSource.query(`SELECT now() AS now`)) as [{ now: Date }];
    const rows = (await this.dataSource.query(
      `SELECT s.id, s.chain_id AS "chainId", s.node_id AS "nodeId", s.title, s.description, s.category, s.chokepoint,
              s.foreign_dependence AS "foreignDependence", s.status, s.progress,
              to_char(s.start_date, 'YYYY-MM-DD') AS "startDate", to_char(s.target_date, 'YYYY-MM-DD') AS "targetDate", s.version,
              coalesce((SELECT json_agg(json_build_object('organisationId', o.id, 'name', o.name) ORDER BY o.name)
                        FROM short_board_owner so JOIN organisation o ON o.id = so.organisation_id
                        WHERE so.short_board_id = s.id), '[]') AS owners
       FROM short_board s WHERE ${where} ORDER BY s.target_date, s.title`,
      params,
    )) as (Omit<ShortBoardDto, 'pace' | 'foreignDependence'> & {
      foreignDependence: string | null;
    })[];
    return rows.map((row) => ({
      ...row,
      foreignDependence: row.foreignDependence === null ? null : Number(row.foreignDependence),
      pace:
        row.status === 'resolved'
          ? { colour: 'green' as const, elapsed: 1, ratio: 1 }
          : paceOf(row.progress, day(row.startDate), day(row.targetDate), now),
    }));
  }

  private async projects(where: string, params: unknown[]): Promise<ProjectDto[]> {
    const [{ now }] = (await this.dataSource.query(`SELECT now() AS now`)) as [{ now: Date }];
    const rows = (await this.dataSource.query(
      `SELECT p.id, p.chain_id AS "chainId", p.name, p.type, p.region_code AS "regionCode",
              p.owner_organisation_id AS "ownerOrganisationId", p.planned_investment AS "plannedInvestment",
              p.completed_investment AS "completedInvestment", p.stage,
              to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", to_char(p.end_date, 'YYYY-MM-DD') AS "endDate", p.version,
              coalesce((SELECT json_agg(json_build_object('id', m.id, 'name', m.name,
                          'plannedDate', to_char(m.planned_date, 'YYYY-MM-DD'), 'actualDate', to_char(m.actual_date, 'YYYY-MM-DD'))
                        ORDER BY m.sort_order) FROM project_milestone m WHERE m.project_id = p.id), '[]') AS milestones
       FROM project p WHERE ${where} ORDER BY p.start_date, p.name`,
      params,
    )) as (Omit<ProjectDto, 'pace' | 'plannedInvestment' | 'completedInvestment'> & {
      plannedInvestment: string;
      completedInvestment: string;
    })[];
    return rows.map((row) => {
      const planned = Number(row.plannedInvestment);
      const completed = Number(row.completedInvestment);
      return {
        ...row,
        plannedInvestment: planned,
        completedInvestment: completed,
        pace: projectPace(planned, completed, day(row.startDate), day(row.endDate), now),
      };
    });
  }

  private async requireOfChain(
    manager: EntityManager,
    table: 'chain_node',
    id: string,
    chainId: string,
    path: string,
  ): Promise<void> {
    if (
      (await manager.query(`SELECT 1 FROM ${table} WHERE id = $1 AND chain_id = $2`, [id, chainId]))
        .length === 0
    ) {
      throw new ValidationFailedError([
        fieldError(path, { 'zh-CN': '本产业链没有这个环节', en: 'This chain has no such node' }),
      ]);
    }
  }

  /** A transaction whose constraint violations come back as field errors. */
  private write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work, (constraint) => {
      if (constraint.endsWith('_organisation')) {
        const path = constraint.startsWith('fk_project')
          ? 'ownerOrganisationId'
          : 'ownerOrganisationIds';
        return new ValidationFailedError([
          fieldError(path, { 'zh-CN': '没有这个单位', en: 'No such organisation' }),
        ]);
      }
      if (constraint === 'fk_project_region') {
        return new ValidationFailedError([
          fieldError('regionCode', {
            'zh-CN': '没有这个行政区划代码',
            en: 'No region has this code',
          }),
        ]);
      }
      if (constraint === 'ck_short_board_dates' || constraint === 'ck_project_dates') {
        return new ValidationFailedError([
          fieldError('targetDate', {
            'zh-CN': '结束日期不能早于开始日期',
            en: 'The end date cannot be before the start date',
          }),
        ]);
      }
      return undefined;
    });
  }
}
