import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  DEFAULT_ESCALATION_POLICY,
  deadlineWorkday,
  planRequestSteps,
  planTaskSteps,
  requestRespondBy,
  shanghaiDate,
  stepPayload,
  taskStepApplies,
  type EscalationAudience,
  type EscalationPolicy,
  type StepPayload,
  type PlannedStep,
  type TaskStatus,
} from '@lianzhang/domain';
import { CalendarService } from '@lianzhang/server/calendar';
import { NotificationsService } from '@lianzhang/server/notifications';
import { EventEffects, SchedulerService, type FiringEvent } from '@lianzhang/server/scheduler';
import type { EntityManager } from 'typeorm';
import { EscalationPoliciesService } from './escalation-policies.service';

/** What a step's event row carries besides its key and time. */
const TASK_KIND = 'task.step';
const REQUEST_KIND = 'request.step';

function leadership(kind: string): string {
  return `SELECT u.id FROM app_user u JOIN chain_leadership l ON l.user_id = u.id, p WHERE u.active AND l.chain_id = p.chain_id AND l.kind = '${kind}'`;
}

/** Users of each audience, for a task or request on a chain: active accounts only. */
const AUDIENCE_SQL: Readonly<Record<EscalationAudience, string>> = {
  assignee: `SELECT u.id FROM app_user u, p WHERE u.active AND u.organisation_id = p.organisation_id`,
  co_handlers: `SELECT u.id FROM app_user u JOIN task_co_handler h ON h.organisation_id = u.organisation_id, p WHERE u.active AND h.task_id = p.task_id`,
  chain_office: leadership('office'),
  chain_leader: leadership('leader'),
  chief_leader: leadership('chief'),
  province_office: `SELECT id FROM app_user WHERE active AND role IN ('province_admin', 'province_analyst')`,
};

/**
 * Reminders and escalations of tasks and coordination requests: plans their steps as
 * scheduled events in the transaction of each change, and is the effect that fires
 * them (inbox, deliveries, 督办单, task history) in the claiming transaction.
 */
@Injectable()
export class TaskEscalationService implements OnModuleInit {
  constructor(
    private readonly scheduler: SchedulerService,
    private readonly effects: EventEffects,
    private readonly calendars: CalendarService,
    private readonly notifications: NotificationsService,
    private readonly policies: EscalationPoliciesService,
  ) {}

  onModuleInit(): void {
    this.effects.register(TASK_KIND, {
      lockSubject: (manager, id) => this.lock(manager, 'task', id),
      apply: (manager, event) => this.fireTaskStep(manager, event),
    });
    this.effects.register(REQUEST_KIND, {
      lockSubject: (manager, id) => this.lock(manager, 'coordination_request', id),
      apply: (manager, event) => this.fireRequestStep(manager, event),
    });
  }

  private async policyFor(manager: EntityManager, chainId: string): Promise<EscalationPolicy> {
    return (await this.policies.effective(chainId, manager)).policy;
  }

  /**
   * Replans a task's steps from the task as it now stands (status, due date, cadence,
   * last report). Call it after every change, with the task locked.
   */
  async planTask(manager: EntityManager, taskId: string, now = new Date()): Promise<void> {
    const [task] = (await manager.query(
      `SELECT status, to_char(due_date, 'YYYY-MM-DD') AS "dueDate", to_char(assigned_on, 'YYYY-MM-DD') AS "assignedOn",
              to_char(last_report_on, 'YYYY-MM-DD') AS "lastReportOn", report_every_workdays AS "reportEveryWorkdays",
              escalation_policy AS policy
       FROM task WHERE id = $1`,
      [taskId],
    )) as {
      status: TaskStatus;
      dueDate: string;
      assignedOn: string | null;
      lastReportOn: string | null;
      reportEveryWorkdays: number | null;
      policy: EscalationPolicy | null;
    }[];
    if (!task) return;
    const calendar = await this.calendars.calendar(manager);
    const steps = planTaskSteps(task.policy ?? DEFAULT_ESCALATION_POLICY, task, calendar, now);
    await this.scheduler.replace(
      manager,
      { type: 'task', id: taskId, kinds: [TASK_KIND] },
      steps.map((s) => this.draft('task', taskId, TASK_KIND, s)),
    );
  }

  /** Records the assignment: today is the 签收 anchor and the chain's policy is frozen on the task. */
  async recordAssignment(manager: EntityManager, taskId: string, chainId: string): Promise<void> {
    await manager.query(
      `UPDATE task SET assigned_on = (now() AT TIME ZONE 'Asia/Shanghai')::date, escalation_policy = $2 WHERE id = $1`,
      [taskId, JSON.stringify(await this.policyFor(manager, chainId))],
    );
  }

