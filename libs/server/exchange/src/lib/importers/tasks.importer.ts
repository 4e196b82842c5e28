import { Injectable } from '@nestjs/common';
import { createTaskSchema, type CreateTaskRequest } from '@lianzhang/contracts';
import {
  planTaskSteps,
  stepPayload,
  TASK_PRIORITY_ALIASES,
  TASK_PRIORITY_LABELS,
  type EscalationPolicy,
  type PlannedStep,
} from '@lianzhang/domain';
import { CalendarService } from '@lianzhang/server/calendar';
import { SchedulerService, type EventDraft } from '@lianzhang/server/scheduler';
import { EscalationPoliciesService } from '@lianzhang/server/tasks';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { FirstSeen, type ImportContext } from '../import-context';
import { IMPORT_MESSAGES } from '../import-errors';
import type { RowReader } from '../row-reader';
import {
  chainOf,
  chainsOf,
  creditCodesIn,
  SOME_ID,
  textOf,
  type Importer,
  type PreparedImport,
} from './importer';

const FIELDS = {
  chainId: 'chainCode',
  title: 'title',
  description: 'description',
  assigneeOrganisationId: 'assigneeCreditCode',
  shortBoardId: 'shortBoardTitle',
  projectId: 'projectTitle',
  priority: 'priority',
  dueDate: 'dueDate',
  reportEveryWorkdays: 'reportEveryWorkdays',
  assign: 'assign',
};
/** The scheduled-event kind of a task's steps, as `TaskEscalationService` plans and fires them. */
const TASK_STEP_KIND = 'task.step';
/** Rows per statement when writing scheduled steps. */
const STEP_BATCH = 20_000;

interface Task {
  readonly reader: RowReader;
  readonly id: string;
  readonly request: CreateTaskRequest;
}

/**
 * 任务: each row a `createTaskSchema` request, checked as `TasksService.createWithin`
 * checks it (due date not before today, linked short board or project of the same chain),
 * plus an open task of the same title on the chain is a duplicate. Written set-based with
 * every effect `createWithin` has, so 10,000 rows take seconds, not minutes: the task
 * rows, their `create` (and `assign`) history events, and for assigned tasks the 签收
 * day, the chain's escalation policy frozen on the task and its scheduled steps with
 * their wake-up calls after commit. The import's audit entry lists the tasks.
 */
@Injectable()
export class TasksImporter implements Importer {
  readonly kind = 'tasks' as const;

  constructor(
    private readonly policies: EscalationPoliciesService,
    private readonly calendars: CalendarService,
    private readonly scheduler: SchedulerService,
  ) {}

  async prepare(rows: readonly RowReader[], context: ImportContext): Promise<PreparedImport> {
    const chains = await chainsOf(rows, context);
    const chainIds = [...new Set(chains.values())];
    const organisations = await context.organisationsByCreditCode(
      creditCodesIn(rows, 'assigneeCreditCode'),
    );
    const titles = (key: string) => [
      ...new Set(
        rows.flatMap((r) => (r.source.cells.has(key) ? [r.source.cells.get(key) ?? ''] : [])),
      ),
    ];
    const boards = await keyed(
      context.manager,
      `SELECT id, chain_id || ':' || title AS key FROM short_board WHERE chain_id = ANY($1::uuid[]) AND title = ANY($2::text[])`,
      [chainIds, titles('shortBoardTitle')],
    );
    const projects = await keyed(
      context.manager,
      `SELECT id, chain_id || ':' || name AS key FROM project WHERE chain_id = ANY($1::uuid[]) AND name = ANY($2::text[])`,
      [chainIds, titles('projectTitle')],
    );

    const tasks: Task[] = [];
    for (const reader of rows) {
      const chainId = chainOf(reader, chains);
      const assigneeCode = reader.creditCode('assigneeCreditCode');
      const assignee = assigneeCode === undefined ? undefined : organisations.get(assigneeCode);
      if (assigneeCode !== undefined && !assignee)
        reader.fail('assigneeCreditCode', IMPORT_MESSAGES.unknownCreditCode(assigneeCode));
      const link = (
        key: string,
        found: ReadonlyMap<string, string>,
        unknown: typeof IMPORT_MESSAGES.unknownNode,
      ) => {
        const title = textOf(reader, key);
        if (title === undefined) return null;
        if (!chainId) return SOME_ID;
        return found.get(`${chainId}:${title}`) ?? reader.fail(key, unknown) ?? SOME_ID;
      };
      const request = reader.check(
        createTaskSchema,
        {
          chainId: chainId ?? SOME_ID,
          title: textOf(reader, 'title'),
          description: reader.text('description'),
          assigneeOrganisationId:
            assignee?.id ?? (assigneeCode === undefined ? undefined : SOME_ID),
          shortBoardId: link('shortBoardTitle', boards, IMPORT_MESSAGES.unknownShortBoard),
          projectId: link('projectTitle', projects, IMPORT_MESSAGES.unknownProject),
          priority: reader.choice('priority', TASK_PRIORITY_LABELS, TASK_PRIORITY_ALIASES),
          dueDate: reader.date('dueDate'),
          reportEveryWorkdays: reader.integer('reportEveryWorkdays'),
          assign: reader.yesNo('assign'),
        },
        FIELDS,
      );
      if (request && request.dueDate < context.today)
        reader.fail('dueDate', IMPORT_MESSAGES.pastDue);
      const failed = [
        'chainCode',
        'assigneeCreditCode',
        'shortBoardTitle',
        'projectTitle',
        'dueDate',
      ];
      if (request && !failed.some((key) => reader.failed(key))) {
        tasks.push({ reader, id: randomUUID(), request });
      }
    }

    const open = await keyed(
      context.manager,
      `SELECT min(id::text) AS id, chain_id || ':' || title AS key FROM task
       WHERE chain_id = ANY($1::uuid[]) AND title = ANY($2::text[]) AND status NOT IN ('done', 'cancelled')
       GROUP BY chain_id, title`,
      [chainIds, [...new Set(tasks.map((t) => t.request.title))]],
    );
    const seen = new FirstSeen();
    for (const task of tasks) {
      const key = `${task.request.chainId}:${task.request.title}`;
      const first = seen.claim(key, task.reader.row);
      if (first !== undefined) task.reader.fail('title', IMPORT_MESSAGES.duplicateInFile(first));
      else if (open.has(key)) task.reader.fail('title', IMPORT_MESSAGES.taskTaken);
    }

    return { write: (manager) => this.write(manager, context, tasks) };
  }

