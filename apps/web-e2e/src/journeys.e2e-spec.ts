import type { TaskDto } from '@lianzhang/contracts';
import type { Page } from 'playwright-core';
import { keepScreenshot } from './browser';
import { startDemoPlatform, type DemoPlatform } from './demo-platform';

/**
 * The journeys of issue 5 in a real Chromium against the all-in-one server on the demo
 * province: a chain leader assigns, an enterprise accepts and reports, the leader returns
 * and accepts, an overdue task escalates onto the provincial cockpit, an enterprise cannot
 * open another's task, and the cockpit speaks both languages. Every main page is checked
 * with axe-core on the way, and screenshots are kept under test-output/screenshots.
 */
describe('journeys through the web app', () => {
  let demo: DemoPlatform;

  beforeAll(async () => {
    demo = await startDemoPlatform('journeys', {
      // A due step is found within seconds, not the minute of production.
      SCHEDULER_RECONCILE_SECONDS: '2',
    });
  });

  afterAll(async () => {
    expect(await demo?.stop()).toBe(0);
  });

  const IC_CHAIN = `SELECT id FROM chain WHERE code = 'ngit.ic'`;
  const orgOf = (username: string) =>
    demo.one<{ id: string; name: string }>(
      `SELECT o.id, o.name FROM organisation o JOIN app_user u ON u.organisation_id = o.id WHERE u.username = $1`,
      [username],
    );

  const JOURNEY_TASK = '车规级芯片封装可靠性验证（交办演示）';

  it('a. a chain leader creates a task and assigns it to an enterprise', async () => {
    const chain = await demo.one<{ id: string }>(IC_CHAIN);
    const assignee = await orgOf('ent.ngit.ic.2');
    const page = await demo.signedIn('leader.ngit.ic');
    await page.goto(`${demo.baseUrl}/chains`);
    await page.getByRole('link', { name: '集成电路', exact: true }).first().click();
    await page.waitForURL(new RegExp(`/chains/${chain.id}/overview$`));
    await demo.expectAccessible(page, 'chain overview');

    await page.goto(`${demo.baseUrl}/chains/${chain.id}/map`);
    await page.getByTestId('chain-map').locator('svg').waitFor();
    await keepScreenshot(page, 'chain-map');
    await demo.expectAccessible(page, 'chain map');

    await page.goto(`${demo.baseUrl}/chains/${chain.id}/tasks`);
    await page.getByTestId('task-create').click();
    const form = page.getByTestId('task-form');
    await form.waitFor();
    await form.getByLabel('任务名称').fill(JOURNEY_TASK);
    await form.getByLabel('主办单位').click();
    await page.locator('nz-option-item', { hasText: assignee.name }).click();
    // A due date a month ahead, typed as people type it; the preview shows each step's day.
    const due = await demo.one<{ due: string }>(
      `SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date + 30, 'YYYY-MM-DD') AS due`,
    );
    await form.getByLabel('截止日期').fill(due.due);
    await form.getByLabel('截止日期').press('Enter');
    await form.getByTestId('escalation-step').first().waitFor();
    expect(await form.getByTestId('escalation-step').count()).toBeGreaterThan(3);
    await demo.expectAccessible(page, 'task form');
    await form.getByTestId('task-submit').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('task-row').filter({ hasText: JOURNEY_TASK }).waitFor();

    const stored = await demo.one<{ status: string; assignee: string; due: string }>(
      `SELECT status, assignee_organisation_id AS assignee, to_char(due_date, 'YYYY-MM-DD') AS due FROM task WHERE title = $1`,
      [JOURNEY_TASK],
    );
    expect(stored).toEqual({ status: 'assigned', assignee: assignee.id, due: due.due });
    await page.getByTestId('task-view-board').click();
    await page.getByTestId('task-board').waitFor();
    await page
      .locator('[data-testid="task-column"][data-status="assigned"]')
      .getByTestId('task-card')
      .filter({ hasText: JOURNEY_TASK })
      .waitFor();
    await keepScreenshot(page, 'task-board');
    await demo.expectAccessible(page, 'task board');
  });

  it('b. the enterprise accepts and reports 60 %; the leader returns it with a reason; the enterprise resubmits; the leader accepts', async () => {
    const chain = await demo.one<{ id: string }>(IC_CHAIN);
    const task = await demo.one<{ id: string }>(`SELECT id FROM task WHERE title = $1`, [
      JOURNEY_TASK,
    ]);
    const enterprise = await demo.signedIn('ent.ngit.ic.2');
    await enterprise.goto(`${demo.baseUrl}/workspace`);
    const row = enterprise.getByTestId('workspace-task-row').filter({ hasText: JOURNEY_TASK });
    await row.waitFor();
    await keepScreenshot(enterprise, 'enterprise-workspace');
    await demo.expectAccessible(enterprise, 'enterprise workspace');
    await row.getByTestId('accept').click();
    await row.getByTestId('accept').waitFor({ state: 'detached' });

    const report = async (percent: string, narrative: string) => {
      await enterprise.goto(`${demo.baseUrl}/tasks/${task.id}`);
      const form = enterprise.getByTestId('report-form');
      await form.waitFor();
      await form.getByLabel('完成进度').fill(percent);
      await form.getByLabel('进展情况').fill(narrative);
      await form.getByTestId('report-submit').click();
      await enterprise.getByTestId('report-row').filter({ hasText: narrative }).waitFor();
    };
    await report('60', '完成可靠性试验方案评审，首批样品送检。');
    await demo.expectAccessible(enterprise, 'task detail');

    const leader = await demo.signedIn('leader.ngit.ic');
    await leader.goto(`${demo.baseUrl}/chains/${chain.id}/review`);
    const pending = leader.getByTestId('review-row').filter({ hasText: '首批样品送检' });
    await pending.waitFor();
    await demo.expectAccessible(leader, 'review queue');
    await pending.getByTestId('review-return').click();
    await leader.getByLabel('退回理由').fill('请附上送检单和检测机构回执');
    await leader.getByTestId('review-return-confirm').click();
    await pending.waitFor({ state: 'detached' });

    await enterprise.goto(`${demo.baseUrl}/tasks/${task.id}`);
    await enterprise.getByTestId('report-return-reason').filter({ hasText: '送检单' }).waitFor();
    await report('60', '补充送检单及检测机构回执，样品检测进行中。');

    await leader.goto(`${demo.baseUrl}/chains/${chain.id}/review`);
    const resubmitted = leader.getByTestId('review-row').filter({ hasText: '检测机构回执' });
    await resubmitted.getByTestId('review-accept').click();
    await resubmitted.waitFor({ state: 'detached' });

    const reports = await demo.db.query(
      `SELECT percent, status, review_reason AS reason FROM progress_report
       WHERE subject_type = 'task' AND subject_id = $1 ORDER BY created_at`,
      [task.id],
    );
    expect(reports.rows).toEqual([
      { percent: 60, status: 'returned', reason: '请附上送检单和检测机构回执' },
      { percent: 60, status: 'accepted', reason: null },
    ]);
    const progress = await demo.one<{ progress: number; status: string }>(
      `SELECT progress, status FROM task WHERE id = $1`,
      [task.id],
    );
    expect(progress.progress).toBe(60);
  });

  it('c. an overdue task escalates: its 黄牌 shows on the provincial cockpit and prints as a 督办单', async () => {
    const chain = await demo.one<{ id: string }>(IC_CHAIN);
    const assignee = await orgOf('ent.ngit.ic.2');
    const leader = await demo.token('leader.ngit.ic');
    const created = await fetch(`${demo.baseUrl}/api/tasks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${leader}` },
      body: JSON.stringify({
        chainId: chain.id,
        title: '光刻胶国产替代验证（督办演示）',
        assigneeOrganisationId: assignee.id,
        dueDate: '2099-12-31',
        assign: true,
      }),
    });
    expect(created.status).toBe(201);
    const task = (await created.json()) as TaskDto;
    // Time passes: the task is now ten days late, and its 黄牌 step (3 workdays after the
    // due date) has come, as the scheduler's row for it says. Nothing else is touched: the
    // worker's reconciler finds the due step and fires it as it would in production.
    await demo.db.query(
      `UPDATE task SET due_date = (now() AT TIME ZONE 'Asia/Shanghai')::date - 10 WHERE id = $1`,
      [task.id],
    );
    const moved = await demo.db.query(
      `UPDATE scheduled_event SET fire_at = now() - interval '1 second'
       WHERE subject_id = $1 AND step = 'overdue-3' AND status = 'pending'`,
      [task.id],
    );
    expect(moved.rowCount).toBe(1);
    const notice = await waitFor(async () => {
      const { rows } = await demo.db.query(
        `SELECT id, number, level FROM supervision_notice WHERE task_id = $1`,
        [task.id],
      );
      return rows[0] as { id: string; number: string; level: string } | undefined;
    });
    expect(notice.level).toBe('yellow');

    const page = await demo.signedIn('admin');
    await page.goto(`${demo.baseUrl}/cockpit`);
    const row = page.getByTestId('cockpit-notice').filter({ hasText: notice.number });
    await row.waitFor();
    expect(await row.getAttribute('data-level')).toBe('yellow');
    expect(await row.textContent()).toContain('光刻胶国产替代验证（督办演示）');
    const icLine = page.getByTestId('chain-row').filter({ hasText: '集成电路' }).first();
    expect(await icLine.textContent()).toMatch(/黄牌督办单未办结/);
    await page.getByTestId('cockpit-heatmap').locator('svg').waitFor();
    await page.getByTestId('cockpit-trends').locator('svg').waitFor();
    await keepScreenshot(page, 'cockpit');
    await demo.expectAccessible(page, 'cockpit');

    await row.getByRole('link', { name: notice.number }).click();
    await page.getByTestId('notice-sheet').waitFor();
    expect(await page.getByTestId('notice-number').textContent()).toContain(notice.number);
    await page.getByTestId('notice-sheet').getByText(`${assignee.name}：`).waitFor();
    expect(await page.getByTestId('notice-sheet').textContent()).toContain('黄牌');
    await keepScreenshot(page, 'supervision-notice');
    await demo.expectAccessible(page, 'supervision notice');
  });

  it('d. an enterprise opening another enterprise’s task by its URL sees “not found” and nothing of it', async () => {
    const own = await orgOf('ent.ngit.ic.2');
    const other = await demo.one<{ id: string; title: string }>(
      `SELECT t.id, t.title FROM task t WHERE t.chain_id = (${IC_CHAIN}) AND t.assignee_organisation_id <> $1
         AND NOT EXISTS (SELECT 1 FROM task_co_handler h WHERE h.task_id = t.id AND h.organisation_id = $1)
       ORDER BY t.created_at LIMIT 1`,
      [own.id],
    );
    const page = await demo.signedIn('ent.ngit.ic.2');
    await page.goto(`${demo.baseUrl}/tasks/${other.id}`);
    await page.getByTestId('task-not-found').waitFor();
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).not.toContain(other.title);
    expect(await page.getByTestId('task-detail').count()).toBe(0);
    // Nor does its 督办单 print view show anything of it.
    await page.goto(
      `${demo.baseUrl}/tasks/${other.id}/notices/00000000-0000-4000-8000-000000000000/print`,
    );
    await page.getByTestId('notice-not-found').waitFor();
    expect((await page.locator('body').textContent()) ?? '').not.toContain(other.title);
  });

  it('e. the language switch changes every visible label on the cockpit', async () => {
    const page = await demo.signedIn('analyst');
    await page.goto(`${demo.baseUrl}/cockpit`);
    await page.getByTestId('cockpit-heatmap').locator('svg text').first().waitFor();
    const before = await labels(page);
    expect(before.some((t) => /驾驶舱/.test(t))).toBe(true);

    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByRole('heading', { name: 'Provincial cockpit' }).waitFor();
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('[data-testid="cockpit-trends"] svg text')).some((t) =>
        /Tasks created/.test(t.textContent ?? ''),
      ),
    );
    const after = await labels(page);
    // Labels, table headers, buttons, tags, chart axes and legends: no Chinese left. Data
    // people typed (names, titles, 文号) stays as typed and is not a label.
    expect(after.filter((t) => /\p{Script=Han}/u.test(t))).toEqual([]);
    expect(after.length).toBeGreaterThanOrEqual(before.length - 2);
    await keepScreenshot(page, 'cockpit-en');
    await demo.expectAccessible(page, 'cockpit (en)');
  });

  it('f. the other main pages pass the accessibility check: lists, notifications, administration', async () => {
    const admin = await demo.signedIn('admin');
    for (const [path, ready] of [
      ['/chains', 'chain-list'],
      ['/tasks', 'tasks'],
      ['/notifications', 'notifications'],
      ['/admin/users', 'users-table'],
      ['/admin/organisations', 'org-row'],
      ['/admin/calendar', 'calendar'],
      ['/admin/policy', 'policy-editor'],
      ['/admin/delivery', 'queue-board'],
      ['/admin/audit', 'audit-row'],
    ] as const) {
      await admin.goto(`${demo.baseUrl}${path}`);
      await admin.getByTestId(ready).first().waitFor();
      if (path === '/admin/calendar') await keepScreenshot(admin, 'admin-calendar');
      await demo.expectAccessible(admin, path);
    }
  });
});

/**
 * The visible interface texts of the page: everything but table body cells and chain
 * targets (data), each text node once.
 */
async function labels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!text || !parent) continue;
      if (parent.closest('tbody td, .target, [data-data], .user-name, script, style')) continue;
      // A language's own name (中文 on the switch) is in that language on purpose.
      if (parent.closest('[lang]')?.getAttribute('lang') !== document.documentElement.lang)
        continue;
      const style = getComputedStyle(parent);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      if (parent.getClientRects().length === 0 && !parent.closest('svg')) continue;
      texts.add(text);
    }
    return [...texts];
  });
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((settle) => setTimeout(settle, 250));
  }
}
