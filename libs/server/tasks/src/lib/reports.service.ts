import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CoordinationRequestDto,
  type CreateCoordinationRequest,
  type CreateReportRequest,
  type HandleCoordinationRequest,
  type Page,
  type ProgressReportDto,
  type ReportListQuery,
  type RequestListQuery,
  type ReviewReportRequest,
} from '@lianzhang/contracts';
import { ChainScopeService, scopeCondition } from '@lianzhang/server/chains';
import {
  AuditService,
  inTransaction,
  SqlFilter,
  ConflictError,
  DomainError,
  fieldError,
  NotFoundError,
  type AuthenticatedUser,
} from '@lianzhang/server/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReportSubject } from './task.entities';
import { TaskEscalationService } from './task-escalation.service';
import { TasksService } from './tasks.service';

const REPORT_COLUMNS = `
  r.id, r.subject_type AS "subjectType", r.subject_id AS "subjectId", r.chain_id AS "chainId",
  r.organisation_id AS "organisationId", o.name AS "organisationName", r.author_user_id AS "authorUserId",
  r.percent, r.narrative, r.problems, r.needs, r.status, r.review_reason AS "reviewReason",
  r.reviewed_at AS "reviewedAt", r.version, r.created_at AS "createdAt"`;

const REQUEST_COLUMNS = `
  q.id, q.chain_id AS "chainId", q.organisation_id AS "organisationId", o.name AS "organisationName",
  q.raised_by_user_id AS "raisedByUserId", q.category, q.title, q.body, q.status, q.department, q.answer,
  to_char(q.respond_by, 'YYYY-MM-DD') AS "respondBy", q.version, q.created_at AS "createdAt"`;

/** How many calendar days the chain office has to answer a request (workdays arrive with the calendar). */

const NOT_NOW = {
  'zh-CN': '当前状态下不能报送进展',
  en: 'No progress report is possible in this state',
};

