import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  ChainHealthDto,
  IndicatorsDto,
  InsightsHealthDto,
  Page,
  RiskDto,
  RiskExportQuery,
} from '@lianzhang/contracts';
import type { ChainColour, RiskKind } from '@lianzhang/domain';
import type { LoadState } from '../home/home.store';
import { InsightsClient } from './insights.client';

/** The risk list's filters, as the form holds them. */
export interface RiskFilters {
  readonly kind: RiskKind | null;
  readonly chainId: string | null;
  readonly regionCode: string | null;
  readonly q: string;
}

export const NO_RISK_FILTERS: RiskFilters = { kind: null, chainId: null, regionCode: null, q: '' };

/** Which grade the health table shows: one colour, chains without a score, or all. */
export type GradeFilter = ChainColour | 'none' | null;

const LOADING = { status: 'loading' } as const;

/**
 * The insights pages' data: chain health (every chain of the scope, one request), the
 * risk list (filtered and paged by the api, answers to superseded requests dropped) and
 * the plan's indicators. Provided at the insights route, shared by its three tabs.
 */
@Injectable()
export class InsightsStore {
  private readonly client = inject(InsightsClient);

  readonly health = signal<LoadState<InsightsHealthDto>>(LOADING);
  readonly grade = signal<GradeFilter>(null);

  readonly riskFilters = signal<RiskFilters>(NO_RISK_FILTERS);
  readonly riskPage = signal(1);
  readonly riskPageSize = signal(20);
  readonly risks = signal<LoadState<Page<RiskDto>>>(LOADING);
  private riskRequest = 0;

  readonly indicators = signal<LoadState<IndicatorsDto>>(LOADING);

  readonly healthValue = computed(() => valueOf(this.health()));

  /** Worst first as the api sends them, narrowed to one grade when asked. */
  readonly chains = computed<readonly ChainHealthDto[]>(() => {
    const chains = this.healthValue()?.chains ?? [];
    const grade = this.grade();
    if (grade === null) return chains;
    return chains.filter((c) => (grade === 'none' ? c.grade === null : c.grade === grade));
  });

  /** How many chains have each grade, and how many have no score. */
  readonly gradeCounts = computed(() => {
    const counts: Record<ChainColour | 'none', number> = { red: 0, yellow: 0, green: 0, none: 0 };
    for (const chain of this.healthValue()?.chains ?? []) counts[chain.grade ?? 'none']++;
    return counts;
  });

  /** The chains of the scope, by name, for the risk filter. */
  readonly chainOptions = computed(() =>
    [...(this.healthValue()?.chains ?? [])].sort((a, b) => a.code.localeCompare(b.code)),
  );

  /** The filters as the api takes them (empty ones left out). */
  readonly riskQuery = computed<RiskExportQuery>(() => {
    const f = this.riskFilters();
    return {
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.chainId ? { chainId: f.chainId } : {}),
      ...(f.regionCode ? { regionCode: f.regionCode } : {}),
      ...(f.q.trim() ? { q: f.q.trim() } : {}),
    };
  });

  async loadHealth(): Promise<void> {
    if (this.health().status !== 'ready') this.health.set(LOADING);
    try {
      this.health.set({ status: 'ready', value: await this.client.health() });
    } catch {
      this.health.set({ status: 'error' });
    }
  }

  /** Loads health once; the risk filter's chain list needs it too. */
  async ensureHealth(): Promise<void> {
    if (this.health().status === 'ready') return;
    await this.loadHealth();
  }

  async loadRisks(): Promise<void> {
    const request = ++this.riskRequest;
    if (this.risks().status !== 'ready') this.risks.set(LOADING);
    try {
      const page = await this.client.risks({
        ...this.riskQuery(),
        page: this.riskPage(),
        pageSize: this.riskPageSize(),
      });
      if (request === this.riskRequest) this.risks.set({ status: 'ready', value: page });
    } catch {
      if (request === this.riskRequest) this.risks.set({ status: 'error' });
    }
  }

  /** New filters start again at the first page. */
  searchRisks(filters: RiskFilters): Promise<void> {
    this.riskFilters.set(filters);
    this.riskPage.set(1);
    return this.loadRisks();
  }

  goToRiskPage(page: number, pageSize = this.riskPageSize()): Promise<void> {
    if (pageSize !== this.riskPageSize()) page = 1;
    this.riskPage.set(page);
    this.riskPageSize.set(pageSize);
    return this.loadRisks();
  }

  exportRisks(): Promise<{ blob: Blob; fileName: string }> {
    return this.client.exportRisks(this.riskQuery());
  }

  async loadIndicators(): Promise<void> {
    if (this.indicators().status !== 'ready') this.indicators.set(LOADING);
    try {
      this.indicators.set({ status: 'ready', value: await this.client.indicators() });
    } catch {
      this.indicators.set({ status: 'error' });
    }
  }
}

function valueOf<T>(state: LoadState<T>): T | null {
  return state.status === 'ready' ? state.value : null;
}
