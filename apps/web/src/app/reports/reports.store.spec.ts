import { TestBed } from '@angular/core/testing';
import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import type { Page, PeriodicReportDto } from '@lianzhang/contracts';
import { testProviders } from '../testing';
import { REPORT_POLL_DELAYS_MS, ReportsStore } from './reports.store';

function report(over: Partial<PeriodicReportDto> = {}): PeriodicReportDto {
  return {
    id: '7d1f6a52-0d6e-4f43-9a0a-000000000001',
    scope: 'province',
    chainId: null,
    chainNameZh: null,
    chainNameEn: null,
    kind: 'monthly',
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    trigger: 'schedule',
    requestedBy: null,
    status: 'ready',
    attempts: 1,
    lastError: null,
    fileName: '山东省产业链月报_2026年11月.xlsx',
    sizeBytes: 50_513,
    sha256: 'ab',
    createdAt: '2026-11-30T16:05:00.000Z',
    generatedAt: '2026-11-30T16:05:01.000Z',
    durationMs: 140,
    ...over,
  };
}

const page = (items: PeriodicReportDto[]): Page<PeriodicReportDto> => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 20,
});

/** Lets the awaited HTTP answers and the store's follow-up run. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('ReportsStore', () => {
  let store: ReportsStore;
  let http: HttpTestingController;
  const list = (): TestRequest =>
    http.expectOne((r) => r.method === 'GET' && r.url === '/api/periodic-reports');

  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    TestBed.configureTestingModule({ providers: [...testProviders(), ReportsStore] });
    store = TestBed.inject(ReportsStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    store.stop();
    http.verify();
    jest.useRealTimers();
  });

  it('loads a page with the filters it was given, and shows an error only when it has nothing to show', async () => {
    const loading = store.setFilters({ scope: 'chain', kind: 'weekly' });
    const request = list();
    expect(request.request.params.keys().sort()).toEqual(['kind', 'page', 'pageSize', 'scope']);
    expect(request.request.params.get('scope')).toBe('chain');
    request.flush({}, { status: 500, statusText: 'Server Error' });
    await loading;
    expect(store.list().status).toBe('error');

    const again = store.load();
    list().flush(page([report()]));
    await again;
    expect(store.items().map((r) => r.id)).toEqual([report().id]);
    expect(store.working()).toBe(false);
    expect(store.polling()).toBe(false);
  });

  it('looks again on a timer while a report is queued, slower each time, and stops once it is ready', async () => {
    const loading = store.load(1);
    list().flush(page([report({ status: 'pending', generatedAt: null })]));
    await loading;
    expect(store.working()).toBe(true);
    expect(store.polling()).toBe(true);

    // Nothing before the first delay…
    jest.advanceTimersByTime((REPORT_POLL_DELAYS_MS[0] ?? 0) - 1);
    http.expectNone('/api/periodic-reports');
    jest.advanceTimersByTime(1);
    list().flush(page([report({ status: 'generating', generatedAt: null })]));
    await settle();
    expect(store.polling()).toBe(true);

    // …then the second delay, longer.
    jest.advanceTimersByTime((REPORT_POLL_DELAYS_MS[1] ?? 0) - 1);
    http.expectNone('/api/periodic-reports');
    jest.advanceTimersByTime(1);
    list().flush(page([report({ status: 'ready' })]));
    await settle();
    expect(store.items()[0]?.status).toBe('ready');
    expect(store.polling()).toBe(false);
    jest.advanceTimersByTime(60_000);
    http.expectNone('/api/periodic-reports');
  });

  it('stops looking when the page goes away', async () => {
    const loading = store.load(1);
    list().flush(page([report({ status: 'pending' })]));
    await loading;
    expect(store.polling()).toBe(true);
    store.stop();
    expect(store.polling()).toBe(false);
    jest.advanceTimersByTime(60_000);
    http.expectNone('/api/periodic-reports');
  });

  it('asks for a report and shows the first page with it, then waits for it', async () => {
    const asked = store.request({ scope: 'province', kind: 'monthly' });
    const post = http.expectOne((r) => r.method === 'POST' && r.url === '/api/periodic-reports');
    expect(post.request.body).toEqual({ scope: 'province', kind: 'monthly' });
    const pending = report({ trigger: 'on_demand', status: 'pending', generatedAt: null });
    post.flush(pending, { status: 202, statusText: 'Accepted' });
    await settle();
    const reload = list();
    expect(reload.request.params.get('page')).toBe('1');
    reload.flush(page([pending]));
    expect(await asked).toEqual(pending);
    expect(store.polling()).toBe(true);
  });
});
