import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import type { ProgressReportDto, SessionUserDto, TaskDetailDto } from '@lianzhang/contracts';
import { Router } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { ROLE_PERMISSIONS } from '@lianzhang/domain';
import { SessionStore } from '../auth/session.store';
import { LanguageService } from '../i18n/language.service';
import { must, testProviders } from '../testing';
import { TaskDetailComponent } from './task-detail.component';

const TASK_ID = '7b0d3c2e-8a61-4c53-9f0e-2a4d5b6c7d8e';
const REPORT_ID = '1f2e3d4c-5b6a-4789-8abc-def012345678';
const ORG_ID = '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d';

function task(over: Partial<TaskDetailDto> = {}): TaskDetailDto {
  return {
    id: TASK_ID,
    chainId: '0c9e8d7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f',
    chainName: '集成电路',
    chainNameEn: 'Integrated circuits',
    title: '12 英寸晶圆产线关键设备国产化验证',
    description: '完成刻蚀设备的产线验证',
    status: 'assigned',
    priority: 'high',
    dueDate: '2026-04-30',
    overdue: true,
    progress: 20,
    reportEveryWorkdays: 10,
    assignee: { organisationId: ORG_ID, name: '示例微电子有限公司' },
    coHandlers: [{ organisationId: '5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f8a', name: '示例材料公司' }],
    shortBoardId: null,
    projectId: null,
    assignerUserId: '3b4c5d6e-7f8a-4b9c-0d1e-2f3a4b5c6d7e',
    noticeLevel: 'yellow',
    party: 'assignee',
    allowedActions: ['accept', 'decline'],
    version: 3,
    createdAt: '2026-03-01T01:00:00.000Z',
    history: [
      {
        id: '1',
        occurredAt: '2026-03-01T01:00:00.000Z',
        actorUserId: null,
        actorName: '链长办',
        action: 'assign',
        fromStatus: 'draft',
        toStatus: 'assigned',
        reason: null,
      },
    ],
    comments: [],
    notices: [
      {
        id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        number: '鲁链督〔2026〕12号',
        level: 'yellow',
        step: 'overdue-3',
        overdueWorkdays: 3,
        issuedAt: '2026-05-06T01:00:00.000Z',
      },
    ],
    upcomingSteps: [{ step: 'overdue-7', fireAt: '2026-05-12T01:00:00.000Z', level: 'red' }],
    ...over,
  };
}

const submittedReport: ProgressReportDto = {
  id: REPORT_ID,
  subjectType: 'task',
  subjectId: TASK_ID,
  chainId: '0c9e8d7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f',
  organisationId: ORG_ID,
  organisationName: '示例微电子有限公司',
  authorUserId: '6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8a9b',
  percent: 50,
  narrative: '设备进厂安装完毕',
  problems: '',
  needs: '',
  status: 'submitted',
  reviewReason: null,
  reviewedAt: null,
  version: 2,
  createdAt: '2026-04-01T02:00:00.000Z',
};

function user(role: SessionUserDto['role'], organisationId: string): SessionUserDto {
  return {
    id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    username: role,
    displayName: role,
    role,
    organisation: { id: organisationId, name: 'org', kind: 'enterprise' },
    regionCode: null,
    permissions: ROLE_PERMISSIONS[role],
    chains: [],
    language: 'zh-CN',
  };
}

