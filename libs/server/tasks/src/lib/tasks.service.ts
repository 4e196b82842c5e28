import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  parseSort,
  type CreateTaskRequest,
  type Page,
  type TaskCommentDto,
  type SupervisionNoticeDto,
  type TaskDetailDto,
  type TaskScheduledStepDto,
  type TaskDto,
  type TaskEventDto,
  type TaskListQuery,
  type TaskTransitionRequest,
  type UpdateTaskRequest,
} from '@lianzhang/contracts';
import {
  allowedTaskActions,
  isTaskOpen,
  taskPartyOf,
  transitionTask,
  type TaskParty,
  type TaskStatus,
} from '@lianzhang/domain';
import { ChainScopeService, includes, type ChainScope } from '@lianzhang/server/chains';
import {
  AuditService,
  ConflictError,
  DomainError,
  fieldError,
  NotFoundError,
  ValidationFailedError,
  type AuthenticatedUser,
  versionedUpdate,
  SqlFilter,
  TODAY,
  inTransaction,
} from '@lianzhang/server/core';
import { DataSource, type EntityManager } from 'typeorm';
import { TaskEscalationService } from './task-escalation.service';

const SORT = {
  dueDate: 't.due_date',
  createdAt: 't.created_at',
  priority: `array_position(ARRAY['urgent','high','normal','low'], t.priority)`,
  title: 't.title',
} as const;
/** Today in Asia/Shanghai (the shared expression of @lianzhang/server/core), kept exported here. */
export { TODAY };
const OVERDUE = `(t.status NOT IN ('done', 'cancelled') AND t.due_date < ${TODAY})`;

const TASK_COLUMNS = `
  t.id, t.chain_id AS "chainId", c.name_zh AS "chainName", c.name_en AS "chainNameEn", t.title, t.description, t.status, t.priority,
  to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate", ${OVERDUE} AS overdue, t.progress,
  t.report_every_workdays AS "reportEveryWorkdays", t.short_board_id AS "shortBoardId", t.project_id AS "projectId",
  t.assigner_user_id AS "assignerUserId", t.version, t.created_at AS "createdAt",
  json_build_object('organisationId', a.id, 'name', a.name) AS assignee,
  coalesce((SELECT json_agg(json_build_object('organisationId', o.id, 'name', o.name) ORDER BY o.name)
            FROM task_co_handler h JOIN organisation o ON o.id = h.organisation_id WHERE h.task_id = t.id), '[]') AS "coHandlers",
  (SELECT n.level FROM supervision_notice n WHERE n.task_id = t.id
   ORDER BY n.level = 'red' DESC, n.issued_at DESC LIMIT 1) AS "noticeLevel"`;
const TASK_FROM = `FROM task t JOIN chain c ON c.id = t.chain_id JOIN organisation a ON a.id = t.assignee_organisation_id`;

type TaskRow = Omit<TaskDto, 'party' | 'allowedActions' | 'createdAt'> & { createdAt: Date };

const MESSAGES = {
  pastDue: { 'zh-CN': '截止日期不能早于今天', en: 'The due date cannot be before today' },
  notEnterprise: { 'zh-CN': '承办单位须为企业或单位', en: 'No such organisation' },
  notOfChain: { 'zh-CN': '不属于本产业链', en: 'Not part of this chain' },
  reason: { 'zh-CN': '请填写原因', en: 'Please give a reason' },
  closed: { 'zh-CN': '任务已办结或撤销，不能再修改', en: 'A done or cancelled task cannot change' },
  accepted: {
    'zh-CN': '任务已签收，不能更换承办单位；请撤销后重新交办',
    en: 'An accepted task keeps its assignee: cancel it and assign a new one',
  },
} as const;

