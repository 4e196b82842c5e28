import { Injectable, computed, inject, signal } from '@angular/core';
import type { HealthResponse, RegionDto } from '@lianzhang/contracts';
import { firstValueFrom } from 'rxjs';
import { SystemClient } from './system.client';

export type LoadState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error' }
  | { readonly status: 'ready'; readonly value: T };

/** The overview page's data: platform health and the province's cities. */
@Injectable()
export class HomeStore {
  private readonly client = inject(SystemClient);

  readonly health = signal<LoadState<HealthResponse>>({ status: 'loading' });
  readonly regions = signal<LoadState<RegionDto[]>>({ status: 'loading' });
  readonly cities = computed(() => {
    const state = this.regions();
    return state.status === 'ready' ? state.value.filter((r) => r.level === 'city') : [];
  });
  readonly province = computed(() => {
    const state = this.regions();
    return state.status === 'ready' ? state.value.find((r) => r.level === 'province') : undefined;
  });

  load(): Promise<void> {
    return Promise.all([this.loadHealth(), this.loadRegions()]).then(() => undefined);
  }

  async loadHealth(): Promise<void> {
    this.health.set({ status: 'loading' });
    try {
      this.health.set({ status: 'ready', value: await firstValueFrom(this.client.health()) });
    } catch {
      this.health.set({ status: 'error' });
    }
  }

  async loadRegions(): Promise<void> {
    this.regions.set({ status: 'loading' });
    try {
      this.regions.set({ status: 'ready', value: await firstValueFrom(this.client.regions()) });
    } catch {
      this.regions.set({ status: 'error' });
    }
  }
}
