import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckCharacter,
  deadlineWorkday,
  DEFAULT_ESCALATION_POLICY,
  OFFICIAL_CALENDAR,
  planTaskSteps,
  PROJECT_STAGES,
  PROJECT_TYPES,
  SHANDONG_CITIES,
  SHORT_BOARD_CATEGORIES,
  stepPayload,
  TASK_PATHS,
  TASK_STATUSES,
  WorkdayCalendar,
  type TaskStatus,
} from '@lianzhang/domain';
import { shortBoardProgress } from '@lianzhang/server/seed';
import type { Client } from 'pg';
import { copyInto, line, withoutIndexes } from './copy';

/**
 * A province at full scale for the benchmarks (issue 7): the plan's catalogue chains plus
 * eight local chains in each of the 16 cities, 50,000 enterprises with one user each,
 * 1,000,000 tasks with their history, 3,000,000 progress reports and 2,000,000 pending
 * scheduled events, written with COPY into a database that holds the migrated schema and
 * the catalogue (`seedCatalogue`). Deterministic: the same seed, scale and `now` give the
 * same rows, ids included.
 *
 * The shape follows how the platform is used: tasks created over the last two years,
 * 45 in 100 short (1–6 months), the rest long (6–20 months); about two in three closed
 * (most done, some cancelled), about two in a hundred open and past their due date; the work
 * concentrated on each chain's leading enterprises (a chain master carries hundreds of
 * tasks, a typical member a handful). Open tasks carry what assigning them through the
 * api leaves: the 签收 day, the frozen default ladder, and one pending scheduled event
 * per step still ahead, planned by the domain's `planTaskSteps`.
 */
export interface ProvinceOptions {
  /** 1 is the province of issue 7; tests use a small fraction. */
  readonly scale: number;
  readonly seed: number;
  /** The moment the province is generated for: due dates and pending steps are relative to it. */
  readonly now: Date;
  /** One hash for every generated account (hashing 50,000 passwords would take an hour). */
  readonly passwordHash: string;
  readonly log?: (line: string) => void;
}

export interface ProvinceReport {
  readonly chains: number;
  readonly localChains: number;
  readonly enterprises: number;
  readonly users: number;
  readonly tasks: number;
  readonly openTasks: number;
  readonly overdueTasks: number;
  readonly taskEvents: number;
  readonly progressReports: number;
  readonly notices: number;
  readonly pendingEvents: number;
  /** Accounts and ids the API benchmark reads as. */
  readonly bench: BenchFixture;
}

export interface BenchFixture {
  /** The enterprise with the most tasks: the IC chain's master. */
  readonly busyEnterpriseUser: string;
  readonly busyEnterpriseTasks: number;
  /** An enterprise with the median number of tasks. */
  readonly typicalEnterpriseUser: string;
  readonly typicalEnterpriseTasks: number;
  readonly chainId: string;
  readonly chainCode: string;
  readonly chainTasks: number;
  readonly chainLeaderUser: string;
}

export const PROVINCE_SIZES = {
  enterprises: 50_000,
  tasks: 1_000_000,
  progressReports: 3_000_000,
  pendingEvents: 2_000_000,
  localChainsPerCity: 8,
} as const;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const LOCAL_CHAINS = [
  ['food', '食品加工', 'food processing', 'traditional'],
  ['textile', '纺织服装', 'textiles and apparel', 'traditional'],
  ['home', '智能家居', 'smart home', 'high_end_equipment'],
  ['autoparts', '汽车零部件', 'auto parts', 'high_end_equipment'],
  ['farm', '农机装备', 'farm machinery', 'high_end_equipment'],
  ['building', '绿色建材', 'green building materials', 'new_materials'],
  ['finechem', '精细化工', 'fine chemicals', 'high_end_chemicals'],
  ['device', '医疗器械', 'medical devices', 'modern_medicine'],
] as const;
/** Enterprises per city, roughly by industrial output (济南, 青岛, 烟台, 潍坊 lead). */
const CITY_WEIGHTS: Record<string, number> = {
  '370100': 12,
  '370200': 14,
  '370300': 5,
  '370400': 2,
  '370500': 4,
  '370600': 9,
  '370700': 8,
  '370800': 5,
  '370900': 3,
  '371000': 3,
  '371100': 2,
  '371300': 5,
  '371400': 3,
  '371500': 3,
  '371600': 3,
  '371700': 4,
};
const PREFIXES = '华鲁齐泰海金新恒瑞盛东岱利青沂汇宏远诚达信安';
const WORDS = ['科技', '实业', '精工', '新材', '装备', '电子', '智能', '化工', '生物', '机械'];
const TITLES = [
  '关键工艺攻关',
  '国产替代验证',
  '产能扩建',
  '上下游对接',
  '标准制定',
  '首台套推广',
  '人才引进',
  '供应链备份',
  '技术改造',
  '数字化转型',
  '绿色低碳改造',
  '质量提升',
];
const NODES = [
  ['原材料与基础件', 'upstream'],
  ['关键零部件', 'upstream'],
  ['核心装备', 'upstream'],
  ['核心制造', 'midstream'],
  ['系统集成', 'midstream'],
  ['应用与服务', 'downstream'],
] as const;
const CLOSED: readonly TaskStatus[] = ['done', 'cancelled'];
const POLICY_JSON = JSON.stringify(DEFAULT_ESCALATION_POLICY);

