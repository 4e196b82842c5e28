import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  parseSort,
  VALIDATION_MESSAGES,
  type ApplicationStepRequest,
  type ApplyChallengeRequest,
  type ChallengeApplicationDto,
  type ChallengeDetailDto,
  type ChallengeDto,
  type ChallengeListQuery,
  type ChallengeMilestoneDto,
  type ChallengeStepRequest,
  type CreateChallengeRequest,
  type Page,
  type SelectApplicationRequest,
  type UpdateApplicationRequest,
  type UpdateChallengeRequest,
} from '@lianzhang/contracts';
import {
  allowedApplicationActions,
  allowedChallengeActions,
  applicationPartyOf,
  canPublishChallengeFrom,
  CHALLENGE_MESSAGES,
  challengePartyOf,
  challengePlanProblems,
  challengeWorkdaysLeft,
  editableChallengeFields,
  latestChallengeDate,
  LIVE_CHALLENGE_STATUSES,
  milestonePastMessage,
  seesWholeProvince,
  transitionApplication,
  transitionChallenge,
  type ApplicationAction,
  type ApplicationStatus,
  type ChallengeAction,
  type ChallengeParty,
  type ChallengeRefusal,
  type ChallengeStatus,
  type OrganisationKind,
  type ShortBoardStatus,
  type WorkdayCalendar,
} from '@lianzhang/domain';
import { CalendarService } from '@lianzhang/server/calendar';
import { ChainScopeService, includes, type ChainScope } from '@lianzhang/server/chains';
import {
  AuditService,
  ConflictError,
  fieldError,
  inTransaction,
  likeContains,
  NotFoundError,
  SqlFilter,
  ValidationFailedError,
  versionedUpdate,
  type AuthenticatedUser,
} from '@lianzhang/server/core';
import { NotificationsService, type StoredText } from '@lianzhang/server/notifications';
import { TasksService, TODAY } from '@lianzhang/server/tasks';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

/** The status a challenge shows: published turns closed once its deadline day is over. */
const EFFECTIVE = `(CASE WHEN ch.status = 'published' AND ch.deadline < ${TODAY} THEN 'closed' ELSE ch.status END)`;
const LIVE = `('submitted', 'shortlisted')`;

const SORT = {
  createdAt: 'ch.created_at',
  deadline: 'ch.deadline',
  title: 'ch.title',
} as const;

const CHALLENGE_COLUMNS = `
  ch.id, ch.chain_id AS "chainId", c.name_zh AS "chainName", c.name_en AS "chainNameEn",
  ch.short_board_id AS "shortBoardId", sb.title AS "shortBoardTitle", ch.title, ch.budget_wan AS "budgetWan",
  to_char(ch.deadline, 'YYYY-MM-DD') AS deadline, ch.status AS "storedStatus", ${EFFECTIVE} AS status,
  (SELECT count(*)::int FROM challenge_application a WHERE a.challenge_id = ch.id AND a.status IN ${LIVE}) AS "liveApplications",
  so.name AS "selectedOrganisationName", ch.version, ch.created_at AS "createdAt", ch.published_at AS "publishedAt"`;
const CHALLENGE_FROM = `
  FROM challenge ch JOIN chain c ON c.id = ch.chain_id JOIN short_board sb ON sb.id = ch.short_board_id
  LEFT JOIN challenge_application sa ON sa.id = ch.selected_application_id
  LEFT JOIN organisation so ON so.id = sa.organisation_id`;

interface ChallengeRow {
  id: string;
  chainId: string;
  chainName: string;
  chainNameEn: string;
  shortBoardId: string;
  shortBoardTitle: string;
  title: string;
  budgetWan: string;
  deadline: string;
  storedStatus: ChallengeStatus;
  status: ChallengeStatus;
  liveApplications: number;
  selectedOrganisationName: string | null;
  applied: boolean;
  version: number;
  createdAt: Date;
  publishedAt: Date | null;
}

interface DetailRow extends ChallengeRow {
  requirements: string;
  cancelReason: string | null;
  selectedApplicationId: string | null;
  milestones: ChallengeMilestoneDto[];
}

