import { InjectionToken } from '@angular/core';
import { shanghaiDate, type IsoDate } from '@lianzhang/domain';

/** The calendar day a date picker's value stands for (the picker works in local time). */
export function toIsoDate(date: Date | null | undefined): IsoDate | undefined {
  if (!date) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A YYYY-MM-DD day as a local Date at noon, for a date picker. */
export function fromIsoDate(date: IsoDate | null | undefined): Date | null {
  if (!date) return null;
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1, 12);
}

/** Today in Asia/Shanghai, where every deadline of the platform lives. */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  return shanghaiDate(now);
}

/** What time it is: injectable so tests (and previews) can fix the clock. */
export const CLOCK = new InjectionToken<() => Date>('lz.chains.clock', {
  providedIn: 'root',
  factory: () => () => new Date(),
});
