// Calendar dates as the app writes them: ISO `YYYY-MM-DD` (data contract v2, conventions).
// Date arithmetic of the rules (满一年 and the like) is done in DuckDB only (analysis/land-rules.ts);
// this file only names days.

/** Today in the local time zone, ISO `YYYY-MM-DD` (a planner's "today", not UTC's). */
export function todayLocal(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** ISO date from DuckDB's epoch-ms DATE value or an ISO string; null when empty. */
export function isoDate(v: number | string | null | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') return v.slice(0, 10);
  return new Date(v).toISOString().slice(0, 10);
}
