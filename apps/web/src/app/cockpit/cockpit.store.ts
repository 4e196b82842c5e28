import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { CockpitChainDto, CockpitDto } from '@lianzhang/contracts';
import type { ChainColour, ShortBoardStatus } from '@lianzhang/domain';
import { firstValueFrom } from 'rxjs';
import type { LoadState } from '../home/home.store';

/** The cockpit's answer and what the user narrowed it to; one request, everything derived. */
@Injectable()
export class CockpitStore {
  private readonly http = inject(HttpClient);

  readonly state = signal<LoadState<CockpitDto>>({ status: 'loading' });
  /** Chains of one colour only, or all. */
  readonly colour = signal<ChainColour | null>(null);
  /** Chains with short boards in one state only, or all. */
  readonly boardStatus = signal<ShortBoardStatus | null>(null);

  readonly cockpit = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.value : null;
  });

  /** Red first, then yellow, then green; within a colour the most overdue first. */
  readonly chains = computed<readonly CockpitChainDto[]>(() => {
    const cockpit = this.cockpit();
    if (!cockpit) return [];
    const colour = this.colour();
    const boardStatus = this.boardStatus();
    const rank: Record<ChainColour, number> = { red: 0, yellow: 1, green: 2 };
    return cockpit.chains
      .filter((c) => colour === null || c.colour === colour)
      .filter((c) => boardStatus === null || c.shortBoards[boardStatus] > 0)
      .slice()
      .sort(
        (a, b) =>
          rank[a.colour] - rank[b.colour] ||
          b.overdueTasks - a.overdueTasks ||
          a.code.localeCompare(b.code),
      );
  });

  /** Share of the planned investment completed over all projects, 0–1. */
  readonly investmentShare = computed(() => {
    const totals = this.cockpit()?.totals;
    return totals && totals.plannedInvestment > 0
      ? totals.completedInvestment / totals.plannedInvestment
      : null;
  });

  async load(): Promise<void> {
    if (this.state().status !== 'ready') this.state.set({ status: 'loading' });
    try {
      this.state.set({
        status: 'ready',
        value: await firstValueFrom(this.http.get<CockpitDto>('/api/cockpit')),
      });
    } catch {
      this.state.set({ status: 'error' });
    }
  }
}
