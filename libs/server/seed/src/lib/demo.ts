import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckCharacter,
  deadlineWorkday,
  DEFAULT_ESCALATION_POLICY,
  OFFICIAL_CALENDAR,
  planTaskSteps,
  stepPayload,
  WorkdayCalendar,
  PROJECT_STAGES,
  PROJECT_TYPES,
  SHANDONG_CITIES,
  SHORT_BOARD_CATEGORIES,
  TASK_PATHS,
  TASK_STATUSES,
  type TaskStatus,
} from '@lianzhang/domain';
import type { DataSource, EntityManager } from 'typeorm';

/** The password of every demo account (documented in the README; demo data is never loaded in production). */
export const DEMO_PASSWORD = 'Lianzhang@2026';

export interface DemoAccount {
  readonly username: string;
  readonly role: string;
  readonly what: string;
}

/** The accounts the README names; the generator makes more (a leader and office per chain). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', role: 'province_admin', what: '省工信厅管理员 · province administrator' },
  {
    username: 'analyst',
    role: 'province_analyst',
    what: '省级分析员（只读） · province analyst (read only)',
  },
  {
    username: 'chief.ngit',
    role: 'chain_leader',
    what: '新一代信息技术总链长 · chief leader of the IT chains',
  },
  {
    username: 'leader.ngit.ic',
    role: 'chain_leader',
    what: '集成电路链长 · leader of the IC chain',
  },
  { username: 'office.ngit.ic', role: 'chain_office', what: '集成电路链长办 · IC chain office' },
  {
    username: 'city.qingdao',
    role: 'city_coordinator',
    what: '青岛市协调员 · Qingdao coordinator',
  },
  {
    username: 'ent.ngit.ic.1',
    role: 'enterprise_user',
    what: '集成电路链主企业 · the IC chain master',
  },
  {
    username: 'ent.ngit.ic.2',
    role: 'enterprise_user',
    what: '集成电路重点配套企业 · an IC supplier',
  },
];

export interface DemoReport {
  readonly created: boolean;
  readonly organisations: number;
  readonly users: number;
  readonly tasks: number;
  /** 督办单 the default ladder would have issued on the tasks already overdue. */
  readonly notices: number;
  /** Reminder and escalation steps still ahead for the open demo tasks, as scheduled events. */
  readonly steps: number;
}

/**
 * A generated short board's progress: none while identified, all once resolved, else
 * near the pace of its days so far (`started` days ago, `remaining` to go), some ahead,
 * some behind. Draws from `rand` only for a board under way. Shared with the province
 * generator of tools/bench.
 */
export function shortBoardProgress(
  status: 'identified' | 'tackling' | 'breakthrough' | 'resolved',
  started: number,
  remaining: number,
  rand: () => number,
): number {
  if (status === 'identified') return 0;
  if (status === 'resolved') return 100;
  const elapsed = Math.max(0, started) / (started + remaining);
  return Math.min(95, Math.max(5, Math.round(elapsed * 100 * (0.7 + rand() * 0.5))));
}

