import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import type { Page, PeriodicReportDto } from '@lianzhang/contracts';
import { provideTranslocoScope, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../i18n/language.service';
import { testProviders } from '../testing';
import { ReportsComponent } from './reports.component';

const READY: PeriodicReportDto = {
  id: '7d1f6a52-0d6e-4f43-9a0a-000000000001',
  scope: 'chain',
  chainId: '11111111-1111-4111-8111-111111111111',
  chainNameZh: '集成电路',
  chainNameEn: 'Integrated circuits',
  kind: 'weekly',
  periodStart: '2026-11-16',
  periodEnd: '2026-11-22',
  trigger: 'schedule',
  requestedBy: null,
  status: 'ready',
  attempts: 1,
  lastError: null,
  fileName: '集成电路产业链周报_2026年第47周.xlsx',
  sizeBytes: 20_480,
  sha256: 'ab',
  createdAt: '2026-11-22T16:05:00.000Z',
  generatedAt: '2026-11-22T16:05:01.000Z',
  durationMs: 40,
};
const FAILED: PeriodicReportDto = {
  ...READY,
  id: '7d1f6a52-0d6e-4f43-9a0a-000000000002',
  scope: 'province',
  chainId: null,
  chainNameZh: null,
  chainNameEn: null,
  kind: 'monthly',
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  trigger: 'on_demand',
  requestedBy: { id: 'u', name: '省工信厅管理员' },
  status: 'failed',
  attempts: 3,
  lastError: 'disk full',
  fileName: null,
  sizeBytes: null,
  generatedAt: null,
};
const page = (items: PeriodicReportDto[]): Page<PeriodicReportDto> => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 20,
});

describe('ReportsComponent', () => {
  let fixture: ComponentFixture<ReportsComponent>;
  let element: HTMLElement;
  let http: HttpTestingController;

  const list = (): TestRequest =>
    http.expectOne((r) => r.method === 'GET' && r.url === '/api/periodic-reports');

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      fixture.detectChanges();
      await fixture.whenStable();
      await new Promise((done) => setTimeout(done));
    }
    fixture.detectChanges();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ReportsComponent],
      providers: [...testProviders(), provideTranslocoScope('reports')],
    });
    await TestBed.inject(LanguageService).init();
    await firstValueFrom(TestBed.inject(TranslocoService).load('reports/zh-CN'));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReportsComponent);
    element = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => {
    fixture.destroy();
    http.verify();
  });

  const rows = () => [...element.querySelectorAll<HTMLElement>('[data-testid="report-row"]')];

  it('lists reports with their period, how they came, their status, and a download once ready', async () => {
    http.expectOne('/api/periodic-reports/options').flush({ province: true, chains: [] });
    list().flush(page([READY, FAILED]));
    await settle();
    const [ready, failed] = rows();
    expect(ready?.textContent).toContain('集成电路');
    expect(ready?.textContent).toContain('2026年第47周（11月16日—11月22日）');
    expect(ready?.textContent).toContain('定时生成');
    expect(ready?.textContent).toContain('20 KB');
    expect(failed?.textContent).toContain('全省');
    expect(failed?.textContent).toContain('手动生成');
    expect(failed?.textContent).toContain('省工信厅管理员');
    expect(failed?.querySelector('[data-testid="report-status"]')?.textContent).toContain(
      '生成失败',
    );
    expect(failed?.textContent).toContain('已尝试 3 次');
    const download = (row: HTMLElement | undefined) =>
      row?.querySelector<HTMLButtonElement>('[data-testid="report-download"]');
    expect(download(ready)?.disabled).toBe(false);
    expect(download(failed)?.disabled).toBe(true);
    expect(element.querySelector('[data-testid="report-generate"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="reports-working"]')).toBeNull();
  });

  it('says so when there is nothing, and offers no form to someone who may ask for nothing', async () => {
    http.expectOne('/api/periodic-reports/options').flush({ province: false, chains: [] });
    list().flush(page([]));
    await settle();
    expect(rows()).toEqual([]);
    expect(element.textContent).toContain('暂无报告');
    expect(element.querySelector('[data-testid="report-generate"]')).toBeNull();
  });

  it('shows the error with a retry, and the list after it', async () => {
    http.expectOne('/api/periodic-reports/options').flush({ province: true, chains: [] });
    list().flush({}, { status: 500, statusText: 'Server Error' });
    await settle();
    const error = element.querySelector('[data-testid="reports-error"]');
    expect(error?.textContent).toContain('加载失败');
    error?.querySelector('button')?.click();
    list().flush(page([READY]));
    await settle();
    expect(rows()).toHaveLength(1);
  });
});
