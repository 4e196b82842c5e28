import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { Router } from '@angular/router';
import { NzMessageService } from 'ng-zorro-antd/message';
import type { ShortBoardDto } from '@lianzhang/contracts';
import { provideTranslocoScope, TranslocoService } from '@jsverse/transloco';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { firstValueFrom } from 'rxjs';
import { CLOCK } from '../../chains/dates';
import { LanguageService } from '../../i18n/language.service';
import { must, testProviders } from '../../testing';
import { CHALLENGES_ICONS } from '../challenge-labels';
import { CHAIN, ID, challengeDetail } from '../challenge-fixtures';
import { ChallengeFormComponent } from './challenge-form.component';

const BOARD: ShortBoardDto = {
  id: '44444444-4444-4444-8444-444444444444',
  chainId: CHAIN,
  nodeId: null,
  title: '车规级芯片',
  description: '车规级 MCU 依赖进口',
  category: 'key_component',
  chokepoint: true,
  foreignDependence: 0.8,
  status: 'identified',
  progress: 0,
  startDate: '2026-01-01',
  targetDate: '2027-12-31',
  owners: [],
  pace: { colour: 'green', elapsed: 0.4, ratio: null },
  version: 1,
};

/** Friday 2026-11-27, 10:00 in Shanghai. */
const NOW = new Date('2026-11-27T02:00:00Z');