/** mulberry32: a tiny deterministic generator, so a given seed always yields the same province. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const WORDS: Record<string, readonly string[]> = {
  next_generation_it: ['芯', '微电子', '信息', '光电', '智能', '数科'],
  high_end_equipment: ['重工', '精机', '装备', '动力', '数控', '机电'],
  new_materials: ['新材', '特材', '高分子', '碳材', '陶瓷', '合金'],
  modern_medicine: ['药业', '生物', '医疗', '制药', '健康', '基因'],
  high_end_chemicals: ['化学', '化工', '石化', '新能源', '精细化工', '氟材'],
  traditional: ['实业', '集团', '纺织', '食品', '钢铁', '建材'],
  future: ['科技', '量子', '氢能', '空天', '深海', '元宇宙'],
};
const PREFIXES = [
  '华',
  '鲁',
  '齐',
  '泰',
  '海',
  '金',
  '新',
  '恒',
  '瑞',
  '盛',
  '东',
  '岱',
  '利',
  '青',
  '沂',
  '汇',
];
const STAGE_NODES: Record<string, readonly [string, 'upstream' | 'midstream' | 'downstream'][]> = {
  'ngit.ic': [
    ['EDA 与芯片设计', 'upstream'],
    ['光刻胶与电子化学品', 'upstream'],
    ['硅片与衬底', 'upstream'],
    ['晶圆制造', 'midstream'],
    ['封装测试', 'midstream'],
    ['整机与应用', 'downstream'],
  ],
};
const GENERIC_NODES: readonly [string, 'upstream' | 'midstream' | 'downstream'][] = [
  ['原材料与基础件', 'upstream'],
  ['关键零部件', 'upstream'],
  ['核心制造', 'midstream'],
  ['系统集成', 'midstream'],
  ['应用与服务', 'downstream'],
];
const TITLES = [
  '关键工艺攻关',
  '国产替代验证',
  '产能扩建',
  '上下游对接会',
  '标准制定',
  '首台套推广',
  '人才引进',
  '供应链备份',
];
const SHORT_BOARDS = [
  '高端光刻胶',
  '车规级芯片',
  '高精度轴承',
  '工业软件内核',
  '高纯试剂',
  '精密减速器',
  '特种纤维',
  '高端传感器',
];

/**
 * A living province for a first start: enterprises per chain and city, leaders,
 * members, chain maps, short boards, projects, tasks in every state, reports and
 * requests. Deterministic for a seed; loads once (a second run finds the province
 * office and does nothing). Due dates are relative to the database's today, so some
 * open tasks are overdue whenever it runs.
 */
