import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { HealthResponse, RegionDto } from '@lianzhang/contracts';
import { testProviders } from '../testing';
import { HomeStore } from './home.store';

const healthy: HealthResponse = {
  status: 'up',
  version: '0.1.0',
  uptimeSeconds: 3,
  checks: {
    database: { status: 'up', durationMs: 2 },
    queue: { status: 'up', durationMs: 20, backend: 'postgres', canaryJobId: 'canary-x' },
  },
};
const regions: RegionDto[] = [
  { code: '370000', nameZh: '山东省', nameEn: 'Shandong', level: 'province', parentCode: null },
  { code: '370100', nameZh: '济南市', nameEn: 'Jinan', level: 'city', parentCode: '370000' },
  { code: '370200', nameZh: '青岛市', nameEn: 'Qingdao', level: 'city', parentCode: '370000' },
];

describe('HomeStore', () => {
  let store: HomeStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...testProviders(), HomeStore] });
    store = TestBed.inject(HomeStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('loads health and regions, splitting the province from its cities', async () => {
    const loading = store.load();
    expect(store.health()).toEqual({ status: 'loading' });
    http.expectOne('/api/health').flush(healthy);
    http.expectOne('/api/regions').flush(regions);
    await loading;
    expect(store.health()).toEqual({ status: 'ready', value: healthy });
    expect(store.province()?.nameZh).toBe('山东省');
    expect(store.cities().map((c) => c.code)).toEqual(['370100', '370200']);
  });

  it('treats a 503 health answer as a result that says what is down', async () => {
    const down: HealthResponse = {
      ...healthy,
      status: 'down',
      checks: { ...healthy.checks, queue: { ...healthy.checks.queue, status: 'down' } },
    };
    const loading = store.loadHealth();
    http.expectOne('/api/health').flush(down, { status: 503, statusText: 'Service Unavailable' });
    await loading;
    expect(store.health()).toEqual({ status: 'ready', value: down });
  });

  it('shows an error state when the api cannot be reached', async () => {
    const loading = store.loadRegions();
    http.expectOne('/api/regions').error(new ProgressEvent('error'));
    await loading;
    expect(store.regions()).toEqual({ status: 'error' });
    expect(store.cities()).toEqual([]);
  });
});
