// Candidate sites and available land (可供地) in the browser: built after the land rules, only
// while a mode that shows them is open (园区布局, 招商选址), so the idle-land map at 1,000,000
// parcels never pays for the polygon clipping. The clipping pauses between parks so the page
// keeps painting. Its tables (`site_candidates`, `park_land`) are what the park panel, matching,
// exports and brochures read.
//   supply ← findings, parks, parcel shapes, tracking revision; then site_zone_checks ← planning zones

import { parkShapesFromGeoJson } from '../analysis/park-distance';
import { type SupplyInput, buildSiteCandidates } from '../analysis/site-candidates';
import { loadTracking } from '../analysis/tracking-summary';
import { checkSiteZones, zonesFromFeatures } from '../analysis/zone-checks';
import type { Db } from '../data/db';
import { type AppState, asOfDate } from './app-state';
import { type Derivation, isCurrent, key } from './derivation';
import { findings } from './map-derivations';
import { SUPPLY_MODES, type SupplyState } from './supply-state';

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The inputs of the candidate sites, whatever the mode. */
export const supplyKey = (s: AppState): string => key(s.findingsKey, s.placeKey, s.workbench.trackingRevision);

/** The candidate-site input of the state's place at its as-of date. */
export const supplyInput = (s: AppState): SupplyInput => ({
  asOf: asOfDate(s),
  parks: s.parks ? parkShapesFromGeoJson(s.parks) : [],
  shapes: s.shapes,
  pause,
});

/**
 * For readers outside the modes that keep the candidates current (the brochure): builds them
 * unless the state's are for the current inputs. Tracking is read as loaded.
 */
export async function ensureSiteCandidates(db: Db, s: AppState): Promise<void> {
  if (s.supply.key !== null && s.supply.key === supplyKey(s)) return;
  await buildSiteCandidates(db, supplyInput(s));
}

export const supply: Derivation<Pick<SupplyState, 'candidates' | 'shapes'>> = {
  name: 'supply',
  fatal: false,
  wanted: (s) => (SUPPLY_MODES.includes(s.mode) && isCurrent(findings, s) && s.parks ? supplyKey(s) : null),
  current: (s) => s.supply.key,
  invalidate: (s) => ({ ...s, supply: { ...s.supply, key: null } }),
  async run(s, { db, fx, willWrite }) {
    willWrite();
    // Returning land reads each parcel's latest tracking stage (已收回).
    await loadTracking(db, await fx.tracking.all(s.region));
    const sites = await buildSiteCandidates(db, supplyInput(s));
    // Planning limits (规划管控) against every site, for matching.
    await checkSiteZones(db, sites, s.shapes, zonesFromFeatures(s.zones));
    return sites;
  },
  apply: (s, r) => ({ ...s, supply: { ...r, revision: s.supply.revision + 1, key: supply.wanted(s) } }),
};
