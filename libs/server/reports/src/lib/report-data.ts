import {
  addDays,
  chainStatus,
  deadlineWorkday,
  DEFAULT_ESCALATION_POLICY,
  OFFICIAL_CALENDAR,
  paceOf,
  periodContaining,
  periodEnded,
  projectPace,
  shanghaiInstant,
  WorkdayCalendar,
  type CalendarOverride,
  type ChainColour,
  type EscalationAudience,
  type EscalationPolicy,
  type IsoDate,
  type PaceColour,
  type ProjectStage,
  type ProjectType,
  type ReportPeriod,
  type ReportPeriodKind,
  type ReportScope,
  type ShortBoardCategory,
  type ShortBoardStatus,
  type TaskStatus,
} from '@lianzhang/domain';
import type { EntityManager } from 'typeorm';

/** What a report is of: the province or one chain (with its sub-chains), and which period. */
export interface ReportSpec {
  readonly scope: ReportScope;
  /** The chain of a chain report; null for the province's. */
  readonly chainId: string | null;
  readonly kind: ReportPeriodKind;
  /** Any day of the period; the period containing it is meant. */
  readonly periodStart: IsoDate;
}

export interface ReportChain {
  readonly id: string;
  readonly code: string;
  readonly nameZh: string;
  /** A group such as 新一代信息技术 is counted through its chains, not as one more. */
  readonly hasChildren: boolean;
}

/** One line of the 任务台账, as things stood at the end of the period (or now, for a running one). */
export interface LedgerTask {
  readonly id: string;
  readonly chainId: string;
  readonly title: string;
  readonly assignee: string;
  readonly assigner: string;
  readonly assignedOn: IsoDate;
  readonly dueDate: IsoDate;
  readonly status: TaskStatus;
  readonly createdInPeriod: boolean;
  readonly doneInPeriod: boolean;
  readonly overdue: boolean;
  readonly overdueWorkdays: number;
  readonly progress: number;
  readonly lastReportOn: IsoDate | null;
}

export interface ReportShortBoard {
  readonly chainId: string;
  readonly title: string;
  readonly category: ShortBoardCategory;
  readonly chokepoint: boolean;
  readonly foreignDependence: number | null;
  readonly owners: string;
  readonly status: ShortBoardStatus;
  readonly progress: number;
  readonly startDate: IsoDate;
  readonly targetDate: IsoDate;
  /** Null for a resolved or shelved board: nothing to be behind on. */
  readonly pace: PaceColour | null;
}

export interface ReportProject {
  readonly chainId: string;
  readonly name: string;
  readonly type: ProjectType;
  readonly city: string;
  readonly owner: string;
  /** 万元. */
  readonly planned: number;
  readonly completed: number;
  readonly stage: ProjectStage;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  /** Null once in production. */
  readonly pace: PaceColour | null;
}

export interface ReportNotice {
  readonly number: string;
  readonly level: 'yellow' | 'red';
  readonly chainId: string;
  readonly taskTitle: string;
  readonly assignee: string;
  readonly issuedAt: Date;
  readonly overdueWorkdays: number;
  /** Who the step that issued it addressed (主送). */
  readonly audience: readonly EscalationAudience[];
  /** The task's status now. */
  readonly taskStatus: TaskStatus;
}

export interface ChainSummary {
  readonly chain: ReportChain;
  readonly colour: ChainColour;
  readonly tasks: number;
  readonly created: number;
  readonly done: number;
  readonly open: number;
  readonly overdue: number;
  readonly yellowIssued: number;
  readonly redIssued: number;
  readonly reports: number;
  readonly shortBoardsOpen: number;
  readonly projects: number;
  readonly planned: number;
  readonly completed: number;
}