/**
 * Tasks: assigned by the chain side to an organisation (主办) with co-handlers (协办),
 * moved through the workflow of `@lianzhang/domain` by whoever the step belongs to, with
 * a full history. Visibility and party come from the database, never from the request.
 */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ChainScopeService,
    private readonly audit: AuditService,
    private readonly escalation: TaskEscalationService,
  ) {}

  async list(user: AuthenticatedUser, query: TaskListQuery): Promise<Page<TaskDto>> {
    const params: unknown[] = [];
    const filter = new SqlFilter(params).raw(await this.visibility(user, params));
    if (query.chainId) filter.add('t.chain_id = ?', query.chainId);
    if (query.status) filter.add('t.status = ?', query.status);
    if (query.assigneeOrganisationId)
      filter.add('t.assignee_organisation_id = ?', query.assigneeOrganisationId);
    if (query.overdue) filter.raw(query.overdue === 'true' ? OVERDUE : `NOT ${OVERDUE}`);
    if (query.q) filter.add('t.title ILIKE ?', `%${query.q}%`);
    const sort = parseSort<keyof typeof SORT>(query.sort);
    // Every filter reads the task alone, so the count needs no join.
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM task t WHERE ${filter.where}`,
      filter.params,
    )) as [{ total: number }];
    const page = filter.page(query);
    const rows = (await this.dataSource.query(
      `SELECT ${TASK_COLUMNS} ${TASK_FROM} WHERE ${filter.where} ORDER BY ${SORT[sort.field]} ${sort.direction}, t.id ${page.sql}`,
      page.params,
    )) as TaskRow[];
    const managed = await this.scope.managed(user);
    return {
      items: rows.map((row) => this.withParty(user, row, managed)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async detail(user: AuthenticatedUser, taskId: string): Promise<TaskDetailDto> {
    const task = await this.get(user, taskId);
    const history = (await this.dataSource.query(
      `SELECT e.id::text, e.occurred_at AS "occurredAt", e.actor_user_id AS "actorUserId", u.display_name AS "actorName",
              e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.reason
       FROM task_event e LEFT JOIN app_user u ON u.id = e.actor_user_id WHERE e.task_id = $1 ORDER BY e.id`,
      [taskId],
    )) as (Omit<TaskEventDto, 'occurredAt'> & { occurredAt: Date })[];
    const comments = (await this.dataSource.query(
      `SELECT m.id, m.author_user_id AS "authorUserId", u.display_name AS "authorName", m.body, m.created_at AS "createdAt"
       FROM task_comment m JOIN app_user u ON u.id = m.author_user_id WHERE m.task_id = $1 ORDER BY m.created_at, m.id`,
      [taskId],
    )) as (Omit<TaskCommentDto, 'createdAt'> & { createdAt: Date })[];
    const notices = (await this.dataSource.query(
      `SELECT id, number, level, step, overdue_workdays AS "overdueWorkdays", issued_at AS "issuedAt"
       FROM supervision_notice WHERE task_id = $1 ORDER BY issued_at, seq`,
      [taskId],
    )) as (Omit<SupervisionNoticeDto, 'issuedAt'> & { issuedAt: Date })[];
    const upcoming = (await this.dataSource.query(
      `SELECT step, fire_at AS "fireAt", payload->>'level' AS level FROM scheduled_event
       WHERE subject_type = 'task' AND subject_id = $1 AND status = 'pending' ORDER BY fire_at, step`,
      [taskId],
    )) as (Omit<TaskScheduledStepDto, 'fireAt'> & { fireAt: Date })[];
    return {
      ...task,
      history: history.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
      comments: comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
      notices: notices.map((n) => ({ ...n, issuedAt: n.issuedAt.toISOString() })),
      upcomingSteps: upcoming.map((u) => ({ ...u, fireAt: u.fireAt.toISOString() })),
    };
  }

  /** One task the user may see, with their party and allowed actions; 404 otherwise. */
  async get(
    user: AuthenticatedUser,
    taskId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TaskDto> {
    const params: unknown[] = [taskId];
    const visible = await this.visibility(user, params, manager);
    const [row] = (await manager.query(
      `SELECT ${TASK_COLUMNS} ${TASK_FROM} WHERE t.id = $1 AND ${visible}`,
      params,
    )) as TaskRow[];
    if (!row) throw new NotFoundError('task');
    return this.withParty(user, row, await this.scope.managed(user, manager));
  }

  async create(user: AuthenticatedUser, request: CreateTaskRequest): Promise<TaskDto> {
    await this.scope.requireManaged(user, request.chainId);
    const id = await this.write((manager) => this.createWithin(manager, user, request));
    return this.get(user, id);
  }

  /**
   * Creates (and, with `assign`, assigns and plans) a task inside the caller's transaction,
   * so a feature that creates tasks as part of a larger change (an import, a challenge's
   * selection) commits all of it or none. The caller has checked the chain's scope.
   * Returns the new task's id; throws {@link ValidationFailedError} for a bad request.
   */
  async createWithin(
    manager: EntityManager,
    user: AuthenticatedUser,
    request: CreateTaskRequest,
  ): Promise<string> {
    const problems = [];
    const [{ past }] = (await manager.query(`SELECT $1::date < ${TODAY} AS past`, [
      request.dueDate,
    ])) as [{ past: boolean }];
    if (past) problems.push(fieldError('dueDate', MESSAGES.pastDue));
    for (const [path, table, value] of [
      ['shortBoardId', 'short_board', request.shortBoardId],
      ['projectId', 'project', request.projectId],
    ] as const) {
      if (
        value &&
        (
          await manager.query(`SELECT 1 FROM ${table} WHERE id = $1 AND chain_id = $2`, [
            value,
            request.chainId,
          ])
        ).length === 0
      ) {
        problems.push(fieldError(path, MESSAGES.notOfChain));
      }
    }
    if (problems.length) throw new ValidationFailedError(problems);
    const status: TaskStatus = request.assign ? 'assigned' : 'draft';
    const [{ id }] = (await manager.query(
      `INSERT INTO task (chain_id, short_board_id, project_id, title, description, assigner_user_id, assignee_organisation_id,
                         status, priority, due_date, report_every_workdays)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        request.chainId,
        request.shortBoardId ?? null,
        request.projectId ?? null,
        request.title,
        request.description ?? '',
        user.id,
        request.assigneeOrganisationId,
        status,
        request.priority ?? 'normal',
        request.dueDate,
        request.reportEveryWorkdays ?? null,
      ],
    )) as [{ id: string }];
    for (const organisationId of new Set(request.coHandlerOrganisationIds ?? [])) {
      if (organisationId === request.assigneeOrganisationId) continue;
      await manager.query(
        `INSERT INTO task_co_handler (task_id, organisation_id) VALUES ($1, $2)`,
        [id, organisationId],
      );
    }
    await this.event(manager, id, user, 'create', null, 'draft');
    if (status === 'assigned') {
      await this.event(manager, id, user, 'assign', 'draft', 'assigned');
      await this.escalation.recordAssignment(manager, id, request.chainId);
      await this.escalation.planTask(manager, id);
    }
    await this.audit.record(
      { action: 'task.create', subjectType: 'task', subjectId: id, after: request },
      manager,
    );
    return id;
  }

  async update(
    user: AuthenticatedUser,
    taskId: string,
    request: UpdateTaskRequest,
  ): Promise<TaskDto> {
    const { version, ...changes } = request;
    await this.write(async (manager) => {
      const before = await this.lockedFor(user, taskId, manager);
      if (before.party !== 'assigner') throw new DomainError('FORBIDDEN');
      if (before.version !== version) throw new ConflictError();
      if (!isTaskOpen(before.status))
        throw new ConflictError([fieldError('status', MESSAGES.closed)]);
      if (changes.dueDate) {
        const [{ past }] = (await manager.query(`SELECT $1::date < ${TODAY} AS past`, [
          changes.dueDate,
        ])) as [{ past: boolean }];
        if (past) throw new ValidationFailedError([fieldError('dueDate', MESSAGES.pastDue)]);
      }
      const reassigned =
        changes.assigneeOrganisationId !== undefined &&
        changes.assigneeOrganisationId !== before.assignee.organisationId;
      if (reassigned && before.status !== 'draft' && before.status !== 'assigned') {
        throw new ConflictError([fieldError('assigneeOrganisationId', MESSAGES.accepted)]);
      }
      await versionedUpdate(manager, 'task', taskId, changes);
      if (reassigned) {
        // The new 主办 is no longer also a 协办; its 签收 clock starts today.
        await manager.query(
          `DELETE FROM task_co_handler WHERE task_id = $1 AND organisation_id = $2`,
          [taskId, changes.assigneeOrganisationId],
        );
        if (before.status === 'assigned') {
          await this.escalation.recordAssignment(manager, taskId, before.chainId);
        }
      }
      // A new due date, cadence or assignee: pending steps no longer planned are superseded
      // (steps that stay resolve their recipients when they fire, so they reach the new 主办).
      await this.escalation.planTask(manager, taskId);
      await this.event(manager, taskId, user, 'update', null, null, null, changes);
      await this.audit.record(
        { action: 'task.update', subjectType: 'task', subjectId: taskId, before, after: changes },
        manager,
      );
    });
    return this.get(user, taskId);
  }

  /** One workflow step. Wrong party: 403; wrong status or stale version: 409; missing reason: 400. */
  async transition(
    user: AuthenticatedUser,
    taskId: string,
    request: TaskTransitionRequest,
  ): Promise<TaskDto> {
    await this.write(async (manager) => {
      const task = await this.lockedFor(user, taskId, manager);
      if (task.version !== request.version) throw new ConflictError();
      const result = transitionTask(task.status, request.action, task.party, request.reason);
      if (!result.ok) {
        if (result.refusal === 'not_your_step') throw new DomainError('FORBIDDEN');
        if (result.refusal === 'reason_required')
          throw new ValidationFailedError([fieldError('reason', MESSAGES.reason)]);
        throw new ConflictError([
          fieldError('action', {
            'zh-CN': `当前状态（${task.status}）下不能执行此操作`,
            en: `This step is not possible while the task is ${task.status}`,
          }),
        ]);
      }
      await manager.query(
        `UPDATE task SET status = $2, version = version + 1, updated_at = now(),
                closed_on = CASE WHEN $2 IN ('done', 'cancelled') THEN ${TODAY} END
         WHERE id = $1`,
        [taskId, result.to],
      );
      if (request.action === 'assign') {
        await this.escalation.recordAssignment(manager, taskId, task.chainId);
      }
      // Done and cancelled leave no step; accepting ends the 签收 step; and so on.
      await this.escalation.planTask(manager, taskId);
      await this.event(
        manager,
        taskId,
        user,
        request.action,
        task.status,
        result.to,
        request.reason ?? null,
      );
      await this.audit.record(
        {
          action: `task.${request.action}`,
          subjectType: 'task',
          subjectId: taskId,
          before: { status: task.status },
          after: { status: result.to, reason: request.reason ?? null },
        },
        manager,
      );
    });
    return this.afterStep(user, taskId);
  }

  /**
   * The task as it stands after a step the caller took. A decline hands it back to the
   * chain office as a draft, which an enterprise no longer sees: it gets what it did, with
   * nothing left for it to do, instead of a 404 for a step that succeeded.
   */
  private async afterStep(user: AuthenticatedUser, taskId: string): Promise<TaskDto> {
    try {
      return await this.get(user, taskId);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      const [row] = (await this.dataSource.query(
        `SELECT ${TASK_COLUMNS} ${TASK_FROM} WHERE t.id = $1`,
        [taskId],
      )) as TaskRow[];
      if (!row) throw error;
      return { ...this.withParty(user, row, { all: false, chainIds: [] }), allowedActions: [] };
    }
  }

  /** Any party to the task may comment; someone who may only look may not. */
  async comment(user: AuthenticatedUser, taskId: string, body: string): Promise<TaskCommentDto> {
    return this.write(async (manager) => {
      const task = await this.get(user, taskId, manager);
      if (task.party === 'observer') throw new DomainError('FORBIDDEN');
      const [row] = (await manager.query(
        `INSERT INTO task_comment (task_id, author_user_id, body) VALUES ($1, $2, $3) RETURNING id, created_at`,
        [taskId, user.id, body],
      )) as [{ id: string; created_at: Date }];
      await this.event(manager, taskId, user, 'comment', null, null);
      return {
        id: row.id,
        authorUserId: user.id,
        authorName: user.displayName,
        body,
        createdAt: row.created_at.toISOString(),
      };
    });
  }

  /** The task locked for change, with the caller's party; 404 when the caller cannot see it. */
  async lockedFor(
    user: AuthenticatedUser,
    taskId: string,
    manager: EntityManager,
  ): Promise<TaskDto> {
    await manager.query(`SELECT 1 FROM task WHERE id = $1 FOR UPDATE`, [taskId]);
    return this.get(user, taskId, manager);
  }

  async event(
    manager: EntityManager,
    taskId: string,
    user: AuthenticatedUser,
    action: string,
    fromStatus: TaskStatus | null,
    toStatus: TaskStatus | null,
    reason: string | null = null,
    data: unknown = null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO task_event (task_id, actor_user_id, action, from_status, to_status, reason, data) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        taskId,
        user.id,
        action,
        fromStatus,
        toStatus,
        reason,
        data === null ? null : JSON.stringify(data),
      ],
    );
  }

  /**
   * SQL limiting `t` to the tasks the user may see: the province all; the chain side the
   * chains it manages; an enterprise the tasks its organisation does or helps with.
   */
  private async visibility(
    user: AuthenticatedUser,
    params: unknown[],
    manager?: EntityManager,
  ): Promise<string> {
    if (user.role === 'enterprise_user') {
      params.push(user.organisationId);
      const org = `$${params.length}`;
      // A draft is still the chain office's: the enterprise sees it once it is assigned.
      // The co-handled tasks as an array of ids, not a correlated EXISTS: the two arms are
      // then index lookups (assignee, primary key) instead of a scan of every task.
      return `t.status <> 'draft' AND (t.assignee_organisation_id = ${org} OR t.id = ANY(ARRAY(SELECT h.task_id FROM task_co_handler h WHERE h.organisation_id = ${org})))`;
    }
    const scope: ChainScope =
      user.role === 'province_analyst' ? { all: true } : await this.scope.managed(user, manager);
    if (scope.all) return 'TRUE';
    params.push(scope.chainIds);
    return `t.chain_id = ANY($${params.length}::uuid[])`;
  }

  private withParty(user: AuthenticatedUser, row: TaskRow, managed: ChainScope): TaskDto {
    const party: TaskParty = taskPartyOf(user.role, {
      chainInScope: includes(managed, row.chainId),
      organisationIsAssignee: row.assignee.organisationId === user.organisationId,
      organisationIsCoHandler: row.coHandlers.some((h) => h.organisationId === user.organisationId),
    });
    return {
      ...row,
      createdAt: row.createdAt.toISOString(),
      party,
      allowedActions: allowedTaskActions(row.status, party),
    };
  }

  /** A transaction whose foreign-key violations come back as field errors. */
  private write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work, (constraint) => {
      const path = {
        fk_task_assignee_organisation: 'assigneeOrganisationId',
        fk_task_co_handler_organisation: 'coHandlerOrganisationIds',
      }[constraint];
      return path
        ? new ValidationFailedError([fieldError(path, MESSAGES.notEnterprise)])
        : undefined;
    });
  }
}
