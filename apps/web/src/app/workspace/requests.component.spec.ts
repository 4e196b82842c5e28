import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { ChainDto, CoordinationRequestDto } from '@lianzhang/contracts';
import { provideTranslocoScope } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { must, testProviders } from '../testing';
import { RequestsComponent } from './requests.component';
import { WorkspaceStore } from './workspace.store';

const CHAIN_ID = '0c9e8d7f-6a5b-4c3d-8e1f-0a9b8c7d6e5f';

const chain: ChainDto = {
  id: CHAIN_ID,
  code: 'ngit.ic',
  nameZh: '集成电路',
  nameEn: 'Integrated circuits',
  industryGroup: 'next_generation_it',
  level: 'province',
  regionCode: '370000',
  parentId: null,
  targetText: null,
  targetValue: null,
  targetUnit: null,
  planSection: null,
  version: 1,
};

const answered: CoordinationRequestDto = {
  id: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
  chainId: CHAIN_ID,
  organisationId: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
  organisationName: '示例微电子有限公司',
  raisedByUserId: '3b4c5d6e-7f8a-4b9c-8d1e-2f3a4b5c6d7e',
  category: 'energy',
  title: '新增产线用电指标',
  body: '二期产线需新增 20 兆伏安用电容量',
  status: 'answered',
  department: '省能源局',
  answer: '已纳入年度用电计划',
  respondBy: '2026-03-09',
  version: 3,
  createdAt: '2026-03-02T02:00:00.000Z',
};

describe('RequestsComponent', () => {
  let fixture: ComponentFixture<RequestsComponent>;
  let element: HTMLElement;
  let http: HttpTestingController;

  async function settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await fixture.whenStable();
      fixture.detectChanges();
    }
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [RequestsComponent],
      providers: [...testProviders(), provideTranslocoScope('workspace'), WorkspaceStore],
    });
    await TestBed.inject(LanguageService).init();
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RequestsComponent);
    fixture.detectChanges();
    element = fixture.nativeElement;
    http
      .expectOne((r) => r.url === '/api/chains')
      .flush({
        items: [chain],
        total: 1,
        page: 1,
        pageSize: 100,
      });
    const list = http.expectOne((r) => r.url === '/api/requests' && r.method === 'GET');
    expect(list.request.params.get('sort')).toBe('-createdAt');
    list.flush({ items: [answered], total: 1, page: 1, pageSize: 10 });
    await settle();
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
  });

  const control = (id: string) =>
    element.querySelector(`#${id}`)?.closest('nz-form-item')?.textContent ?? '';

  function type(id: string, value: string): void {
    const input = must(element.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`), id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    element.querySelector('[data-testid="request-form"]')?.dispatchEvent(new Event('submit'));
    await settle();
  }

  it('lists my requests with status, department, answer and respond-by date', () => {
    const row = must(element.querySelector('[data-testid="request-row"]'), 'request row');
    expect(row.textContent).toContain('新增产线用电指标');
    expect(row.textContent).toContain('用能保障');
    expect(row.querySelector('[data-testid="request-status"]')?.textContent).toContain('已答复');
    expect(row.textContent).toContain('省能源局');
    expect(row.querySelector('[data-testid="request-answer"]')?.textContent).toContain(
      '已纳入年度用电计划',
    );
    expect(row.textContent).toContain('2026-03-09');
  });

  it('checks the form with the contract and sends nothing while it fails', async () => {
    await submit();
    http.expectNone((r) => r.method === 'POST');
    expect(control('request-chain')).toContain('请选择');
    expect(control('request-category')).toContain('请选择');
    expect(control('request-title')).toContain('不能为空');
    expect(control('request-body')).toContain('不能为空');
  });

  it('raises a request and shows the api’s field error by its field', async () => {
    const component = fixture.componentInstance;
    component['chainId'].set(CHAIN_ID);
    component['category'].set('land');
    type('request-title', '二期厂房用地指标');
    type('request-body', '需协调新增工业用地 50 亩');
    await submit();

    const request = http.expectOne((r) => r.method === 'POST' && r.url === '/api/requests');
    expect(request.request.body).toEqual({
      chainId: CHAIN_ID,
      category: 'land',
      title: '二期厂房用地指标',
      body: '需协调新增工业用地 50 亩',
    });
    request.flush(
      {
        code: 'VALIDATION_FAILED',
        message: '提交的数据有误，请检查标出的字段',
        details: [{ path: 'title', message: '标题与已有诉求重复' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(control('request-title')).toContain('标题与已有诉求重复');
  });
});
