import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { provideTranslocoScope, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import { must, testProviders } from '../../testing';
import { ID, application, challengeDetail } from '../challenge-fixtures';
import { ChallengeDetailStore } from '../challenges.store';
import { ApplyFormComponent } from './apply-form.component';

describe('ApplyFormComponent', () => {
  let fixture: ComponentFixture<ApplyFormComponent>;
  let element: HTMLElement;
  let http: HttpTestingController;
  let store: ChallengeDetailStore;

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
      imports: [ApplyFormComponent],
      providers: [...testProviders(), provideTranslocoScope('challenges'), ChallengeDetailStore],
    });
    await TestBed.inject(LanguageService).init();
    await firstValueFrom(TestBed.inject(TranslocoService).load('challenges/zh-CN'));
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(ChallengeDetailStore);
    store.id.set(ID);
    store.detail.set({
      status: 'ready',
      value: challengeDetail({ party: 'applicant', allowedActions: ['apply'] }),
    });
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
  });

  async function open(existing: ReturnType<typeof application> | null = null): Promise<void> {
    fixture = TestBed.createComponent(ApplyFormComponent);
    fixture.componentRef.setInput('application', existing);
    element = fixture.nativeElement;
    fixture.detectChanges();
    await settle();
  }

  function type(selector: string, text: string): void {
    const input = must(element.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector));
    input.value = text;
    input.dispatchEvent(new Event('input'));
  }

  const submit = () =>
    must(element.querySelector<HTMLButtonElement>('[data-testid="apply-submit"]')).click();
  const fieldText = (path: string) =>
    element.querySelector(`[data-testid="field-${path}"]`)?.textContent ?? '';

  it('needs a proposal, and sends nothing without one', async () => {
    await open();
    type('#apply-proposal', '  ');
    submit();
    await settle();
    expect(fieldText('proposal')).toContain('不能为空');
    http.expectNone(`/api/challenges/${ID}/applications`);
  });

  it('applies with the proposal, the quote and the date, then reads the challenge again', async () => {
    await open();
    const done = jest.fn();
    fixture.componentInstance.done.subscribe(done);
    type('#apply-proposal', '联合整车厂验证，18 个月流片');
    type('#apply-completion', '2027-12-31');
    (fixture.componentInstance as unknown as { quote: number }).quote = 1200;
    submit();
    await settle();
    const post = http.expectOne({ url: `/api/challenges/${ID}/applications`, method: 'POST' });
    expect(post.request.body).toEqual({
      proposal: '联合整车厂验证，18 个月流片',
      quotedBudgetWan: 1200,
      plannedCompletionDate: '2027-12-31',
    });
    post.flush(application());
    await settle();
    http.expectOne(`/api/challenges/${ID}`).flush(challengeDetail({ applied: true }));
    await settle();
    http.expectOne(`/api/challenges/${ID}/applications`).flush([application()]);
    await settle();
    expect(done).toHaveBeenCalled();
  });

  it('says why the api refused: the deadline passed', async () => {
    await open();
    type('#apply-proposal', '方案');
    submit();
    await settle();
    http.expectOne(`/api/challenges/${ID}/applications`).flush(
      {
        code: 'VALIDATION_FAILED',
        message: '提交的数据有误',
        details: [{ path: 'deadline', message: '申报已截止' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(element.querySelector('nz-alert')?.textContent).toContain('申报已截止');
  });

  it('changes an application with its version', async () => {
    await open(application({ proposal: '旧方案', version: 3, quotedBudgetWan: null }));
    expect(must(element.querySelector<HTMLTextAreaElement>('#apply-proposal')).value).toBe(
      '旧方案',
    );
    type('#apply-proposal', '新方案');
    submit();
    await settle();
    const patch = http.expectOne({
      url: `/api/challenges/${ID}/applications/55555555-5555-4555-8555-555555555555`,
      method: 'PATCH',
    });
    expect(patch.request.body).toEqual({
      proposal: '新方案',
      quotedBudgetWan: null,
      plannedCompletionDate: '2027-12-31',
      version: 3,
    });
    patch.flush(application());
    await settle();
    http.expectOne(`/api/challenges/${ID}`).flush(challengeDetail());
    await settle();
    http.expectOne(`/api/challenges/${ID}/applications`).flush([]);
    await settle();
  });
});
