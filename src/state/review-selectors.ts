// Values of the layout review that are pure functions of stored state: computed on read and
// remembered while their inputs keep their identity, so components re-render only on change.

import { type CountyOverlap, type CountyPairDetail, type CountyPairIndex, countyOverlap, countyPairDetail } from '../analysis/county-overlap';
import type { AppState } from './app-state';

/** One-entry memo on argument identity. */
function memo<A extends unknown[], R>(f: (...a: A) => R): (...a: A) => R {
  let last: { args: A; value: R } | null = null;
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((x, i) => x === args[i])) return last.value;
    const value = f(...args);
    last = { args, value };
    return value;
  };
}

/** The overlap matrix, restricted to the filtered counties when two or more are chosen. */
export function overlapFor(
  profiles: AppState['review']['profiles'],
  threshold: number,
  chosen: readonly string[],
): CountyOverlap | null {
  if (!profiles) return null;
  const full = countyOverlap(profiles, threshold);
  if (chosen.length < 2) return full;
  const keep = full.counties.map((c, i) => [c, i] as const).filter(([c]) => chosen.includes(c));
  return {
    ...full,
    counties: keep.map(([c]) => c),
    index: keep.map(([, i]) => keep.map(([, j]) => full.index[i][j])),
    highPairs: full.highPairs.filter((p) => chosen.includes(p.a) && chosen.includes(p.b)),
  };
}

const overlapMemo = memo(overlapFor);
export const selectOverlap = (s: AppState): CountyOverlap | null =>
  overlapMemo(s.review.profiles, s.overlapSettings.highOverlap, s.filter.counties);

const pairMemo = memo((profiles: AppState['review']['profiles'], pair: AppState['review']['pairCounties']): CountyPairDetail | null =>
  profiles && pair ? countyPairDetail(profiles, pair[0], pair[1]) : null,
);
export const selectPair = (s: AppState): CountyPairDetail | null => pairMemo(s.review.profiles, s.review.pairCounties);

export interface OverlapLinePair extends CountyPairIndex {
  /** The pair open in the detail panel. */
  selected: boolean;
}

/**
 * County pairs the map links with a line. Drawing every high-overlap pair put six long,
 * unlabelled lines across the region; a line now answers a question the planner asked: the
 * pair chosen in the matrix, and with a county filter the high-overlap pairs involving the
 * chosen counties. Without either, no line.
 */
export function overlapLinePairs(
  high: readonly CountyPairIndex[],
  pair: CountyPairIndex | null,
  chosen: readonly string[],
): OverlapLinePair[] {
  const same = (p: CountyPairIndex, q: CountyPairIndex) => (p.a === q.a && p.b === q.b) || (p.a === q.b && p.b === q.a);
  const out: OverlapLinePair[] = pair ? [{ a: pair.a, b: pair.b, index: pair.index, selected: true }] : [];
  if (chosen.length > 0) {
    for (const p of high) {
      if ((chosen.includes(p.a) || chosen.includes(p.b)) && !out.some((q) => same(p, q))) out.push({ ...p, selected: false });
    }
  }
  return out;
}
