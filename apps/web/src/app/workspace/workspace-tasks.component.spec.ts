import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { Page, TaskDetailDto, TaskDto } from '@lianzhang/contracts';
import { provideTranslocoScope } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { must, testProviders } from '../testing';
import { WorkspaceTasksComponent } from './workspace-tasks.component';

const ORG_ID = '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d';

function task(id: string, over: Partial<TaskDto> = {}): TaskDto {
  return {
    id,
    chainId: '0c9e8d7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f',
    chainName: '集成电路',
    chainNameEn: 'Integrated circuits',
    title: `任务 ${id.slice(0, 4)}`,
    description: '',
    status: 'assigned',
    priority: 'normal',
    dueDate: '2026-06-30',
    overdue: false,
    progress: 0,
    reportEveryWorkdays: null,
    assignee: { organisationId: ORG_ID, name: '示例微电子有限公司' },
    coHandlers: [],
    shortBoardId: null,
    projectId: null,
    assignerUserId: '3b4c5d6e-7f8a-4b9c-0d1e-2f3a4b5c6d7e',
    noticeLevel: null,
    party: 'assignee',
    allowedActions: ['accept', 'decline'],
    version: 4,
    createdAt: '2026-03-01T01:00:00.000Z',
    ...over,
  };
}

const FIRST = '11111111-1111-4111-8111-111111111111';
const LATE = '22222222-2222-4222-8222-222222222222';

const page = (items: TaskDto[]): Page<TaskDto> => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 20,
});

