import { Injectable, computed, inject, signal } from '@angular/core';
import type { ChainDto } from '@lianzhang/contracts';
import { LanguageService } from '../i18n/language.service';
import { WorkspaceClient } from './workspace.client';

export type Loadable<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error' }
  | { readonly status: 'ready'; readonly value: T };

/** The chains the enterprise belongs to, shared by the workspace's sections (provided by the page). */
@Injectable()
export class WorkspaceStore {
  private readonly client = inject(WorkspaceClient);
  private readonly languages = inject(LanguageService);

  readonly chains = signal<Loadable<readonly ChainDto[]>>({ status: 'loading' });
  readonly chainList = computed(() => {
    const state = this.chains();
    return state.status === 'ready' ? state.value : [];
  });

  private loading: Promise<void> | null = null;

  /** Once per page, however many sections ask. */
  load(force = false): Promise<void> {
    if (force || !this.loading) this.loading = this.fetch();
    return this.loading;
  }

  chainName(chainId: string): string {
    const chain = this.chainList().find((c) => c.id === chainId);
    if (!chain) return '—';
    return this.languages.language() === 'en' ? chain.nameEn : chain.nameZh;
  }

  private async fetch(): Promise<void> {
    this.chains.set({ status: 'loading' });
    try {
      this.chains.set({ status: 'ready', value: (await this.client.chains()).items });
    } catch {
      this.chains.set({ status: 'error' });
    }
  }
}
