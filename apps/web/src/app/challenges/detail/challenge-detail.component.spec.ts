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
    expect(select.request.body).toEqual({ version: 2 });
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
    await confirming;
    await settle();
    expect(document.querySelector('[data-testid="confirm-error"]')?.textContent).toContain(
      '当前状态下不能执行此操作',
    );
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