  /** The response deadline of a request raised today on a chain, in workdays. */
  async requestRespondBy(
    manager: EntityManager,
    chainId: string,
    now = new Date(),
  ): Promise<string> {
    const calendar = await this.calendars.calendar(manager);
    return requestRespondBy(await this.policyFor(manager, chainId), calendar, shanghaiDate(now));
  }

  async planRequest(manager: EntityManager, requestId: string, now = new Date()): Promise<void> {
    const [request] = (await manager.query(
      `SELECT chain_id AS "chainId", status, to_char(respond_by, 'YYYY-MM-DD') AS "respondBy" FROM coordination_request WHERE id = $1`,
      [requestId],
    )) as { chainId: string; status: string; respondBy: string }[];
    if (!request) return;
    const open = request.status === 'open' || request.status === 'assigned';
    const policy = await this.policyFor(manager, request.chainId);
    const steps = open
      ? planRequestSteps(policy, request.respondBy, await this.calendars.calendar(manager), now)
      : [];
    await this.scheduler.replace(
      manager,
      { type: 'coordination_request', id: requestId, kinds: [REQUEST_KIND] },
      steps.map((s) => this.draft('coordination_request', requestId, REQUEST_KIND, s)),
    );
  }

  private draft(subjectType: string, subjectId: string, kind: string, step: PlannedStep) {
    return {
      subjectType,
      subjectId,
      kind,
      step: step.key,
      fireAt: step.fireAt,
      payload: { ...stepPayload(step) },
    };
  }

  private async lock(manager: EntityManager, table: string, id: string): Promise<boolean> {
    return (
      ((await manager.query(`SELECT 1 FROM ${table} WHERE id = $1 FOR SHARE`, [id])) as unknown[])
        .length > 0
    );
  }

