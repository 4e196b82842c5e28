import { Injectable, computed, inject, signal } from '@angular/core';
import type { CalendarDayDto } from '@lianzhang/contracts';
import { addDays, type IsoDate } from '@lianzhang/domain';
import { firstValueFrom } from 'rxjs';
import { ChainsClient } from '../chains.client';
import { calendarFromDays } from './escalation-preview';

/** The api answers at most 400 days at once; twelve months always fit. */
const MONTHS_PER_CALL = 12;

function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

function monthsBetween(from: IsoDate, to: IsoDate): string[] {
  const months: string[] = [];
  for (let month = monthOf(from); month <= monthOf(to); month = nextMonth(month))
    months.push(month);
  return months;
}

/**
 * Days of the workday calendar (holidays, make-up workdays), fetched from the api by whole
 * months as the form needs them and kept for the form's life.
 */
@Injectable()
export class CalendarDaysStore {
  private readonly client = inject(ChainsClient);
  private readonly requested = new Set<string>();
  private readonly loaded = signal<ReadonlySet<string>>(new Set());

  readonly days = signal<ReadonlyMap<IsoDate, CalendarDayDto>>(new Map());
  readonly failed = signal(false);
  readonly calendar = computed(() => calendarFromDays(this.days().values()));

  /** Whether every month from `from` to `to` is known. */
  covers(from: IsoDate, to: IsoDate): boolean {
    const loaded = this.loaded();
    return monthsBetween(from, to).every((m) => loaded.has(m));
  }

  day(date: IsoDate): CalendarDayDto | undefined {
    return this.days().get(date);
  }

  /** Fetches `count` whole months from the month of `from` on. */
  ensureMonths(from: IsoDate, count: number): Promise<void> {
    let last = monthOf(from);
    for (let i = 1; i < count; i++) last = nextMonth(last);
    return this.ensure(`${monthOf(from)}-01`, `${last}-01`);
  }

  /** Fetches the months of `from`…`to` not asked for yet, in runs of at most twelve. */
  async ensure(from: IsoDate, to: IsoDate): Promise<void> {
    const missing = monthsBetween(from, to).filter((m) => !this.requested.has(m));
    if (missing.length === 0) return;
    missing.forEach((m) => this.requested.add(m));
    const runs: string[][] = [];
    for (const month of missing) {
      const run = runs.at(-1);
      if (run && run.length < MONTHS_PER_CALL && nextMonth(run.at(-1) as string) === month)
        run.push(month);
      else runs.push([month]);
    }
    this.failed.set(false);
    await Promise.all(runs.map((run) => this.fetch(run)));
  }

  private async fetch(months: string[]): Promise<void> {
    const first = `${months[0]}-01`;
    const last = addDays(`${nextMonth(months.at(-1) as string)}-01`, -1);
    try {
      const days = await firstValueFrom(this.client.calendarDays(first, last));
      this.days.update((known) => {
        const next = new Map(known);
        for (const day of days) next.set(day.date, day);
        return next;
      });
      this.loaded.update((loaded) => new Set([...loaded, ...months]));
    } catch {
      months.forEach((m) => this.requested.delete(m));
      this.failed.set(true);
    }
  }
}
