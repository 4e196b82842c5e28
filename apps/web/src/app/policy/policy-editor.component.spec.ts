import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { EscalationPolicyDto, PutEscalationPolicyRequest } from '@lianzhang/contracts';
import { DEFAULT_ESCALATION_POLICY, type EscalationPolicy } from '@lianzhang/domain';
import { SessionStore } from '../auth/session.store';
import { LanguageService } from '../i18n/language.service';
import { testProviders } from '../testing';
import { ChainPolicyComponent } from './chain-policy.component';
import { PolicyEditorComponent } from './policy-editor.component';
import { ProvincePolicyComponent } from './province-policy.component';

const TWO_STEPS: EscalationPolicy = {
  requestResponseWorkdays: 5,
  steps: [
    {
      key: 'due-1',
      anchor: 'due',
      offsetWorkdays: -1,
      audience: ['assignee'],
      level: 'reminder',
      channels: ['email'],
    },
    {
      key: 'overdue-3',
      anchor: 'due',
      offsetWorkdays: 3,
      audience: ['chain_leader'],
      level: 'yellow',
      channels: [],
    },
  ],
};

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  fixture.detectChanges();
  await fixture.whenStable();
  fixture.detectChanges();
}

function steps(element: HTMLElement): HTMLElement[] {
  return [...element.querySelectorAll<HTMLElement>('[data-testid="policy-step"]')];
}

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

function click(element: HTMLElement, testId: string): void {
  const target = element.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (!target) throw new Error(`no ${testId}`);
  target.click();
}

beforeEach(async () => {
  localStorage.clear();
  TestBed.configureTestingModule({ providers: testProviders() });
  await TestBed.inject(LanguageService).init();
});

describe('PolicyEditorComponent', () => {
  let fixture: ComponentFixture<PolicyEditorComponent>;
  let element: HTMLElement;
  let saved: PutEscalationPolicyRequest['policy'][];

  beforeEach(async () => {
    fixture = TestBed.createComponent(PolicyEditorComponent);
    fixture.componentRef.setInput('policy', TWO_STEPS);
    saved = [];
    fixture.componentInstance.save.subscribe((policy) => saved.push(policy));
    element = fixture.nativeElement;
    await settle(fixture);
  });

  afterEach(() => fixture.destroy());

  it('shows each step with its level and when it fires', () => {
    expect(steps(element).map((s) => s.dataset['key'])).toEqual(['due-1', 'overdue-3']);
    expect(steps(element)[0]?.textContent).toContain('到期日前 1 个工作日');
    expect(steps(element)[1]?.textContent).toContain('黄牌');
    expect(element.querySelector('label[for$="-0-key"]')?.textContent).toContain('步骤标识');
  });

  it('adds a step and removes one', async () => {
    click(element, 'policy-add-step');
    await settle(fixture);
    expect(steps(element).map((s) => s.dataset['key'])).toEqual(['due-1', 'overdue-3', 'step-3']);
    expect(steps(element)[2]?.textContent).toContain('到期日后 1 个工作日');

    steps(element)[0]?.querySelector<HTMLElement>('[data-testid="policy-step-remove"]')?.click();
    await settle(fixture);
    expect(steps(element).map((s) => s.dataset['key'])).toEqual(['overdue-3', 'step-3']);

    click(element, 'policy-save');
    await settle(fixture);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.steps.map((s) => s.key)).toEqual(['overdue-3', 'step-3']);
  });

  it('shows the domain’s problem beside the field at once and refuses to save', async () => {
    const key = steps(element)[1]?.querySelector<HTMLInputElement>(
      '[data-testid="policy-step-key"]',
    ) as HTMLInputElement;
    type(key, 'due-1');
    await settle(fixture);
    expect(steps(element)[1]?.textContent).toContain('步骤标识重复');
    expect(element.querySelector('[data-testid="policy-problem-count"]')?.textContent).toContain(
      '1',
    );

    click(element, 'policy-save');
    await settle(fixture);
    expect(saved).toEqual([]);

    type(key, 'overdue-3');
    await settle(fixture);
    expect(steps(element)[1]?.textContent).not.toContain('步骤标识重复');
  });

  it('checks the shared contract on save: a bad key and an empty ladder', async () => {
    const key = steps(element)[0]?.querySelector<HTMLInputElement>(
      '[data-testid="policy-step-key"]',
    ) as HTMLInputElement;
    type(key, 'Due One');
    await settle(fixture);
    // Not shown before a save is tried.
    expect(steps(element)[0]?.textContent).not.toContain('应为 1–40 位小写字母、数字或 -');
    click(element, 'policy-save');
    await settle(fixture);
    expect(steps(element)[0]?.textContent).toContain('应为 1–40 位小写字母、数字或 -');
    expect(saved).toEqual([]);

    while (steps(element).length > 0) {
      click(element, 'policy-step-remove');
      await settle(fixture);
    }
    expect(steps(element)).toHaveLength(0);
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('至少选择 1 项');
  });

  it('is read only when asked', async () => {
    fixture.componentRef.setInput('readonly', true);
    await settle(fixture);
    expect(element.querySelector('[data-testid="policy-save"]')).toBeNull();
    expect(element.querySelector('[data-testid="policy-add-step"]')).toBeNull();
    expect(
      (element.querySelector('[data-testid="policy-step-key"]') as HTMLInputElement).disabled,
    ).toBe(true);
  });
});