  private async audienceUsers(
    manager: EntityManager,
    audience: readonly EscalationAudience[],
    chainId: string,
    organisationId: string | null,
    taskId: string | null,
  ): Promise<string[]> {
    const union = audience.map((a) => AUDIENCE_SQL[a]).join(' UNION ');
    if (!union) return [];
    const rows = (await manager.query(
      `WITH p AS (SELECT $1::uuid AS chain_id, $2::uuid AS organisation_id, $3::uuid AS task_id) ${union}`,
      [chainId, organisationId, taskId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  private async fireTaskStep(
    manager: EntityManager,
    event: FiringEvent,
  ): Promise<'fired' | 'skipped'> {
    const step = event.payload as unknown as StepPayload;
    const [task] = (await manager.query(
      `SELECT t.title, t.status, t.chain_id AS "chainId", c.name_zh AS "chainName", to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate",
              t.assignee_organisation_id AS "assigneeId", o.name AS "assigneeName"
       FROM task t JOIN chain c ON c.id = t.chain_id JOIN organisation o ON o.id = t.assignee_organisation_id WHERE t.id = $1`,
      [event.subjectId],
    )) as {
      title: string;
      status: TaskStatus;
      chainId: string;
      chainName: string;
      dueDate: string;
      assigneeId: string;
      assigneeName: string;
    }[];
    if (!task || !taskStepApplies(step.anchor, task.status)) return 'skipped';
    const calendar = await this.calendars.calendar(manager);
    const today = shanghaiDate(new Date());
    const overdue = Math.max(
      0,
      calendar.workdaysBetween(deadlineWorkday(calendar, task.dueDate), today),
    );
    let notice: string | null = null;
    if (step.level !== 'reminder') {
      notice = await this.issueNotice(manager, event, step.level, overdue);
    }
    const text = taskStepText(step, task, overdue, notice);
    const userIds = await this.audienceUsers(
      manager,
      step.audience,
      task.chainId,
      task.assigneeId,
      event.subjectId,
    );
    await this.notifications.notify(manager, {
      eventId: event.id,
      userIds,
      kind: TASK_KIND,
      level: step.level,
      title: text.title,
      body: text.body,
      link: `/tasks/${event.subjectId}`,
      subjectType: 'task',
      subjectId: event.subjectId,
      chainId: task.chainId,
      channels: step.channels,
      data: { step: event.step, dueDate: task.dueDate, overdueWorkdays: overdue, notice },
    });
    await manager.query(
      `INSERT INTO task_event (task_id, actor_user_id, action, data) VALUES ($1, NULL, $2, $3)`,
      [
        event.subjectId,
        step.level === 'reminder' ? 'remind' : 'escalate',
        JSON.stringify({ step: event.step, level: step.level, notice, recipients: userIds.length }),
      ],
    );
    return 'fired';
  }

  /** Numbers 督办单 per year without gaps from concurrent firings: a transaction lock per year. */
  private async issueNotice(
    manager: EntityManager,
    event: FiringEvent,
    level: 'yellow' | 'red',
    overdue: number,
  ): Promise<string> {
    const year = Number(shanghaiDate(new Date()).slice(0, 4));
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('supervision_notice'), $1)`, [year]);
    const [{ seq }] = (await manager.query(
      `SELECT coalesce(max(seq), 0) + 1 AS seq FROM supervision_notice WHERE year = $1`,
      [year],
    )) as [{ seq: number }];
    const number = `鲁链督〔${year}〕${seq}号`;
    await manager.query(
      `INSERT INTO supervision_notice (task_id, event_id, year, seq, number, level, step, overdue_workdays)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [event.subjectId, event.id, year, seq, number, level, event.step, overdue],
    );
    return number;
  }

  private async fireRequestStep(
    manager: EntityManager,
    event: FiringEvent,
  ): Promise<'fired' | 'skipped'> {
    const step = event.payload as unknown as StepPayload;
    const [request] = (await manager.query(
      `SELECT q.title, q.status, q.chain_id AS "chainId", to_char(q.respond_by, 'YYYY-MM-DD') AS "respondBy", o.name AS "organisationName"
       FROM coordination_request q JOIN organisation o ON o.id = q.organisation_id WHERE q.id = $1`,
      [event.subjectId],
    )) as {
      title: string;
      status: string;
      chainId: string;
      respondBy: string;
      organisationName: string;
    }[];
    if (!request || !(request.status === 'open' || request.status === 'assigned')) return 'skipped';
    const late = step.offsetWorkdays > 0;
    const userIds = await this.audienceUsers(manager, step.audience, request.chainId, null, null);
    await this.notifications.notify(manager, {
      eventId: event.id,
      userIds,
      kind: REQUEST_KIND,
      level: step.level,
      title: late
        ? {
            'zh-CN': `诉求「${request.title}」已超过答复期限`,
            en: `The request "${request.title}" is past its response deadline`,
          }
        : {
            'zh-CN': `诉求「${request.title}」须于 ${request.respondBy} 前答复`,
            en: `The request "${request.title}" must be answered by ${request.respondBy}`,
          },
      body: {
        'zh-CN': `提出单位：${request.organisationName}；答复期限：${request.respondBy}`,
        en: `Raised by ${request.organisationName}; answer by ${request.respondBy}`,
      },
      link: `/requests/${event.subjectId}`,
      subjectType: 'coordination_request',
      subjectId: event.subjectId,
      chainId: request.chainId,
      channels: step.channels,
      data: { step: event.step, respondBy: request.respondBy },
    });
    return 'fired';
  }
}

/** The bilingual title and body of a task step. */
export function taskStepText(
  step: Pick<StepPayload, 'anchor' | 'level' | 'offsetWorkdays'>,
  task: { title: string; chainName: string; assigneeName: string; dueDate: string },
  overdueWorkdays: number,
  notice: string | null,
): { title: { 'zh-CN': string; en: string }; body: { 'zh-CN': string; en: string } } {
  const t = task.title;
  let title: { 'zh-CN': string; en: string };
  if (step.anchor === 'assigned') {
    title = { 'zh-CN': `请签收任务「${t}」`, en: `Please accept the task "${t}"` };
  } else if (step.anchor === 'last_report') {
    title = { 'zh-CN': `请报送任务「${t}」的进展`, en: `A progress report is due on "${t}"` };
  } else if (step.offsetWorkdays < 0) {
    title = {
      'zh-CN': `任务「${t}」将于 ${task.dueDate} 到期`,
      en: `"${t}" is due on ${task.dueDate}`,
    };
  } else if (step.offsetWorkdays === 0) {
    title = { 'zh-CN': `任务「${t}」今日到期`, en: `"${t}" is due today` };
  } else if (step.level === 'reminder') {
    title = {
      'zh-CN': `催办：任务「${t}」已逾期 ${overdueWorkdays} 个工作日`,
      en: `Overdue by ${overdueWorkdays} workday(s): "${t}"`,
    };
  } else {
    const card =
      step.level === 'yellow'
        ? { zh: '黄牌督办', en: 'Yellow notice' }
        : { zh: '红牌督办', en: 'Red notice' };
    title = {
      'zh-CN': `${card.zh}（${notice}）：任务「${t}」已逾期 ${overdueWorkdays} 个工作日`,
      en: `${card.en} ${notice}: "${t}" is overdue by ${overdueWorkdays} workday(s)`,
    };
  }
  return {
    title,
    body: {
      'zh-CN': `${task.chainName} · 承办单位：${task.assigneeName} · 截止日期：${task.dueDate}`,
      en: `${task.chainName} · assigned to ${task.assigneeName} · due ${task.dueDate}`,
    },
  };
}