/** Everything a report shows, read in one snapshot. */
export interface ReportData {
  readonly spec: ReportSpec;
  readonly period: ReportPeriod;
  /** 山东省 for the province; the chain's name for a chain report. */
  readonly subjectNameZh: string;
  /** The chain of a chain report, for its ASCII file name. */
  readonly chainCode: string | null;
  /** The database's clock when the snapshot was taken. */
  readonly generatedAt: Date;
  /** The day the figures are as of: the period's last day, or today for a running period. */
  readonly asOf: IsoDate;
  readonly ended: boolean;
  readonly chains: readonly ReportChain[];
  readonly tasks: readonly LedgerTask[];
  readonly shortBoards: readonly ReportShortBoard[];
  readonly projects: readonly ReportProject[];
  readonly notices: readonly ReportNotice[];
  readonly perChain: readonly ChainSummary[];
  /** Progress reports submitted in the period. */
  readonly reportsSubmitted: number;
}

const OPEN_AT_END = (status: TaskStatus) => status !== 'done' && status !== 'cancelled';

const day = (text: IsoDate) => shanghaiInstant(text);

/**
 * Reads a report's figures inside the caller's transaction, which should be a
 * repeatable-read snapshot so that every sheet is of the same moment. Tasks are taken
 * as they stood at the end of the period, rebuilt from their history (status, accepted
 * progress, last report); short boards and projects have no history and are shown as
 * they are now, which the workbook says.
 */