/** mulberry32, as the demo province uses. */
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

function mix(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const hex = (value: number, width: number) => value.toString(16).padStart(width, '0').slice(-width);

/**
 * A version-4 shaped uuid unique for (kind, n) by construction (its last group is kind and
 * n) and scattered by its first groups, as random ids scatter in a B-tree.
 */
export function uuidOf(kind: number, n: number): string {
  const a = mix(kind * 0x9e3779b1 + n);
  const b = mix(a ^ n);
  return `${hex(a, 8)}-${hex(b >>> 16, 4)}-4${hex(b, 3)}-${hex(0x8000 | (a & 0x3fff), 4)}-${hex(kind, 2)}${hex(n, 10)}`;
}

const enum Kind {
  Enterprise = 1,
  Organisation = 2,
  User = 3,
  Chain = 4,
  Node = 5,
  Board = 6,
  Project = 7,
  Milestone = 8,
  Task = 9,
  Report = 11,
  Notice = 12,
  Event = 13,
  NoticeEvent = 14,
  Request = 15,
}

const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** An instant on Shanghai day `day` at `hours` o'clock (fractional). */
const at = (day: number, hours: number) =>
  new Date(day * DAY_MS + (hours - 8) * HOUR_MS).toISOString();

interface ChainInfo {
  readonly id: string;
  readonly code: string;
  readonly nameZh: string;
  readonly local: boolean;
  readonly cities: readonly string[];
  readonly members: number[];
  leader: number;
  office: number;
  readonly boards: number[];
  readonly projects: number[];
}

/** Statuses by their index in the typed arrays below. */
const STATUS_CODES = TASK_STATUSES;
const S = Object.fromEntries(STATUS_CODES.map((s, i) => [s, i])) as Record<TaskStatus, number>;

/** Fills the database; expects the migrated schema with the catalogue and nothing else. */
export async function generateProvince(
  client: Client,
  options: ProvinceOptions,
): Promise<ProvinceReport> {
  const log = options.log ?? (() => undefined);
  const rand = random(options.seed);
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const calendar = new WorkdayCalendar(OFFICIAL_CALENDAR);
  const sizes = {
    enterprises: Math.max(200, Math.round(PROVINCE_SIZES.enterprises * options.scale)),
    tasks: Math.max(1_000, Math.round(PROVINCE_SIZES.tasks * options.scale)),
    reports: Math.max(3_000, Math.round(PROVINCE_SIZES.progressReports * options.scale)),
    events: Math.max(2_000, Math.round(PROVINCE_SIZES.pendingEvents * options.scale)),
  };
  const shanghaiNow = options.now.getTime() + 8 * HOUR_MS;
  const today = Math.floor(shanghaiNow / DAY_MS);
  const started = Date.now();
  const step = (what: string) => log(`${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  const restore = await withoutIndexes(client, [
    'organisation',
    'app_user',
    'chain_member',
    'task',
    'task_co_handler',
    'task_event',
    'progress_report',
    'supervision_notice',
    'scheduled_event',
  ]);

  // Chains: the catalogue's leaf chains, then eight local chains per city.
  const catalogue = (
    await client.query<{ id: string; code: string; name_zh: string; cities: string[] }>(
      `SELECT c.id, c.code, c.name_zh,
              coalesce((SELECT array_agg(region_code ORDER BY region_code) FROM chain_city_layout l WHERE l.chain_id = c.id), '{}') AS cities
       FROM chain c WHERE NOT EXISTS (SELECT 1 FROM chain k WHERE k.parent_id = c.id) ORDER BY c.code`,
    )
  ).rows;
  const chains: ChainInfo[] = catalogue.map((c) => ({
    id: c.id,
    code: c.code,
    nameZh: c.name_zh,
    local: false,
    cities: c.cities.length > 0 ? c.cities : SHANDONG_CITIES.map((city) => city.code),
    members: [],
    leader: 0,
    office: 0,
    boards: [],
    projects: [],
  }));
  for (const city of SHANDONG_CITIES) {
    for (const [key, nameZh, nameEn, group] of LOCAL_CHAINS.slice(
      0,
      PROVINCE_SIZES.localChainsPerCity,
    )) {
      const id = uuidOf(Kind.Chain, chains.length);
      const code = `local.${city.code}.${key}`;
      await client.query(
        `INSERT INTO chain (id, code, name_zh, name_en, industry_group, level, region_code)
         VALUES ($1, $2, $3, $4, $5, 'city', $6)`,
        [id, code, `${city.nameZh}${nameZh}产业链`, `${city.nameEn} ${nameEn}`, group, city.code],
      );
      chains.push({
        id,
        code,
        nameZh: `${city.nameZh}${nameZh}`,
        local: true,
        cities: [city.code],
        members: [],
        leader: 0,
        office: 0,
        boards: [],
        projects: [],
      });
    }
  }
  const localByCity = new Map<string, number[]>();
  const provincialByCity = new Map<string, number[]>();
  chains.forEach((chain, index) => {
    const map = chain.local ? localByCity : provincialByCity;
    for (const city of chain.cities) map.set(city, [...(map.get(city) ?? []), index]);
  });
  const provincial = chains.flatMap((c, i) => (c.local ? [] : [i]));
  step(`chains: ${provincial.length} provincial, ${chains.length - provincial.length} local`);

  // Enterprises, each in its city's chains; the first members of a chain lead it.
  const cityCodes = SHANDONG_CITIES.map((c) => c.code);
  const cityTotal = cityCodes.reduce((sum, code) => sum + (CITY_WEIGHTS[code] ?? 3), 0);
  const cityOf: string[] = [];
  const usedCodes = new Set<string>();
  const organisationLines: string[] = [];
  for (let e = 0; e < sizes.enterprises; e++) {
    let r = rand() * cityTotal;
    let city = cityCodes[0] as string;
    for (const code of cityCodes) {
      r -= CITY_WEIGHTS[code] ?? 3;
      if (r < 0) {
        city = code;
        break;
      }
    }
    cityOf.push(city);
    let credit = '';
    do {
      credit = `91${city}`;
      while (credit.length < 17) credit += CREDIT_CODE_ALPHABET.charAt(Math.floor(rand() * 31));
    } while (usedCodes.has(credit));
    usedCodes.add(credit);
    const cityName = SHANDONG_CITIES.find((c) => c.code === city)?.nameZh.replace('市', '') ?? '';
    const name = `${cityName}${pick([...PREFIXES])}${pick([...PREFIXES])}${pick(WORDS)}${rand() < 0.3 ? '股份有限公司' : '有限公司'}`;
    organisationLines.push(
      line([
        uuidOf(Kind.Enterprise, e),
        name,
        'enterprise',
        credit + creditCodeCheckCharacter(credit),
        city,
      ]),
    );
    const primary =
      rand() < 0.65 || !localByCity.has(city)
        ? pick(provincialByCity.get(city) ?? provincial)
        : pick(localByCity.get(city) ?? provincial);
    chains[primary]?.members.push(e);
    if (rand() < 0.25) {
      const second = pick(provincial);
      if (second !== primary) chains[second]?.members.push(e);
    }
  }
  const office = uuidOf(Kind.Organisation, 0);
  const others: [string, string, string, string][] = [
    [office, '山东省工业和信息化厅', 'government', '370000'],
    ...SHANDONG_CITIES.map(
      (c, i) =>
        [uuidOf(Kind.Organisation, 1 + i), `${c.nameZh}工业和信息化局`, 'government', c.code] as [
          string,
          string,
          string,
          string,
        ],
    ),
  ];
  await copyInto(
    client,
    'organisation',
    ['id', 'name', 'kind', 'credit_code', 'region_code'],
    (function* () {
      yield* organisationLines;
      for (const [id, name, kind, region] of others) yield line([id, name, kind, null, region]);
    })(),
  );
  organisationLines.length = 0;
  step(`organisations: ${sizes.enterprises} enterprises`);

  // Users: the province, one coordinator per city, a chief per group, a leader and an
  // office per chain, and one liaison per enterprise (ent.<n>).
  let userCount = 0;
  const userLines: string[] = [];
  const addUser = (
    username: string,
    displayName: string,
    role: string,
    organisationId: string,
    region: string | null = null,
  ) => {
    const index = userCount++;
    userLines.push(
      line([
        uuidOf(Kind.User, index),
        username,
        displayName,
        role,
        organisationId,
        region,
        options.passwordHash,
      ]),
    );
    return index;
  };
  addUser('admin', '省工信厅管理员', 'province_admin', office);
  addUser('analyst', '省级分析员', 'province_analyst', office);
  SHANDONG_CITIES.forEach((c, i) =>
    addUser(
      `city.${c.code}`,
      `${c.nameZh}协调员`,
      'city_coordinator',
      uuidOf(Kind.Organisation, 1 + i),
      c.code,
    ),
  );
  const leadershipLines: string[] = [];
  for (const chain of chains) {
    const organisation = chain.local
      ? uuidOf(Kind.Organisation, 1 + cityCodes.indexOf(chain.cities[0] as string))
      : office;
    chain.leader = addUser(
      `leader.${chain.code}`,
      `${chain.nameZh}链长`,
      'chain_leader',
      organisation,
    );
    chain.office = addUser(
      `office.${chain.code}`,
      `${chain.nameZh}链长办`,
      'chain_office',
      organisation,
    );
    leadershipLines.push(line([chain.id, uuidOf(Kind.User, chain.leader), 'leader']));
    leadershipLines.push(line([chain.id, uuidOf(Kind.User, chain.office), 'office']));
  }
  const enterpriseUserBase = userCount;
  for (let e = 0; e < sizes.enterprises; e++)
    addUser(`ent.${e}`, `企业联络员 ${e}`, 'enterprise_user', uuidOf(Kind.Enterprise, e));
  await copyInto(
    client,
    'app_user',
    ['id', 'username', 'display_name', 'role', 'organisation_id', 'region_code', 'password_hash'],
    userLines,
  );
  await copyInto(client, 'chain_leadership', ['chain_id', 'user_id', 'kind'], leadershipLines);
  const entUser = (e: number) => uuidOf(Kind.User, enterpriseUserBase + e);
  step(`users: ${userCount}`);

  await copyInto(
    client,
    'chain_member',
    ['chain_id', 'organisation_id', 'role'],
    (function* () {
      for (const chain of chains)
        for (const [i, e] of chain.members.entries())
          yield line([
            chain.id,
            uuidOf(Kind.Enterprise, e),
            i < 2
              ? 'chain_master'
              : i < 2 + chain.members.length * 0.05
                ? 'key_supporting'
                : 'member',
          ]);
    })(),
  );

  // Chain maps, short boards and projects.
  const nodeLines: string[] = [];
  const nodeEnterpriseLines: string[] = [];
  const boardLines: string[] = [];
  const ownerLines: string[] = [];
  const projectLines: string[] = [];
  const milestoneLines: string[] = [];
  let nodes = 0;
  let boards = 0;
  let projects = 0;
  for (const chain of chains) {
    const chainNodes: number[] = [];
    for (const [order, [name, stage]] of NODES.entries()) {
      const id = nodes++;
      chainNodes.push(id);
      const foreign =
        stage === 'upstream' && rand() < 0.5 ? Math.round(rand() * 90 + 10) / 100 : null;
      nodeLines.push(
        line([
          uuidOf(Kind.Node, id),
          chain.id,
          stage,
          name,
          foreign,
          foreign !== null && foreign >= 0.7,
          order,
        ]),
      );
      const suppliers = new Set(
        Array.from({ length: Math.min(chain.members.length, int(0, 6)) }, () =>
          pick(chain.members),
        ),
      );
      for (const e of suppliers)
        nodeEnterpriseLines.push(line([uuidOf(Kind.Node, id), uuidOf(Kind.Enterprise, e)]));
    }
    const member = () => chain.members[Math.floor(chain.members.length * rand() ** 2)] ?? 0;
    for (let i = 0; i < (chain.local ? 3 : 10); i++) {
      const id = boards++;
      chain.boards.push(id);
      const status = pick([
        'identified',
        'tackling',
        'tackling',
        'tackling',
        'breakthrough',
        'resolved',
      ] as const);
      const startedAgo = status === 'identified' ? -int(5, 60) : int(200, 700);
      const remaining = int(100, 900);
      const progress = shortBoardProgress(status, startedAgo, remaining, rand);
      boardLines.push(
        line([
          uuidOf(Kind.Board, id),
          chain.id,
          uuidOf(Kind.Node, pick(chainNodes)),
          `${pick(['高端光刻胶', '车规级芯片', '高精度轴承', '工业软件内核', '高纯试剂', '精密减速器', '特种纤维', '高端传感器'])}攻关（${chain.nameZh}）`,
          pick(SHORT_BOARD_CATEGORIES),
          rand() < 0.4,
          Math.round(rand() * 80) / 100,
          status,
          progress,
          isoOf(today - startedAgo),
          isoOf(today + remaining),
        ]),
      );
      if (chain.members.length > 0)
        ownerLines.push(line([uuidOf(Kind.Board, id), uuidOf(Kind.Enterprise, member())]));
    }
    for (let i = 0; i < (chain.local ? 5 : 20) && chain.members.length > 0; i++) {
      const id = projects++;
      chain.projects.push(id);
      const planned = int(5, 500) * 1000;
      projectLines.push(
        line([
          uuidOf(Kind.Project, id),
          chain.id,
          `${chain.nameZh}${pick(['产业园', '生产线', '研发中心', '扩能', '技改'])}项目${i + 1}`,
          pick(PROJECT_TYPES),
          pick(chain.cities),
          uuidOf(Kind.Enterprise, member()),
          planned,
          Math.round(planned * rand() * 0.9),
          pick(PROJECT_STAGES),
          isoOf(today - int(100, 600)),
          isoOf(today + int(150, 900)),
        ]),
      );
      for (const [order, name] of ['签约', '开工', '投产'].entries())
        milestoneLines.push(
          line([
            uuidOf(Kind.Milestone, id * 3 + order),
            uuidOf(Kind.Project, id),
            name,
            isoOf(today - 300 + order * 300),
            order === 0 ? isoOf(today - 300) : null,
            order,
          ]),
        );
    }
  }
  await copyInto(
    client,
    'chain_node',
    ['id', 'chain_id', 'stage', 'name', 'foreign_dependence', 'chokepoint', 'sort_order'],
    nodeLines,
  );
  await copyInto(
    client,
    'chain_node_enterprise',
    ['node_id', 'organisation_id'],
    nodeEnterpriseLines,
  );
  await copyInto(
    client,
    'short_board',
    [
      'id',
      'chain_id',
      'node_id',
      'title',
      'category',
      'chokepoint',
      'foreign_dependence',
      'status',
      'progress',
      'start_date',
      'target_date',
    ],
    boardLines,
  );
  await copyInto(client, 'short_board_owner', ['short_board_id', 'organisation_id'], ownerLines);
  await copyInto(
    client,
    'project',
    [
      'id',
      'chain_id',
      'name',
      'type',
      'region_code',
      'owner_organisation_id',
      'planned_investment',
      'completed_investment',
      'stage',
      'start_date',
      'end_date',
    ],
    projectLines,
  );
  await copyInto(
    client,
    'project_milestone',
    ['id', 'project_id', 'name', 'planned_date', 'actual_date', 'sort_order'],
    milestoneLines,
  );
  step(`chain maps: ${nodes} nodes, ${boards} short boards, ${projects} projects`);

  // Tasks: drawn per chain in proportion to its members, assignees skewed to the leaders.
  const withMembers = chains.filter((c) => c.members.length > 0);
  const memberTotal = withMembers.reduce((sum, c) => sum + c.members.length, 0);
  const n = sizes.tasks;
  const chainOf = new Int32Array(n);
  const assigneeOf = new Int32Array(n);
  const statusOf = new Uint8Array(n);
  const createdOf = new Int32Array(n);
  const dueOf = new Int32Array(n);
  const closedOf = new Int32Array(n).fill(-1);
  const everyOf = new Uint8Array(n);
  const reportsOf = new Uint8Array(n);
  const coHandlerOf = new Int32Array(n).fill(-1);
  let t = 0;
  for (const chain of withMembers) {
    const chainIndex = chains.indexOf(chain);
    const quota =
      chain === withMembers[withMembers.length - 1]
        ? n - t
        : Math.round((n * chain.members.length) / memberTotal);
    for (let k = 0; k < quota && t < n; k++, t++) {
      chainOf[t] = chainIndex;
      assigneeOf[t] = chain.members[Math.floor(chain.members.length * rand() ** 2.5)] ?? 0;
      if (rand() < 0.1 && chain.members.length > 1) coHandlerOf[t] = pick(chain.members);
      const created = today - Math.floor(rand() * 730);
      const duration = rand() < 0.45 ? int(30, 180) : int(180, 600);
      const due = created + duration;
      createdOf[t] = created;
      dueOf[t] = due;
      everyOf[t] = rand() < 0.7 ? pick([5, 10, 10, 20]) : 0;
      const r = rand();
      let status: TaskStatus;
      if (due < today - 10)
        status =
          r < 0.93
            ? 'done'
            : r < 0.98
              ? 'cancelled'
              : pick(['accepted', 'in_progress', 'in_progress', 'returned', 'submitted']);
      else if (due < today)
        status =
          r < 0.45
            ? 'done'
            : r < 0.5
              ? 'cancelled'
              : pick(['accepted', 'in_progress', 'in_progress', 'returned', 'submitted']);
      else
        status =
          r < 0.02
            ? 'draft'
            : r < 0.12
              ? 'assigned'
              : r < 0.27
                ? 'accepted'
                : r < 0.82
                  ? 'in_progress'
                  : r < 0.9
                    ? 'submitted'
                    : r < 0.93
                      ? 'returned'
                      : 'done';
      statusOf[t] = S[status];
      if (status === 'done')
        closedOf[t] = Math.min(
          today,
          rand() < 0.88 ? due - Math.floor(rand() * duration * 0.3) : due + int(1, 20),
        );
      else if (status === 'cancelled')
        closedOf[t] = Math.min(today, created + Math.floor(rand() * duration));
      reportsOf[t] =
        status === 'done'
          ? int(1, 6)
          : status === 'in_progress' || status === 'submitted' || status === 'returned'
            ? int(1, 4)
            : status === 'accepted'
              ? int(0, 1)
              : 0;
    }
  }
  // Exactly the report total: trim task reports if they overshoot; boards and projects take the rest.
  let taskReports = reportsOf.reduce((sum, v) => sum + v, 0);
  for (let i = n - 1; taskReports > sizes.reports && i >= 0; i--) {
    const minimum =
      statusOf[i] === S.done ||
      statusOf[i] === S.in_progress ||
      statusOf[i] === S.submitted ||
      statusOf[i] === S.returned
        ? 1
        : 0;
    const cut = Math.min((reportsOf[i] ?? 0) - minimum, taskReports - sizes.reports);
    if (cut > 0) {
      reportsOf[i] = (reportsOf[i] ?? 0) - cut;
      taskReports -= cut;
    }
  }
  // A closed task's reports are spread over its life; an open task's come at its cadence
  // up to about today (one in five is a cadence or two behind), as the reminders keep them.
  const reportDay = (i: number, k: number) => {
    const created = createdOf[i] as number;
    const count = reportsOf[i] as number;
    if (closedOf[i] === -1) {
      const gap = Math.max(2, Math.round((everyOf[i] || 10) * 1.4));
      const behind = mix(i) % 5 === 0 ? gap * (1 + (mix(i + 1) % 2)) : 0;
      const day = today - (count - 1 - k) * gap - (mix(i) % gap) - behind;
      return Math.max(Math.min(created + 1 + k, today), day);
    }
    const end = Math.max(created + 1, Math.min(today, closedOf[i] as number));
    return Math.min(end, created + 1 + Math.floor(((k + 1) * (end - created - 1)) / (count + 1)));
  };
  const reportStatus = (i: number, k: number): 'accepted' | 'submitted' | 'returned' => {
    const last = k === (reportsOf[i] as number) - 1;
    const status = statusOf[i];
    if (last && status === S.submitted) return 'submitted';
    if (last && status === S.returned) return 'returned';
    if (last && status === S.in_progress && mix(i) % 5 === 0) return 'submitted';
    return mix(i * 7 + k) % 33 === 0 ? 'returned' : 'accepted';
  };
  const lastReportOn = (i: number): string | null => {
    for (let k = (reportsOf[i] as number) - 1; k >= 0; k--)
      if (reportStatus(i, k) !== 'returned') return isoOf(reportDay(i, k));
    return null;
  };

  let openTasks = 0;
  let overdueTasks = 0;
  await copyInto(
    client,
    'task',
    [
      'id',
      'chain_id',
      'short_board_id',
      'project_id',
      'title',
      'description',
      'assigner_user_id',
      'assignee_organisation_id',
      'status',
      'priority',
      'due_date',
      'report_every_workdays',
      'progress',
      'created_at',
      'updated_at',
      'escalation_policy',
      'assigned_on',
      'last_report_on',
      'closed_on',
      'version',
    ],
    (function* () {
      for (let i = 0; i < n; i++) {
        const chain = chains[chainOf[i] as number] as ChainInfo;
        const status = STATUS_CODES[statusOf[i] as number] as TaskStatus;
        const open = !CLOSED.includes(status) && status !== 'draft';
        if (open) openTasks++;
        if (open && (dueOf[i] as number) < today) overdueTasks++;
        const h = mix(i);
        const link = h % 6;
        const done = status === 'done';
        const progress = done
          ? 100
          : ['in_progress', 'submitted', 'returned'].includes(status)
            ? 10 + (h % 81)
            : 0;
        const updated =
          closedOf[i] === -1
            ? Math.min(today, (createdOf[i] as number) + (h % 20))
            : (closedOf[i] as number);
        yield line([
          uuidOf(Kind.Task, i),
          chain.id,
          link === 0 && chain.boards.length > 0
            ? uuidOf(Kind.Board, chain.boards[h % chain.boards.length] as number)
            : null,
          link === 1 && chain.projects.length > 0
            ? uuidOf(Kind.Project, chain.projects[h % chain.projects.length] as number)
            : null,
          `${chain.nameZh}${TITLES[h % TITLES.length]}（${isoOf(createdOf[i] as number).slice(0, 7)}）`,
          '按链长办部署推进，按期报送进展。',
          uuidOf(Kind.User, h % 2 === 0 ? chain.leader : chain.office),
          uuidOf(Kind.Enterprise, assigneeOf[i] as number),
          status,
          (['normal', 'normal', 'normal', 'high', 'low', 'urgent'] as const)[h % 6] as string,
          isoOf(dueOf[i] as number),
          everyOf[i] || null,
          progress,
          at(createdOf[i] as number, 9 + (h % 9)),
          at(updated, 10 + (h % 8)),
          status === 'draft' ? null : POLICY_JSON,
          status === 'draft' ? null : isoOf(createdOf[i] as number),
          everyOf[i] ? lastReportOn(i) : null,
          closedOf[i] === -1 ? null : isoOf(closedOf[i] as number),
          1 + (reportsOf[i] as number) + (closedOf[i] === -1 ? 0 : 1),
        ]);
      }
    })(),
  );
  step(`tasks: ${n} (${openTasks} open, ${overdueTasks} overdue)`);

  await copyInto(
    client,
    'task_co_handler',
    ['task_id', 'organisation_id'],
    (function* () {
      for (let i = 0; i < n; i++)
        if (coHandlerOf[i] !== -1 && coHandlerOf[i] !== assigneeOf[i])
          yield line([uuidOf(Kind.Task, i), uuidOf(Kind.Enterprise, coHandlerOf[i] as number)]);
    })(),
  );

  // History: the workflow's path to each status, spread from creation to closing (or today).
  const taskEvents = await copyInto(
    client,
    'task_event',
    ['task_id', 'actor_user_id', 'action', 'from_status', 'to_status', 'reason', 'occurred_at'],
    (function* () {
      for (let i = 0; i < n; i++) {
        const chain = chains[chainOf[i] as number] as ChainInfo;
        const status = STATUS_CODES[statusOf[i] as number] as TaskStatus;
        const created = createdOf[i] as number;
        const end = closedOf[i] === -1 ? today : (closedOf[i] as number);
        const assigner = uuidOf(Kind.User, mix(i) % 2 === 0 ? chain.leader : chain.office);
        const task = uuidOf(Kind.Task, i);
        yield line([task, assigner, 'create', null, 'draft', null, at(created, 9)]);
        const steps = TASK_PATHS[status];
        for (const [k, [action, from, to]] of steps.entries()) {
          // The closing step on the day the task closed (its closed_on), the rest spread before it.
          const day =
            k === 0
              ? created
              : k === steps.length - 1 && closedOf[i] !== -1
                ? end
                : created + Math.floor(((end - created) * k) / steps.length);
          const byAssignee = action === 'accept' || action === 'start' || action === 'submit';
          yield line([
            task,
            byAssignee ? entUser(assigneeOf[i] as number) : assigner,
            action,
            from,
            to,
            action === 'return' ? '材料不完整' : action === 'cancel' ? '任务调整' : null,
            at(Math.min(day, today), 9.5 + k),
          ]);
        }
      }
    })(),
  );
  step(`task history: ${taskEvents} events`);

  // Progress reports: the tasks', then monthly ones on short boards and projects.
  const subjects = chains
    .flatMap((chain) => [
      ...chain.boards.map((b) => ({ type: 'short_board', id: uuidOf(Kind.Board, b), chain })),
      ...chain.projects.map((p) => ({ type: 'project', id: uuidOf(Kind.Project, p), chain })),
    ])
    .filter((s) => s.chain.members.length > 0);
  const progressReports = await copyInto(
    client,
    'progress_report',
    [
      'id',
      'subject_type',
      'subject_id',
      'chain_id',
      'organisation_id',
      'author_user_id',
      'percent',
      'narrative',
      'needs',
      'status',
      'review_reason',
      'reviewed_by_user_id',
      'reviewed_at',
      'created_at',
    ],
    (function* () {
      let r = 0;
      for (let i = 0; i < n; i++) {
        const count = reportsOf[i] as number;
        if (count === 0) continue;
        const chain = chains[chainOf[i] as number] as ChainInfo;
        for (let k = 0; k < count; k++) {
          const day = reportDay(i, k);
          const status = reportStatus(i, k);
          yield line([
            uuidOf(Kind.Report, r++),
            'task',
            uuidOf(Kind.Task, i),
            chain.id,
            uuidOf(Kind.Enterprise, assigneeOf[i] as number),
            entUser(assigneeOf[i] as number),
            Math.min(100, Math.round(((k + 1) * 100) / (count + 1))),
            '按计划推进，已完成阶段目标。',
            k % 4 === 3 ? '需协调用电指标' : '',
            status,
            status === 'returned' ? '请补充佐证材料' : null,
            status === 'submitted' ? null : uuidOf(Kind.User, chain.office),
            status === 'submitted' ? null : at(Math.min(today, day + 1), 15),
            at(day, 16),
          ]);
        }
      }
      for (let k = 0; r < sizes.reports; k++) {
        const subject = subjects[k % subjects.length] as (typeof subjects)[number];
        const round = Math.floor(k / subjects.length);
        const owner = subject.chain.members[
          mix(k) % Math.min(3, subject.chain.members.length)
        ] as number;
        yield line([
          uuidOf(Kind.Report, r++),
          subject.type,
          subject.id,
          subject.chain.id,
          uuidOf(Kind.Enterprise, owner),
          entUser(owner),
          Math.min(100, 5 + round),
          '本月攻关按计划推进。',
          '',
          'accepted',
          null,
          uuidOf(Kind.User, subject.chain.office),
          at(today - (round % 700), 15),
          at(today - (round % 700) - 1, 16),
        ]);
      }
    })(),
  );
  step(`progress reports: ${progressReports}`);

  // 督办单: 黄牌 at 3 workdays late and 红牌 at 7, on tasks still open or closed that late.
  const issued: { task: number; day: string; step: string; level: string; overdue: number }[] = [];
  const todayIso = isoOf(today);
  for (let i = 0; i < n; i++) {
    const status = statusOf[i] as number;
    if (status === S.draft || status === S.assigned) continue;
    const end = closedOf[i] === -1 ? todayIso : isoOf(closedOf[i] as number);
    if (isoOf(dueOf[i] as number) >= end) continue;
    const deadline = deadlineWorkday(calendar, isoOf(dueOf[i] as number));
    for (const [key, level, offset] of [
      ['overdue-3', 'yellow', 3],
      ['overdue-7', 'red', 7],
    ] as const) {
      const day = calendar.addWorkdays(deadline, offset);
      if (day < end) issued.push({ task: i, day, step: key, level, overdue: offset });
    }
  }
  issued.sort((a, b) => a.day.localeCompare(b.day) || a.task - b.task);
  const sequence = new Map<number, number>();
  const notices = await copyInto(
    client,
    'supervision_notice',
    [
      'id',
      'task_id',
      'event_id',
      'year',
      'seq',
      'number',
      'level',
      'step',
      'overdue_workdays',
      'issued_at',
    ],
    (function* () {
      for (const [k, notice] of issued.entries()) {
        const year = Number(notice.day.slice(0, 4));
        const seq = (sequence.get(year) ?? 0) + 1;
        sequence.set(year, seq);
        yield line([
          uuidOf(Kind.Notice, k),
          uuidOf(Kind.Task, notice.task),
          uuidOf(Kind.NoticeEvent, k),
          year,
          seq,
          `鲁链督〔${year}〕${seq}号`,
          notice.level,
          notice.step,
          notice.overdue,
          at(Math.round(Date.parse(notice.day) / DAY_MS), 9),
        ]);
      }
    })(),
  );
  issued.length = 0;
  step(`supervision notices: ${notices}`);

  // Pending steps of the open tasks, as the escalation service plans them, up to the total
  // (the open share is set so that they reach it; the last open tasks may keep fewer).
  const pendingEvents = await copyInto(
    client,
    'scheduled_event',
    ['id', 'subject_type', 'subject_id', 'kind', 'step', 'fire_at', 'payload', 'created_at'],
    (function* () {
      let e = 0;
      for (let i = 0; i < n && e < sizes.events; i++) {
        const status = STATUS_CODES[statusOf[i] as number] as TaskStatus;
        if (CLOSED.includes(status) || status === 'draft') continue;
        const planned = planTaskSteps(
          DEFAULT_ESCALATION_POLICY,
          {
            status,
            assignedOn: isoOf(createdOf[i] as number),
            dueDate: isoOf(dueOf[i] as number),
            lastReportOn: everyOf[i] ? lastReportOn(i) : null,
            reportEveryWorkdays: everyOf[i] || null,
          },
          calendar,
          options.now,
        );
        for (const s of planned) {
          if (e >= sizes.events) break;
          yield line([
            uuidOf(Kind.Event, e++),
            'task',
            uuidOf(Kind.Task, i),
            'task.step',
            s.key,
            s.fireAt.toISOString(),
            JSON.stringify(stepPayload(s)),
            options.now.toISOString(),
          ]);
        }
      }
    })(),
  );
  step(`pending scheduled events: ${pendingEvents}`);

  await copyInto(
    client,
    'coordination_request',
    [
      'id',
      'chain_id',
      'organisation_id',
      'raised_by_user_id',
      'category',
      'title',
      'body',
      'status',
      'department',
      'answer',
      'respond_by',
    ],
    (function* () {
      let k = 0;
      for (const chain of withMembers)
        for (let j = 0; j < 10; j++) {
          const e = chain.members[j % Math.min(5, chain.members.length)] as number;
          const status = (['open', 'assigned', 'answered', 'closed'] as const)[
            mix(k) % 4
          ] as string;
          yield line([
            uuidOf(Kind.Request, k++),
            chain.id,
            uuidOf(Kind.Enterprise, e),
            entUser(e),
            (['land', 'energy', 'finance', 'talent', 'logistics', 'other'] as const)[
              mix(k) % 6
            ] as string,
            '要素保障协调',
            '企业扩产遇到要素瓶颈，请链长办协调。',
            status,
            status === 'open' ? null : '省发展改革委',
            status === 'answered' || status === 'closed' ? '已协调相关部门。' : null,
            isoOf(today + (mix(k) % 15) - 7),
          ]);
        }
    })(),
  );

  step('restoring keys and indexes');
  await restore();
  step('vacuum and analyze');
  await client.query('VACUUM (ANALYZE)');
  step('done');

  // The accounts the API benchmark reads as.
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++)
    if (statusOf[i] !== S.draft)
      counts.set(assigneeOf[i] as number, (counts.get(assigneeOf[i] as number) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const [busy] = ranked;
  const typical = ranked[Math.floor(ranked.length / 2)];
  const benchChain = chains.find((c) => c.code === 'ngit.ic') ?? (withMembers[0] as ChainInfo);
  const chainTasks = chainOf.reduce((sum, c) => sum + (chains[c] === benchChain ? 1 : 0), 0);
  return {
    chains: chains.length,
    localChains: chains.length - provincial.length,
    enterprises: sizes.enterprises,
    users: userCount,
    tasks: n,
    openTasks,
    overdueTasks,
    taskEvents,
    progressReports,
    notices,
    pendingEvents,
    bench: {
      busyEnterpriseUser: `ent.${busy?.[0] ?? 0}`,
      busyEnterpriseTasks: busy?.[1] ?? 0,
      typicalEnterpriseUser: `ent.${typical?.[0] ?? 0}`,
      typicalEnterpriseTasks: typical?.[1] ?? 0,
      chainId: benchChain.id,
      chainCode: benchChain.code,
      chainTasks,
      chainLeaderUser: `leader.${benchChain.code}`,
    },
  };
}
