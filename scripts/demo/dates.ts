// Dates as UTC day numbers, and the demo's time frame.

/** The data set describes the land as of this date (数据截至): nothing happens after it. */
export const SNAPSHOT_DATE = '2026-03-31';
/** Earliest supply date in the demo. */
const FIRST_SUPPLY = '2015-01-01';

const DAY_MS = 86_400_000;
export function dayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}
export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
/** Adds calendar months, clamping the day to the month's length (as SQL interval arithmetic does). */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / DAY_MS;
}

export const SNAPSHOT = dayOf(SNAPSHOT_DATE);
export const FIRST = dayOf(FIRST_SUPPLY);