export async function loadReportData(
  manager: EntityManager,
  spec: ReportSpec,
): Promise<ReportData> {
  const period = periodContaining(spec.kind, spec.periodStart);
  const [clock] = (await manager.query(
    `SELECT now() AS now, to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS today`,
  )) as [{ now: Date; today: IsoDate }];
  const ended = periodEnded(period, clock.today);
  const asOf = ended ? period.end : clock.today;
  const from = day(period.start).toISOString();
  const to = day(addDays(period.end, 1)).toISOString();
  // The instant the paces are judged at: the end of the period, or now.
  const paceAt = ended ? day(addDays(period.end, 1)) : clock.now;

  const chains = await coveredChains(manager, spec);
  const ids = chains.map((c) => c.id);
  const subject =
    spec.scope === 'province'
      ? await provinceName(manager)
      : (chains.find((c) => c.id === spec.chainId)?.nameZh ?? '');
  const chainCode =
    spec.scope === 'chain' ? (chains.find((c) => c.id === spec.chainId)?.code ?? null) : null;
  const calendar = await readCalendar(manager);

  const taskRows = (await manager.query(
    `SELECT t.id, t.chain_id AS "chainId", t.title, o.name AS assignee, u.display_name AS assigner,
            to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate",
            to_char(coalesce(
              (SELECT min(e.occurred_at) FROM task_event e WHERE e.task_id = t.id AND e.to_status = 'assigned') AT TIME ZONE 'Asia/Shanghai',
              t.assigned_on::timestamp,
              t.created_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS "assignedOn",
            t.created_at >= $2::timestamptz AS "createdInPeriod",
            s.status,
            EXISTS (SELECT 1 FROM task_event e WHERE e.task_id = t.id AND e.to_status = 'done'
                    AND e.occurred_at >= $2::timestamptz AND e.occurred_at < $3::timestamptz) AS "doneInPeriod",
            p.percent AS "acceptedPercent",
            to_char(r.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "lastReportOn"
     FROM task t
     JOIN organisation o ON o.id = t.assignee_organisation_id
     JOIN app_user u ON u.id = t.assigner_user_id
     CROSS JOIN LATERAL (
       SELECT coalesce(
         (SELECT e.to_status FROM task_event e
          WHERE e.task_id = t.id AND e.to_status IS NOT NULL AND e.occurred_at < $3::timestamptz
          ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1),
         t.status) AS status) s
     LEFT JOIN LATERAL (
       SELECT min(e.occurred_at) AS at FROM task_event e
       WHERE e.task_id = t.id AND e.to_status IN ('done', 'cancelled')) c ON true
     LEFT JOIN LATERAL (
       SELECT r.percent FROM progress_report r
       WHERE r.subject_type = 'task' AND r.subject_id = t.id AND r.status = 'accepted'
         AND coalesce(r.reviewed_at, r.created_at) < $3::timestamptz
       ORDER BY coalesce(r.reviewed_at, r.created_at) DESC, r.id LIMIT 1) p ON true
     LEFT JOIN LATERAL (
       SELECT max(r.created_at) AS at FROM progress_report r
       WHERE r.subject_type = 'task' AND r.subject_id = t.id AND r.created_at < $3::timestamptz) r ON true
     WHERE t.chain_id = ANY($1::uuid[]) AND t.created_at < $3::timestamptz
       -- closed_on first: a task closed before the period is skipped before its history is read.
       AND (t.closed_on IS NULL OR t.closed_on >= ($2::timestamptz AT TIME ZONE 'Asia/Shanghai')::date)
       AND (c.at IS NULL OR c.at >= $2::timestamptz) AND s.status <> 'draft'`,
    [ids, from, to],
  )) as {
    id: string;
    chainId: string;
    title: string;
    assignee: string;
    assigner: string;
    dueDate: IsoDate;
    assignedOn: IsoDate;
    createdInPeriod: boolean;
    status: TaskStatus;
    doneInPeriod: boolean;
    acceptedPercent: number | null;
    lastReportOn: IsoDate | null;
  }[];
  const order = new Map(chains.map((c, index) => [c.id, index]));
  const tasks: LedgerTask[] = taskRows
    .map((row) => {
      const open = OPEN_AT_END(row.status);
      const overdue = open && row.dueDate < asOf;
      return {
        id: row.id,
        chainId: row.chainId,
        title: row.title,
        assignee: row.assignee,
        assigner: row.assigner,
        assignedOn: row.assignedOn,
        dueDate: row.dueDate,
        status: row.status,
        createdInPeriod: row.createdInPeriod,
        doneInPeriod: row.doneInPeriod,
        overdue,
        overdueWorkdays: overdue
          ? Math.max(0, calendar.workdaysBetween(deadlineWorkday(calendar, row.dueDate), asOf))
          : 0,
        progress: row.status === 'done' ? 100 : (row.acceptedPercent ?? 0),
        lastReportOn: row.lastReportOn,
      };
    })
    .sort(
      (a, b) =>
        (order.get(a.chainId) ?? 0) - (order.get(b.chainId) ?? 0) ||
        a.dueDate.localeCompare(b.dueDate) ||
        a.title.localeCompare(b.title, 'zh-CN') ||
        a.id.localeCompare(b.id),
    );

  const boardRows = (await manager.query(
    `SELECT b.chain_id AS "chainId", b.title, b.category, b.chokepoint, b.foreign_dependence AS "foreignDependence",
            b.status, b.progress, to_char(b.start_date, 'YYYY-MM-DD') AS "startDate",
            to_char(b.target_date, 'YYYY-MM-DD') AS "targetDate",
            coalesce((SELECT string_agg(o.name, '、' ORDER BY o.name COLLATE "C") FROM short_board_owner w
                      JOIN organisation o ON o.id = w.organisation_id WHERE w.short_board_id = b.id), '') AS owners
     FROM short_board b WHERE b.chain_id = ANY($1::uuid[])`,
    [ids],
  )) as (Omit<ReportShortBoard, 'pace' | 'foreignDependence'> & {
    foreignDependence: string | null;
  })[];
  const shortBoards: ReportShortBoard[] = boardRows
    .map((b) => ({
      ...b,
      foreignDependence: b.foreignDependence === null ? null : Number(b.foreignDependence),
      pace:
        b.status === 'resolved' || b.status === 'shelved'
          ? null
          : paceOf(b.progress, day(b.startDate), day(b.targetDate), paceAt).colour,
    }))
    .sort(
      (a, b) =>
        (order.get(a.chainId) ?? 0) - (order.get(b.chainId) ?? 0) ||
        a.targetDate.localeCompare(b.targetDate) ||
        a.title.localeCompare(b.title, 'zh-CN'),
    );

  const projectRows = (await manager.query(
    `SELECT p.chain_id AS "chainId", p.name, p.type, coalesce(g.name_zh, p.region_code) AS city, o.name AS owner,
            p.planned_investment AS planned, p.completed_investment AS completed, p.stage,
            to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", to_char(p.end_date, 'YYYY-MM-DD') AS "endDate"
     FROM project p
     JOIN organisation o ON o.id = p.owner_organisation_id
     LEFT JOIN region g ON g.code = p.region_code
     WHERE p.chain_id = ANY($1::uuid[])`,
    [ids],
  )) as (Omit<ReportProject, 'planned' | 'completed' | 'pace'> & {
    planned: string;
    completed: string;
  })[];
  const projects: ReportProject[] = projectRows
    .map((p) => {
      const planned = Number(p.planned);
      const completed = Number(p.completed);
      return {
        ...p,
        planned,
        completed,
        pace:
          p.stage === 'in_production'
            ? null
            : projectPace(planned, completed, day(p.startDate), day(p.endDate), paceAt).colour,
      };
    })
    .sort(
      (a, b) =>
        (order.get(a.chainId) ?? 0) - (order.get(b.chainId) ?? 0) ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );

  const noticeRows = (await manager.query(
    `SELECT n.task_id AS "taskId", n.number, n.level, n.step, n.overdue_workdays AS "overdueWorkdays",
            n.issued_at AS "issuedAt", n.issued_at >= $2::timestamptz AS "inPeriod",
            t.chain_id AS "chainId", t.title AS "taskTitle", t.status AS "taskStatus",
            -- Only a notice of the period is listed with its audience: the step's entry of
            -- the task's frozen ladder, not the whole ladder of every notice ever issued.
            CASE WHEN n.issued_at >= $2::timestamptz THEN
              (SELECT s.value FROM jsonb_array_elements(t.escalation_policy->'steps') AS s
               WHERE s.value->>'key' = n.step LIMIT 1) END AS "policyStep",
            o.name AS assignee
     FROM supervision_notice n
     JOIN task t ON t.id = n.task_id
     JOIN organisation o ON o.id = t.assignee_organisation_id
     WHERE t.chain_id = ANY($1::uuid[]) AND n.issued_at < $3::timestamptz
     ORDER BY n.issued_at, n.year, n.seq`,
    [ids, from, to],
  )) as {
    taskId: string;
    number: string;
    level: 'yellow' | 'red';
    step: string;
    overdueWorkdays: number;
    issuedAt: Date;
    inPeriod: boolean;
    chainId: string;
    taskTitle: string;
    taskStatus: TaskStatus;
    policyStep: EscalationPolicy['steps'][number] | null;
    assignee: string;
  }[];
  const notices: ReportNotice[] = noticeRows
    .filter((n) => n.inPeriod)
    .map((n) => ({
      number: n.number,
      level: n.level,
      chainId: n.chainId,
      taskTitle: n.taskTitle,
      assignee: n.assignee,
      issuedAt: n.issuedAt,
      overdueWorkdays: n.overdueWorkdays,
      audience: audienceOf(n.policyStep, n.step),
      taskStatus: n.taskStatus,
    }));

  const reportCounts = (await manager.query(
    `SELECT chain_id AS "chainId", count(*)::int AS count FROM progress_report
     WHERE chain_id = ANY($1::uuid[]) AND created_at >= $2::timestamptz AND created_at < $3::timestamptz
     GROUP BY chain_id`,
    [ids, from, to],
  )) as { chainId: string; count: number }[];
  const lateRequests = (await manager.query(
    `SELECT chain_id AS "chainId", count(*)::int AS count FROM coordination_request
     WHERE chain_id = ANY($1::uuid[]) AND status IN ('open', 'assigned') AND respond_by < $2::date
     GROUP BY chain_id`,
    [ids, asOf],
  )) as { chainId: string; count: number }[];

  const openTasks = new Set(tasks.filter((t) => OPEN_AT_END(t.status)).map((t) => t.id));
  const perChain = chains.map((chain): ChainSummary => {
    const mine = tasks.filter((t) => t.chainId === chain.id);
    const boards = shortBoards.filter((b) => b.chainId === chain.id);
    const chainProjects = projects.filter((p) => p.chainId === chain.id);
    const standing = noticeRows.filter((n) => n.chainId === chain.id && openTasks.has(n.taskId));
    const issued = notices.filter((n) => n.chainId === chain.id);
    const open = mine.filter((t) => OPEN_AT_END(t.status)).length;
    const overdue = mine.filter((t) => t.overdue).length;
    const status = chainStatus({
      openTasks: open,
      overdueTasks: overdue,
      yellowNotices: standing.filter((n) => n.level === 'yellow').length,
      redNotices: standing.filter((n) => n.level === 'red').length,
      shortBoards: boards
        .filter((b): b is ReportShortBoard & { pace: PaceColour } => b.pace !== null)
        .map((b) => ({ chokepoint: b.chokepoint, pace: b.pace })),
      projects: chainProjects
        .filter((p): p is ReportProject & { pace: PaceColour } => p.pace !== null)
        .map((p) => ({ pace: p.pace })),
      overdueRequests: lateRequests.find((r) => r.chainId === chain.id)?.count ?? 0,
    });
    return {
      chain,
      colour: status.colour,
      tasks: mine.length,
      created: mine.filter((t) => t.createdInPeriod).length,
      done: mine.filter((t) => t.doneInPeriod).length,
      open,
      overdue,
      yellowIssued: issued.filter((n) => n.level === 'yellow').length,
      redIssued: issued.filter((n) => n.level === 'red').length,
      reports: reportCounts.find((r) => r.chainId === chain.id)?.count ?? 0,
      shortBoardsOpen: boards.filter((b) => b.status !== 'resolved' && b.status !== 'shelved')
        .length,
      projects: chainProjects.length,
      planned: chainProjects.reduce((sum, p) => sum + p.planned, 0),
      completed: chainProjects.reduce((sum, p) => sum + p.completed, 0),
    };
  });

  return {
    spec,
    period,
    subjectNameZh: subject,
    chainCode,
    generatedAt: new Date(clock.now),
    asOf,
    ended,
    chains,
    tasks,
    shortBoards,
    projects,
    notices,
    perChain,
    reportsSubmitted: reportCounts.reduce((sum, r) => sum + r.count, 0),
  };
}

