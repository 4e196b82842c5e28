import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { ChallengeApplicationDto, ChallengeDetailDto } from '@lianzhang/contracts';
import { provideTranslocoScope, TranslocoService } from '@jsverse/transloco';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import { must, testProviders } from '../../testing';
import { CHALLENGES_ICONS } from '../challenge-labels';
import { ID, application, challengeDetail } from '../challenge-fixtures';
import { ChallengeDetailComponent } from './challenge-detail.component';

describe('ChallengeDetailComponent', () => {
  let fixture: ComponentFixture<ChallengeDetailComponent>;
  let element: HTMLElement;
  let http: HttpTestingController;

  async function settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await new Promise((resolve) => setTimeout(resolve));
      fixture.detectChanges();
      await fixture.whenStable();
    }
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ChallengeDetailComponent],
      providers: [
        ...testProviders(),
        provideTranslocoScope('challenges'),
        provideNzIconsPatch(CHALLENGES_ICONS),
      ],
    });
    await TestBed.inject(LanguageService).init();
    await firstValueFrom(TestBed.inject(TranslocoService).load('challenges/zh-CN'));
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    fixture?.destroy();
  });

  async function open(
    detail: ChallengeDetailDto,
    applications: ChallengeApplicationDto[],
  ): Promise<void> {
    fixture = TestBed.createComponent(ChallengeDetailComponent);
    fixture.componentRef.setInput('id', ID);
    element = fixture.nativeElement;
    fixture.detectChanges();
    await settle();
    http.expectOne(`/api/challenges/${ID}`).flush(detail);
    await settle();
    http.expectOne(`/api/challenges/${ID}/applications`).flush(applications);
    await settle();
  }

  const text = (testId: string) =>
    element.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? '';
  const click = (testId: string) =>
    must(element.querySelector<HTMLElement>(`[data-testid="${testId}"]`)).click();

  it('shows the terms, the workdays left and the milestones', async () => {
    await open(challengeDetail(), []);
    expect(text('challenge-title')).toBe('车规级芯片揭榜攻关');
    expect(text('challenge-status')).toBe('揭榜中');
    expect(text('challenge-countdown')).toContain('剩余 12 个工作日');
    expect(text('challenge-budget')).toBe('1,500 万元');
    expect(element.querySelectorAll('[data-testid="milestone"]')).toHaveLength(2);
  });

  it('gives the chain side the applications, and 定榜 only after a confirmation that says what follows', async () => {
    const listed = application({
      status: 'shortlisted',
      allowedActions: ['select'],
      version: 2,
    });
    const other = application({
      id: '77777777-7777-4777-8777-777777777777',
      organisationName: '青岛海芯科技',
      status: 'submitted',
      allowedActions: [],
    });
    await open(challengeDetail({ status: 'closed', workdaysLeft: null }), [listed, other]);
    expect(element.querySelectorAll('[data-testid="application-row"]')).toHaveLength(2);
    click('application-select');
    await settle();
    expect(document.querySelector('[data-testid="confirm-text"]')?.textContent).toContain(
      '定榜「济南芯光微电子有限公司」：将为其交办 2 项里程碑任务，其余 1 份申报标记为未入选',
    );
    http.expectNone(() => true);
    fixture.componentInstance.confirm();
    await settle();
    const select = http.expectOne(`/api/challenges/${ID}/applications/${listed.id}/select`);
    // 定榜 against the challenge as shown (its version): what the dialog said will follow.
    expect(select.request.body).toEqual({ version: 2, challengeVersion: 2 });
    select.flush(application({ status: 'selected', allowedActions: [] }));
    await settle();
    http.expectOne(`/api/challenges/${ID}`).flush(challengeDetail({ status: 'selected' }));
    await settle();
    http.expectOne(`/api/challenges/${ID}/applications`).flush([]);
    await settle();
    expect(text('challenge-status')).toBe('已定榜');
  });

  it('asks for a reason before cancelling, and shows the api’s refusal in the dialog', async () => {
    await open(challengeDetail(), []);
    click('challenge-cancel');
    await settle();
    await fixture.componentInstance.confirm();
    await settle();
    expect(document.querySelector('[data-testid="confirm-error"]')?.textContent).toContain(
      '请填写撤销原因',
    );
    (fixture.componentInstance as unknown as { reason: string }).reason = '纳入国家专项';
    const confirming = fixture.componentInstance.confirm();
    await settle();
    http.expectOne(`/api/challenges/${ID}/cancel`).flush(
      {
        code: 'CONFLICT',
        message: '该内容已被他人修改',
        details: [{ path: 'status', message: '当前状态下不能执行此操作' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    // The conflict reads the page again; cancelling is still possible, so the dialog stays.
    await settle();
    http.expectOne(`/api/challenges/${ID}`).flush(challengeDetail({ version: 3 }));
    await settle();
    http.expectOne(`/api/challenges/${ID}/applications`).flush([]);
    await confirming;
    await settle();
    const error = document.querySelector('[data-testid="confirm-error"]')?.textContent ?? '';
    expect(error).toContain('当前状态下不能执行此操作');
    expect(error).toContain('页面已更新为最新内容');
    // Confirming again goes against what is there now.
    const again = fixture.componentInstance.confirm();
    await settle();
    const retry = http.expectOne(`/api/challenges/${ID}/cancel`);
    expect(retry.request.body).toEqual({ version: 3, reason: '纳入国家专项' });
    retry.flush(challengeDetail({ status: 'cancelled', version: 4, allowedActions: [] }));
    await settle();
    http
      .expectOne(`/api/challenges/${ID}`)
      .flush(challengeDetail({ status: 'cancelled', version: 4, allowedActions: [] }));
    await settle();
    http.expectOne(`/api/challenges/${ID}/applications`).flush([]);
    await again;
    await settle();
    expect(text('challenge-status')).toBe('已撤销');
  });

  it('after a 409 on 定榜 shows the challenge as it is now and why the step stopped', async () => {
    const listed = application({ status: 'shortlisted', allowedActions: ['select'], version: 2 });
    await open(challengeDetail({ status: 'closed', workdaysLeft: null }), [listed]);
    click('application-select');
    await settle();
    const confirming = fixture.componentInstance.confirm();
    await settle();
    http.expectOne(`/api/challenges/${ID}/applications/${listed.id}/select`).flush(
      {
        code: 'CONFLICT',
        message: '该内容已被他人修改',
        details: [
          {
            path: 'challengeVersion',
            message: '榜单已被他人修改（如调整了里程碑），请查看最新内容后再定榜',
          },
        ],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    // Another office user replanned: three milestones now, at version 3.
    const replanned = challengeDetail({
      status: 'closed',
      workdaysLeft: null,
      version: 3,
      milestones: [
        { id: 'm1', title: '方案评审', dueDate: '2027-01-10', taskId: null },
        { id: 'm2', title: '样片流片', dueDate: '2027-04-10', taskId: null },
        { id: 'm3', title: '量产导入', dueDate: '2027-09-10', taskId: null },
      ],
    });
    http.expectOne(`/api/challenges/${ID}`).flush(replanned);
    await settle();
    http.expectOne(`/api/challenges/${ID}/applications`).flush([listed]);
    await confirming;
    await settle();
    expect(element.querySelectorAll('[data-testid="milestone"]')).toHaveLength(3);
    expect(document.querySelector('[data-testid="confirm-error"]')?.textContent).toContain(
      '榜单已被他人修改',
    );
    // The dialog now says what follows from the new plan, and selects against it.
    expect(document.querySelector('[data-testid="confirm-text"]')?.textContent).toContain(
      '将为其交办 3 项里程碑任务',
    );
    const again = fixture.componentInstance.confirm();
    await settle();
    const select = http.expectOne(`/api/challenges/${ID}/applications/${listed.id}/select`);
    expect(select.request.body).toEqual({ version: 2, challengeVersion: 3 });
    select.flush(application({ status: 'selected', allowedActions: [] }));
    await settle();
    http.expectOne(`/api/challenges/${ID}`).flush(challengeDetail({ status: 'selected' }));
    await settle();
    http.expectOne(`/api/challenges/${ID}/applications`).flush([]);
    await again;
  });

  it('closes the dialog after a 409 when the step is no longer open', async () => {
    const listed = application({ status: 'shortlisted', allowedActions: ['select'], version: 2 });
    await open(challengeDetail({ status: 'closed', workdaysLeft: null }), [listed]);
    click('application-select');
    await settle();
    const confirming = fixture.componentInstance.confirm();
    await settle();
    http
      .expectOne(`/api/challenges/${ID}/applications/${listed.id}/select`)
      .flush(
        { code: 'CONFLICT', message: '该内容已被他人修改', details: [] },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    http
      .expectOne(`/api/challenges/${ID}`)
      .flush(challengeDetail({ status: 'selected', allowedActions: [], version: 3 }));
    await settle();
    http
      .expectOne(`/api/challenges/${ID}/applications`)
      .flush([application({ status: 'not_selected', allowedActions: [] })]);
    await confirming;
    await settle();
    expect(text('challenge-status')).toBe('已定榜');
    expect(fixture.componentInstance['pending']()).toBeNull();
    expect(document.body.textContent).toContain('该内容已被他人修改');
  });

  it('shows dates in Shanghai time, not UTC', async () => {
    // 17:30 UTC is already the next day in Shanghai.
    const mine = application({ createdAt: '2026-11-05T17:30:00.000Z', allowedActions: [] });
    await open(
      challengeDetail({
        publishedAt: '2026-11-01T16:30:00.000Z',
        party: 'applicant',
        allowedActions: [],
        applicationCount: null,
        applied: true,
        myApplication: mine,
      }),
      [mine],
    );
    expect(text('challenge-published-at')).toBe('2026-11-02');
    expect(text('my-application-date')).toContain('2026-11-06');
  });

  it('offers an enterprise the application form while the call is open, and no applications table', async () => {
    await open(
      challengeDetail({
        party: 'applicant',
        allowedActions: ['apply'],
        applicationCount: null,
      }),
      [],
    );
    expect(element.querySelector('[data-testid="apply-form"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="applications"]')).toBeNull();
  });

  it('shows an enterprise its own application with the steps it may take', async () => {
    const mine = application({ allowedActions: ['edit', 'withdraw'] });
    await open(
      challengeDetail({
        party: 'applicant',
        allowedActions: [],
        applicationCount: null,
        applied: true,
        myApplication: mine,
      }),
      [mine],
    );
    expect(text('my-application-status')).toBe('已申报');
    expect(element.querySelector('[data-testid="application-edit"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="application-withdraw"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="apply-form"]')).toBeNull();
  });

  it('says so when the challenge is out of reach', async () => {
    fixture = TestBed.createComponent(ChallengeDetailComponent);
    fixture.componentRef.setInput('id', ID);
    element = fixture.nativeElement;
    fixture.detectChanges();
    await settle();
    http
      .expectOne(`/api/challenges/${ID}`)
      .flush({ code: 'NOT_FOUND', message: '', details: [] }, { status: 404, statusText: 'x' });
    await settle();
    expect(text('challenge-not-found')).toContain('未找到该揭榜项目');
  });
});
