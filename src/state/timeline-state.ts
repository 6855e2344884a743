// State of the time bar (闲置用地变化): the per-parcel idle intervals and the chart's series,
// computed once per region, as-of date and settings while the bar is open.

import type { IdleIntervals } from '../analysis/idle-intervals';
import type { TimelineSeries } from '../analysis/idle-series';

export type { IdleIntervals, TimelineSeries };

export interface TimelineState {
  intervals: IdleIntervals | null;
  /** The bar's stops (quarter ends, then the as-of date) and the series over them. */
  series: TimelineSeries | null;
  /** Key of the inputs they were computed from (derivation.ts). */
  key: string | null;
}

export const INITIAL_TIMELINE: TimelineState = { intervals: null, series: null, key: null };
