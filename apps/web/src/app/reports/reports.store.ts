import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type {
  CreatePeriodicReportRequest,
  Page,
  PeriodicReportDto,
  PeriodicReportOptionsDto,
} from '@lianzhang/contracts';
import type { LoadState } from '../home/home.store';
import { ReportsClient, type ReportListFilters } from './reports.client';

export const REPORTS_PAGE_SIZE = 20;
/** Waits between looks while a report is being made: soon at first, then every ten seconds. */
export const REPORT_POLL_DELAYS_MS: readonly number[] = [2_000, 3_000, 5_000, 10_000];

const WORKING = new Set(['pending', 'generating']);

/**
 * The reports page: one page of the list with its filters, what the user may ask a
 * report of, and a look again while any report on the page is queued or being made —
 * one timer at a time, cancelled when the page goes away or nothing is left to wait for.
 */
@Injectable()
export class ReportsStore {
  private readonly client = inject(ReportsClient);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private polls = 0;
  private stopped = false;

  readonly list = signal<LoadState<Page<PeriodicReportDto>>>({ status: 'loading' });
  readonly options = signal<LoadState<PeriodicReportOptionsDto>>({ status: 'loading' });
  readonly filters = signal<ReportListFilters>({});
  readonly page = signal(1);
  readonly downloading = signal<string | null>(null);

  readonly items = computed(() => {
    const state = this.list();
    return state.status === 'ready' ? state.value.items : [];
  });
  readonly total = computed(() => {
    const state = this.list();
    return state.status === 'ready' ? state.value.total : 0;
  });
  /** Whether a report on the page is still queued or being made. */
  readonly working = computed(() => this.items().some((r) => WORKING.has(r.status)));
  /** Whether a poll is waiting to run (for the page and the tests). */
  readonly polling = signal(false);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  async load(page = this.page()): Promise<void> {
    this.page.set(page);
    if (this.list().status !== 'ready') this.list.set({ status: 'loading' });
    await this.fetch();
  }

  async loadOptions(): Promise<void> {
    try {
      this.options.set({ status: 'ready', value: await this.client.options() });
    } catch {
      this.options.set({ status: 'error' });
    }
  }

  async setFilters(filters: ReportListFilters): Promise<void> {
    this.filters.set(filters);
    await this.load(1);
  }

  /** Asks for a report; the list then shows it queued and is looked at again until it is done. */
  async request(request: CreatePeriodicReportRequest): Promise<PeriodicReportDto> {
    const report = await this.client.request(request);
    this.polls = 0;
    await this.load(1);
    return report;
  }

  async download(report: PeriodicReportDto): Promise<Blob> {
    this.downloading.set(report.id);
    try {
      return await this.client.download(report.id);
    } finally {
      this.downloading.set(null);
    }
  }

  /** Stops looking again (the page is gone). */
  stop(): void {
    this.stopped = true;
    this.cancel();
  }

  private async fetch(): Promise<void> {
    this.cancel();
    try {
      const value = await this.client.list(this.page(), REPORTS_PAGE_SIZE, this.filters());
      if (this.stopped) return;
      this.list.set({ status: 'ready', value });
    } catch {
      if (this.stopped) return;
      // A failed look while showing a list keeps the list; a first load shows the error.
      if (this.list().status !== 'ready') this.list.set({ status: 'error' });
    }
    this.schedule();
  }

  private schedule(): void {
    this.cancel();
    if (this.stopped || !this.working()) {
      this.polls = 0;
      return;
    }
    const delay =
      REPORT_POLL_DELAYS_MS[Math.min(this.polls++, REPORT_POLL_DELAYS_MS.length - 1)] ?? 10_000;
    this.polling.set(true);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.polling.set(false);
      void this.fetch();
    }, delay);
  }

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.polling.set(false);
  }
}
