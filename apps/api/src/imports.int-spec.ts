import {
  IMPORT_COLUMNS,
  IMPORT_TEMPLATE,
  type ApiError,
  type ChainMemberDto,
  type ChainNodeDto,
  type ImportKind,
  type ImportResultDto,
  type Page,
  type ProjectDto,
  type ShortBoardDto,
  type TaskDto,
} from '@lianzhang/contracts';
import {
  addTableSheet,
  neutralise,
  newWorkbook,
  readSheet,
  TABLE_HEADER_ROW,
  workbookBuffer,
} from '@lianzhang/server/excel';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ApiHarness, randomCreditCode } from './testing/api-harness';

type Signed = Awaited<ReturnType<ApiHarness['signedIn']>>;
type Cell = string | number | Date | { formula: string } | null | undefined;
type Row = Readonly<Record<string, Cell>>;

const DAY = 86_400_000;
/** A Shanghai calendar day `days` from today, as YYYY-MM-DD. */
const day = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * DAY).toISOString().slice(0, 10);
const HYPERLINK = '=HYPERLINK("http://evil.example/steal","点我查看")';

describe('Excel import: templates, row-by-row validation, all or nothing', () => {
  let api: ApiHarness;
  let admin: Signed;
  let office: Signed;
  let otherLeader: Signed;
  let enterprise: Signed;
  let analyst: Signed;
  let chainA: string;
  let codeA: string;
  let codeB: string;
  let ent1: { id: string; code: string };
  let ent2: { id: string; code: string };
  const templates = new Map<ImportKind, Buffer>();

  beforeAll(async () => {
    api = await ApiHarness.start('imports');
    admin = await api.signedIn('province_admin');
    office = await api.signedIn('chain_office');
    otherLeader = await api.signedIn('chain_leader');
    enterprise = await api.signedIn('enterprise_user');
    analyst = await api.signedIn('province_analyst');
    chainA = await api.chain({ leaders: [{ userId: office.id, kind: 'office' }] });
    const chainB = await api.chain({ leaders: [{ userId: otherLeader.id }] });
    codeA = await chainCode(chainA);
    codeB = await chainCode(chainB);
    ent1 = await organisation();
    ent2 = await organisation();
  });

  afterAll(async () => {
    await api?.stop();
  });

  async function chainCode(id: string): Promise<string> {
    const [row] = (await api.dataSource.query(`SELECT code FROM chain WHERE id = $1`, [id])) as {
      code: string;
    }[];
    return row?.code ?? '';
  }

  async function organisation(): Promise<{ id: string; code: string }> {
    const id = await api.organisation();
    const [row] = (await api.dataSource.query(
      `SELECT credit_code AS code FROM organisation WHERE id = $1`,
      [id],
    )) as { code: string }[];
    return { id, code: row?.code ?? '' };
  }

  const count = async (table: string, where = 'TRUE') =>
    Number((await api.dataSource.query(`SELECT count(*) AS n FROM ${table} WHERE ${where}`))[0].n);

  async function download(who: Signed, kind: string): Promise<Response> {
    return fetch(`${api.base}/api/imports/${kind}/template`, {
      headers: { Authorization: `Bearer ${who.token}` },
    });
  }

  /** The downloaded template of `kind`, filled from row 4 (over the example) as a user would. */
  async function filled(kind: ImportKind, rows: readonly Row[]): Promise<Buffer> {
    let template = templates.get(kind);
    if (!template) {
      const response = await download(admin, kind);
      expect(response.status).toBe(200);
      template = Buffer.from(await response.arrayBuffer());
      templates.set(kind, template);
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(IMPORT_TEMPLATE.sheet);
    if (!sheet) throw new Error('the template has no data sheet');
    const columns = IMPORT_COLUMNS[kind];
    rows.forEach((row, index) => {
      const cells = sheet.getRow(IMPORT_TEMPLATE.exampleRow + index);
      columns.forEach((column, at) => {
        cells.getCell(at + 1).value = (row[column.key] ?? null) as ExcelJS.CellValue;
      });
    });
    return workbookBuffer(workbook);
  }

  async function upload<T = ImportResultDto>(
    who: Signed,
    kind: string,
    file: Buffer | undefined,
    options: { dryRun?: boolean; language?: string } = {},
  ): Promise<{ status: number; body: T & ApiError }> {
    const form = new FormData();
    if (file) form.append('file', new Blob([new Uint8Array(file)]), '导入.xlsx');
    const query = options.dryRun ? '?dryRun=true' : '';
    const response = await fetch(`${api.base}/api/imports/${kind}${query}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${who.token}`,
        'Accept-Language': options.language ?? 'zh-CN',
      },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as T & ApiError };
  }

  const problems = (body: ApiError) => body.details.map((d) => `${d.path}: ${d.message}`);

  async function auditOf(importId: string | null) {
    const [entry] = (await api.dataSource.query(
      `SELECT action, actor_id AS "actorId", subject_type AS "subjectType", after FROM audit_entry WHERE subject_id = $1`,
      [importId],
    )) as { action: string; actorId: string; subjectType: string; after: { ids: string[] } }[];
    return entry;
  }

  describe('templates', () => {
    it('gives each kind its template: 数据 with the header and an example, 说明 with every column', async () => {
      const response = await download(office, 'tasks');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('spreadsheetml.sheet');
      expect(response.headers.get('content-disposition')).toContain(
        `filename*=UTF-8''${encodeURIComponent('任务导入模板.xlsx')}`,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const sheet = workbook.getWorksheet(IMPORT_TEMPLATE.sheet);
      expect(sheet?.getRow(IMPORT_TEMPLATE.headerRow).getCell(2).value).toBe('*任务名称 title');
      expect(sheet?.getCell(IMPORT_TEMPLATE.exampleRow, 2).value).toBe('车规级芯片封装可靠性验证');
      expect(workbook.getWorksheet(IMPORT_TEMPLATE.guideSheet)?.rowCount).toBe(
        TABLE_HEADER_ROW + IMPORT_COLUMNS.tasks.length,
      );
    });

    it('keeps organisations to the province, imports from enterprises and analysts, and unknown kinds to nobody', async () => {
      expect((await download(admin, 'organisations')).status).toBe(200);
      expect((await download(office, 'organisations')).status).toBe(403);
      expect((await download(enterprise, 'tasks')).status).toBe(403);
      expect((await download(analyst, 'tasks')).status).toBe(403);
      expect((await download(admin, 'budgets')).status).toBe(404);
      const file = await filled('tasks', []);
      expect((await upload(enterprise, 'tasks', file)).status).toBe(403);
      expect((await upload(analyst, 'tasks', file)).status).toBe(403);
      expect((await upload(office, 'organisations', file)).status).toBe(403);
      expect((await upload(admin, 'budgets', file)).status).toBe(404);
    });
  });

  describe('a good file of each kind commits, in one transaction, with one audit entry', () => {
    it('organisations: by credit code, kinds and regions as people write them', async () => {
      const code = randomCreditCode();
      const response = await upload(
        admin,
        'organisations',
        await filled('organisations', [
          {
            name: '导入测试材料有限公司',
            kind: '企业',
            creditCode: code.toLowerCase(),
            regionCode: '济南市',
          },
          { name: '导入测试研究院', kind: '科研院所', regionCode: 370200 },
        ]),
      );
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        kind: 'organisations',
        dryRun: false,
        rows: 2,
        created: 2,
      });
      expect(
        await api.dataSource.query(
          `SELECT name, kind, credit_code AS "creditCode", region_code AS "regionCode" FROM organisation
           WHERE name LIKE '导入测试%' ORDER BY name`,
        ),
      ).toEqual([
        {
          name: '导入测试材料有限公司',
          kind: 'enterprise',
          creditCode: code,
          regionCode: '370100',
        },
        { name: '导入测试研究院', kind: 'institute', creditCode: null, regionCode: '370200' },
      ]);
      const audit = await auditOf(response.body.importId);
      expect(audit).toMatchObject({
        action: 'import.organisations',
        actorId: admin.id,
        subjectType: 'import',
      });
      expect(audit?.after.ids).toHaveLength(2);
    });

    it('chain members: by credit code or by name, with roles as chain offices write them', async () => {
      const response = await upload(
        office,
        'chain-members',
        await filled('chain-members', [
          { chainCode: codeA, creditCode: ent1.code, role: '链主' },
          {
            chainCode: codeA.toUpperCase(),
            organisationName: '导入测试研究院',
            role: '科研合作单位',
          },
        ]),
      );
      expect(response.status).toBe(201);
      const members = await api.request<ChainMemberDto[]>('GET', `/api/chains/${chainA}/members`, {
        token: office.token,
      });
      expect(members.body.map((m) => [m.name, m.role])).toEqual(
        expect.arrayContaining([
          [expect.any(String), 'chain_master'],
          ['导入测试研究院', 'research_partner'],
        ]),
      );
      expect(members.body.find((m) => m.role === 'chain_master')?.organisationId).toBe(ent1.id);
    });

    it('map nodes: a parent further down the file, shares, flags and enterprises', async () => {
      const response = await upload(
        office,
        'map-nodes',
        await filled('map-nodes', [
          { chainCode: codeA, name: '晶圆制造', stage: '中游', parentName: '芯片设计' },
          {
            chainCode: codeA,
            name: '芯片设计',
            stage: '上游',
            foreignDependence: '60%',
            chokepoint: '是',
            enterpriseCreditCodes: `${ent1.code}、${ent2.code}`,
          },
        ]),
      );
      expect(response.status).toBe(201);
      const map = await api.request<ChainNodeDto[]>('GET', `/api/chains/${chainA}/map`, {
        token: office.token,
      });
      const design = map.body.find((n) => n.name === '芯片设计');
      expect(design).toMatchObject({ stage: 'upstream', foreignDependence: 0.6, chokepoint: true });
      expect(design?.enterprises.map((e) => e.organisationId).sort()).toEqual(
        [ent1.id, ent2.id].sort(),
      );
      expect(map.body.find((n) => n.name === '晶圆制造')).toMatchObject({
        stage: 'midstream',
        parentId: design?.id,
      });
    });

    it('short boards: dates as cells or text, owners by credit code, the status reached', async () => {
      const response = await upload(
        office,
        'short-boards',
        await filled('short-boards', [
          {
            chainCode: codeA,
            title: '高端光刻胶',
            category: '基础材料',
            nodeName: '芯片设计',
            chokepoint: '是',
            foreignDependence: 0.8,
            ownerCreditCodes: `${ent1.code}；${ent2.code}`,
            startDate: new Date('2026-01-01T00:00:00Z'),
            targetDate: '2030/12/31',
            status: '攻关中',
          },
        ]),
      );
      expect(response.status).toBe(201);
      const boards = await api.request<ShortBoardDto[]>(
        'GET',
        `/api/chains/${chainA}/short-boards`,
        {
          token: office.token,
        },
      );
      expect(boards.body.find((b) => b.title === '高端光刻胶')).toMatchObject({
        category: 'basic_material',
        status: 'tackling',
        chokepoint: true,
        foreignDependence: 0.8,
        startDate: '2026-01-01',
        targetDate: '2030-12-31',
        owners: expect.arrayContaining([expect.objectContaining({ organisationId: ent2.id })]),
      });
    });

    it('projects: 万元 with separators, region by name, the stage reached', async () => {
      const response = await upload(
        office,
        'projects',
        await filled('projects', [
          {
            chainCode: codeA,
            name: '封测基地',
            type: '补链',
            regionCode: '青岛',
            ownerCreditCode: ent1.code,
            plannedInvestment: 50000,
            completedInvestment: '12,000',
            stage: '在建',
            startDate: '2026-03-01',
            endDate: '2030-12-31',
          },
        ]),
      );
      expect(response.status).toBe(201);
      const projects = await api.request<ProjectDto[]>('GET', `/api/chains/${chainA}/projects`, {
        token: office.token,
      });
      expect(projects.body.find((p) => p.name === '封测基地')).toMatchObject({
        type: 'fill',
        regionCode: '370200',
        ownerOrganisationId: ent1.id,
        plannedInvestment: 50000,
        completedInvestment: 12000,
        stage: 'under_construction',
      });
    });

    it('tasks: the same effects as assigning through the api (history, policy, scheduled steps), and they list', async () => {
      const due = day(30);
      const viaApi = await api.request<TaskDto>('POST', '/api/tasks', {
        token: office.token,
        body: {
          chainId: chainA,
          title: '接口交办对照',
          assigneeOrganisationId: ent1.id,
          dueDate: due,
          priority: 'high',
          reportEveryWorkdays: 5,
          assign: true,
        },
      });
      expect(viaApi.status).toBe(201);
      const response = await upload(
        office,
        'tasks',
        await filled('tasks', [
          {
            chainCode: codeA,
            title: '导入交办对照',
            assigneeCreditCode: ent1.code,
            dueDate: new Date(`${due}T00:00:00Z`),
            priority: '高',
            shortBoardTitle: '高端光刻胶',
            projectTitle: '封测基地',
            reportEveryWorkdays: 5,
            assign: '是',
          },
          { chainCode: codeA, title: '导入的草稿', assigneeCreditCode: ent2.code, dueDate: due },
        ]),
      );
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ rows: 2, created: 2 });
      const [imported] = (await api.dataSource.query(
        `SELECT id FROM task WHERE title = '导入交办对照'`,
      )) as {
        id: string;
      }[];
      const id = imported?.id ?? '';

      const task = (taskId: string) =>
        api.dataSource.query(
          `SELECT status, priority, to_char(due_date, 'YYYY-MM-DD') AS due, report_every_workdays AS every,
                  to_char(assigned_on, 'YYYY-MM-DD') AS "assignedOn", escalation_policy AS policy,
                  assigner_user_id AS assigner, assignee_organisation_id AS assignee
           FROM task WHERE id = $1`,
          [taskId],
        );
      const events = (taskId: string) =>
        api.dataSource.query(
          `SELECT action, from_status AS "from", to_status AS "to", actor_user_id AS actor FROM task_event WHERE task_id = $1 ORDER BY id`,
          [taskId],
        );
      const steps = (taskId: string) =>
        api.dataSource.query(
          `SELECT kind, step, fire_at AS "fireAt", payload, status, version FROM scheduled_event
           WHERE subject_type = 'task' AND subject_id = $1 ORDER BY fire_at, step`,
          [taskId],
        );
      expect(await task(id)).toEqual(await task(viaApi.body.id));
      expect(await events(id)).toEqual(await events(viaApi.body.id));
      const planned = await steps(id);
      expect(planned.length).toBeGreaterThan(3);
      expect(planned).toEqual(await steps(viaApi.body.id));

      const [draft] = (await api.dataSource.query(
        `SELECT id, status, priority, assigned_on FROM task WHERE title = '导入的草稿'`,
      )) as { id: string; status: string; priority: string; assigned_on: string | null }[];
      expect(draft).toMatchObject({ status: 'draft', priority: 'normal', assigned_on: null });
      expect(await steps(draft?.id ?? '')).toEqual([]);
      expect((await events(draft?.id ?? '')).map((e: { action: string }) => e.action)).toEqual([
        'create',
      ]);

      const listed = await api.request<Page<TaskDto>>(
        'GET',
        `/api/tasks?chainId=${chainA}&pageSize=100`,
        {
          token: office.token,
        },
      );
      const mine = listed.body.items.find((t) => t.title === '导入交办对照');
      expect(mine).toMatchObject({ status: 'assigned', priority: 'high', dueDate: due });
      expect(mine?.shortBoardId).toBeTruthy();
      expect(mine?.projectId).toBeTruthy();
      expect((await auditOf(response.body.importId))?.after.ids).toContain(id);
    });
  });

  describe('bad rows: each its own error at its row and column, and nothing written', () => {
    const tables = ['task', 'task_event', 'scheduled_event', 'audit_entry'];
    const counts = () => Promise.all(tables.map((t) => count(t)));

    it('tasks: missing field, bad credit code, unknown and out-of-scope chain, duplicates, bad and past dates, a formula', async () => {
      const due = day(20);
      const existing = await api.request<TaskDto>('POST', '/api/tasks', {
        token: office.token,
        body: {
          chainId: chainA,
          title: '已有的未办结任务',
          assigneeOrganisationId: ent1.id,
          dueDate: due,
        },
      });
      expect(existing.status).toBe(201);
      const wrongCheck = ent1.code.slice(0, 17) + (ent1.code.endsWith('0') ? '1' : '0');
      const good = { chainCode: codeA, assigneeCreditCode: ent1.code, dueDate: due };
      const file = await filled('tasks', [
        { ...good, title: null },
        { ...good, title: '信用代码有误', assigneeCreditCode: wrongCheck },
        { ...good, title: '没有的产业链', chainCode: 'no.such.chain' },
        { ...good, title: '别人的产业链', chainCode: codeB },
        { ...good, title: '文件内重复' },
        { ...good, title: '文件内重复' },
        { ...good, title: '已有的未办结任务' },
        { ...good, title: '日期不存在', dueDate: '2027-02-30' },
        { ...good, title: '截止日期已过', dueDate: day(-1) },
        { ...good, title: { formula: HYPERLINK.slice(1) } },
        { ...good, title: '本身没有问题的一行' },
      ]);
      const before = await counts();
      for (const dryRun of [false, true]) {
        const response = await upload(office, 'tasks', file, { dryRun });
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
        expect(problems(response.body)).toEqual([
          'rows.4.title: 必填',
          'rows.5.assigneeCreditCode: 统一社会信用代码校验位不正确',
          'rows.6.chainCode: 没有这个产业链代码，或该产业链不在您管理的范围内',
          'rows.7.chainCode: 没有这个产业链代码，或该产业链不在您管理的范围内',
          'rows.9.title: 与第 8 行重复',
          'rows.10.title: 本产业链已有同名的未办结任务',
          'rows.11.dueDate: 日期格式应为 YYYY-MM-DD',
          'rows.12.dueDate: 截止日期不能早于今天',
          "rows.13.title: 不接受公式，请直接填写值；文字须以 = 开头时，请在前面加英文单引号 '",
        ]);
      }
      expect(await counts()).toEqual(before);

      const english = await upload(office, 'tasks', file, { language: 'en' });
      expect(problems(english.body).slice(0, 3)).toEqual([
        'rows.4.title: Required',
        'rows.5.assigneeCreditCode: The check character of the unified social credit code is wrong',
        'rows.6.chainCode: No chain you manage has this code',
      ]);
    });

    it('organisations: a taken or miscomputed credit code, an enterprise without one, an unknown region', async () => {
      const before = await count('organisation');
      const wrongCheck = ent2.code.slice(0, 17) + (ent2.code.endsWith('0') ? '1' : '0');
      const response = await upload(
        admin,
        'organisations',
        await filled('organisations', [
          { name: '重复登记', kind: '企业', creditCode: ent1.code, regionCode: '370100' },
          { name: '校验位错', kind: '企业', creditCode: wrongCheck, regionCode: '370100' },
          { name: '缺信用代码', kind: '企业', regionCode: '370100' },
          { name: '地区不明', kind: '政府部门', regionCode: '火星' },
          { name: '类型不明', kind: '公司', regionCode: '370100' },
        ]),
      );
      expect(response.status).toBe(400);
      expect(problems(response.body)).toEqual([
        'rows.4.creditCode: 该统一社会信用代码已登记',
        'rows.5.creditCode: 统一社会信用代码校验位不正确',
        'rows.6.creditCode: 企业必须填写统一社会信用代码',
        'rows.7.regionCode: 没有这个行政区划代码或地区名称',
        'rows.8.kind: 应为以下之一：企业、政府部门、高校/科研院所、产业联盟/协会、服务机构',
      ]);
      expect(await count('organisation')).toBe(before);
    });

    it('a chain leader naming another leader’s chain gets that row’s unknown-chain error', async () => {
      const response = await upload(
        otherLeader,
        'chain-members',
        await filled('chain-members', [
          { chainCode: codeB, creditCode: ent2.code, role: '成员' },
          { chainCode: codeA, creditCode: ent2.code, role: '成员' },
        ]),
      );
      expect(response.status).toBe(400);
      expect(problems(response.body)).toEqual([
        'rows.5.chainCode: 没有这个产业链代码，或该产业链不在您管理的范围内',
      ]);
      expect(await count('chain_member', `organisation_id = '${ent2.id}'`)).toBe(0);
    });

    it('duplicates of the database: a member already on the chain, a node, a short board, a project', async () => {
      const cases: [ImportKind, Row, string][] = [
        [
          'chain-members',
          { chainCode: codeA, creditCode: ent1.code, role: '成员' },
          'rows.4.creditCode: 该单位已是本产业链成员',
        ],
        [
          'map-nodes',
          { chainCode: codeA, name: '芯片设计', stage: '上游' },
          'rows.4.name: 本产业链已有同名环节',
        ],
        [
          'short-boards',
          {
            chainCode: codeA,
            title: '高端光刻胶',
            category: '核心技术',
            startDate: '2026-01-01',
            targetDate: '2027-01-01',
          },
          'rows.4.title: 本产业链已有同名短板',
        ],
        [
          'projects',
          {
            chainCode: codeA,
            name: '封测基地',
            type: '强链',
            regionCode: '370100',
            ownerCreditCode: ent2.code,
            plannedInvestment: 1,
            startDate: '2026-01-01',
            endDate: '2027-01-01',
          },
          'rows.4.name: 本产业链已有同名项目',
        ],
      ];
      for (const [kind, row, problem] of cases) {
        const response = await upload(office, kind, await filled(kind, [row]));
        expect({ kind, status: response.status, problems: problems(response.body) }).toEqual({
          kind,
          status: 400,
          problems: [problem],
        });
      }
    });

    it('map nodes: a loop of parents, an unknown parent, an organisation that is not an enterprise', async () => {
      const before = await count('chain_node');
      const code = randomCreditCode();
      await api.dataSource.query(
        `INSERT INTO organisation (name, kind, credit_code, region_code) VALUES ('有代码的政府部门', 'government', $1, '370100')`,
        [code],
      );
      const response = await upload(
        office,
        'map-nodes',
        await filled('map-nodes', [
          { chainCode: codeA, name: '环甲', stage: '上游', parentName: '环乙' },
          { chainCode: codeA, name: '环乙', stage: '上游', parentName: '环甲' },
          { chainCode: codeA, name: '孤儿', stage: '下游', parentName: '不存在的环节' },
          { chainCode: codeA, name: '政府不是企业', stage: '中游', enterpriseCreditCodes: code },
        ]),
      );
      expect(response.status).toBe(400);
      expect(problems(response.body)).toEqual([
        'rows.4.parentName: 上级环节形成了循环',
        'rows.5.parentName: 上级环节形成了循环',
        'rows.6.parentName: 本产业链和本文件中都没有这个上级环节',
        `rows.7.enterpriseCreditCodes: ${code} 不是企业，只有企业能列入图谱环节`,
      ]);
      expect(await count('chain_node')).toBe(before);
    });

    it('refuses a template whose required column was deleted, at the header row', async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await filled('tasks', [{ title: 'x' }])) as unknown as ArrayBuffer);
      workbook.getWorksheet(IMPORT_TEMPLATE.sheet)?.spliceColumns(1, 1);
      const response = await upload(office, 'tasks', await workbookBuffer(workbook));
      expect(response.status).toBe(400);
      expect(problems(response.body)).toEqual([
        'rows.3.chainCode: 缺少这一必填列，请使用下载的模板',
      ]);
    });
  });

  describe('dry run', () => {
    it('validates a good file without writing, then the same file commits', async () => {
      const file = await filled('tasks', [
        {
          chainCode: codeA,
          title: '先校验后导入',
          assigneeCreditCode: ent2.code,
          dueDate: day(10),
          assign: '否',
        },
      ]);
      const before = await count('task');
      const dry = await upload(office, 'tasks', file, { dryRun: true });
      expect(dry.status).toBe(200);
      expect(dry.body).toEqual({
        kind: 'tasks',
        dryRun: true,
        rows: 1,
        created: 0,
        exampleSkipped: false,
        importId: null,
      });
      expect(await count('task')).toBe(before);
      const committed = await upload(office, 'tasks', file);
      expect(committed.status).toBe(201);
      expect(await count('task')).toBe(before + 1);
    });

    it('leaves the untouched example row out, and says a file of only the example has no rows', async () => {
      const template = templates.get('tasks') ?? (await filled('tasks', []));
      const response = await upload(office, 'tasks', template, { dryRun: true });
      expect(response.status).toBe(400);
      expect(problems(response.body)).toEqual(['file: 文件中没有数据行（示例行不计）']);
    });
  });

  describe('files refused as a whole', () => {
    it('refuses a file over 10 MB with 413, a zip bomb, a range bomb and a non-xlsx with 400', async () => {
      const before = await count('task');
      const big = await upload(office, 'tasks', Buffer.alloc(10 * 1024 * 1024 + 1, 7));
      expect(big.status).toBe(413);
      expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');

      const template = await filled('tasks', [
        { chainCode: codeA, title: '炸弹里的任务', assigneeCreditCode: ent1.code, dueDate: day(5) },
      ]);
      const zip = await JSZip.loadAsync(template);
      zip.file('xl/media/zeros.bin', Buffer.alloc(60 * 1024 * 1024));
      const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const bombed = await upload(office, 'tasks', bomb);
      expect(bombed.status).toBe(400);
      expect(problems(bombed.body)).toEqual([
        expect.stringMatching(/^file: 文件解压后过大或压缩比异常/),
      ]);

      const ranges = await JSZip.loadAsync(template);
      const part = Object.keys(ranges.files).find((name) =>
        /^xl\/worksheets\/sheet\d+\.xml$/.test(name),
      );
      const xml = (await ranges.file(part ?? '')?.async('string')) ?? '';
      expect(xml).toContain('<mergeCell ref="A1:');
      ranges.file(
        part ?? '',
        xml.replace(/<mergeCell ref="A1:[A-Z]+1"/, '<mergeCell ref="A1:XFD1048576"'),
      );
      const rangeBomb = await upload(
        office,
        'tasks',
        await ranges.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
      );
      expect(rangeBomb.status).toBe(400);
      expect(problems(rangeBomb.body)).toEqual([
        expect.stringMatching(/^file: 文件中的合并单元格或数据有效性/),
      ]);

      const csv = await upload(office, 'tasks', Buffer.from(`chainCode,title\n${codeA},=1+1\n`));
      expect(csv.status).toBe(400);
      expect(problems(csv.body)).toEqual(['file: 不是有效的 Excel（.xlsx）文件，请使用下载的模板']);
      expect((await upload(office, 'tasks', undefined)).status).toBe(400);
      expect(await count('task')).toBe(before);
    });
  });

  describe('formula injection', () => {
    it('refuses a formula cell, keeps a text that starts with = as text, and exports it neutralised', async () => {
      const board = {
        chainCode: codeA,
        category: '核心技术',
        startDate: '2026-01-01',
        targetDate: '2028-12-31',
      };
      const formula = await upload(
        office,
        'short-boards',
        await filled('short-boards', [{ ...board, title: { formula: HYPERLINK.slice(1) } }]),
      );
      expect(formula.status).toBe(400);
      expect(problems(formula.body)).toEqual([
        "rows.4.title: 不接受公式，请直接填写值；文字须以 = 开头时，请在前面加英文单引号 '",
      ]);

      // The same text as a text cell: typed after an apostrophe, or as our own export writes it.
      const text = await upload(
        office,
        'short-boards',
        await filled('short-boards', [{ ...board, title: neutralise(HYPERLINK) }]),
      );
      expect(text.status).toBe(201);
      const boards = await api.request<ShortBoardDto[]>(
        'GET',
        `/api/chains/${chainA}/short-boards`,
        {
          token: office.token,
        },
      );
      const stored = boards.body.find((b) => b.title.startsWith('=HYPERLINK'));
      expect(stored?.title).toBe(HYPERLINK);

      // Exported again by the platform's writer, the cell is a string, never a formula…
      const workbook = newWorkbook('短板目录');
      addTableSheet(workbook, {
        name: '短板目录',
        title: '短板目录',
        columns: [{ header: '短板名称', value: (b: ShortBoardDto) => b.title }],
        rows: boards.body,
      });
      const exported = await workbookBuffer(workbook);
      const check = new ExcelJS.Workbook();
      await check.xlsx.load(exported as unknown as ArrayBuffer);
      const cells: ExcelJS.Cell[] = [];
      check
        .getWorksheet('短板目录')
        ?.getColumn(1)
        .eachCell((cell, row) => {
          if (row > TABLE_HEADER_ROW) cells.push(cell);
        });
      const cell = cells.find((c) => String(c.value).includes('HYPERLINK'));
      expect(cell?.value).toBe(`'${HYPERLINK}`);
      expect(cell?.formula).toBeFalsy();
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      // …and reads back as the text that was imported.
      const read = await readSheet(exported, {
        sheetName: '短板目录',
        headerRow: TABLE_HEADER_ROW,
      });
      expect(read.rows.map((r) => r.cells[0])).toContain(HYPERLINK);
      expect(read.formulaCells).toEqual([]);
    });
  });
});