  private async write(
    manager: EntityManager,
    context: ImportContext,
    tasks: readonly Task[],
  ): Promise<string[]> {
    const userId = context.user.id;
    const assigned = tasks.filter((t) => t.request.assign);
    const policies = new Map<string, EscalationPolicy>();
    for (const chainId of new Set(assigned.map((t) => t.request.chainId))) {
      policies.set(chainId, (await this.policies.effective(chainId, manager)).policy);
    }
    await manager.query(
      `INSERT INTO task (id, chain_id, short_board_id, project_id, title, description, assigner_user_id,
                         assignee_organisation_id, status, priority, due_date, report_every_workdays,
                         assigned_on, escalation_policy)
       SELECT t.id, t.chain_id, t.short_board_id, t.project_id, t.title, t.description, $13::uuid,
              t.assignee, t.status, t.priority, t.due_date, t.report_every,
              CASE WHEN t.status = 'assigned' THEN $14::date END,
              CASE WHEN t.status = 'assigned' THEN p.policy END
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::uuid[], $8::text[],
                   $9::text[], $10::date[], $11::int[])
            AS t(id, chain_id, short_board_id, project_id, title, description, assignee, status, priority, due_date, report_every)
       LEFT JOIN unnest($12::uuid[], $15::jsonb[]) AS p(chain_id, policy) ON p.chain_id = t.chain_id`,
      [
        tasks.map((t) => t.id),
        tasks.map((t) => t.request.chainId),
        tasks.map((t) => t.request.shortBoardId ?? null),
        tasks.map((t) => t.request.projectId ?? null),
        tasks.map((t) => t.request.title),
        tasks.map((t) => t.request.description ?? ''),
        tasks.map((t) => t.request.assigneeOrganisationId),
        tasks.map((t) => (t.request.assign ? 'assigned' : 'draft')),
        tasks.map((t) => t.request.priority ?? 'normal'),
        tasks.map((t) => t.request.dueDate),
        tasks.map((t) => t.request.reportEveryWorkdays ?? null),
        [...policies.keys()],
        userId,
        context.today,
        [...policies.values()].map((p) => JSON.stringify(p)),
      ],
    );
    // The history `createWithin` writes: created as a draft, then (if so) assigned.
    await manager.query(
      `INSERT INTO task_event (task_id, actor_user_id, action, from_status, to_status)
       SELECT id, $2::uuid, 'create', NULL, 'draft' FROM unnest($1::uuid[]) AS id`,
      [tasks.map((t) => t.id), userId],
    );
    await manager.query(
      `INSERT INTO task_event (task_id, actor_user_id, action, from_status, to_status)
       SELECT id, $2::uuid, 'assign', 'draft', 'assigned' FROM unnest($1::uuid[]) AS id`,
      [assigned.map((t) => t.id), userId],
    );
    // The steps `planTask` would plan for each assigned task, in a few statements. Tasks of
    // one chain with the same due date and cadence have the same steps: planned once.
    const calendar = await this.calendars.calendar(manager);
    const now = new Date();
    const plans = new Map<string, PlannedStep[]>();
    const planOf = (task: Task): PlannedStep[] => {
      const { chainId, dueDate, reportEveryWorkdays = null } = task.request;
      const key = `${chainId}|${dueDate}|${reportEveryWorkdays}`;
      let steps = plans.get(key);
      if (!steps) {
        steps = planTaskSteps(
          policies.get(chainId) as EscalationPolicy,
          {
            status: 'assigned',
            assignedOn: context.today,
            dueDate,
            lastReportOn: null,
            reportEveryWorkdays,
          },
          calendar,
          now,
        );
        plans.set(key, steps);
      }
      return steps;
    };
    const drafts: EventDraft[] = assigned.flatMap((task) =>
      planOf(task).map((step) => ({
        subjectType: 'task',
        subjectId: task.id,
        kind: TASK_STEP_KIND,
        step: step.key,
        fireAt: step.fireAt,
        payload: { ...stepPayload(step) },
      })),
    );
    for (let at = 0; at < drafts.length; at += STEP_BATCH) {
      await this.scheduler.schedule(manager, drafts.slice(at, at + STEP_BATCH));
    }
    return tasks.map((t) => t.id);
  }
}

async function keyed(
  manager: EntityManager,
  sql: string,
  params: unknown[],
): Promise<Map<string, string>> {
  const rows = (await manager.query(sql, params)) as { id: string; key: string }[];
  return new Map(rows.map((r) => [r.key, r.id]));
}
