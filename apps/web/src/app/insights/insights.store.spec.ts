import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { ChainHealthDto, InsightsHealthDto, Page, RiskDto } from '@lianzhang/contracts';
import { testProviders } from '../testing';
import { downloadName } from './insights.client';
import { InsightsStore, NO_RISK_FILTERS } from './insights.store';

const chain = (over: Partial<ChainHealthDto>): ChainHealthDto => ({
  chainId: 'c',
  code: 'c',
  nameZh: '链',
  nameEn: 'Chain',
  industryGroup: 'next_generation_it',
  level: 'province',
  regionCode: '370000',
  score: null,
  grade: null,
  components: [],
  omitted: [],
  reason: null,
  trend: [],
  ...over,
});

const HEALTH: InsightsHealthDto = {
  asOf: '2026-11-27',
  chains: [
    chain({ chainId: 'r', code: 'b', score: 40, grade: 'red' }),
    chain({ chainId: 'y', code: 'c', score: 70, grade: 'yellow' }),
    chain({ chainId: 'g', code: 'a', score: 95, grade: 'green' }),
    chain({ chainId: 'n', code: 'd' }),
  ],
};

const risk = (kind: RiskDto['kind'], id: string): RiskDto => ({
  kind,
  subjectType: 'node',
  subjectId: id,
  subjectName: id,
  chainId: 'r',
  chainCode: 'b',
  chainNameZh: '链',
  chainNameEn: 'Chain',
  chainRegionCode: '370000',
  stage: 'upstream',
  localSuppliers: 0,
  foreignDependence: null,
  lastReportOn: null,
  since: null,
  daysSilent: null,
  reason: { 'zh-CN': '原因', en: 'why' },
});
const page = (items: RiskDto[], total = items.length, at = 1): Page<RiskDto> => ({
  items,
  total,
  page: at,
  pageSize: 20,
});

describe('InsightsStore', () => {
  let store: InsightsStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...testProviders(), InsightsStore] });
    store = TestBed.inject(InsightsStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('loads health once, counts grades and narrows by grade or no score', async () => {
    const loading = store.loadHealth();
    http.expectOne('/api/insights/health').flush(HEALTH);
    await loading;
    expect(store.gradeCounts()).toEqual({ red: 1, yellow: 1, green: 1, none: 1 });
    expect(store.chains().map((c) => c.chainId)).toEqual(['r', 'y', 'g', 'n']);
    store.grade.set('yellow');
    expect(store.chains().map((c) => c.chainId)).toEqual(['y']);
    store.grade.set('none');
    expect(store.chains().map((c) => c.chainId)).toEqual(['n']);
    // The risk filter lists the chains by code.
    expect(store.chainOptions().map((c) => c.code)).toEqual(['a', 'b', 'c', 'd']);
    await store.ensureHealth();
    http.expectNone('/api/insights/health');
  });

  it('reports an error state and recovers on retry', async () => {
    let loading = store.loadHealth();
    http.expectOne('/api/insights/health').flush({}, { status: 500, statusText: 'Error' });
    await loading;
    expect(store.health().status).toBe('error');
    loading = store.loadHealth();
    http.expectOne('/api/insights/health').flush(HEALTH);
    await loading;
    expect(store.health().status).toBe('ready');
  });

  it('sends only the filters set, starts again at page 1 on a new search, and pages', async () => {
    let loading = store.searchRisks({ ...NO_RISK_FILTERS, kind: 'single_source', q: '  光刻 ' });
    let call = http.expectOne((r) => r.url === '/api/insights/risks');
    expect(call.request.params.keys().sort()).toEqual(['kind', 'page', 'pageSize', 'q']);
    expect(call.request.params.get('q')).toBe('光刻');
    call.flush(page([risk('single_source', 'a')], 45));
    await loading;
    expect(store.risks()).toMatchObject({ status: 'ready', value: { total: 45 } });

    loading = store.goToRiskPage(3);
    call = http.expectOne((r) => r.url === '/api/insights/risks');
    expect(call.request.params.get('page')).toBe('3');
    expect(call.request.params.get('kind')).toBe('single_source');
    call.flush(page([risk('single_source', 'c')], 45, 3));
    await loading;

    loading = store.searchRisks({ ...NO_RISK_FILTERS, regionCode: '370200' });
    call = http.expectOne((r) => r.url === '/api/insights/risks');
    expect(call.request.params.get('page')).toBe('1');
    expect(call.request.params.get('regionCode')).toBe('370200');
    expect(call.request.params.has('kind')).toBe(false);
    call.flush(page([]));
    await loading;
  });

  it('keeps the answer of the latest search when an older one arrives late', async () => {
    const first = store.searchRisks({ ...NO_RISK_FILTERS, kind: 'single_source' });
    const second = store.searchRisks({ ...NO_RISK_FILTERS, kind: 'chokepoint_stale' });
    const [older, newer] = http.match((r) => r.url === '/api/insights/risks');
    newer?.flush(page([risk('chokepoint_stale', 'new')]));
    older?.flush(page([risk('single_source', 'old')]));
    await Promise.all([first, second]);
    const state = store.risks();
    expect(state.status === 'ready' ? state.value.items.map((r) => r.subjectId) : []).toEqual([
      'new',
    ]);
  });

  it('exports with the applied filters and takes the file name from the answer', async () => {
    store.riskFilters.set({ ...NO_RISK_FILTERS, chainId: 'r' });
    const exporting = store.exportRisks();
    const call = http.expectOne((r) => r.url === '/api/insights/risks/export');
    expect(call.request.params.get('chainId')).toBe('r');
    expect(call.request.params.has('page')).toBe(false);
    expect(call.request.responseType).toBe('blob');
    call.flush(new Blob(['xlsx']), {
      headers: {
        'Content-Disposition': `attachment; filename="lianzhang-risks-2026-11-27.xlsx"; filename*=UTF-8''${encodeURIComponent('产业链风险清单-2026-11-27.xlsx')}`,
      },
    });
    const { fileName, blob } = await exporting;
    expect(fileName).toBe('产业链风险清单-2026-11-27.xlsx');
    expect(blob.size).toBe(4);
  });

  it('reads a plain file name, or falls back', () => {
    expect(downloadName('attachment; filename="a.xlsx"', 'x.xlsx')).toBe('a.xlsx');
    expect(downloadName(null, 'x.xlsx')).toBe('x.xlsx');
  });
});
