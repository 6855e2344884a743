// Navigation the planner asks for: choosing a county, a park, a parcel, a search result, a
// 亩均 ranking row or a chain node moves the camera to it (one history entry each), and the map
// reports its own moves and size. Extents come from what the map holds (navigation.ts); only
// the search and an enterprise's parcels ask the database.

import { type SearchHit, enterpriseParcels, searchPlaces } from '../analysis/search';
import type { Db } from '../data/db';
import type { AppState } from './app-state';
import type { Camera, Viewport } from './camera';
import { parcelLabelPoint } from './hover';
import { countyBounds, needsReveal, parcelBounds, parkBounds } from './navigation';
import type { Store } from './store';
import type { AppEvent } from './updaters';

export type { SearchHit, SearchKind } from '../analysis/search';

export interface NavDeps {
  store: Store<AppState>;
  dispatch(e: AppEvent): void;
  enqueue<T>(job: (db: Db) => Promise<T>): Promise<T>;
}

/** The parcels of a pidx list, as a membership test. */
const among = (pidxs: readonly number[]) => {
  const set = new Set(pidxs);
  return (p: number) => set.has(p);
};

export function createNavActions({ store, dispatch, enqueue }: NavDeps) {
  const goToParcels = (pidxs: readonly number[], parcel: string | null) =>
    dispatch({ type: 'navigated', bounds: parcelBounds(store.get().shapes, among(pidxs)), parcel });
  const choosePark = (parkId: string) => {
    // A park without an outline is still filtered to; the camera then stays where it is.
    dispatch({ type: 'navigated', bounds: parkBounds(store.get().parks, parkId), filter: { parkIds: [parkId] } });
  };
  return {
    /** The map stopped moving (drag, zoom, end of a flight). */
    mapMoved: (camera: Camera) => dispatch({ type: 'cameraMoved', camera }),
    mapSized: (viewport: Viewport) => dispatch({ type: 'viewportSized', viewport }),
    /** Filters to a county and fits the map to it. */
    chooseCounty: (county: string) =>
      dispatch({ type: 'navigated', bounds: countyBounds(store.get().boundaries, county), filter: { counties: [county], parkIds: [] } }),
    choosePark,
    /** Selects a parcel by id and fits the map to it (the parcel list, a link). */
    goToParcel(parcelId: string) {
      const at = parcelLabelPoint(store.get(), parcelId);
      goToParcels(at ? [at.pidx] : [], parcelId);
    },
    /** A 亩均 ranking row: the enterprise's parcels in view, its largest selected. */
    async goToEnterprise(enterpriseId: string): Promise<boolean> {
      const parcels = await enqueue((db) => enterpriseParcels(db, enterpriseId));
      if (!parcels.length) return false;
      goToParcels(parcels.map((p) => p.pidx), parcels[0].parcel_id);
      return true;
    },
    /**
     * Brings highlighted parcels (a chain node's) into view when some are off-screen; a view
     * that already shows them all is left as it is.
     */
    revealParcels(highlighted: Uint8Array) {
      const s = store.get();
      if (!needsReveal(s.shapes, highlighted, s.camera, s.viewport)) return;
      dispatch({ type: 'navigated', bounds: parcelBounds(s.shapes, (p) => highlighted[p] === 1) });
    },
    /** Hits for the search box (search.ts), best first, grouped by kind. */
    search: (text: string): Promise<SearchHit[]> => enqueue((db) => searchPlaces(db, text)),
    /** Goes to a search hit: a parcel or a holder's parcels (the largest selected), or a park. */
    chooseHit(hit: SearchHit) {
      if (hit.kind === 'park') choosePark(hit.key);
      else goToParcels(hit.pidxs, hit.parcelId);
    },
  };
}