export async function seedDemo(
  dataSource: DataSource,
  /** Called only when the province gets loaded: hashing is slow on purpose, and most starts find it loaded. */
  hashPassword: () => Promise<string>,
  seed = 2026,
): Promise<DemoReport> {
  return dataSource.transaction(async (manager) => {
    const existing = (await manager.query(
      `SELECT 1 FROM app_user WHERE username = 'admin'`,
    )) as unknown[];
    if (existing.length > 0)
      return { created: false, organisations: 0, users: 0, tasks: 0, notices: 0, steps: 0 };
    const passwordHash = await hashPassword();
    const rand = random(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
    const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
    let organisations = 0;
    let users = 0;
    let tasks = 0;
    const usedNames = new Set<string>();

    const organisation = async (
      name: string,
      kind: string,
      regionCode: string,
    ): Promise<string> => {
      const creditCode = kind === 'enterprise' ? creditCode17(rand, regionCode) : null;
      const [{ id }] = (await manager.query(
        `INSERT INTO organisation (name, kind, credit_code, region_code) VALUES ($1, $2, $3, $4) RETURNING id`,
        [
          name,
          kind,
          creditCode ? creditCode + creditCodeCheckCharacter(creditCode) : null,
          regionCode,
        ],
      )) as [{ id: string }];
      organisations++;
      return id;
    };
    const user = async (
      username: string,
      displayName: string,
      role: string,
      organisationId: string,
      regionCode: string | null = null,
    ) => {
      const [{ id }] = (await manager.query(
        `INSERT INTO app_user (username, display_name, role, organisation_id, region_code, password_hash)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [username, displayName, role, organisationId, regionCode, passwordHash],
      )) as [{ id: string }];
      users++;
      return id;
    };

    const office = await organisation('山东省工业和信息化厅', 'government', '370000');
    const qingdaoBureau = await organisation('青岛市工业和信息化局', 'government', '370200');
    await user('admin', '省工信厅管理员', 'province_admin', office);
    await user('analyst', '省级分析员', 'province_analyst', office);
    await user('city.qingdao', '青岛市协调员', 'city_coordinator', qingdaoBureau, '370200');
    const chief = await user('chief.ngit', '新一代信息技术总链长', 'chain_leader', office);

    const chains = (await manager.query(
      `SELECT c.id, c.code, c.name_zh, c.industry_group, p.code AS parent_code,
              coalesce((SELECT array_agg(region_code ORDER BY region_code) FROM chain_city_layout l WHERE l.chain_id = c.id), '{}') AS cities
       FROM chain c LEFT JOIN chain p ON p.id = c.parent_id WHERE c.parent_id IS NOT NULL ORDER BY c.code`,
    )) as {
      id: string;
      code: string;
      name_zh: string;
      industry_group: string;
      parent_code: string;
      cities: string[];
    }[];
    const [{ today }] = (await manager.query(
      `SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS today`,
    )) as [{ today: string }];
    const dayOffset = (offset: number) => {
      const date = new Date(`${today}T00:00:00Z`);
      date.setUTCDate(date.getUTCDate() + offset);
      return date.toISOString().slice(0, 10);
    };

    for (const chain of chains) {
      const leader = await user(
        `leader.${chain.code}`,
        `${chain.name_zh}链长`,
        'chain_leader',
        office,
      );
      const staff = await user(
        `office.${chain.code}`,
        `${chain.name_zh}链长办`,
        'chain_office',
        office,
      );
      await manager.query(
        `INSERT INTO chain_leadership (chain_id, user_id, kind) VALUES ($1, $2, 'leader'), ($1, $3, 'office')`,
        [chain.id, leader, staff],
      );
      if (chain.parent_code === 'ngit') {
        await manager.query(
          `INSERT INTO chain_leadership (chain_id, user_id, kind) VALUES ($1, $2, 'chief')`,
          [chain.id, chief],
        );
      }

      const cities = chain.cities.length > 0 ? chain.cities : SHANDONG_CITIES.map((c) => c.code);
      const members: string[] = [];
      const count = int(6, 9);
      for (let i = 0; i < count; i++) {
        const city = i < cities.length ? (cities[i] as string) : pick(cities);
        const cityName =
          SHANDONG_CITIES.find((c) => c.code === city)?.nameZh.replace('市', '') ?? '山东';
        let name = '';
        do {
          name = `${cityName}${pick(PREFIXES)}${pick(PREFIXES)}${pick(WORDS[chain.industry_group] ?? ['科技'])}${rand() < 0.4 ? '股份有限公司' : '有限公司'}`;
        } while (usedNames.has(name));
        usedNames.add(name);
        const org = await organisation(name, 'enterprise', city);
        members.push(org);
        const role = i === 0 ? 'chain_master' : i <= 2 ? 'key_supporting' : 'member';
        await manager.query(
          `INSERT INTO chain_member (chain_id, organisation_id, role) VALUES ($1, $2, $3)`,
          [chain.id, org, role],
        );
        if (i < 2)
          await user(`ent.${chain.code}.${i + 1}`, `${name}联络员`, 'enterprise_user', org);
      }
      const institute = await organisation(
        `山东省${chain.name_zh}创新研究院`,
        'institute',
        '370100',
      );
      await manager.query(
        `INSERT INTO chain_member (chain_id, organisation_id, role) VALUES ($1, $2, 'research_partner')`,
        [chain.id, institute],
      );

      const nodeIds: string[] = [];
      for (const [index, [name, stage]] of (STAGE_NODES[chain.code] ?? GENERIC_NODES).entries()) {
        const foreign =
          stage === 'upstream' && rand() < 0.5 ? Math.round(rand() * 90 + 10) / 100 : null;
        const [{ id }] = (await manager.query(
          `INSERT INTO chain_node (chain_id, stage, name, foreign_dependence, chokepoint, sort_order) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [chain.id, stage, name, foreign, foreign !== null && foreign >= 0.7, index],
        )) as [{ id: string }];
        nodeIds.push(id);
        const suppliers = int(0, 3);
        for (const org of new Set(Array.from({ length: suppliers }, () => pick(members)))) {
          await manager.query(
            `INSERT INTO chain_node_enterprise (node_id, organisation_id) VALUES ($1, $2)`,
            [id, org],
          );
        }
      }

      const boards: string[] = [];
      for (let i = 0; i < 2; i++) {
        const status = pick([
          'identified',
          'tackling',
          'tackling',
          'breakthrough',
          'resolved',
        ] as const);
        // Days since the attack started (an identified one starts soon) and days left to
        // its target; progress near the ideal pace, some ahead, some behind.
        const started = status === 'identified' ? -int(5, 60) : int(200, 500);
        const remaining = int(100, 700);
        const progress = shortBoardProgress(status, started, remaining, rand);
        const [{ id }] = (await manager.query(
          `INSERT INTO short_board (chain_id, node_id, title, category, chokepoint, foreign_dependence, status, progress, start_date, target_date)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [
            chain.id,
            pick(nodeIds),
            `${pick(SHORT_BOARDS)}（${chain.name_zh}）`,
            pick(SHORT_BOARD_CATEGORIES),
            rand() < 0.5,
            Math.round(rand() * 80) / 100,
            status,
            progress,
            dayOffset(-started),
            dayOffset(remaining),
          ],
        )) as [{ id: string }];
        boards.push(id);
        await manager.query(
          `INSERT INTO short_board_owner (short_board_id, organisation_id) VALUES ($1, $2)`,
          [id, members[0]],
        );
      }

      const projects: string[] = [];
      for (let i = 0; i < 2; i++) {
        const planned = int(5, 500) * 1000;
        const [{ id }] = (await manager.query(
          `INSERT INTO project (chain_id, name, type, region_code, owner_organisation_id, planned_investment, completed_investment, stage, start_date, end_date)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [
            chain.id,
            `${chain.name_zh}${pick(['产业园', '生产线', '研发中心', '扩能'])}项目${i + 1}`,
            pick(PROJECT_TYPES),
            pick(cities),
            pick(members),
            planned,
            Math.round(planned * rand() * 0.9),
            pick(PROJECT_STAGES),
            dayOffset(-int(100, 400)),
            dayOffset(int(150, 900)),
          ],
        )) as [{ id: string }];
        projects.push(id);
        for (const [index, name] of ['签约', '开工', '投产'].entries()) {
          await manager.query(
            `INSERT INTO project_milestone (project_id, name, planned_date, actual_date, sort_order) VALUES ($1, $2, $3, $4, $5)`,
            [id, name, dayOffset(-300 + index * 300), index === 0 ? dayOffset(-300) : null, index],
          );
        }
      }

      for (const [index, status] of TASK_STATUSES.entries()) {
        // Created up to twelve weeks ago, so the cockpit's trends have a past.
        const age = int(3, 84);
        // The second demo enterprise account (ent.<chain>.2) has work to 签收, do and redo;
        // the other tasks go round the rest of the members.
        const assignee = (
          ['assigned', 'in_progress', 'returned'].includes(status)
            ? members[1]
            : members[(index % (members.length - 2)) + 2]
        ) as string;
        const [{ id }] = (await manager.query(
          `INSERT INTO task (chain_id, short_board_id, project_id, title, description, assigner_user_id, assignee_organisation_id, status, priority, due_date, report_every_workdays, progress, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now() - make_interval(days => $13)) RETURNING id`,
          [
            chain.id,
            index % 3 === 0 ? pick(boards) : null,
            index % 3 === 1 ? pick(projects) : null,
            `${chain.name_zh}${pick(TITLES)}`,
            '按链长办部署推进，按期报送进展。',
            rand() < 0.5 ? leader : staff,
            assignee,
            status,
            pick(['low', 'normal', 'normal', 'high', 'urgent']),
            // Most work is on time; about one in twelve is late, some of it by weeks.
            dayOffset(rand() < 0.08 ? int(-20, -1) : int(1, 60)),
            rand() < 0.5 ? int(5, 10) : null,
            status === 'done'
              ? 100
              : ['in_progress', 'submitted', 'returned'].includes(status)
                ? int(20, 80)
                : 0,
            age,
          ],
        )) as [{ id: string }];
        tasks++;
        if (rand() < 0.5)
          await manager.query(
            `INSERT INTO task_co_handler (task_id, organisation_id) VALUES ($1, $2)`,
            [id, members[0]],
          );
        await history(manager, id, status, leader, assignee, age);
        if (['in_progress', 'submitted', 'done', 'returned'].includes(status)) {
          const accepted = status !== 'returned';
          await manager.query(
            `INSERT INTO progress_report (subject_type, subject_id, chain_id, organisation_id, author_user_id, percent, narrative, status, review_reason, reviewed_by_user_id, reviewed_at)
             SELECT 'task', $1, $2, $3, u.id, $4, '按计划推进，已完成阶段目标。', $5, $6, $7, now() FROM app_user u WHERE u.organisation_id = $3 LIMIT 1`,
            [
              id,
              chain.id,
              assignee,
              int(20, 90),
              accepted ? 'accepted' : 'returned',
              accepted ? null : '请补充佐证材料',
              staff,
            ],
          );
        }
        if (status === 'in_progress') {
          await manager.query(
            `INSERT INTO progress_report (subject_type, subject_id, chain_id, organisation_id, author_user_id, percent, narrative, needs)
             SELECT 'task', $1, $2, $3, u.id, $4, '本周完成设备调试。', '需协调用电指标' FROM app_user u WHERE u.organisation_id = $3 LIMIT 1`,
            [id, chain.id, assignee, int(30, 90)],
          );
        }
      }

      const requester = (await manager.query(`SELECT id FROM app_user WHERE organisation_id = $1`, [
        members[0],
      ])) as { id: string }[];
      if (requester[0]) {
        for (const [index, status] of (['open', 'assigned', 'answered'] as const).entries()) {
          if (index > 0 && rand() < 0.5) continue;
          await manager.query(
            `INSERT INTO coordination_request (chain_id, organisation_id, raised_by_user_id, category, title, body, status, department, answer, respond_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
            [
              chain.id,
              members[0],
              requester[0].id,
              pick(['land', 'energy', 'finance', 'talent', 'logistics']),
              pick([
                '新增用地指标',
                '用能指标调剂',
                '融资担保对接',
                '高层次人才落户',
                '物流通道协调',
              ]),
              '企业扩产遇到要素瓶颈，请链长办协调。',
              status,
              status === 'open'
                ? null
                : pick([
                    '省发展改革委',
                    '省自然资源厅',
                    '省地方金融监管局',
                    '省人力资源社会保障厅',
                  ]),
              status === 'answered' ? '已协调相关部门，纳入年度统筹。' : null,
              dayOffset(int(-3, 7)),
            ],
          );
        }
      }
    }
    // The day each closed task was done or cancelled, as the workflow records it.
    await manager.query(
      `UPDATE task t SET closed_on = c.day
       FROM (SELECT e.task_id, min((e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date) AS day
             FROM task_event e WHERE e.to_status IN ('done', 'cancelled') GROUP BY e.task_id) c
       WHERE c.task_id = t.id AND t.status IN ('done', 'cancelled')`,
    );
    const notices = await noticeHistory(manager, today);
    const steps = await planOpenTasks(manager);
    await demoChallenges(manager, dayOffset);
    return { created: true, organisations, users, tasks, notices, steps };
  });
}

/**
 * The 督办单 the default ladder (黄牌 at 3 workdays overdue, 红牌 at 7) would already have
 * issued on open overdue tasks, numbered in order of issue as the scheduler numbers them.
 * The seed writes history, not timers: steps still ahead for demo tasks are not planned.
 */
async function noticeHistory(manager: EntityManager, today: string): Promise<number> {
  const calendar = new WorkdayCalendar(OFFICIAL_CALENDAR);
  const steps = DEFAULT_ESCALATION_POLICY.steps.filter(
    (s): s is typeof s & { level: 'yellow' | 'red' } =>
      s.anchor === 'due' && (s.level === 'yellow' || s.level === 'red'),
  );
  const late = (await manager.query(
    `SELECT id, to_char(due_date, 'YYYY-MM-DD') AS "dueDate" FROM task
     WHERE status IN ('assigned', 'accepted', 'in_progress', 'returned') AND due_date < $1::date
     ORDER BY due_date, id`,
    [today],
  )) as { id: string; dueDate: string }[];
  const issued: { taskId: string; day: string; step: string; level: string; overdue: number }[] =
    [];
  for (const task of late) {
    const deadline = deadlineWorkday(calendar, task.dueDate);
    for (const step of steps) {
      const day = calendar.addWorkdays(deadline, step.offsetWorkdays);
      if (day < today) {
        issued.push({
          taskId: task.id,
          day,
          step: step.key,
          level: step.level,
          overdue: step.offsetWorkdays,
        });
      }
    }
  }
  issued.sort((a, b) => a.day.localeCompare(b.day) || a.taskId.localeCompare(b.taskId));
  const sequence = new Map<number, number>();
  for (const notice of issued) {
    const year = Number(notice.day.slice(0, 4));
    const seq = (sequence.get(year) ?? 0) + 1;
    sequence.set(year, seq);
    await manager.query(
      `INSERT INTO supervision_notice (task_id, event_id, year, seq, number, level, step, overdue_workdays, issued_at)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, ($8::date + time '09:00') AT TIME ZONE 'Asia/Shanghai')`,
      [
        notice.taskId,
        year,
        seq,
        `鲁链督〔${year}〕${seq}号`,
        notice.level,
        notice.step,
        notice.overdue,
        notice.day,
      ],
    );
  }
  return issued.length;
}

/**
 * What assigning each open demo task through the api would have left behind: its 签收
 * day, the province's default ladder frozen on it, and one pending scheduled event per
 * step still ahead, in the rows and payload the escalation service writes. The worker's
 * reconciler finds them at start, so the demo's reminders and escalations run by
 * themselves like any other.
 */
async function planOpenTasks(manager: EntityManager): Promise<number> {
  const calendar = new WorkdayCalendar(OFFICIAL_CALENDAR);
  const now = new Date();
  const open = (await manager.query(
    `UPDATE task SET assigned_on = (created_at AT TIME ZONE 'Asia/Shanghai')::date, escalation_policy = $1
     WHERE status IN ('assigned', 'accepted', 'in_progress', 'submitted', 'returned')
     RETURNING id, status, to_char(due_date, 'YYYY-MM-DD') AS "dueDate",
               to_char(assigned_on, 'YYYY-MM-DD') AS "assignedOn", report_every_workdays AS "reportEveryWorkdays"`,
    [JSON.stringify(DEFAULT_ESCALATION_POLICY)],
  )) as [
    {
      id: string;
      status: TaskStatus;
      dueDate: string;
      assignedOn: string;
      reportEveryWorkdays: number | null;
    }[],
    number,
  ];
  let planned = 0;
  for (const task of open[0]) {
    const steps = planTaskSteps(
      DEFAULT_ESCALATION_POLICY,
      { ...task, lastReportOn: null },
      calendar,
      now,
    );
    for (const step of steps) {
      await manager.query(
        `INSERT INTO scheduled_event (subject_type, subject_id, kind, step, fire_at, payload)
         VALUES ('task', $1, 'task.step', $2, $3, $4)`,
        [task.id, step.key, step.fireAt, JSON.stringify(stepPayload(step))],
      );
      planned++;
    }
  }
  return planned;
}

/** The history a task in `status` would have, step by step from its creation. */
async function history(
  manager: EntityManager,
  taskId: string,
  status: TaskStatus,
  assigner: string,
  assigneeOrganisation: string,
  /** Days since the task was created; its steps are spread over them. */
  age: number,
): Promise<void> {
  const [assignee] = (await manager.query(
    `SELECT id FROM app_user WHERE organisation_id = $1 LIMIT 1`,
    [assigneeOrganisation],
  )) as { id: string }[];
  await manager.query(
    `INSERT INTO task_event (task_id, actor_user_id, action, to_status, occurred_at) VALUES ($1, $2, 'create', 'draft', now() - make_interval(days => $3))`,
    [taskId, assigner, age],
  );
  const steps = TASK_PATHS[status];
  for (const [index, [action, from, to]] of steps.entries()) {
    const daysAgo = (age * (steps.length - index - 1)) / steps.length;
    const byAssignee = ['accept', 'start', 'submit', 'resume', 'decline'].includes(action);
    await manager.query(
      `INSERT INTO task_event (task_id, actor_user_id, action, from_status, to_status, reason, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() - make_interval(secs => $7::float8 * 86400))`,
      [
        taskId,
        byAssignee ? (assignee?.id ?? null) : assigner,
        action,
        from,
        to,
        action === 'return' ? '材料不完整' : action === 'cancel' ? '任务调整' : null,
        daysAgo,
      ],
    );
  }
}

/** 17 characters of a credit code for an enterprise registered in `regionCode` (市场监管, 企业). */
function creditCode17(rand: () => number, regionCode: string): string {
  let code = `91${regionCode}`;
  while (code.length < 17) code += CREDIT_CODE_ALPHABET.charAt(Math.floor(rand() * 31));
  return code;
}

/**
 * 揭榜挂帅 in the demo: an open call on the IC chain with one application, a call on the
 * software chain whose deadline has passed with a shortlisted and a submitted application
 * (ready for 定榜), and a draft on the automotive chain. Written as the api would leave
 * them; no randomness, so the rest of the province stays as the seed makes it.
 */
async function demoChallenges(
  manager: EntityManager,
  dayOffset: (offset: number) => string,
): Promise<void> {
  const calls = [
    {
      chain: 'ngit.ic',
      status: 'published',
      deadline: 25,
      budget: 2000,
      applicants: ['submitted'],
    },
    {
      chain: 'ngit.software',
      status: 'published',
      deadline: -3,
      budget: 800,
      applicants: ['shortlisted', 'submitted'],
    },
    { chain: 'equipment.auto', status: 'draft', deadline: 30, budget: 1200, applicants: [] },
  ] as const;
  for (const call of calls) {
    const [board] = (await manager.query(
      `SELECT s.id, s.chain_id AS "chainId", s.title, l.user_id AS "officeId"
       FROM short_board s JOIN chain c ON c.id = s.chain_id
       JOIN chain_leadership l ON l.chain_id = c.id AND l.kind = 'office'
       WHERE c.code = $1 AND s.status IN ('identified', 'tackling', 'breakthrough')
       ORDER BY s.title, s.id LIMIT 1`,
      [call.chain],
    )) as { id: string; chainId: string; title: string; officeId: string }[];
    if (!board) continue;
    const [{ id }] = (await manager.query(
      `INSERT INTO challenge (chain_id, short_board_id, title, requirements, budget_wan, deadline, status, created_by_user_id, published_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $7 = 'published' THEN now() - make_interval(days => 20) END, now() - make_interval(days => 21))
       RETURNING id`,
      [
        board.chainId,
        board.id,
        `${board.title}揭榜攻关`,
        `面向省内外企业和高校院所公开征集「${board.title}」攻关方案：\n1. 关键指标达到国际同类产品水平，形成自主知识产权；\n2. 完成中试验证并在省内链主企业实现应用；\n3. 揭榜单位须具备相应研发条件，可牵头组建联合体。`,
        call.budget,
        dayOffset(call.deadline),
        call.status,
        board.officeId,
      ],
    )) as [{ id: string }];
    for (const [index, [title, offset]] of (
      [
        ['方案评审', 45],
        ['中试验证', 180],
        ['成果验收', 360],
      ] as const
    ).entries()) {
      await manager.query(
        `INSERT INTO challenge_milestone (challenge_id, title, due_date, sort_order) VALUES ($1, $2, $3, $4)`,
        [id, title, dayOffset(offset), index],
      );
    }
    for (const [index, status] of call.applicants.entries()) {
      await manager.query(
        `INSERT INTO challenge_application (challenge_id, organisation_id, submitted_by_user_id, proposal, quoted_budget_wan, planned_completion_date, status, decided_at)
         SELECT $1, u.organisation_id, u.id, $3, $4, $5, $6, CASE WHEN $6 = 'shortlisted' THEN now() END
         FROM app_user u WHERE u.username = $2`,
        [
          id,
          `ent.${call.chain}.${index + 1}`,
          '依托企业技术中心和省级重点实验室，联合上下游企业组建攻关团队，分三阶段完成研发、中试和应用验证。',
          Math.round(call.budget * (0.8 + index * 0.1)),
          dayOffset(330 + index * 30),
          status,
        ],
      );
    }
  }
}