const APPLICATION_COLUMNS = `
  a.id, a.challenge_id AS "challengeId", a.organisation_id AS "organisationId", o.name AS "organisationName",
  o.kind AS "organisationKind", a.proposal, a.quoted_budget_wan AS "quotedBudgetWan",
  to_char(a.planned_completion_date, 'YYYY-MM-DD') AS "plannedCompletionDate", a.status,
  u.display_name AS "submittedByName", a.version, a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;
const APPLICATION_FROM = `
  FROM challenge_application a JOIN organisation o ON o.id = a.organisation_id
  JOIN app_user u ON u.id = a.submitted_by_user_id`;

interface ApplicationRow {
  id: string;
  challengeId: string;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  proposal: string;
  quotedBudgetWan: string | null;
  plannedCompletionDate: string | null;
  status: ApplicationStatus;
  submittedByName: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A challenge as its steps need it: locked, with the caller's party. */
interface Locked {
  readonly id: string;
  readonly chainId: string;
  readonly shortBoardId: string;
  readonly title: string;
  readonly requirements: string;
  readonly deadline: string;
  readonly stored: ChallengeStatus;
  readonly status: ChallengeStatus;
  readonly createdByUserId: string;
  readonly version: number;
  readonly managed: boolean;
}

const isProvince = (user: AuthenticatedUser) => seesWholeProvince(user.role);

/**
 * 揭榜挂帅: challenges on short boards, applications to them, and 定榜, which turns the
 * challenge's milestones into tasks for the selected organisation in the same
 * transaction. Who may take each step comes from `@lianzhang/domain`; scope from the
 * token and the database. Rows the caller may not see answer 404, as if absent.
 */
@Injectable()
export class ChallengesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ChainScopeService,
    private readonly audit: AuditService,
    private readonly tasks: TasksService,
    private readonly notifications: NotificationsService,
    private readonly calendars: CalendarService,
  ) {}

  async list(user: AuthenticatedUser, query: ChallengeListQuery): Promise<Page<ChallengeDto>> {
    const managed = await this.scope.managed(user);
    const params: unknown[] = [];
    const filter = new SqlFilter(params).raw(this.visibility(user, managed, params));
    if (query.status) filter.add(`${EFFECTIVE} = ?`, query.status);
    if (query.chainId) filter.add('ch.chain_id = ?', query.chainId);
    if (query.q) filter.add('ch.title ILIKE ?', likeContains(query.q));
    if (query.mine === 'true') {
      if (user.role === 'enterprise_user') {
        filter.add(
          'EXISTS (SELECT 1 FROM challenge_application m WHERE m.challenge_id = ch.id AND m.organisation_id = ?)',
          user.organisationId,
        );
      } else if (!managed.all) {
        filter.add('ch.chain_id = ANY(?::uuid[])', managed.chainIds);
      }
    }
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total ${CHALLENGE_FROM} WHERE ${filter.where}`,
      filter.params,
    )) as [{ total: number }];
    const sort = parseSort<keyof typeof SORT>(query.sort);
    const page = filter.page(query);
    const rows = (await this.dataSource.query(
      `SELECT ${CHALLENGE_COLUMNS}, ${this.applied(user, page.params)} AS applied
       ${CHALLENGE_FROM} WHERE ${filter.where}
       ORDER BY ${SORT[sort.field]} ${sort.direction}, ch.id ${page.sql}`,
      page.params,
    )) as ChallengeRow[];
    const { today, calendar } = await this.clock();
    return {
      items: rows.map((row) => this.toDto(user, row, managed, today, calendar)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async detail(
    user: AuthenticatedUser,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ChallengeDetailDto> {
    const managed = await this.scope.managed(user, manager);
    const params: unknown[] = [id];
    const visible = this.visibility(user, managed, params);
    const [row] = (await manager.query(
      `SELECT ${CHALLENGE_COLUMNS}, ${this.applied(user, params)} AS applied,
              ch.requirements, ch.cancel_reason AS "cancelReason", ch.selected_application_id AS "selectedApplicationId",
              coalesce((SELECT json_agg(json_build_object('id', m.id, 'title', m.title,
                          'dueDate', to_char(m.due_date, 'YYYY-MM-DD'), 'taskId', m.task_id) ORDER BY m.sort_order, m.id)
                        FROM challenge_milestone m WHERE m.challenge_id = ch.id), '[]') AS milestones
       ${CHALLENGE_FROM} WHERE ch.id = $1 AND ${visible}`,
      params,
    )) as DetailRow[];
    if (!row) throw new NotFoundError('challenge');
    const { today, calendar } = await this.clock(manager);
    let myApplication: ChallengeApplicationDto | null = null;
    if (user.role === 'enterprise_user') {
      const [mine] = (await manager.query(
        `SELECT ${APPLICATION_COLUMNS} ${APPLICATION_FROM}
         WHERE a.challenge_id = $1 AND a.organisation_id = $2 ORDER BY a.created_at DESC LIMIT 1`,
        [id, user.organisationId],
      )) as ApplicationRow[];
      if (mine) myApplication = this.toApplicationDto(user, mine, row.status, false);
    }
    return {
      ...this.toDto(user, row, managed, today, calendar),
      requirements: row.requirements,
      milestones: row.milestones,
      selectedApplicationId: row.selectedApplicationId,
      cancelReason: row.cancelReason,
      myApplication,
    };
  }

  async create(
    user: AuthenticatedUser,
    request: CreateChallengeRequest,
  ): Promise<ChallengeDetailDto> {
    const id = await this.write(async (manager) => {
      // Locked: two offices drafting from the same board at once take turns, so the
      // second sees the first's challenge.
      const [board] = (await manager.query(
        `SELECT chain_id AS "chainId", status FROM short_board WHERE id = $1 FOR UPDATE`,
        [request.shortBoardId],
      )) as { chainId: string; status: ShortBoardStatus }[];
      if (!board || !(await this.scope.canManage(user, board.chainId, manager))) {
        throw new ValidationFailedError([
          fieldError('shortBoardId', CHALLENGE_MESSAGES.noShortBoard),
        ]);
      }
      if (!canPublishChallengeFrom(board.status)) {
        throw new ValidationFailedError([
          fieldError('shortBoardId', CHALLENGE_MESSAGES.boardNotOpen),
        ]);
      }
      const live = (await manager.query(
        `SELECT 1 FROM challenge WHERE short_board_id = $1 AND status = ANY($2::text[]) LIMIT 1`,
        [request.shortBoardId, LIVE_CHALLENGE_STATUSES],
      )) as unknown[];
      if (live.length > 0) {
        throw new ConflictError([fieldError('shortBoardId', CHALLENGE_MESSAGES.boardTaken)]);
      }
      const { today } = await this.clock(manager);
      this.requirePlan(request, today, true);
      const [{ id }] = (await manager.query(
        `INSERT INTO challenge (chain_id, short_board_id, title, requirements, budget_wan, deadline, created_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          board.chainId,
          request.shortBoardId,
          request.title,
          request.requirements,
          request.budgetWan,
          request.deadline,
          user.id,
        ],
      )) as [{ id: string }];
      await this.writeMilestones(manager, id, request.milestones);
      await this.audit.record(
        { action: 'challenge.create', subjectType: 'challenge', subjectId: id, after: request },
        manager,
      );
      return id;
    });
    return this.detail(user, id);
  }

  async update(
    user: AuthenticatedUser,
    id: string,
    request: UpdateChallengeRequest,
  ): Promise<ChallengeDetailDto> {
    const { version, milestones, ...fields } = request;
    await this.write(async (manager) => {
      const challenge = await this.lockManaged(user, id, manager);
      if (challenge.version !== version) throw new ConflictError();
      this.requireStep(challenge.status, 'edit', 'manager');
      const editable = editableChallengeFields(challenge.status);
      const refused = Object.entries({ ...fields, milestones })
        .filter(([key, value]) => value !== undefined && !editable.includes(key as never))
        .map(([key]) => fieldError(key, CHALLENGE_MESSAGES.milestonesOnly));
      if (refused.length) throw new ConflictError(refused);
      const { today } = await this.clock(manager);
      const milestoneRows = milestones ?? (await this.milestonesOf(manager, id));
      this.requirePlan(
        { deadline: fields.deadline ?? challenge.deadline, milestones: milestoneRows },
        today,
        challenge.status === 'draft',
      );
      const before = await this.detail(user, id, manager);
      await versionedUpdate(manager, 'challenge', id, fields);
      if (milestones) {
        await manager.query(`DELETE FROM challenge_milestone WHERE challenge_id = $1`, [id]);
        await this.writeMilestones(manager, id, milestones);
      }
      await this.audit.record(
        {
          action: 'challenge.update',
          subjectType: 'challenge',
          subjectId: id,
          before: {
            title: before.title,
            budgetWan: before.budgetWan,
            deadline: before.deadline,
            milestones: before.milestones,
          },
          after: { ...fields, milestones },
        },
        manager,
      );
    });
    return this.detail(user, id);
  }

  /** publish, close or cancel. Wrong status or stale version: 409; missing reason: 400. */
  async step(
    user: AuthenticatedUser,
    id: string,
    action: Extract<ChallengeAction, 'publish' | 'close' | 'cancel'>,
    request: ChallengeStepRequest,
  ): Promise<ChallengeDetailDto> {
    await this.write(async (manager) => {
      const challenge = await this.lockManaged(user, id, manager);
      if (challenge.version !== request.version) throw new ConflictError();
      const to = this.requireStep(challenge.status, action, 'manager', request.reason);
      if (action === 'publish') {
        const { today } = await this.clock(manager);
        this.requirePlan(
          { deadline: challenge.deadline, milestones: await this.milestonesOf(manager, id) },
          today,
          true,
        );
      }
      await manager.query(
        `UPDATE challenge SET status = $2, version = version + 1, updated_at = now(),
                published_at = CASE WHEN $2 = 'published' THEN now() ELSE published_at END,
                cancel_reason = CASE WHEN $2 = 'cancelled' THEN $3 ELSE cancel_reason END
         WHERE id = $1`,
        [id, to, request.reason ?? null],
      );
      // Cancelled, the call decides its live applications as 定榜 does the others': not
      // selected, so none stays open (or counted) for ever.
      const closed =
        action === 'cancel'
          ? (
              (await manager.query(
                `UPDATE challenge_application SET status = 'not_selected', decided_at = now(), version = version + 1, updated_at = now()
                 WHERE challenge_id = $1 AND status IN ${LIVE} RETURNING id, organisation_id AS "organisationId"`,
                [id],
              )) as [{ id: string; organisationId: string }[], number]
            )[0]
          : [];
      await this.audit.record(
        {
          action: `challenge.${action}`,
          subjectType: 'challenge',
          subjectId: id,
          before: { status: challenge.status },
          after: {
            status: to,
            reason: request.reason ?? null,
            ...(action === 'cancel' ? { notSelected: closed.map((a) => a.id) } : {}),
          },
        },
        manager,
      );
      if (action === 'cancel') {
        // One message to each applicant, which says both: the call is off, and so their application.
        await this.notify(manager, challenge, {
          userIds: await this.usersOf(
            manager,
            closed.map((a) => a.organisationId),
          ),
          kind: 'challenge.cancelled',
          title: {
            'zh-CN': `揭榜「${challenge.title}」已撤销`,
            en: `The challenge "${challenge.title}" was cancelled`,
          },
          body: {
            'zh-CN': `原因：${request.reason ?? ''}。你单位的申报随之结束，标记为未入选。`,
            en: `Reason: ${request.reason ?? ''}. Your application closes with it, as not selected.`,
          },
        });
      }
    });
    return this.detail(user, id);
  }

  async applications(
    user: AuthenticatedUser,
    challengeId: string,
  ): Promise<ChallengeApplicationDto[]> {
    const challenge = await this.detail(user, challengeId);
    const managed = challenge.party === 'manager';
    const params: unknown[] = [challengeId];
    let mine = 'TRUE';
    if (!managed && !isProvince(user)) {
      if (user.role !== 'enterprise_user') return [];
      params.push(user.organisationId);
      mine = `a.organisation_id = $${params.length}`;
    }
    const rows = (await this.dataSource.query(
      `SELECT ${APPLICATION_COLUMNS} ${APPLICATION_FROM}
       WHERE a.challenge_id = $1 AND ${mine} ORDER BY a.created_at, a.id`,
      params,
    )) as ApplicationRow[];
    return rows.map((row) => this.toApplicationDto(user, row, challenge.status, managed));
  }

  async apply(
    user: AuthenticatedUser,
    challengeId: string,
    request: ApplyChallengeRequest,
  ): Promise<ChallengeApplicationDto> {
    const id = await this.write(async (manager) => {
      // Shared: applications go in side by side; 定榜 (FOR UPDATE) waits for them, and they for it.
      const challenge = await this.lockVisible(user, challengeId, manager, 'FOR SHARE');
      const party = challengePartyOf(user.role, { chainManaged: challenge.managed });
      const result = transitionChallenge(challenge.status, 'apply', party);
      if (!result.ok) {
        if (result.refusal === 'not_your_step') throw new NotFoundError('challenge');
        throw new ValidationFailedError([
          challenge.stored === 'published'
            ? fieldError('deadline', CHALLENGE_MESSAGES.deadlinePassed)
            : fieldError('status', CHALLENGE_MESSAGES.notPublished),
        ]);
      }
      const [{ id }] = (await manager.query(
        `INSERT INTO challenge_application (challenge_id, organisation_id, submitted_by_user_id, proposal, quoted_budget_wan, planned_completion_date)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          challengeId,
          user.organisationId,
          user.id,
          request.proposal,
          request.quotedBudgetWan ?? null,
          request.plannedCompletionDate ?? null,
        ],
      )) as [{ id: string }];
      await this.audit.record(
        {
          action: 'challenge_application.submit',
          subjectType: 'challenge_application',
          subjectId: id,
          after: { challengeId, organisationId: user.organisationId, ...request },
        },
        manager,
      );
      const [{ name }] = (await manager.query(`SELECT name FROM organisation WHERE id = $1`, [
        user.organisationId,
      ])) as [{ name: string }];
      await this.notify(manager, challenge, {
        userIds: await this.officeUsers(manager, challenge),
        kind: 'challenge.application',
        title: {
          'zh-CN': `${name} 申报了揭榜「${challenge.title}」`,
          en: `${name} applied to the challenge "${challenge.title}"`,
        },
        body: {
          'zh-CN': `申报截止日期：${challenge.deadline}`,
          en: `Applications close on ${challenge.deadline}`,
        },
      });
      return id;
    });
    return this.application(user, challengeId, id);
  }

  async updateApplication(
    user: AuthenticatedUser,
    challengeId: string,
    applicationId: string,
    request: UpdateApplicationRequest,
  ): Promise<ChallengeApplicationDto> {
    const { version, ...changes } = request;
    await this.write(async (manager) => {
      const { challenge, application } = await this.lockApplication(
        user,
        challengeId,
        applicationId,
        'edit',
        manager,
      );
      if (application.version !== version) throw new ConflictError();
      this.requireApplicationStep(application.status, challenge.status, 'edit', 'applicant');
      await versionedUpdate(manager, 'challenge_application', applicationId, changes);
      await this.audit.record(
        {
          action: 'challenge_application.update',
          subjectType: 'challenge_application',
          subjectId: applicationId,
          before: {
            proposal: application.proposal,
            quotedBudgetWan: application.quotedBudgetWan,
            plannedCompletionDate: application.plannedCompletionDate,
          },
          after: changes,
        },
        manager,
      );
    });
    return this.application(user, challengeId, applicationId);
  }

  /** withdraw (the applicant), shortlist or select (定榜, the chain side). */
  async applicationStep(
    user: AuthenticatedUser,
    challengeId: string,
    applicationId: string,
    action: Exclude<ApplicationAction, 'edit'>,
    request: ApplicationStepRequest | SelectApplicationRequest,
  ): Promise<ChallengeApplicationDto> {
    await this.write(async (manager) => {
      const { challenge, application, party } = await this.lockApplication(
        user,
        challengeId,
        applicationId,
        action,
        manager,
      );
      if (application.version !== request.version) throw new ConflictError();
      // 定榜 makes tasks of the milestones: those the selecting user saw, or none.
      if (
        action === 'select' &&
        (!('challengeVersion' in request) || request.challengeVersion !== challenge.version)
      )
        throw new ConflictError([
          fieldError('challengeVersion', CHALLENGE_MESSAGES.challengeChanged),
        ]);
      const to = this.requireApplicationStep(application.status, challenge.status, action, party);
      await manager.query(
        `UPDATE challenge_application SET status = $2, decided_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
        [applicationId, to],
      );
      await this.audit.record(
        {
          action: `challenge_application.${action}`,
          subjectType: 'challenge_application',
          subjectId: applicationId,
          before: { status: application.status },
          after: { status: to },
        },
        manager,
      );
      if (action === 'shortlist') {
        await this.notify(manager, challenge, {
          userIds: await this.usersOf(manager, [application.organisationId]),
          kind: 'challenge.shortlisted',
          title: {
            'zh-CN': `你单位的申报已入围揭榜「${challenge.title}」`,
            en: `Your application to "${challenge.title}" is shortlisted`,
          },
          body: {
            'zh-CN': '链长办将在入围单位中定榜，请保持联系。',
            en: 'The chain office will select among the shortlisted applicants.',
          },
        });
      }
      if (action === 'select') await this.select(user, manager, challenge, application);
    });
    return this.application(user, challengeId, applicationId);
  }

  /**
   * 定榜, inside the step's transaction: the other live applications are not selected,
   * the challenge is selected, the organisation joins the chain and owns the short board,
   * the board goes from identified to tackling, and each milestone becomes a task
   * assigned to the organisation (with its reminders planned). Any failure (a milestone
   * already past) rolls all of it back.
   */
  private async select(
    user: AuthenticatedUser,
    manager: EntityManager,
    challenge: Locked,
    application: ApplicationRow,
  ): Promise<void> {
    // An UPDATE … RETURNING answers [rows, count].
    const [others] = (await manager.query(
      `UPDATE challenge_application SET status = 'not_selected', decided_at = now(), version = version + 1, updated_at = now()
       WHERE challenge_id = $1 AND id <> $2 AND status IN ${LIVE} RETURNING id, organisation_id AS "organisationId"`,
      [challenge.id, application.id],
    )) as [{ id: string; organisationId: string }[], number];
    await manager.query(
      `UPDATE challenge SET status = 'selected', selected_application_id = $2, selected_at = now(),
              version = version + 1, updated_at = now() WHERE id = $1`,
      [challenge.id, application.id],
    );
    const joined = (await manager.query(
      `INSERT INTO chain_member (chain_id, organisation_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (chain_id, organisation_id) DO NOTHING RETURNING role`,
      [
        challenge.chainId,
        application.organisationId,
        application.organisationKind === 'institute' ? 'research_partner' : 'member',
      ],
    )) as { role: string }[];
    if (joined[0]) {
      await this.audit.record(
        {
          action: 'chain.member.set',
          subjectType: 'chain',
          subjectId: challenge.chainId,
          after: { organisationId: application.organisationId, role: joined[0].role },
        },
        manager,
      );
    }
    await manager.query(
      `INSERT INTO short_board_owner (short_board_id, organisation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [challenge.shortBoardId, application.organisationId],
    );
    const [, moved] = (await manager.query(
      `UPDATE short_board SET status = 'tackling', version = version + 1, updated_at = now()
       WHERE id = $1 AND status = 'identified'`,
      [challenge.shortBoardId],
    )) as [unknown, number];
    if (moved > 0) {
      await this.audit.record(
        {
          action: 'short_board.update',
          subjectType: 'short_board',
          subjectId: challenge.shortBoardId,
          before: { status: 'identified' },
          after: { status: 'tackling', challengeId: challenge.id },
        },
        manager,
      );
    }
    const milestones = (await manager.query(
      `SELECT id, title, to_char(due_date, 'YYYY-MM-DD') AS "dueDate" FROM challenge_milestone
       WHERE challenge_id = $1 ORDER BY sort_order, id`,
      [challenge.id],
    )) as { id: string; title: string; dueDate: string }[];
    // A date stored before dates were bounded: refused here rather than planned for ever.
    const { today } = await this.clock(manager);
    const latest = latestChallengeDate(today);
    const tooFar = milestones.flatMap((m, index) =>
      m.dueDate > latest
        ? [fieldError(`milestones.${index}.dueDate`, CHALLENGE_MESSAGES.tooFar)]
        : [],
    );
    if (tooFar.length) throw new ValidationFailedError(tooFar);
    const taskIds: string[] = [];
    for (const [index, milestone] of milestones.entries()) {
      let taskId: string;
      try {
        taskId = await this.tasks.createWithin(manager, user, {
          chainId: challenge.chainId,
          shortBoardId: challenge.shortBoardId,
          title: `${challenge.title}：${milestone.title}`.slice(0, 200),
          description:
            `揭榜挂帅定榜任务（${application.organisationName}）。\n\n${challenge.requirements}`.slice(
              0,
              10_000,
            ),
          assigneeOrganisationId: application.organisationId,
          dueDate: milestone.dueDate,
          priority: 'high',
          assign: true,
        });
      } catch (error) {
        // createWithin refuses a due date already past: name the milestone instead.
        if (
          error instanceof ValidationFailedError &&
          error.details.some((d) => d.path === 'dueDate')
        )
          throw new ValidationFailedError([
            fieldError(`milestones.${index}.dueDate`, milestonePastMessage(milestone.title)),
          ]);
        throw error;
      }
      await manager.query(`UPDATE challenge_milestone SET task_id = $2 WHERE id = $1`, [
        milestone.id,
        taskId,
      ]);
      taskIds.push(taskId);
    }
    await this.audit.record(
      {
        action: 'challenge.select',
        subjectType: 'challenge',
        subjectId: challenge.id,
        before: { status: challenge.status },
        after: {
          status: 'selected',
          selectedApplicationId: application.id,
          organisationId: application.organisationId,
          notSelected: others.map((o) => o.id),
          taskIds,
        },
      },
      manager,
    );
    await this.notify(manager, challenge, {
      userIds: await this.usersOf(manager, [application.organisationId]),
      kind: 'challenge.selected',
      title: {
        'zh-CN': `你单位揭榜「${challenge.title}」成功`,
        en: `Your organisation was selected for "${challenge.title}"`,
      },
      body: {
        'zh-CN': `已交办 ${taskIds.length} 项任务，请及时签收。`,
        en: `${taskIds.length} task(s) were assigned to you: please accept them.`,
      },
    });
    await this.notify(manager, challenge, {
      userIds: await this.usersOf(
        manager,
        others.map((o) => o.organisationId),
      ),
      kind: 'challenge.not_selected',
      title: {
        'zh-CN': `揭榜「${challenge.title}」已定榜，你单位未入选`,
        en: `The challenge "${challenge.title}" was decided: your application was not selected`,
      },
      body: {
        'zh-CN': `揭榜单位：${application.organisationName}。感谢参与。`,
        en: `Selected: ${application.organisationName}. Thank you for applying.`,
      },
    });
  }

  /** One application the caller may see, with its allowed actions; 404 otherwise. */
  async application(
    user: AuthenticatedUser,
    challengeId: string,
    applicationId: string,
  ): Promise<ChallengeApplicationDto> {
    const found = (await this.applications(user, challengeId)).find((a) => a.id === applicationId);
    if (!found) throw new NotFoundError('application');
    return found;
  }

  /**
   * SQL limiting `ch` to what the user may read: the province everything; anyone an open
   * call (published, closed, selected); the chain side its own chains' drafts and
   * cancelled ones; an applicant also a cancelled challenge it had applied to.
   */
  private visibility(user: AuthenticatedUser, managed: ChainScope, params: unknown[]): string {
    if (isProvince(user)) return 'TRUE';
    const open = `ch.status IN ('published', 'closed', 'selected')`;
    if (user.role === 'enterprise_user') {
      params.push(user.organisationId);
      return `(${open} OR (ch.status = 'cancelled' AND EXISTS (SELECT 1 FROM challenge_application v WHERE v.challenge_id = ch.id AND v.organisation_id = $${params.length})))`;
    }
    if (managed.all) return 'TRUE';
    params.push(managed.chainIds);
    return `(${open} OR ch.chain_id = ANY($${params.length}::uuid[]))`;
  }

  /** SQL: the caller's organisation has an application that is not withdrawn. */
  private applied(user: AuthenticatedUser, params: unknown[]): string {
    if (user.role !== 'enterprise_user') return 'FALSE';
    params.push(user.organisationId);
    return `EXISTS (SELECT 1 FROM challenge_application p WHERE p.challenge_id = ch.id AND p.organisation_id = $${params.length} AND p.status <> 'withdrawn')`;
  }

  private toDto(
    user: AuthenticatedUser,
    row: ChallengeRow,
    managed: ChainScope,
    today: string,
    calendar: WorkdayCalendar,
  ): ChallengeDto {
    const party = challengePartyOf(user.role, { chainManaged: includes(managed, row.chainId) });
    const counted = party === 'manager' || isProvince(user);
    return {
      id: row.id,
      chainId: row.chainId,
      chainName: row.chainName,
      chainNameEn: row.chainNameEn,
      shortBoardId: row.shortBoardId,
      shortBoardTitle: row.shortBoardTitle,
      title: row.title,
      budgetWan: Number(row.budgetWan),
      deadline: row.deadline,
      status: row.status,
      // Counted within a year only: a deadline stored far off never walks the calendar.
      workdaysLeft: challengeWorkdaysLeft(row.status, row.deadline, today, calendar),
      applicationCount: counted ? row.liveApplications : null,
      selectedOrganisationName: row.selectedOrganisationName,
      applied: row.applied,
      party,
      // One live application per organisation: an applicant that has one applies no more.
      allowedActions: allowedChallengeActions(row.status, party).filter(
        (action) => action !== 'apply' || !row.applied,
      ),
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      publishedAt: row.publishedAt?.toISOString() ?? null,
    };
  }

  private toApplicationDto(
    user: AuthenticatedUser,
    row: ApplicationRow,
    challengeStatus: ChallengeStatus,
    managed: boolean,
  ): ChallengeApplicationDto {
    const party = applicationPartyOf(user.role, {
      chainManaged: managed,
      ownOrganisation: row.organisationId === user.organisationId,
    });
    return {
      ...row,
      quotedBudgetWan: row.quotedBudgetWan === null ? null : Number(row.quotedBudgetWan),
      allowedActions: allowedApplicationActions(row.status, challengeStatus, party),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  private async clock(
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ today: string; calendar: WorkdayCalendar }> {
    const [{ today }] = (await manager.query(
      `SELECT to_char(${TODAY}, 'YYYY-MM-DD') AS today`,
    )) as [{ today: string }];
    return { today, calendar: await this.calendars.calendar(manager) };
  }

  /** The challenge locked, if the caller may see it (404 otherwise). */
  private async lockVisible(
    user: AuthenticatedUser,
    id: string,
    manager: EntityManager,
    lock: 'FOR UPDATE' | 'FOR SHARE',
  ): Promise<Locked> {
    const managed = await this.scope.managed(user, manager);
    const params: unknown[] = [id];
    const visible = this.visibility(user, managed, params);
    const [row] = (await manager.query(
      `SELECT ch.id, ch.chain_id AS "chainId", ch.short_board_id AS "shortBoardId", ch.title, ch.requirements,
              to_char(ch.deadline, 'YYYY-MM-DD') AS deadline, ch.status AS stored, ${EFFECTIVE} AS status,
              ch.created_by_user_id AS "createdByUserId", ch.version
       FROM challenge ch WHERE ch.id = $1 AND ${visible} ${lock} OF ch`,
      params,
    )) as Omit<Locked, 'managed'>[];
    if (!row) throw new NotFoundError('challenge');
    return { ...row, managed: includes(managed, row.chainId) };
  }

  /** The challenge locked for a step of the chain side: 404 unless the caller manages its chain. */
  private async lockManaged(
    user: AuthenticatedUser,
    id: string,
    manager: EntityManager,
  ): Promise<Locked> {
    const challenge = await this.lockVisible(user, id, manager, 'FOR UPDATE');
    if (challengePartyOf(user.role, { chainManaged: challenge.managed }) !== 'manager')
      throw new NotFoundError('challenge');
    return challenge;
  }

  /**
   * The challenge and one of its applications, both locked (challenge first, as 定榜
   * and applying do), with the caller's party to the application. 404 when the caller
   * may not take a step of this kind on it: another chain's, another organisation's.
   */
  private async lockApplication(
    user: AuthenticatedUser,
    challengeId: string,
    applicationId: string,
    action: ApplicationAction,
    manager: EntityManager,
  ): Promise<{ challenge: Locked; application: ApplicationRow; party: ChallengeParty }> {
    const challenge = await this.lockVisible(user, challengeId, manager, 'FOR UPDATE');
    const [application] = (await manager.query(
      `SELECT ${APPLICATION_COLUMNS} ${APPLICATION_FROM}
       WHERE a.id = $1 AND a.challenge_id = $2 FOR UPDATE OF a`,
      [applicationId, challengeId],
    )) as ApplicationRow[];
    if (!application) throw new NotFoundError('application');
    const party = applicationPartyOf(user.role, {
      chainManaged: challenge.managed,
      ownOrganisation: application.organisationId === user.organisationId,
    });
    if (
      party === 'observer' ||
      (action === 'select' || action === 'shortlist') !== (party === 'manager')
    )
      throw new NotFoundError('application');
    return { challenge, application, party };
  }

  private requireStep(
    status: ChallengeStatus,
    action: ChallengeAction,
    party: ChallengeParty,
    reason?: string,
  ): ChallengeStatus {
    const result = transitionChallenge(status, action, party, reason);
    if (result.ok) return result.to;
    throw this.refusal(result.refusal);
  }

  private requireApplicationStep(
    status: ApplicationStatus,
    challengeStatus: ChallengeStatus,
    action: ApplicationAction,
    party: ChallengeParty,
  ): ApplicationStatus {
    const result = transitionApplication(status, challengeStatus, action, party);
    if (result.ok) return result.to;
    throw this.refusal(result.refusal);
  }

  private refusal(refusal: ChallengeRefusal): Error {
    switch (refusal) {
      case 'not_your_step':
        return new NotFoundError();
      case 'reason_required':
        return new ValidationFailedError([fieldError('reason', CHALLENGE_MESSAGES.reason)]);
      case 'challenge_not_open':
        return new ConflictError([fieldError('status', CHALLENGE_MESSAGES.challengeNotOpen)]);
      case 'not_in_this_status':
        return new ConflictError([fieldError('status', CHALLENGE_MESSAGES.wrongStatus)]);
    }
  }

  /** 400 with the date problems; a published challenge's deadline is fixed and may lie behind. */
  private requirePlan(
    plan: Parameters<typeof challengePlanProblems>[0],
    today: string,
    deadlineOpen: boolean,
  ): void {
    const problems = challengePlanProblems(plan, today).filter(
      (p) => deadlineOpen || p.path !== 'deadline',
    );
    if (problems.length)
      throw new ValidationFailedError(problems.map((p) => fieldError(p.path, p.message)));
  }

  private async milestonesOf(
    manager: EntityManager,
    challengeId: string,
  ): Promise<{ title: string; dueDate: string }[]> {
    return (await manager.query(
      `SELECT title, to_char(due_date, 'YYYY-MM-DD') AS "dueDate" FROM challenge_milestone
       WHERE challenge_id = $1 ORDER BY sort_order, id`,
      [challengeId],
    )) as { title: string; dueDate: string }[];
  }

  private async writeMilestones(
    manager: EntityManager,
    challengeId: string,
    milestones: readonly { title: string; dueDate: string }[],
  ): Promise<void> {
    for (const [index, milestone] of milestones.entries()) {
      await manager.query(
        `INSERT INTO challenge_milestone (challenge_id, title, due_date, sort_order) VALUES ($1, $2, $3, $4)`,
        [challengeId, milestone.title, milestone.dueDate, index],
      );
    }
  }

  private async usersOf(
    manager: EntityManager,
    organisationIds: readonly string[],
  ): Promise<string[]> {
    if (organisationIds.length === 0) return [];
    const rows = (await manager.query(
      `SELECT id FROM app_user WHERE active AND organisation_id = ANY($1::uuid[])`,
      [organisationIds],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /**
   * Who hears of applications (and reads the applicants' names): the chain office (链长办)
   * of the challenge's chain as it is now, and whoever wrote the challenge only while they
   * still manage its chain (a province admin, a city coordinator of its city, or a leader
   * or office still on it), never someone who has since left the chain.
   */
  private async officeUsers(manager: EntityManager, challenge: Locked): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT u.id FROM app_user u JOIN chain_leadership l ON l.user_id = u.id
       WHERE u.active AND l.chain_id = $1 AND l.kind = 'office'`,
      [challenge.chainId],
    )) as { id: string }[];
    const ids = new Set(rows.map((r) => r.id));
    const [writer] = (await manager.query(
      `SELECT id, username, display_name AS "displayName", role, organisation_id AS "organisationId",
              region_code AS "regionCode"
       FROM app_user WHERE id = $1 AND active`,
      [challenge.createdByUserId],
    )) as Omit<AuthenticatedUser, 'sessionId'>[];
    if (
      writer &&
      !ids.has(writer.id) &&
      (await this.scope.canManage({ ...writer, sessionId: '' }, challenge.chainId, manager))
    )
      ids.add(writer.id);
    return [...ids];
  }

  /** An in-app notification of a direct step (no scheduled event: a fresh id keys it). */
  private async notify(
    manager: EntityManager,
    challenge: Locked,
    message: { userIds: string[]; kind: string; title: StoredText; body: StoredText },
  ): Promise<void> {
    if (message.userIds.length === 0) return;
    await this.notifications.notify(manager, {
      eventId: randomUUID(),
      userIds: message.userIds,
      kind: message.kind,
      level: 'reminder',
      title: message.title,
      body: message.body,
      link: `/challenges/${challenge.id}`,
      subjectType: 'challenge',
      subjectId: challenge.id,
      chainId: challenge.chainId,
      channels: [],
    });
  }

  /** A transaction whose constraint violations come back as field errors. */
  private write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work, (constraint) => {
      switch (constraint) {
        case 'uq_challenge_application_live':
          return new ConflictError([
            fieldError('organisationId', CHALLENGE_MESSAGES.alreadyApplied),
          ]);
        // The contract takes cents from 0.01; these catch an amount numeric(14,2) rounds to 0.
        case 'ck_challenge_budget':
          return new ValidationFailedError([
            fieldError('budgetWan', VALIDATION_MESSAGES['amount.cents']),
          ]);
        case 'ck_challenge_application_quote':
          return new ValidationFailedError([
            fieldError('quotedBudgetWan', VALIDATION_MESSAGES['amount.cents']),
          ]);
        default:
          return undefined;
      }
    });
  }
}
