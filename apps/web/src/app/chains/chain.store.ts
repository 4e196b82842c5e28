import { Injectable, computed, inject, signal } from '@angular/core';
import type { ChainDetailDto, ChainMemberDto, EscalationPolicyDto } from '@lianzhang/contracts';
import type { MemberRole } from '@lianzhang/domain';
import { firstValueFrom } from 'rxjs';
import { SessionStore } from '../auth/session.store';
import { ChainsClient } from './chains.client';

export type LoadState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly notFound?: boolean }
  | { readonly status: 'ready'; readonly value: T };

const LOADING = { status: 'loading' } as const;

function valueOf<T>(state: LoadState<T>): T | null {
  return state.status === 'ready' ? state.value : null;
}

/**
 * The chain a workbench shows, shared by its tabs: its detail (leaders, counts, whether
 * the caller may edit it), its members (the organisations a task can go to) and the
 * escalation policy in force (for the preview of a new task's steps). Provided at the
 * workbench route; `load` starts over when the route's chain changes, and answers for a
 * chain the user has left are dropped.
 */
@Injectable()
export class ChainStore {
  private readonly client = inject(ChainsClient);
  private readonly session = inject(SessionStore);

  readonly id = signal<string | null>(null);
  readonly detail = signal<LoadState<ChainDetailDto>>(LOADING);
  readonly members = signal<LoadState<readonly ChainMemberDto[]>>(LOADING);
  readonly policy = signal<LoadState<EscalationPolicyDto>>(LOADING);

  readonly chain = computed(() => valueOf(this.detail()));
  readonly memberList = computed(() => valueOf(this.members()) ?? []);
  readonly policyValue = computed(() => valueOf(this.policy()));
  /** The api says whether the caller may change this chain; the role must allow it too. */
  readonly canEdit = computed(
    () => (this.chain()?.canEdit ?? false) && this.session.can('chain:edit'),
  );
  readonly canAssign = computed(
    () => (this.chain()?.canEdit ?? false) && this.session.can('task:assign'),
  );
  readonly canReview = computed(
    () => (this.chain()?.canEdit ?? false) && this.session.can('report:review'),
  );
  readonly canHandleRequests = computed(
    () => (this.chain()?.canEdit ?? false) && this.session.can('request:handle'),
  );

  /** Loads everything for `chainId` (nothing when it is the chain already loaded, unless forced). */
  async load(chainId: string, force = false): Promise<void> {
    if (!force && this.id() === chainId && this.detail().status !== 'error') return;
    this.id.set(chainId);
    this.detail.set(LOADING);
    this.members.set(LOADING);
    this.policy.set(LOADING);
    await Promise.all([this.loadDetail(), this.loadMembers(), this.loadPolicy()]);
  }

  async loadDetail(): Promise<void> {
    const id = this.id();
    if (!id) return;
    try {
      const detail = await firstValueFrom(this.client.detail(id));
      if (this.id() === id) this.detail.set({ status: 'ready', value: detail });
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (this.id() === id)
        this.detail.set({ status: 'error', notFound: status === 404 || status === 403 });
    }
  }

  async loadMembers(): Promise<void> {
    const id = this.id();
    if (!id) return;
    if (this.members().status === 'error') this.members.set(LOADING);
    try {
      const members = await firstValueFrom(this.client.members(id));
      if (this.id() === id) this.members.set({ status: 'ready', value: members });
    } catch {
      if (this.id() === id) this.members.set({ status: 'error' });
    }
  }

  async loadPolicy(): Promise<void> {
    const id = this.id();
    if (!id) return;
    if (this.policy().status === 'error') this.policy.set(LOADING);
    try {
      const policy = await firstValueFrom(this.client.policy(id));
      if (this.id() === id) this.policy.set({ status: 'ready', value: policy });
    } catch {
      if (this.id() === id) this.policy.set({ status: 'error' });
    }
  }

  /** Adds an organisation or changes its role; the members and the counts are read again. */
  async setMember(organisationId: string, role: MemberRole): Promise<void> {
    const id = this.requireId();
    await firstValueFrom(this.client.setMember(id, organisationId, role));
    await Promise.all([this.loadMembers(), this.loadDetail()]);
  }

  async removeMember(organisationId: string): Promise<void> {
    const id = this.requireId();
    await firstValueFrom(this.client.removeMember(id, organisationId));
    await Promise.all([this.loadMembers(), this.loadDetail()]);
  }

  private requireId(): string {
    const id = this.id();
    if (!id) throw new Error('no chain loaded');
    return id;
  }
}
