import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type {
  ChainDetailDto,
  ChainMemberDto,
  EscalationPolicyDto,
  SessionUserDto,
} from '@lianzhang/contracts';
import { DEFAULT_ESCALATION_POLICY, ROLE_PERMISSIONS, type Role } from '@lianzhang/domain';
import { SessionStore } from '../auth/session.store';
import { testProviders } from '../testing';
import { ChainStore } from './chain.store';

const CHAIN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const ORG = '33333333-3333-4333-8333-333333333333';

function detail(id: string, canEdit = true): ChainDetailDto {
  return {
    id,
    code: 'ngit.ic',
    nameZh: '集成电路',
    nameEn: 'Integrated circuits',
    industryGroup: 'next_generation_it',
    level: 'province',
    regionCode: '370000',
    parentId: null,
    targetText: '集成电路产业产值突破350亿元',
    targetValue: 350,
    targetUnit: '亿元',
    planSection: '四(三)',
    version: 1,
    leaders: [{ userId: 'u1', displayName: '王链长', kind: 'leader' }],
    counts: { members: 1, nodes: 4, shortBoards: 2, projects: 1, openTasks: 3 },
    canEdit,
  };
}

const members: ChainMemberDto[] = [
  {
    organisationId: ORG,
    name: '浪潮',
    creditCode: null,
    regionCode: '370100',
    role: 'chain_master',
  },
];
const policy: EscalationPolicyDto = {
  source: 'province',
  policy: DEFAULT_ESCALATION_POLICY,
  version: 2,
};

function signIn(role: Role): void {
  const user: SessionUserDto = {
    id: 'u1',
    username: 'leader.ngit.ic',
    displayName: '王链长',
    role,
    organisation: { id: 'o1', name: '省工信厅', kind: 'government' },
    regionCode: null,
    language: 'zh-CN',
    permissions: ROLE_PERMISSIONS[role],
    chains: [{ id: CHAIN, kind: 'leader' }],
  };
  TestBed.inject(SessionStore).user.set(user);
}

describe('ChainStore', () => {
  let store: ChainStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...testProviders(), ChainStore] });
    store = TestBed.inject(ChainStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  function flushAll(id: string, chain = detail(id)): void {
    http.expectOne(`/api/chains/${id}`).flush(chain);
    http.expectOne(`/api/chains/${id}/members`).flush(members);
    http.expectOne(`/api/chains/${id}/escalation-policy`).flush(policy);
  }

  it('loads the detail, the members and the policy of a chain for the tabs', async () => {
    signIn('chain_leader');
    const loading = store.load(CHAIN);
    expect(store.detail()).toEqual({ status: 'loading' });
    flushAll(CHAIN);
    await loading;
    expect(store.chain()?.nameZh).toBe('集成电路');
    expect(store.memberList()).toEqual(members);
    expect(store.policyValue()?.source).toBe('province');
    expect(store.canEdit()).toBe(true);
    expect(store.canAssign()).toBe(true);
    expect(store.canReview()).toBe(true);
  });

  it('does not load the same chain twice, but starts over for another one', async () => {
    signIn('chain_leader');
    const first = store.load(CHAIN);
    flushAll(CHAIN);
    await first;
    await store.load(CHAIN);
    http.expectNone(`/api/chains/${CHAIN}`);

    const second = store.load(OTHER);
    expect(store.chain()).toBeNull();
    flushAll(OTHER, { ...detail(OTHER), nameZh: '新型显示' });
    await second;
    expect(store.chain()?.nameZh).toBe('新型显示');
  });

  it('drops the answer for a chain the user has already left', async () => {
    signIn('chain_leader');
    const first = store.load(CHAIN);
    const late = http.expectOne(`/api/chains/${CHAIN}`);
    const second = store.load(OTHER);
    flushAll(OTHER, { ...detail(OTHER), nameZh: '新型显示' });
    late.flush(detail(CHAIN));
    http.expectOne(`/api/chains/${CHAIN}/members`).flush(members);
    http.expectOne(`/api/chains/${CHAIN}/escalation-policy`).flush(policy);
    await Promise.all([first, second]);
    expect(store.id()).toBe(OTHER);
    expect(store.chain()?.nameZh).toBe('新型显示');
  });

  it('lets nobody edit what the api says they may not, whatever their role', async () => {
    signIn('province_admin');
    const loading = store.load(CHAIN);
    flushAll(CHAIN, detail(CHAIN, false));
    await loading;
    expect(store.canEdit()).toBe(false);
    expect(store.canAssign()).toBe(false);
  });

  it('keeps a read-only role read-only even where the api would allow editing', async () => {
    signIn('province_analyst');
    const loading = store.load(CHAIN);
    flushAll(CHAIN, detail(CHAIN, true));
    await loading;
    expect(store.canEdit()).toBe(false);
    expect(store.canReview()).toBe(false);
  });

  it('marks an unknown or hidden chain as not found, and a failing api as an error', async () => {
    signIn('chain_leader');
    let loading = store.load(CHAIN);
    http
      .expectOne(`/api/chains/${CHAIN}`)
      .flush(
        { code: 'NOT_FOUND', message: '未找到', details: [] },
        { status: 404, statusText: 'Not Found' },
      );
    http.expectOne(`/api/chains/${CHAIN}/members`).flush(members);
    http.expectOne(`/api/chains/${CHAIN}/escalation-policy`).flush(policy);
    await loading;
    expect(store.detail()).toEqual({ status: 'error', notFound: true });

    loading = store.load(CHAIN);
    http.expectOne(`/api/chains/${CHAIN}`).error(new ProgressEvent('error'));
    http.expectOne(`/api/chains/${CHAIN}/members`).error(new ProgressEvent('error'));
    http.expectOne(`/api/chains/${CHAIN}/escalation-policy`).flush(policy);
    await loading;
    expect(store.detail()).toEqual({ status: 'error', notFound: false });
    expect(store.members().status).toBe('error');
    expect(store.policy().status).toBe('ready');
  });

  it('adds a member with its role, then reads the members and the counts again', async () => {
    signIn('chain_leader');
    const loading = store.load(CHAIN);
    flushAll(CHAIN);
    await loading;

    const adding = store.setMember(ORG, 'key_supporting');
    const put = http.expectOne(`/api/chains/${CHAIN}/members/${ORG}`);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ role: 'key_supporting' });
    put.flush(null, { status: 204, statusText: 'No Content' });
    await new Promise((settled) => setTimeout(settled));
    http
      .expectOne(`/api/chains/${CHAIN}/members`)
      .flush([{ ...members[0], role: 'key_supporting' }]);
    http
      .expectOne(`/api/chains/${CHAIN}`)
      .flush({ ...detail(CHAIN), counts: { ...detail(CHAIN).counts, members: 2 } });
    await adding;
    expect(store.memberList()[0]?.role).toBe('key_supporting');
    expect(store.chain()?.counts.members).toBe(2);
  });

  it('removes a member with DELETE', async () => {
    signIn('chain_leader');
    const loading = store.load(CHAIN);
    flushAll(CHAIN);
    await loading;

    const removing = store.removeMember(ORG);
    const call = http.expectOne(`/api/chains/${CHAIN}/members/${ORG}`);
    expect(call.request.method).toBe('DELETE');
    call.flush(null, { status: 204, statusText: 'No Content' });
    await new Promise((settled) => setTimeout(settled));
    http.expectOne(`/api/chains/${CHAIN}/members`).flush([]);
    http.expectOne(`/api/chains/${CHAIN}`).flush(detail(CHAIN));
    await removing;
    expect(store.memberList()).toEqual([]);
  });
});
