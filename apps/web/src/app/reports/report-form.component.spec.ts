import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { WritableSignal } from '@angular/core';
import type { Page, PeriodicReportDto, PeriodicReportOptionsDto } from '@lianzhang/contracts';
import { provideTranslocoScope, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../i18n/language.service';
import { testProviders } from '../testing';
import { ReportFormComponent } from './report-form.component';
import { ReportsStore } from './reports.store';

const IC = '11111111-1111-4111-8111-111111111111';
const NM = '22222222-2222-4222-8222-222222222222';
const CHAINS: PeriodicReportOptionsDto['chains'] = [
  { id: IC, code: 'ngit.ic', nameZh: '集成电路', nameEn: 'Integrated circuits' },
  { id: NM, code: 'nm.quartz', nameZh: '新材料', nameEn: 'New materials' },
];

const PENDING: PeriodicReportDto = {
  id: '7d1f6a52-0d6e-4f43-9a0a-000000000009',
  scope: 'province',
  chainId: null,
  chainNameZh: null,
  chainNameEn: null,
  kind: 'monthly',
  periodStart: '2026-11-01',
  periodEnd: '2026-11-30',
  trigger: 'on_demand',
  requestedBy: { id: 'u', name: '省工信厅管理员' },
  status: 'pending',
  attempts: 0,
  lastError: null,
  fileName: null,
  sizeBytes: null,
  sha256: null,
  createdAt: '2026-12-01T01:00:00.000Z',
  generatedAt: null,
  durationMs: null,
};
const EMPTY: Page<PeriodicReportDto> = { items: [], total: 0, page: 1, pageSize: 20 };

interface FormModel {
  chainId: WritableSignal<string | null>;
  period: WritableSignal<Date | null>;
}

describe('ReportFormComponent', () => {
  let fixture: ComponentFixture<ReportFormComponent>;
  let element: HTMLElement;
  let http: HttpTestingController;
  let store: ReportsStore;
  let submitted: PeriodicReportDto[];

  async function open(options: PeriodicReportOptionsDto): Promise<void> {
    store.options.set({ status: 'ready', value: options });
    fixture = TestBed.createComponent(ReportFormComponent);
    element = fixture.nativeElement;
    submitted = [];
    fixture.componentInstance.submitted.subscribe((r) => submitted.push(r));
    await settle();
  }

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      fixture.detectChanges();
      await fixture.whenStable();
      await new Promise((done) => setTimeout(done));
    }
    fixture.detectChanges();
  }

  const model = () => fixture.componentInstance as unknown as FormModel;
  const text = (testId: string) =>
    element.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '';
  const post = () =>
    http.expectOne((r) => r.method === 'POST' && r.url === '/api/periodic-reports');

  function click(testId: string): void {
    const target = element.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
    if (!target) throw new Error(`${testId} is missing`);
    target.click();
    fixture.detectChanges();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ReportFormComponent],
      providers: [...testProviders(), ReportsStore, provideTranslocoScope('reports')],
    });
    await TestBed.inject(LanguageService).init();
    await firstValueFrom(TestBed.inject(TranslocoService).load('reports/zh-CN'));
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(ReportsStore);
  });

  afterEach(() => {
    store.stop();
    http.verify();
    fixture?.destroy();
  });

  it('offers the province to the province and sends last month’s province report by default', async () => {
    await open({ province: true, chains: CHAINS });
    expect(text('scope-province')).toContain('全省');
    expect(text('scope-chain')).toContain('产业链');
    expect(element.querySelector('[data-testid="report-chain"]')).toBeNull();
    expect(text('field-period')).toContain('不选则为上一个完整的月');

    click('report-submit');
    const request = post();
    expect(request.request.body).toEqual({ scope: 'province', kind: 'monthly' });
    request.flush(PENDING, { status: 202, statusText: 'Accepted' });
    await settle();
    http
      .expectOne((r) => r.method === 'GET' && r.url === '/api/periodic-reports')
      .flush({
        ...EMPTY,
        items: [PENDING],
        total: 1,
      });
    await settle();
    expect(submitted).toEqual([PENDING]);
  });

  it('gives the chain side only its chains, and asks for the chain before sending anything', async () => {
    await open({ province: false, chains: CHAINS });
    expect(element.querySelector('[data-testid="scope-province"]')).toBeNull();
    expect(element.querySelector('[data-testid="report-chain"]')).not.toBeNull();

    click('report-submit');
    await settle();
    expect(text('field-chain')).toContain('请填写此项');
    http.expectNone('/api/periodic-reports');

    click('kind-weekly');
    await settle();
    expect(text('field-period')).toContain('不选则为上一个完整的周');
    model().chainId.set(IC);
    model().period.set(new Date(2026, 10, 18, 12));
    fixture.detectChanges();
    click('report-submit');
    const request = post();
    expect(request.request.body).toEqual({
      scope: 'chain',
      chainId: IC,
      kind: 'weekly',
      periodStart: '2026-11-18',
    });
    // The chain left the caller's scope meanwhile: the api says so, the form shows it.
    request.flush(
      { code: 'NOT_FOUND', message: '未找到该内容', details: [] },
      { status: 404, statusText: 'Not Found' },
    );
    await settle();
    expect(text('report-form-error')).toContain('未找到该内容');
    expect(submitted).toEqual([]);
  });

  it('shows the api’s field error beside its field', async () => {
    await open({ province: true, chains: [] });
    expect(element.querySelector('[data-testid="scope-chain"]')).toBeNull();
    model().period.set(new Date(2026, 11, 15, 12));
    click('report-submit');
    post().flush(
      {
        code: 'VALIDATION_FAILED',
        message: '提交的数据有误，请检查标出的字段',
        details: [{ path: 'periodStart', message: '统计期间尚未开始，不能生成报告' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(text('field-period')).toContain('统计期间尚未开始，不能生成报告');
    expect(element.querySelector('[data-testid="report-form-error"]')).toBeNull();
  });
});