/**
 * Progress reports on tasks, short boards and projects, reviewed by the chain office;
 * and coordination requests (诉求) raised by enterprises and handled by the chain side.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ChainScopeService,
    private readonly tasks: TasksService,
    private readonly audit: AuditService,
    private readonly escalation: TaskEscalationService,
  ) {}

  /**
   * Who may report: on a task its assignee or a co-handler while it is being worked on;
   * on a short board one of its owners; on a project its owner.
   */
  async report(
    user: AuthenticatedUser,
    subjectType: ReportSubject,
    subjectId: string,
    request: CreateReportRequest,
  ): Promise<ProgressReportDto> {
    const id = await inTransaction(this.dataSource, async (manager) => {
      const chainId = await this.requireReporter(user, subjectType, subjectId, manager);
      const [{ id }] = (await manager.query(
        `INSERT INTO progress_report (subject_type, subject_id, chain_id, organisation_id, author_user_id, percent, narrative, problems, needs)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          subjectType,
          subjectId,
          chainId,
          user.organisationId,
          user.id,
          request.percent,
          request.narrative,
          request.problems ?? '',
          request.needs ?? '',
        ],
      )) as [{ id: string }];
      if (subjectType === 'task')
        await this.tasks.event(manager, subjectId, user, 'report', null, null, null, {
          reportId: id,
          percent: request.percent,
        });
      await this.audit.record(
        {
          action: 'report.create',
          subjectType: 'progress_report',
          subjectId: id,
          after: { subjectType, subjectId, ...request },
        },
        manager,
      );
      return id;
    });
    return this.get(user, id);
  }

  async list(user: AuthenticatedUser, query: ReportListQuery): Promise<Page<ProgressReportDto>> {
    const params: unknown[] = [];
    const filter = new SqlFilter(params).raw(await this.reportVisibility(user, params));
    if (query.status) filter.add('r.status = ?', query.status);
    if (query.chainId) filter.add('r.chain_id = ?', query.chainId);
    if (query.subjectType) filter.add('r.subject_type = ?', query.subjectType);
    if (query.subjectId) filter.add('r.subject_id = ?', query.subjectId);
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM progress_report r WHERE ${filter.where}`,
      filter.params,
    )) as [{ total: number }];
    const page = filter.page(query);
    const rows = (await this.dataSource.query(
      `SELECT ${REPORT_COLUMNS} FROM progress_report r JOIN organisation o ON o.id = r.organisation_id WHERE ${filter.where}
       ORDER BY r.created_at ${query.sort === '-createdAt' ? 'DESC' : 'ASC'}, r.id ${page.sql}`,
      page.params,
    )) as RawReport[];
    return { items: rows.map(reportDto), total, page: query.page, pageSize: query.pageSize };
  }

  async get(
    user: AuthenticatedUser,
    reportId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProgressReportDto> {
    const params: unknown[] = [reportId];
    const visible = await this.reportVisibility(user, params, manager);
    const [row] = (await manager.query(
      `SELECT ${REPORT_COLUMNS} FROM progress_report r JOIN organisation o ON o.id = r.organisation_id WHERE r.id = $1 AND ${visible}`,
      params,
    )) as RawReport[];
    if (!row) throw new NotFoundError('report');
    return reportDto(row);
  }

  /** The chain office accepts a report (its percent becomes the subject's progress) or returns it with a reason. */
  async review(
    user: AuthenticatedUser,
    reportId: string,
    request: ReviewReportRequest,
  ): Promise<ProgressReportDto> {
    await inTransaction(this.dataSource, async (manager) => {
      await manager.query(`SELECT 1 FROM progress_report WHERE id = $1 FOR UPDATE`, [reportId]);
      const report = await this.get(user, reportId, manager);
      if (!(await this.scope.canManage(user, report.chainId, manager)))
        throw new DomainError('FORBIDDEN');
      if (report.version !== request.version) throw new ConflictError();
      if (report.status !== 'submitted') {
        throw new ConflictError([
          fieldError('decision', {
            'zh-CN': '该报告已审核',
            en: 'This report has been reviewed already',
          }),
        ]);
      }
      const status = request.decision === 'accept' ? 'accepted' : 'returned';
      await manager.query(
        `UPDATE progress_report SET status = $2, review_reason = $3, reviewed_by_user_id = $4, reviewed_at = now(), version = version + 1 WHERE id = $1`,
        [reportId, status, request.reason ?? null, user.id],
      );
      if (status === 'accepted') {
        const table = { task: 'task', short_board: 'short_board', project: null }[
          report.subjectType
        ];
        if (table)
          await manager.query(
            `UPDATE ${table} SET progress = $2, updated_at = now() WHERE id = $1`,
            [report.subjectId, report.percent],
          );
        if (report.subjectType === 'task') {
          // The reporting cadence counts again from today.
          await manager.query(
            `UPDATE task SET last_report_on = (now() AT TIME ZONE 'Asia/Shanghai')::date WHERE id = $1`,
            [report.subjectId],
          );
          await this.escalation.planTask(manager, report.subjectId);
        }
      }
      if (report.subjectType === 'task') {
        await this.tasks.event(
          manager,
          report.subjectId,
          user,
          'review',
          null,
          null,
          request.reason ?? null,
          { reportId, decision: request.decision },
        );
      }
      await this.audit.record(
        {
          action: `report.${request.decision}`,
          subjectType: 'progress_report',
          subjectId: reportId,
          before: { status: report.status },
          after: { status, reason: request.reason ?? null },
        },
        manager,
      );
    });
    return this.get(user, reportId);
  }

  async raise(
    user: AuthenticatedUser,
    request: CreateCoordinationRequest,
  ): Promise<CoordinationRequestDto> {
    const id = await inTransaction(this.dataSource, async (manager) => {
      const member = (await manager.query(
        `SELECT 1 FROM chain_member WHERE chain_id = $1 AND organisation_id = $2`,
        [request.chainId, user.organisationId],
      )) as unknown[];
      if (member.length === 0) throw new NotFoundError('chain');
      const [{ id }] = (await manager.query(
        `INSERT INTO coordination_request (chain_id, organisation_id, raised_by_user_id, category, title, body, respond_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          request.chainId,
          user.organisationId,
          user.id,
          request.category,
          request.title,
          request.body,
          await this.escalation.requestRespondBy(manager, request.chainId),
        ],
      )) as [{ id: string }];
      await this.escalation.planRequest(manager, id);
      await this.audit.record(
        {
          action: 'request.create',
          subjectType: 'coordination_request',
          subjectId: id,
          after: request,
        },
        manager,
      );
      return id;
    });
    return this.getRequest(user, id);
  }

  async listRequests(
    user: AuthenticatedUser,
    query: RequestListQuery,
  ): Promise<Page<CoordinationRequestDto>> {
    const params: unknown[] = [];
    const where = [await this.requestVisibility(user, params)];
    if (query.chainId) where.push(`q.chain_id = $${params.push(query.chainId)}`);
    if (query.status) where.push(`q.status = $${params.push(query.status)}`);
    const filter = where.join(' AND ');
    const order = { createdAt: 'q.created_at', respondBy: 'q.respond_by' }[
      query.sort.replace('-', '') as 'createdAt' | 'respondBy'
    ];
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM coordination_request q WHERE ${filter}`,
      params,
    )) as [{ total: number }];
    const rows = (await this.dataSource.query(
      `SELECT ${REQUEST_COLUMNS} FROM coordination_request q JOIN organisation o ON o.id = q.organisation_id WHERE ${filter}
       ORDER BY ${order} ${query.sort.startsWith('-') ? 'DESC' : 'ASC'}, q.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    )) as RawRequest[];
    return { items: rows.map(requestDto), total, page: query.page, pageSize: query.pageSize };
  }

  async getRequest(
    user: AuthenticatedUser,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CoordinationRequestDto> {
    const params: unknown[] = [id];
    const visible = await this.requestVisibility(user, params, manager);
    const [row] = (await manager.query(
      `SELECT ${REQUEST_COLUMNS} FROM coordination_request q JOIN organisation o ON o.id = q.organisation_id WHERE q.id = $1 AND ${visible}`,
      params,
    )) as RawRequest[];
    if (!row) throw new NotFoundError('request');
    return requestDto(row);
  }

  /** open → assigned (to a department) → answered → closed; the chain side handles. */
  async handle(
    user: AuthenticatedUser,
    id: string,
    request: HandleCoordinationRequest,
  ): Promise<CoordinationRequestDto> {
    await inTransaction(this.dataSource, async (manager) => {
      await manager.query(`SELECT 1 FROM coordination_request WHERE id = $1 FOR UPDATE`, [id]);
      const current = await this.getRequest(user, id, manager);
      if (!(await this.scope.canManage(user, current.chainId, manager)))
        throw new DomainError('FORBIDDEN');
      if (current.version !== request.version) throw new ConflictError();
      const allowed = {
        assign: ['open', 'assigned'],
        answer: ['open', 'assigned'],
        close: ['answered'],
      }[request.action];
      if (!allowed.includes(current.status)) {
        throw new ConflictError([
          fieldError('action', {
            'zh-CN': '当前状态下不能执行此操作',
            en: 'This step is not possible now',
          }),
        ]);
      }
      if (request.action === 'assign') {
        await manager.query(
          `UPDATE coordination_request SET status = 'assigned', department = $2, version = version + 1, updated_at = now() WHERE id = $1`,
          [id, request.department],
        );
      } else if (request.action === 'answer') {
        await manager.query(
          `UPDATE coordination_request SET status = 'answered', answer = $2, version = version + 1, updated_at = now() WHERE id = $1`,
          [id, request.answer],
        );
      } else {
        await manager.query(
          `UPDATE coordination_request SET status = 'closed', version = version + 1, updated_at = now() WHERE id = $1`,
          [id],
        );
      }
      await this.escalation.planRequest(manager, id);
      await this.audit.record(
        {
          action: `request.${request.action}`,
          subjectType: 'coordination_request',
          subjectId: id,
          before: { status: current.status },
          after: request,
        },
        manager,
      );
    });
    return this.getRequest(user, id);
  }

  private async requireReporter(
    user: AuthenticatedUser,
    subjectType: ReportSubject,
    subjectId: string,
    manager: EntityManager,
  ): Promise<string> {
    if (subjectType === 'task') {
      const task = await this.tasks.lockedFor(user, subjectId, manager);
      if (task.party !== 'assignee' && task.party !== 'co_handler')
        throw new DomainError('FORBIDDEN');
      if (!['accepted', 'in_progress', 'returned'].includes(task.status))
        throw new ConflictError([fieldError('(task)', NOT_NOW)]);
      return task.chainId;
    }
    const sql =
      subjectType === 'short_board'
        ? `SELECT s.chain_id, EXISTS (SELECT 1 FROM short_board_owner so WHERE so.short_board_id = s.id AND so.organisation_id = $2) AS mine
           FROM short_board s WHERE s.id = $1`
        : `SELECT p.chain_id, p.owner_organisation_id = $2 AS mine FROM project p WHERE p.id = $1`;
    const [row] = (await manager.query(sql, [subjectId, user.organisationId])) as {
      chain_id: string;
      mine: boolean;
    }[];
    if (!row || !row.mine) throw new NotFoundError(subjectType);
    return row.chain_id;
  }

  /** Enterprises see their own organisation's reports; the chain side those of its chains. */
  private async reportVisibility(
    user: AuthenticatedUser,
    params: unknown[],
    manager?: EntityManager,
  ): Promise<string> {
    if (user.role === 'enterprise_user')
      return `r.organisation_id = $${params.push(user.organisationId)}`;
    const scope =
      user.role === 'province_analyst'
        ? ({ all: true } as const)
        : await this.scope.managed(user, manager);
    return scopeCondition(scope, 'r.chain_id', params);
  }

  private async requestVisibility(
    user: AuthenticatedUser,
    params: unknown[],
    manager?: EntityManager,
  ): Promise<string> {
    if (user.role === 'enterprise_user')
      return `q.organisation_id = $${params.push(user.organisationId)}`;
    const scope =
      user.role === 'province_analyst'
        ? ({ all: true } as const)
        : await this.scope.managed(user, manager);
    return scopeCondition(scope, 'q.chain_id', params);
  }
}

type RawReport = Omit<ProgressReportDto, 'reviewedAt' | 'createdAt'> & {
  reviewedAt: Date | null;
  createdAt: Date;
};
type RawRequest = Omit<CoordinationRequestDto, 'createdAt'> & { createdAt: Date };

function reportDto(row: RawReport): ProgressReportDto {
  return {
    ...row,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

function requestDto(row: RawRequest): CoordinationRequestDto {
  return { ...row, createdAt: row.createdAt.toISOString() };
}
