import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { ChainDto } from '@lianzhang/contracts';
import { must, testProviders } from '../testing';
import {
  CHAIN,
  ID,
  OTHER_CHAIN,
  application,
  challengeDetail,
  challengeLine,
} from './challenge-fixtures';
import { ChallengeDetailStore, ChallengeListStore } from './challenges.store';

const chain = (id: string, nameZh: string): ChainDto => ({
  id,
  code: nameZh,
  nameZh,
  nameEn: nameZh,
  industryGroup: 'next_generation_it',
  level: 'province',
  regionCode: '370000',
  parentId: null,
  targetText: null,
  targetValue: null,
  targetUnit: null,
  planSection: null,
  version: 1,
});

describe('ChallengeListStore', () => {
  let store: ChallengeListStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...testProviders(), ChallengeListStore] });
    store = TestBed.inject(ChallengeListStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('loads the newest calls and the chains, offering the chains of the page too', async () => {
    const init = store.init();
    const list = http.expectOne((r) => r.url === '/api/challenges');
    expect(list.request.params.keys().sort()).toEqual(['page', 'pageSize', 'sort']);
    expect(list.request.params.get('sort')).toBe('-createdAt');
    list.flush({
      items: [challengeLine(), challengeLine({ id: 'x', chainId: OTHER_CHAIN, chainName: '软件' })],
      total: 2,
      page: 1,
      pageSize: 20,
    });
    http
      .expectOne((r) => r.url === '/api/chains')
      .flush({ items: [chain(CHAIN, '集成电路')], total: 1, page: 1, pageSize: 100 });
    await init;
    expect(store.total()).toBe(2);
    expect(store.chainOptions().map((c) => c.id)).toEqual([CHAIN, OTHER_CHAIN]);
  });

  it('asks again from page 1 with each filter, and drops an answer to a filter already left', async () => {
    store.setPage(3);
    http.expectOne((r) => r.url === '/api/challenges' && r.params.get('page') === '3');
    const first = store.setStatus('closed');
    const stale = http.expectOne((r) => r.params.get('status') === 'closed');
    expect(stale.request.params.get('page')).toBe('1');
    const second = store.setChain(CHAIN);
    const fresh = http.expectOne(
      (r) => r.params.get('status') === 'closed' && r.params.get('chainId') === CHAIN,
    );
    fresh.flush({ items: [challengeLine({ status: 'closed' })], total: 1, page: 1, pageSize: 20 });
    stale.flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await Promise.all([first, second]);
    expect(store.items().map((c) => c.status)).toEqual(['closed']);

    const mine = store.setMine(true);
    http
      .expectOne((r) => r.params.get('mine') === 'true')
      .flush({}, { status: 500, statusText: 'x' });
    await mine;
    expect(store.state().status).toBe('error');
  });
});

describe('ChallengeDetailStore', () => {
  let store: ChallengeDetailStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...testProviders(), ChallengeDetailStore] });
    store = TestBed.inject(ChallengeDetailStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function flush(url: string, body: unknown, method = 'GET'): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne((r) => r.url === url && r.method === method).flush(body as object);
  }

  it('loads the challenge, then its applications', async () => {
    const loading = store.load(ID);
    await flush(`/api/challenges/${ID}`, challengeDetail());
    await flush(`/api/challenges/${ID}/applications`, [application()]);
    await loading;
    expect(store.challenge()?.title).toBe('车规级芯片揭榜攻关');
    expect(store.applicationList().map((a) => a.status)).toEqual(['submitted']);
  });

  it('says not found for a challenge out of reach, and asks for no applications', async () => {
    const loading = store.load(ID);
    await new Promise((resolve) => setTimeout(resolve));
    http
      .expectOne(`/api/challenges/${ID}`)
      .flush({ code: 'NOT_FOUND', message: '', details: [] }, { status: 404, statusText: 'x' });
    await loading;
    expect(store.detail()).toEqual({ status: 'error', notFound: true });
  });

  it('takes a step with the versions read, then reads everything again (定榜 changes it all)', async () => {
    const loading = store.load(ID);
    await flush(`/api/challenges/${ID}`, challengeDetail({ status: 'closed', version: 4 }));
    await flush(`/api/challenges/${ID}/applications`, [
      application({ status: 'shortlisted', allowedActions: ['select'], version: 2 }),
    ]);
    await loading;

    const selecting = store.decide(must(store.applicationList()[0]), 'select');
    await new Promise((resolve) => setTimeout(resolve));
    const select = http.expectOne(
      `/api/challenges/${ID}/applications/55555555-5555-4555-8555-555555555555/select`,
    );
    // 定榜 against the challenge as shown: its milestones are what become tasks.
    expect(select.request.body).toEqual({ version: 2, challengeVersion: 4 });
    select.flush(application({ status: 'selected', allowedActions: [] }));
    await flush(`/api/challenges/${ID}`, challengeDetail({ status: 'selected', version: 5 }));
    await flush(`/api/challenges/${ID}/applications`, [application({ status: 'selected' })]);
    await selecting;
    expect(store.challenge()?.status).toBe('selected');

    const cancelling = store.step('cancel', '统筹');
    await new Promise((resolve) => setTimeout(resolve));
    const cancel = http.expectOne(`/api/challenges/${ID}/cancel`);
    expect(cancel.request.body).toEqual({ version: 5, reason: '统筹' });
    cancel.flush(
      { code: 'CONFLICT', message: '', details: [] },
      { status: 409, statusText: 'Conflict' },
    );
    // A 409: someone else was first. The store reads what is there now, then rethrows.
    await flush(`/api/challenges/${ID}`, challengeDetail({ status: 'selected', version: 6 }));
    await flush(`/api/challenges/${ID}/applications`, [application({ status: 'selected' })]);
    await expect(cancelling).rejects.toMatchObject({ status: 409 });
    expect(store.challenge()).toMatchObject({ status: 'selected', version: 6 });
  });

  it('reads nothing again after a refusal other than a conflict', async () => {
    const loading = store.load(ID);
    await flush(`/api/challenges/${ID}`, challengeDetail({ version: 3 }));
    await flush(`/api/challenges/${ID}/applications`, []);
    await loading;
    const cancelling = store.step('cancel');
    await new Promise((resolve) => setTimeout(resolve));
    http
      .expectOne(`/api/challenges/${ID}/cancel`)
      .flush(
        { code: 'VALIDATION_FAILED', message: '', details: [] },
        { status: 400, statusText: 'Bad Request' },
      );
    await expect(cancelling).rejects.toMatchObject({ status: 400 });
    http.expectNone(`/api/challenges/${ID}`);
    expect(store.challenge()?.version).toBe(3);
  });
});