describe('ProvincePolicyComponent', () => {
  let fixture: ComponentFixture<ProvincePolicyComponent>;
  let element: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.inject(SessionStore).user.set({
      id: 'u1',
      username: 'admin',
      displayName: '管理员',
      role: 'province_admin',
      organisation: { id: 'o1', name: '省工信厅', kind: 'government' },
      regionCode: null,
      permissions: ['escalation:manage'],
      chains: [],
      language: 'zh-CN',
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProvincePolicyComponent);
    element = fixture.nativeElement;
    await settle(fixture);
    http.expectOne('/api/escalation-policy').flush({
      source: 'province',
      policy: TWO_STEPS,
      version: 3,
    } satisfies EscalationPolicyDto);
    await settle(fixture);
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
  });

  it('sends the edited ladder with the version it read', async () => {
    expect(element.querySelector('[data-testid="policy-source"]')?.textContent).toContain(
      '全省默认',
    );
    click(element, 'policy-add-step');
    await settle(fixture);
    click(element, 'policy-save');
    await settle(fixture);

    const put = http.expectOne({ method: 'PUT', url: '/api/escalation-policy' });
    const body = put.request.body as PutEscalationPolicyRequest;
    expect(body.version).toBe(3);
    expect(body.policy.requestResponseWorkdays).toBe(5);
    expect(body.policy.steps.map((s) => s.key)).toEqual(['due-1', 'overdue-3', 'step-3']);
    expect(body.policy.steps[2]).toEqual({
      key: 'step-3',
      anchor: 'due',
      offsetWorkdays: 1,
      audience: ['assignee'],
      level: 'reminder',
      channels: [],
    });
    put.flush({ source: 'province', policy: body.policy, version: 4 });
    await settle(fixture);
    expect(steps(element)).toHaveLength(3);
  });

  it('shows the api’s field error beside its field', async () => {
    click(element, 'policy-save');
    await settle(fixture);
    http.expectOne({ method: 'PUT', url: '/api/escalation-policy' }).flush(
      {
        code: 'VALIDATION_FAILED',
        message: '提交的数据有误',
        details: [{ path: 'policy.steps.1.audience', message: '诉求的催办对象只能是链长办' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(steps(element)[1]?.textContent).toContain('诉求的催办对象只能是链长办');
    expect(steps(element)[0]?.textContent).not.toContain('诉求的催办对象只能是链长办');
  });

  it('says when someone else changed the ladder first', async () => {
    click(element, 'policy-save');
    await settle(fixture);
    http
      .expectOne({ method: 'PUT', url: '/api/escalation-policy' })
      .flush(
        { code: 'CONFLICT', message: '该内容已被他人修改，请刷新后重试', details: [] },
        { status: 409, statusText: 'Conflict' },
      );
    await settle(fixture);
    expect(element.querySelector('[data-testid="policy-save-error"]')?.textContent).toContain(
      '该内容已被他人修改',
    );
  });
});

describe('ChainPolicyComponent', () => {
  let fixture: ComponentFixture<ChainPolicyComponent>;
  let element: HTMLElement;
  let http: HttpTestingController;

  async function open(canEdit: boolean, answer: EscalationPolicyDto): Promise<void> {
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ChainPolicyComponent);
    fixture.componentRef.setInput('chainId', 'c1');
    fixture.componentRef.setInput('canEdit', canEdit);
    element = fixture.nativeElement;
    await settle(fixture);
    http.expectOne('/api/chains/c1/escalation-policy').flush(answer);
    await settle(fixture);
  }

  afterEach(() => {
    http.verify();
    fixture.destroy();
  });

  it('shows the province default read only to a reader', async () => {
    await open(false, { source: 'province', policy: DEFAULT_ESCALATION_POLICY, version: 0 });
    expect(element.querySelector('[data-testid="policy-source"]')?.textContent).toContain(
      '全省默认',
    );
    expect(steps(element)).toHaveLength(DEFAULT_ESCALATION_POLICY.steps.length);
    expect(element.querySelector('[data-testid="policy-save"]')).toBeNull();
    expect(element.querySelector('[data-testid="policy-reset"]')).toBeNull();
  });

  it('gives the chain its own ladder with version 0 the first time', async () => {
    await open(true, { source: 'province', policy: TWO_STEPS, version: 0 });
    steps(element)[0]?.querySelector<HTMLElement>('[data-testid="policy-step-remove"]')?.click();
    await settle(fixture);
    click(element, 'policy-save');
    await settle(fixture);
    const put = http.expectOne({ method: 'PUT', url: '/api/chains/c1/escalation-policy' });
    const body = put.request.body as PutEscalationPolicyRequest;
    expect(body.version).toBe(0);
    expect(body.policy.steps.map((s) => s.key)).toEqual(['overdue-3']);
    put.flush({ source: 'chain', policy: body.policy, version: 1 });
    await settle(fixture);
    expect(element.querySelector('[data-testid="policy-source"]')?.textContent).toContain(
      '本链专属',
    );
    expect(element.querySelector('[data-testid="policy-reset"]')).not.toBeNull();
  });
});
