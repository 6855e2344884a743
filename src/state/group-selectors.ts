// Derived on read from the promotion groups in force and the region's boundaries. Memoised on
// the inputs' identities: components select these on every store change, and a fresh object
// each time would redraw the map for nothing.

import type { FeatureCollection } from 'geojson';
import type { PromotionGroup } from '../analysis/promotion-groups';
import { type AppState, promotionGroups } from './app-state';

/** The chosen group, or null (none chosen, or it was deleted). */
export function selectedGroup(s: Pick<AppState, 'work' | 'dataGroups' | 'group'>): PromotionGroup | null {
  const id = s.group;
  return id === null ? null : (promotionGroups(s).find((g) => g.group_id === id) ?? null);
}

let last: { boundaries: FeatureCollection | null; group: PromotionGroup | null; out: FeatureCollection | undefined } | null = null;

/** Boundaries of the chosen group's member counties, for the map outline; undefined when none is chosen. */
export function selectedGroupCounties(s: AppState): FeatureCollection | undefined {
  const group = selectedGroup(s);
  if (last && last.boundaries === s.boundaries && last.group === group) return last.out;
  const out =
    group && s.boundaries
      ? { type: 'FeatureCollection' as const, features: s.boundaries.features.filter((f) => group.counties.includes(String(f.properties?.county))) }
      : undefined;
  last = { boundaries: s.boundaries, group, out };
  return out;
}
