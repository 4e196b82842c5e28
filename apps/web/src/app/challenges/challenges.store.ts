import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  ApplyChallengeRequest,
  ChainDto,
  ChallengeApplicationDto,
  ChallengeDetailDto,
  ChallengeDto,
  Page,
  UpdateApplicationRequest,
} from '@lianzhang/contracts';
import type { ChallengeStatus } from '@lianzhang/domain';
import { httpStatus } from '../forms/field-errors';
import { ChallengesClient, type ChallengeFilter } from './challenges.client';

export type LoadState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly notFound?: boolean }
  | { readonly status: 'ready'; readonly value: T };

const LOADING = { status: 'loading' } as const;

export interface ChainOption {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

/**
 * The list of challenges and what the user narrowed it to (status, chain, their own);
 * each change asks the api again from the first page, and an answer to a filter the user
 * has already left is dropped.
 */
@Injectable()
export class ChallengeListStore {
  private readonly client = inject(ChallengesClient);
  private ticket = 0;

  readonly filter = signal<ChallengeFilter>({ status: null, chainId: null, mine: false, page: 1 });
  readonly state = signal<LoadState<Page<ChallengeDto>>>(LOADING);
  private readonly chains = signal<readonly ChainDto[]>([]);

  readonly items = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.value.items : [];
  });
  readonly total = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.value.total : 0;
  });

  /**
   * Chains to filter by: those the user reaches, and those of the calls on the page (an
   * enterprise reads the open calls of every chain, but reaches only its own chains).
   */
  readonly chainOptions = computed<readonly ChainOption[]>(() => {
    const options = new Map<string, ChainOption>();
    for (const c of this.chains()) options.set(c.id, c);
    for (const c of this.items())
      if (!options.has(c.chainId))
        options.set(c.chainId, { id: c.chainId, nameZh: c.chainName, nameEn: c.chainNameEn });
    return [...options.values()].sort((a, b) => a.nameZh.localeCompare(b.nameZh, 'zh-CN'));
  });

  async init(): Promise<void> {
    await Promise.all([this.load(), this.loadChains()]);
  }

  async load(): Promise<void> {
    const ticket = ++this.ticket;
    this.state.set(LOADING);
    try {
      const page = await this.client.list(this.filter());
      if (ticket === this.ticket) this.state.set({ status: 'ready', value: page });
    } catch {
      if (ticket === this.ticket) this.state.set({ status: 'error' });
    }
  }

  setStatus(status: ChallengeStatus | null): Promise<void> {
    return this.narrow({ status });
  }

  setChain(chainId: string | null): Promise<void> {
    return this.narrow({ chainId });
  }

  setMine(mine: boolean): Promise<void> {
    return this.narrow({ mine });
  }

  setPage(page: number): Promise<void> {
    this.filter.update((f) => ({ ...f, page }));
    return this.load();
  }

  private narrow(change: Partial<ChallengeFilter>): Promise<void> {
    this.filter.update((f) => ({ ...f, ...change, page: 1 }));
    return this.load();
  }

  private async loadChains(): Promise<void> {
    try {
      this.chains.set((await this.client.chains()).items);
    } catch {
      // The filter then offers the chains of the calls shown; nothing else depends on it.
    }
  }
}

/**
 * One challenge and its applications (all of them for the chain side, the caller's own
 * for an applicant), with the steps the api says the caller may take. Every step answers
 * with the new state, after which both are read again: 定榜 changes them all. A step
 * refused with 409 (someone else changed the challenge or the application first) reads
 * both again too, so the page shows what is there now, and the refusal is rethrown.
 */
@Injectable()
export class ChallengeDetailStore {
  private readonly client = inject(ChallengesClient);

  readonly id = signal<string | null>(null);
  readonly detail = signal<LoadState<ChallengeDetailDto>>(LOADING);
  readonly applications = signal<LoadState<readonly ChallengeApplicationDto[]>>(LOADING);

  readonly challenge = computed(() => {
    const state = this.detail();
    return state.status === 'ready' ? state.value : null;
  });
  readonly applicationList = computed(() => {
    const state = this.applications();
    return state.status === 'ready' ? state.value : [];
  });
  /** The caller's own live or decided application, if any. */
  readonly mine = computed(() => this.challenge()?.myApplication ?? null);

  async load(id: string): Promise<void> {
    this.id.set(id);
    this.detail.set(LOADING);
    this.applications.set(LOADING);
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const id = this.id();
    if (!id) return;
    try {
      const detail = await this.client.detail(id);
      if (this.id() !== id) return;
      this.detail.set({ status: 'ready', value: detail });
    } catch (error) {
      if (this.id() === id)
        this.detail.set({ status: 'error', notFound: httpStatus(error) === 404 });
      return;
    }
    try {
      const applications = await this.client.applications(id);
      if (this.id() === id) this.applications.set({ status: 'ready', value: applications });
    } catch {
      if (this.id() === id) this.applications.set({ status: 'error' });
    }
  }

  /** publish, close or cancel; throws the api's refusal for the caller to show. */
  async step(action: 'publish' | 'close' | 'cancel', reason?: string): Promise<void> {
    const challenge = this.require();
    const next = await this.reloadingOnConflict(() =>
      this.client.step(challenge.id, action, {
        version: challenge.version,
        ...(reason ? { reason } : {}),
      }),
    );
    this.detail.set({ status: 'ready', value: next });
    await this.refresh();
  }

  /** withdraw, shortlist, or 定榜 against the challenge as shown (its version). */
  async decide(
    application: ChallengeApplicationDto,
    action: 'withdraw' | 'shortlist' | 'select',
  ): Promise<void> {
    const challenge = this.require();
    await this.reloadingOnConflict(() =>
      action === 'select'
        ? this.client.select(application.challengeId, application.id, {
            version: application.version,
            challengeVersion: challenge.version,
          })
        : this.client.decide(application.challengeId, application.id, action, application.version),
    );
    await this.refresh();
  }

  /** `work`, and on a 409 the challenge and applications read again before it is rethrown. */
  private async reloadingOnConflict<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (httpStatus(error) === 409) await this.refresh();
      throw error;
    }
  }

  async apply(request: ApplyChallengeRequest): Promise<void> {
    await this.client.apply(this.require().id, request);
    await this.refresh();
  }

  async updateApplication(
    application: ChallengeApplicationDto,
    request: Omit<UpdateApplicationRequest, 'version'>,
  ): Promise<void> {
    await this.client.updateApplication(application.challengeId, application.id, {
      ...request,
      version: application.version,
    });
    await this.refresh();
  }

  private require(): ChallengeDetailDto {
    const challenge = this.challenge();
    if (!challenge) throw new Error('no challenge loaded');
    return challenge;
  }
}
