import type { Page } from 'playwright-core';
import { keepScreenshot } from './browser';
import { startDemoPlatform, type DemoPlatform } from './demo-platform';

const TITLE = '车规级 MCU 芯片揭榜攻关（演示）';

/**
 * 揭榜挂帅 in a real Chromium against the all-in-one server on the demo province: the IC
 * chain office publishes a challenge from a short board of its workbench, an enterprise
 * applies, the office shortlists, closes and selects (定榜), and the selected enterprise
 * finds the milestone tasks in its task list. Every page is checked with axe-core.
 */
describe('揭榜挂帅: from a short board to the tasks that follow the selection', () => {
  let demo: DemoPlatform;

  beforeAll(async () => {
    demo = await startDemoPlatform('challenges');
  });

  afterAll(async () => {
    expect(await demo?.stop()).toBe(0);
  });

  /** A day `days` from today in Asia/Shanghai, by the database's clock. */
  const day = async (days: number) =>
    (
      await demo.one<{ day: string }>(
        `SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date + $1::int, 'YYYY-MM-DD') AS day`,
        [days],
      )
    ).day;

  /** Confirms the open dialog (shortlist, close, 定榜). */
  async function confirm(page: Page, expected: RegExp): Promise<void> {
    const dialog = page.locator('.ant-modal').filter({ has: page.getByTestId('confirm-text') });
    await dialog.waitFor();
    expect(await dialog.getByTestId('confirm-text').textContent()).toMatch(expected);
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Opens the inbox, finds the notification and marks everything read (the bell then shows no count). */
  async function readInbox(page: Page, text: string): Promise<void> {
    await page.goto(`${demo.baseUrl}/notifications`);
    await page.getByTestId('notification').filter({ hasText: text }).waitFor();
    await page.getByTestId('read-all').click();
    await page
      .locator('[data-testid="notification"].unread')
      .first()
      .waitFor({ state: 'detached' });
  }

  let challengeId = '';

  it('a. the chain office publishes a short board as a challenge from its workbench', async () => {
    const chain = await demo.one<{ id: string }>(`SELECT id FROM chain WHERE code = 'ngit.ic'`);
    const board = await demo.one<{ id: string; title: string }>(
      // A board still being worked on with no live challenge (one per board).
      `SELECT id, title FROM short_board s WHERE chain_id = $1 AND status IN ('identified', 'tackling', 'breakthrough')
         AND NOT EXISTS (SELECT 1 FROM challenge c WHERE c.short_board_id = s.id AND c.status IN ('draft', 'published', 'closed'))
       ORDER BY title DESC LIMIT 1`,
      [chain.id],
    );
    const office = await demo.signedIn('office.ngit.ic');
    await office.goto(`${demo.baseUrl}/chains/${chain.id}/short-boards?board=${board.id}`);
    await office.getByTestId('short-board-detail').waitFor();
    await office.getByTestId('publish-challenge').click();
    await office.waitForURL(/\/challenges\/new\?shortBoardId=/);
    const form = office.getByTestId('challenge-form');
    await form.waitFor();
    await office.getByTestId('challenge-form-board').filter({ hasText: board.title }).waitFor();

    await form.getByLabel('榜单名称').fill(TITLE);
    await form
      .getByLabel('揭榜要求')
      .fill(
        '研制满足 AEC-Q100 Grade 1 的 32 位车规级 MCU，完成流片、可靠性验证并在省内整车企业装车验证。',
      );
    await form.getByLabel('资金支持（万元）').fill('1500');
    await form.getByLabel('申报截止日期').fill(await day(20));
    await form.getByLabel('里程碑 1 名称').fill('方案评审');
    await form.getByLabel('里程碑 1 日期').fill(await day(45));
    await form.getByTestId('milestone-add').click();
    await form.getByLabel('里程碑 2 名称').fill('样片流片');
    await form.getByLabel('里程碑 2 日期').fill(await day(160));
    await demo.expectAccessible(office, 'challenge form');
    await form.getByTestId('challenge-publish').click();

    await office.waitForURL(/\/challenges\/[0-9a-f-]{36}$/);
    await office.getByTestId('challenge-detail').waitFor();
    await office.getByTestId('challenge-status').filter({ hasText: '揭榜中' }).waitFor();
    const stored = await demo.one<{
      id: string;
      status: string;
      board: string;
      milestones: number;
    }>(
      `SELECT c.id, c.status, c.short_board_id AS board,
              (SELECT count(*)::int FROM challenge_milestone m WHERE m.challenge_id = c.id) AS milestones
       FROM challenge c WHERE c.title = $1`,
      [TITLE],
    );
    expect(stored).toMatchObject({ status: 'published', board: board.id, milestones: 2 });
    challengeId = stored.id;
    await demo.expectAccessible(office, 'challenge detail (office, open call)');
  });

  it('b. an enterprise finds the call in the list and applies with a proposal', async () => {
    const enterprise = await demo.signedIn('ent.ngit.ic.2');
    await enterprise.goto(`${demo.baseUrl}/challenges`);
    const row = enterprise.getByTestId('challenge-row').filter({ hasText: TITLE });
    await row.waitFor();
    // The demo's calls are there too: an open one and one whose deadline has passed.
    expect(await enterprise.getByTestId('challenge-row').count()).toBeGreaterThanOrEqual(3);
    await keepScreenshot(enterprise, 'challenge-list');
    await demo.expectAccessible(enterprise, 'challenge list');

    await row.getByTestId('challenge-link').click();
    await enterprise.getByTestId('challenge-detail').waitFor();
    expect(await enterprise.getByTestId('challenge-countdown').textContent()).toMatch(
      /剩余 \d+ 个工作日/,
    );
    const form = enterprise.getByTestId('apply-form');
    await form.waitFor();
    await form
      .getByLabel('揭榜方案')
      .fill('依托自主 RISC-V IP 核与省级重点实验室，联合整车厂 18 个月完成流片与装车验证。');
    await form.getByLabel('申请资金（万元）').fill('1200');
    await form.getByLabel('计划完成日期').fill(await day(400));
    await demo.expectAccessible(enterprise, 'challenge detail (enterprise, apply form)');
    await form.getByTestId('apply-submit').click();
    await enterprise.getByTestId('my-application-status').filter({ hasText: '已申报' }).waitFor();
    expect(await enterprise.getByTestId('apply-form').count()).toBe(0);
    // An enterprise sees no one else's application.
    expect(await enterprise.getByTestId('applications').count()).toBe(0);
  });

  it('c. the office shortlists, closes and selects; the selected enterprise finds the new tasks', async () => {
    const office = await demo.signedIn('office.ngit.ic');
    // The office heard of the application in its inbox, and reads it.
    await readInbox(office, `申报了揭榜「${TITLE}」`);
    await office.goto(`${demo.baseUrl}/challenges/${challengeId}`);
    const row = office.getByTestId('application-row').first();
    await row.waitFor();
    await row.getByTestId('application-shortlist').click();
    await confirm(office, /列入入围名单/);
    await row.getByTestId('application-status').filter({ hasText: '已入围' }).waitFor();

    await office.getByTestId('challenge-close').click();
    await confirm(office, /不再接受申报/);
    await office.getByTestId('challenge-status').filter({ hasText: '已截止' }).waitFor();

    await row.getByTestId('application-select').click();
    await confirm(office, /将为其交办 2 项里程碑任务/);
    await office.getByTestId('challenge-status').filter({ hasText: '已定榜' }).waitFor();
    await office.getByTestId('milestone-task').nth(1).waitFor();
    const assignee = await demo.one<{ id: string; name: string }>(
      `SELECT o.id, o.name FROM organisation o JOIN app_user u ON u.organisation_id = o.id WHERE u.username = 'ent.ngit.ic.2'`,
    );
    expect(await office.getByTestId('challenge-winner').textContent()).toContain(assignee.name);
    // The toasts of the steps have faded before the picture is taken.
    await office.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await keepScreenshot(office, 'challenge-detail');
    await demo.expectAccessible(office, 'challenge detail (office, selected)');

    const { rows: tasks } = await demo.db.query(
      `SELECT t.title, t.status, t.assignee_organisation_id AS assignee,
              (SELECT count(*)::int FROM scheduled_event e WHERE e.subject_id = t.id AND e.status = 'pending') AS steps
       FROM task t JOIN challenge_milestone m ON m.task_id = t.id WHERE m.challenge_id = $1 ORDER BY m.sort_order`,
      [challengeId],
    );
    expect(tasks.map((t) => [t.title, t.status, t.assignee])).toEqual([
      [`${TITLE}：方案评审`, 'assigned', assignee.id],
      [`${TITLE}：样片流片`, 'assigned', assignee.id],
    ]);
    for (const task of tasks) expect(task.steps).toBeGreaterThan(0);

    const enterprise = await demo.signedIn('ent.ngit.ic.2');
    await readInbox(enterprise, `你单位揭榜「${TITLE}」成功`);
    await enterprise.goto(`${demo.baseUrl}/tasks`);
    for (const title of [`${TITLE}：方案评审`, `${TITLE}：样片流片`])
      await enterprise.getByTestId('task-row').filter({ hasText: title }).waitFor();
    await enterprise.goto(`${demo.baseUrl}/challenges/${challengeId}`);
    await enterprise.getByTestId('my-application-status').filter({ hasText: '揭榜成功' }).waitFor();
    await demo.expectAccessible(enterprise, 'challenge detail (enterprise, selected)');
    const heard = await demo.one<{ kinds: string[] }>(
      `SELECT array_agg(n.kind ORDER BY n.created_at) AS kinds FROM notification n
       JOIN app_user u ON u.id = n.user_id WHERE u.username = 'ent.ngit.ic.2' AND n.subject_id = $1`,
      [challengeId],
    );
    expect(heard.kinds).toEqual(['challenge.shortlisted', 'challenge.selected']);
  });
});