describe('WorkspaceTasksComponent', () => {
  let fixture: ComponentFixture<WorkspaceTasksComponent>;
  let element: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [WorkspaceTasksComponent],
      providers: [...testProviders(), provideTranslocoScope('workspace')],
    });
    await TestBed.inject(LanguageService).init();
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(WorkspaceTasksComponent);
    fixture.detectChanges();
    element = fixture.nativeElement;
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
  });

  async function settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await fixture.whenStable();
      fixture.detectChanges();
    }
  }

  const listRequest = () => http.expectOne((r) => r.method === 'GET' && r.url === '/api/tasks');

  async function showList(items: TaskDto[]): Promise<void> {
    listRequest().flush(page(items));
    await settle();
  }

  const rows = () => [...element.querySelectorAll('[data-testid="workspace-task-row"]')];

  it('asks for the tasks due soonest first and shows them in that order', async () => {
    const request = listRequest();
    expect(request.request.params.get('sort')).toBe('dueDate');
    expect(request.request.params.get('page')).toBe('1');
    request.flush(
      page([
        task(LATE, { title: '先到期', dueDate: '2026-03-10' }),
        task(FIRST, { title: '后到期', dueDate: '2026-05-10' }),
      ]),
    );
    await settle();
    expect(
      rows().map((r) => r.querySelector('[data-testid="task-link"]')?.textContent?.trim()),
    ).toEqual(['先到期', '后到期']);
    expect(rows()[0]?.querySelector('[data-testid="task-link"]')?.getAttribute('href')).toBe(
      `/tasks/${LATE}`,
    );
  });

  it('accepts (签收) with the version it read, then reads the list again', async () => {
    await showList([task(FIRST, { version: 7 })]);
    must(rows()[0], 'first row')
      .querySelector<HTMLButtonElement>('[data-testid="accept"]')
      ?.click();
    await settle();

    const request = http.expectOne(`/api/tasks/${FIRST}/transitions`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ action: 'accept', version: 7 });
    request.flush(task(FIRST, { status: 'accepted', version: 8 }));
    await settle();
    await showList([task(FIRST, { status: 'accepted', version: 8, allowedActions: ['start'] })]);
    expect(rows()[0]?.querySelector('[data-testid="task-status"]')?.textContent).toContain(
      '已签收',
    );
  });

  it('asks why before declining, and sends nothing without a reason', async () => {
    await showList([task(FIRST)]);
    must(rows()[0], 'first row')
      .querySelector<HTMLButtonElement>('[data-testid="decline"]')
      ?.click();
    await settle();
    http.expectNone(`/api/tasks/${FIRST}/transitions`);

    const confirm = must(
      document.querySelector<HTMLButtonElement>('[data-testid="reason-confirm"]'),
      'reason confirm',
    );
    confirm.click();
    await settle();
    http.expectNone(`/api/tasks/${FIRST}/transitions`);
    expect(document.body.textContent).toContain('请填写原因');

    const reason = must(
      document.querySelector<HTMLTextAreaElement>('#workspace-reason'),
      'reason field',
    );
    reason.value = '超出本企业业务范围';
    reason.dispatchEvent(new Event('input'));
    confirm.click();
    await settle();
    const request = http.expectOne(`/api/tasks/${FIRST}/transitions`);
    expect(request.request.body).toEqual({
      action: 'decline',
      version: 4,
      reason: '超出本企业业务范围',
    });
    request.flush(task(FIRST, { status: 'draft' }));
    await settle();
    await showList([]);
    expect(element.textContent).toContain('暂无任务');
  });

  it('takes the api’s 404 after a decline as done and reads the list again', async () => {
    await showList([task(FIRST)]);
    rows()[0]?.querySelector<HTMLButtonElement>('[data-testid="decline"]')?.click();
    await settle();
    const reason = document.querySelector<HTMLTextAreaElement>('#workspace-reason');
    if (!reason) throw new Error('no reason field');
    reason.value = '不属于本企业业务';
    reason.dispatchEvent(new Event('input'));
    document.querySelector<HTMLButtonElement>('[data-testid="reason-confirm"]')?.click();
    await settle();
    http
      .expectOne(`/api/tasks/${FIRST}/transitions`)
      .flush(
        { code: 'NOT_FOUND', message: '未找到该内容', details: [] },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();
    expect(document.body.textContent).toContain('已拒收，任务已退回链长办');
    expect(document.body.textContent).not.toContain('未找到该内容');
    await showList([]);
  });

  it('shows the api’s refusal of a stale step and reads the list again', async () => {
    await showList([task(FIRST)]);
    must(rows()[0], 'first row')
      .querySelector<HTMLButtonElement>('[data-testid="accept"]')
      ?.click();
    await settle();
    http
      .expectOne(`/api/tasks/${FIRST}/transitions`)
      .flush(
        { code: 'CONFLICT', message: '该内容已被他人修改，请刷新后重试', details: [] },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(document.body.textContent).toContain('该内容已被他人修改，请刷新后重试');
    await showList([task(FIRST, { version: 5 })]);
  });

  it('marks overdue tasks and their 黄牌/红牌', async () => {
    await showList([
      task(LATE, { overdue: true, status: 'in_progress', allowedActions: [], noticeLevel: 'red' }),
    ]);
    const detail: TaskDetailDto = {
      ...task(LATE, { overdue: true, noticeLevel: 'red' }),
      history: [],
      comments: [],
      upcomingSteps: [],
      notices: [
        {
          id: 'n1',
          number: '鲁链督〔2026〕3号',
          level: 'yellow',
          step: 'overdue-3',
          overdueWorkdays: 3,
          issuedAt: '2026-03-01T01:00:00.000Z',
        },
        {
          id: 'n2',
          number: '鲁链督〔2026〕9号',
          level: 'red',
          step: 'overdue-7',
          overdueWorkdays: 7,
          issuedAt: '2026-03-06T01:00:00.000Z',
        },
      ],
    };
    http.expectOne(`/api/tasks/${LATE}`).flush(detail);
    await settle();
    expect(rows()[0]?.querySelector('[data-testid="overdue-mark"]')?.textContent).toContain(
      '已逾期',
    );
    expect(rows()[0]?.querySelector('[data-testid="notice-mark"]')?.textContent).toContain('红牌');
  });

  it('offers a retry when the list cannot be read', async () => {
    listRequest().error(new ProgressEvent('error'));
    await settle();
    expect(element.querySelector('[data-testid="workspace-tasks-error"]')).not.toBeNull();
    must(
      element.querySelector<HTMLButtonElement>('[data-testid="workspace-tasks-error"] button'),
      'retry button',
    ).click();
    await settle();
    await showList([]);
  });
});