describe('TaskDetailComponent', () => {
  let fixture: ComponentFixture<TaskDetailComponent>;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [TaskDetailComponent],
      providers: [...testProviders(), provideTranslocoScope('task')],
    });
    await TestBed.inject(LanguageService).init();
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
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

  async function open(): Promise<void> {
    fixture = TestBed.createComponent(TaskDetailComponent);
    fixture.componentRef.setInput('id', TASK_ID);
    fixture.detectChanges();
  }

  /** The detail, then the lists its parts load (reports, their files, the task's files). */
  async function answer(detail: TaskDetailDto, reports: ProgressReportDto[] = []): Promise<void> {
    http.expectOne(`/api/tasks/${TASK_ID}`).flush(detail);
    await settle();
    answerParts(reports);
    await settle();
    for (const report of reports) http.expectOne(`/api/reports/${report.id}/attachments`).flush([]);
    await settle();
  }

  function answerParts(reports: ProgressReportDto[]): void {
    http
      .expectOne((r) => r.url === '/api/reports' && r.params.get('subjectId') === TASK_ID)
      .flush({ items: reports, total: reports.length, page: 1, pageSize: 100 });
    http.expectOne(`/api/tasks/${TASK_ID}/attachments`).flush([]);
  }

  const body = () => document.body;
  const byTestId = (id: string) => body().querySelector<HTMLElement>(`[data-testid="${id}"]`);

  it('shows “not found” and nothing of the task when the api answers 404', async () => {
    await open();
    http
      .expectOne(`/api/tasks/${TASK_ID}`)
      .flush(
        { code: 'NOT_FOUND', message: '未找到该内容', details: [] },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();

    const element: HTMLElement = fixture.nativeElement;
    expect(element.querySelector('[data-testid="task-not-found"]')?.textContent).toContain(
      '未找到该任务',
    );
    expect(element.querySelector('[data-testid="task-detail"]')).toBeNull();
    expect(element.querySelector('[data-testid="task-title"]')).toBeNull();
    expect(element.querySelector('[data-testid="report-form"]')).toBeNull();
    // Nothing else of the task is even asked for (http.verify: no reports, no files).
  });

  it('shows the task: facts, 督办单 with their print links, the next steps', async () => {
    TestBed.inject(SessionStore).user.set(user('enterprise_user', ORG_ID));
    await open();
    await answer(task());

    const element: HTMLElement = fixture.nativeElement;
    expect(byTestId('task-title')?.textContent).toContain('12 英寸晶圆产线关键设备国产化验证');
    expect(byTestId('task-status')?.textContent).toContain('待签收');
    expect(byTestId('task-overdue')).not.toBeNull();
    expect(byTestId('task-co-handlers')?.textContent).toContain('示例材料公司');
    const notices = element.querySelectorAll('[data-testid="notice-row"]');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.textContent).toContain('鲁链督〔2026〕12号');
    expect(notices[0]?.textContent).toContain('黄牌');
    expect(notices[0]?.querySelector('[data-testid="notice-print"]')?.getAttribute('href')).toBe(
      `/tasks/${TASK_ID}/notices/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d/print`,
    );
    expect(byTestId('upcoming-row')?.textContent).toContain('逾期 7 个工作日红牌督办');
    // Assigned, not yet accepted: no report form yet.
    expect(byTestId('report-form')).toBeNull();
  });

  it('asks for a reason before declining, and sends it with the version read', async () => {
    TestBed.inject(SessionStore).user.set(user('enterprise_user', ORG_ID));
    await open();
    await answer(task());

    byTestId('decline')?.click();
    await settle();
    http.expectNone(`/api/tasks/${TASK_ID}/transitions`);
    const label = [...body().querySelectorAll('label')].find((l) =>
      l.textContent?.includes('原因（必填）'),
    );
    expect(label?.htmlFor).toBe('transition-reason');

    // Empty: refused here, nothing sent.
    byTestId('reason-confirm')?.click();
    await settle();
    http.expectNone(`/api/tasks/${TASK_ID}/transitions`);
    expect(body().textContent).toContain('请填写原因');

    const reason = byTestId('reason') as HTMLTextAreaElement;
    reason.value = '本企业不具备该设备验证条件';
    reason.dispatchEvent(new Event('input'));
    byTestId('reason-confirm')?.click();
    await settle();

    const request = http.expectOne(`/api/tasks/${TASK_ID}/transitions`);
    expect(request.request.body).toEqual({
      action: 'decline',
      version: 3,
      reason: '本企业不具备该设备验证条件',
    });
    request.flush({ ...task(), status: 'draft', allowedActions: [] });
    await settle();
    // Declined, the task is the chain office's again: back to the list.
    expect(navigate).toHaveBeenCalledWith('/tasks');
  });

  it('takes the api’s 404 after a decline as done (the draft is no longer the enterprise’s to see)', async () => {
    TestBed.inject(SessionStore).user.set(user('enterprise_user', ORG_ID));
    await open();
    await answer(task());
    byTestId('decline')?.click();
    await settle();
    const reason = byTestId('reason') as HTMLTextAreaElement;
    reason.value = '不属于本企业业务';
    reason.dispatchEvent(new Event('input'));
    byTestId('reason-confirm')?.click();
    await settle();
    http
      .expectOne(`/api/tasks/${TASK_ID}/transitions`)
      .flush(
        { code: 'NOT_FOUND', message: '未找到该内容', details: [] },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();
    expect(navigate).toHaveBeenCalledWith('/tasks');
    expect(body().textContent).toContain('已拒收');
  });

  it('accepts without asking', async () => {
    TestBed.inject(SessionStore).user.set(user('enterprise_user', ORG_ID));
    await open();
    await answer(task());
    byTestId('accept')?.click();
    await settle();
    const request = http.expectOne(`/api/tasks/${TASK_ID}/transitions`);
    expect(request.request.body).toEqual({ action: 'accept', version: 3 });
    request.flush(task({ status: 'accepted' }));
    await settle();
    http
      .expectOne(`/api/tasks/${TASK_ID}`)
      .flush(task({ status: 'accepted', allowedActions: ['start'], version: 4 }));
    await settle();
    // Accepted: the assignee may now report.
    expect(byTestId('report-form')).not.toBeNull();
  });

  describe('review of a submitted report (chain side)', () => {
    let request: () => TestRequest;

    beforeEach(async () => {
      TestBed.inject(SessionStore).user.set(
        user('chain_office', '8a9b0c1d-2e3f-4a5b-9c6d-7e8f9a0b1c2d'),
      );
      await open();
      await answer(task({ party: 'assigner', status: 'in_progress', allowedActions: ['cancel'] }), [
        submittedReport,
      ]);
      request = () => http.expectOne(`/api/reports/${REPORT_ID}/review`);
    });

    it('requires a reason to return a report', async () => {
      byTestId('review-return')?.click();
      await settle();
      const label = [...body().querySelectorAll('label')].find(
        (l) => l.textContent?.trim() === '退回理由',
      );
      expect(label?.htmlFor).toBe('review-reason');

      byTestId('reason-confirm')?.click();
      await settle();
      http.expectNone(`/api/reports/${REPORT_ID}/review`);
      expect(body().textContent).toContain('请填写原因');

      const reason = must(
        body().querySelector<HTMLTextAreaElement>('#review-reason'),
        'review reason',
      );
      reason.value = '缺少设备验收材料';
      reason.dispatchEvent(new Event('input'));
      byTestId('reason-confirm')?.click();
      await settle();

      const sent = request();
      expect(sent.request.body).toEqual({
        decision: 'return',
        version: 2,
        reason: '缺少设备验收材料',
      });
      sent.flush({ ...submittedReport, status: 'returned', reviewReason: '缺少设备验收材料' });
      await settle();
      http
        .expectOne((r) => r.url === '/api/reports')
        .flush({ items: [], total: 0, page: 1, pageSize: 100 });
      http.expectOne(`/api/tasks/${TASK_ID}`).flush(task({ party: 'assigner' }));
      await settle();
    });

    it('accepts a report with the version read', async () => {
      byTestId('review-accept')?.click();
      await settle();
      const sent = request();
      expect(sent.request.body).toEqual({ decision: 'accept', version: 2 });
      sent.flush({ ...submittedReport, status: 'accepted' });
      await settle();
      http
        .expectOne((r) => r.url === '/api/reports')
        .flush({ items: [], total: 0, page: 1, pageSize: 100 });
      // An accepted report's percent becomes the task's progress: the task is read again.
      http
        .expectOne(`/api/tasks/${TASK_ID}`)
        .flush(task({ party: 'assigner', status: 'in_progress', progress: 50 }));
      await settle();
      expect(byTestId('task-progress')?.textContent).toContain('50');
    });
  });
});