/**
 * The province: every chain; a chain: it and its sub-chains, at any depth; as they are
 * when the report is built (a chain has no history of its own). The chain asked for
 * first, then by code.
 */
async function coveredChains(manager: EntityManager, spec: ReportSpec): Promise<ReportChain[]> {
  const columns = `c.id, c.code, c.name_zh AS "nameZh",
                   EXISTS (SELECT 1 FROM chain k WHERE k.parent_id = c.id) AS "hasChildren"`;
  if (spec.scope === 'province') {
    return (await manager.query(`SELECT ${columns} FROM chain c ORDER BY c.code`)) as ReportChain[];
  }
  return (await manager.query(
    `WITH RECURSIVE tree AS (
       SELECT id FROM chain WHERE id = $1
       UNION SELECT c.id FROM chain c JOIN tree t ON c.parent_id = t.id)
     SELECT ${columns} FROM chain c WHERE c.id IN (SELECT id FROM tree) ORDER BY c.id = $1 DESC, c.code`,
    [spec.chainId],
  )) as ReportChain[];
}

async function provinceName(manager: EntityManager): Promise<string> {
  const [row] = (await manager.query(
    `SELECT name_zh AS name FROM region WHERE level = 'province' ORDER BY code LIMIT 1`,
  )) as { name: string }[];
  return row?.name ?? '全省';
}

/** The workday calendar as of the snapshot: the official notices and the province's overrides. */
async function readCalendar(manager: EntityManager): Promise<WorkdayCalendar> {
  const overrides = (await manager.query(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM calendar_override`,
  )) as CalendarOverride[];
  const years = (await manager.query(`SELECT year FROM calendar_year`)) as { year: number }[];
  return new WorkdayCalendar(
    OFFICIAL_CALENDAR,
    overrides,
    years.map((y) => y.year),
  );
}

/** Whom the step that issued a 督办单 addressed, from the policy the task was assigned with. */
function audienceOf(
  frozen: EscalationPolicy['steps'][number] | null,
  step: string,
): EscalationAudience[] {
  const found = frozen ?? DEFAULT_ESCALATION_POLICY.steps.find((s) => s.key === step);
  return found ? [...found.audience] : [];
}
