// Idle land over time, derived while the time bar is open in the idle-land view:
//   time ← region, as-of date, settings, tracking revision   intervals + chart series
// A step of the slider then recolours the map from the intervals (categoriesAt) without the
// database; only opening the bar, or changing what the rules read, runs SQL.

import { categoriesAt, createIntervalsStatement, dayOf, readIntervals } from '../analysis/idle-intervals';
import { firstDataYear, timelineDates, timelineSeries } from '../analysis/idle-series';
import { loadTracking } from '../analysis/tracking-summary';
import { inlined } from '../data/sql';
import { type AppState, asOfDate } from './app-state';
import { type Derivation, isCurrent, key } from './derivation';
import { regionData } from './map-derivations';
import type { IdleIntervals, TimelineState } from './timeline-state';

type Computed = Omit<TimelineState, 'key'>;

export const timelineData: Derivation<Computed> = {
  name: 'time',
  fatal: false,
  wanted: (s) =>
    s.timeline !== null && s.mode === 'idle' && isCurrent(regionData, s)
      ? key(s.regionKey, asOfDate(s), s.settings, s.workbench.trackingRevision)
      : null,
  current: (s) => s.time.key,
  invalidate: (s) => ({ ...s, time: { ...s.time, key: null } }),
  async run(s, { db, fx, willWrite }) {
    willWrite();
    const asOf = asOfDate(s);
    await db.query(inlined(createIntervalsStatement(s.settings)));
    await loadTracking(db, await fx.tracking.all(s.region));
    const intervals = await readIntervals(db);
    const dates = timelineDates((await firstDataYear(db)) ?? Number(asOf.slice(0, 4)), asOf);
    return { intervals, series: await timelineSeries(db, dates) };
  },
  apply: (s, r) => ({ ...s, time: { ...r, key: timelineData.wanted(s) } }),
};

export const TIMELINE_DERIVATIONS = [timelineData] as const;

/** Whether the map shows the time bar's date instead of the as-of date's findings. */
export function timelineShown(s: Pick<AppState, 'timeline' | 'mode' | 'time'>): boolean {
  return s.timeline !== null && s.mode === 'idle' && s.time.intervals !== null;
}

let last: { date: string; intervals: IdleIntervals; values: Uint8Array } | null = null;

/**
 * The map categories at the time bar's date (a loop over typed arrays: no database). The map
 * and the bar's parcel count read the same date: the last answer is kept for the second reader.
 */
export function timelineCategories(date: string, intervals: IdleIntervals): Uint8Array {
  if (last && last.date === date && last.intervals === intervals) return last.values;
  const values = categoriesAt(intervals, dayOf(date));
  last = { date, intervals, values };
  return values;
}
