// What the brochure dialog asks of the database: the figures of the parks it prints
// (analysis/brochure-figures.ts), judged at the view's as-of date with the current settings.

import { type BrochureFigures, brochureFigures } from '../analysis/brochure-figures';
import type { PromotionGroup } from '../analysis/promotion-groups';
import type { Db } from '../data/db';
import { type AppState, type ParkOption, asOfDate, promotionGroups } from './app-state';
import { featureBounds } from './navigation';
import { ensureSiteCandidates } from './supply';
import type { Store } from './store';
import type { AppEvent } from './updaters';

export { type BrochureFigures, type GapTarget, type ParkFigures, classShares } from '../analysis/brochure-figures';

/** The parks of a group's member counties, in the members' order, then by name. */
export function parksOfGroup(parks: readonly ParkOption[], group: PromotionGroup): ParkOption[] {
  const rank = (p: ParkOption) => group.counties.indexOf(p.county);
  return parks
    .filter((p) => rank(p) >= 0)
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-CN') || a.park_id.localeCompare(b.park_id));
}

export interface BrochureDeps {
  store: Store<AppState>;
  dispatch(e: AppEvent): void;
  enqueue<T>(job: (db: Db) => Promise<T>): Promise<T>;
}

export function createBrochureActions({ store, dispatch, enqueue }: BrochureDeps) {
  return {
    /** Outlines a group's counties on the map and fits the map to them (one history step); null clears it. */
    selectGroup(id: string | null) {
      dispatch({ type: 'groupSelected', id });
      const s = store.get();
      const g = id === null ? undefined : promotionGroups(s).find((x) => x.group_id === id);
      if (g) dispatch({ type: 'navigated', bounds: featureBounds(s.boundaries, (f) => g.counties.includes(String(f.properties?.county))) });
    },
    /**
     * Figures of `parkIds`. 补链 targets are the leading-chain nodes with no enterprise in the
     * group's counties for a joint brochure (the group fills its gaps together), else in the
     * park's own county.
     */
    brochureFigures(parkIds: readonly string[], group: PromotionGroup | null): Promise<BrochureFigures> {
      const s = store.get();
      return enqueue(async (db) => {
        // 可供地 comes from the candidate sites: the same figures as the park-layout review.
        await ensureSiteCandidates(db, s);
        return brochureFigures(db, { parkIds, gapCounties: (p) => group?.counties ?? [p.county], asOf: asOfDate(s), settings: s.settings });
      });
    },
  };
}