describe('ChallengeFormComponent', () => {
  let fixture: ComponentFixture<ChallengeFormComponent>;
  let element: HTMLElement;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;
  let success: jest.SpyInstance;
  let failure: jest.SpyInstance;

  async function settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await new Promise((resolve) => setTimeout(resolve));
      fixture.detectChanges();
      await fixture.whenStable();
    }
  }

  async function open(inputs: Record<string, string>): Promise<void> {
    fixture = TestBed.createComponent(ChallengeFormComponent);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    element = fixture.nativeElement;
    fixture.detectChanges();
    await settle();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ChallengeFormComponent],
      providers: [
        ...testProviders(),
        provideTranslocoScope('challenges'),
        provideNzIconsPatch(CHALLENGES_ICONS),
        { provide: CLOCK, useValue: () => NOW },
      ],
    });
    await TestBed.inject(LanguageService).init();
    await firstValueFrom(TestBed.inject(TranslocoService).load('challenges/zh-CN'));
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const messages = TestBed.inject(NzMessageService);
    success = jest.spyOn(messages, 'success');
    failure = jest.spyOn(messages, 'error');
  });

  afterEach(() => {
    http.verify();
    fixture?.destroy();
  });

  function type(selector: string, text: string): void {
    const input = must(element.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector));
    input.value = text;
    input.dispatchEvent(new Event('input'));
  }

  function setBudget(value: number): void {
    (fixture.componentInstance as unknown as { budgetWan: number | null }).budgetWan = value;
  }

  function fieldText(path: string): string {
    return element.querySelector(`[data-testid="field-${path}"]`)?.textContent ?? '';
  }

  async function fromBoard(): Promise<void> {
    await open({ shortBoardId: BOARD.id });
    http.expectOne(`/api/short-boards/${BOARD.id}`).flush(BOARD);
    await settle();
  }

  it('starts from the short board, named after it, with its description', async () => {
    await fromBoard();
    expect(element.querySelector('[data-testid="challenge-form-board"]')?.textContent).toContain(
      '来源短板：车规级芯片',
    );
    expect(must(element.querySelector<HTMLInputElement>('#challenge-title')).value).toBe(
      '车规级芯片揭榜攻关',
    );
    expect(must(element.querySelector<HTMLTextAreaElement>('#challenge-requirements')).value).toBe(
      '车规级 MCU 依赖进口',
    );
  });

  it('shows each problem beside its field and sends nothing: the schema’s and the domain’s date rules', async () => {
    await fromBoard();
    type('#challenge-requirements', '   ');
    type('#challenge-deadline', '2026-12-20');
    type('#milestone-title-0', '方案评审');
    type('#milestone-date-0', '2026-12-10');
    must(element.querySelector<HTMLButtonElement>('[data-testid="milestone-add"]')).click();
    await settle();
    type('#milestone-date-1', '2026-11-01');
    must(element.querySelector<HTMLButtonElement>('[data-testid="challenge-save"]')).click();
    await settle();
    expect(fieldText('requirements')).toContain('不能为空');
    expect(fieldText('budgetWan')).toContain('请填写此项');
    expect(fieldText('milestones.0.dueDate')).toContain('里程碑日期须晚于申报截止日期');
    expect(fieldText('milestones.1.title')).toContain('不能为空');
    expect(fieldText('milestones.1.dueDate')).toContain('里程碑日期不能早于今天');
    http.expectNone('/api/challenges');
  });

  it('saves and publishes, then opens the challenge', async () => {
    await fromBoard();
    setBudget(1500);
    type('#challenge-deadline', '2026-12-20');
    type('#milestone-title-0', '方案评审');
    type('#milestone-date-0', '2027-01-10');
    must(element.querySelector<HTMLButtonElement>('[data-testid="challenge-publish"]')).click();
    await settle();
    const create = http.expectOne({ url: '/api/challenges', method: 'POST' });
    expect(create.request.body).toEqual({
      shortBoardId: BOARD.id,
      title: '车规级芯片揭榜攻关',
      requirements: '车规级 MCU 依赖进口',
      budgetWan: 1500,
      deadline: '2026-12-20',
      milestones: [{ title: '方案评审', dueDate: '2027-01-10' }],
    });
    create.flush(challengeDetail({ status: 'draft', version: 1 }));
    await settle();
    const publish = http.expectOne(`/api/challenges/${ID}/publish`);
    expect(publish.request.body).toEqual({ version: 1 });
    publish.flush(challengeDetail());
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/challenges', ID]);
    expect(success).toHaveBeenCalledTimes(1);
    expect(success).toHaveBeenCalledWith('已发布');
  });

  it('says once and plainly when the draft is saved but publishing fails, and retries the publishing only', async () => {
    await fromBoard();
    setBudget(1500);
    type('#challenge-deadline', '2026-12-20');
    type('#milestone-title-0', '方案评审');
    type('#milestone-date-0', '2027-01-10');
    must(element.querySelector<HTMLButtonElement>('[data-testid="challenge-publish"]')).click();
    await settle();
    http
      .expectOne({ url: '/api/challenges', method: 'POST' })
      .flush(challengeDetail({ status: 'draft', version: 1 }));
    await settle();
    http.expectOne(`/api/challenges/${ID}/publish`).flush(
      {
        code: 'VALIDATION_FAILED',
        message: '提交的数据有误',
        details: [{ path: 'deadline', message: '申报截止日期不能早于今天' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    // One outcome: saved as a draft, not published, and why; no "saved" beside an error.
    expect(success).not.toHaveBeenCalled();
    expect(failure).not.toHaveBeenCalled();
    expect(navigate).not.toHaveBeenCalled();
    expect(
      element.querySelector('[data-testid="challenge-publish-failed"]')?.textContent,
    ).toContain('已保存为草稿，但未能发布：申报截止日期不能早于今天');
    expect(fieldText('deadline')).toContain('申报截止日期不能早于今天');
    // The way on: open the draft, or publish it again; no second draft can be made.
    expect(element.querySelector('[data-testid="challenge-publish"]')).toBeNull();
    expect(element.querySelector('[data-testid="challenge-save"]')).toBeNull();
    expect(
      element.querySelector('[data-testid="challenge-open-draft"]')?.getAttribute('href'),
    ).toBe(`/challenges/${ID}`);
    must(
      element.querySelector<HTMLButtonElement>('[data-testid="challenge-retry-publish"]'),
    ).click();
    await settle();
    http.expectNone({ url: '/api/challenges', method: 'POST' });
    const retry = http.expectOne(`/api/challenges/${ID}/publish`);
    expect(retry.request.body).toEqual({ version: 1 });
    retry.flush(challengeDetail());
    await settle();
    expect(success).toHaveBeenCalledWith('已发布');
    expect(navigate).toHaveBeenCalledWith(['/challenges', ID]);
  });

  it('offers only boards still being worked on when the board is chosen here', async () => {
    await open({});
    http
      .expectOne((r) => r.url === '/api/chains')
      .flush({
        items: [{ id: CHAIN, nameZh: '集成电路', nameEn: 'Integrated circuits' }],
        total: 1,
        page: 1,
        pageSize: 100,
      });
    await settle();
    const choosing = (
      fixture.componentInstance as unknown as { chooseChain(id: string): Promise<void> }
    ).chooseChain(CHAIN);
    http
      .expectOne(`/api/chains/${CHAIN}/short-boards`)
      .flush(
        (['identified', 'tackling', 'breakthrough', 'resolved', 'shelved'] as const).map(
          (status, i) => ({ ...BOARD, id: `b${i}`, title: status, status }),
        ),
      );
    await choosing;
    await settle();
    expect(
      (fixture.componentInstance as unknown as { boards(): ShortBoardDto[] })
        .boards()
        .map((b) => b.status),
    ).toEqual(['identified', 'tackling', 'breakthrough']);
  });

  it('shows the api’s refusal of the board when the form starts from one', async () => {
    await fromBoard();
    setBudget(10);
    type('#challenge-deadline', '2026-12-20');
    type('#milestone-title-0', '方案评审');
    type('#milestone-date-0', '2027-01-10');
    must(element.querySelector<HTMLButtonElement>('[data-testid="challenge-save"]')).click();
    await settle();
    http.expectOne({ url: '/api/challenges', method: 'POST' }).flush(
      {
        code: 'CONFLICT',
        message: '该内容已被他人修改',
        details: [
          {
            path: 'shortBoardId',
            message: '该短板已有进行中的揭榜（草稿、揭榜中或已截止），请先完成或撤销',
          },
        ],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(fieldText('shortBoardId')).toContain('该短板已有进行中的揭榜');
  });

  it('refuses dates more than five years ahead and budgets below a cent before sending', async () => {
    await fromBoard();
    setBudget(0.001);
    type('#challenge-deadline', '2026-12-20');
    type('#milestone-title-0', '远期');
    type('#milestone-date-0', '2099-01-01');
    must(element.querySelector<HTMLButtonElement>('[data-testid="challenge-save"]')).click();
    await settle();
    expect(fieldText('milestones.0.dueDate')).toContain('日期不能晚于今天起 5 年');
    expect(fieldText('budgetWan')).toContain('0.01');
    http.expectNone('/api/challenges');
  });

  it('shows the api’s field errors beside the fields', async () => {
    await fromBoard();
    setBudget(10);
    type('#challenge-deadline', '2026-12-20');
    type('#milestone-title-0', '方案评审');
    type('#milestone-date-0', '2027-01-10');
    must(element.querySelector<HTMLButtonElement>('[data-testid="challenge-save"]')).click();
    await settle();
    http.expectOne({ url: '/api/challenges', method: 'POST' }).flush(
      {
        code: 'VALIDATION_FAILED',
        message: '提交的数据有误',
        details: [{ path: 'shortBoardId', message: '没有这个短板，或不在您管理的产业链中' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(navigate).not.toHaveBeenCalled();
    expect(fixture.componentInstance['errors']()).toEqual({
      shortBoardId: '没有这个短板，或不在您管理的产业链中',
    });
  });

  it('edits a published challenge: the terms are locked, the milestones replanned', async () => {
    await open({ id: ID });
    http.expectOne(`/api/challenges/${ID}`).flush(challengeDetail({ version: 3 }));
    await settle();
    expect(must(element.querySelector<HTMLInputElement>('#challenge-title')).disabled).toBe(true);
    type('#milestone-date-1', '2027-05-10');
    must(element.querySelector<HTMLButtonElement>('[data-testid="challenge-save"]')).click();
    await settle();
    const patch = http.expectOne({ url: `/api/challenges/${ID}`, method: 'PATCH' });
    expect(patch.request.body).toEqual({
      version: 3,
      milestones: [
        { title: '方案评审', dueDate: '2027-01-10' },
        { title: '样片流片', dueDate: '2027-05-10' },
      ],
    });
    patch.flush(challengeDetail({ version: 4 }));
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/challenges', ID]);
  });
});
