// State of the candidate sites (state/supply.ts computes it), apart from the derivation so
// app-state.ts can hold it without importing the derivation.

import type { Position } from 'geojson';
import type { SiteCandidate } from '../analysis/site-candidates';
import type { Mode } from './view';

export interface SupplyState {
  /** The unsupplied pieces and factories (every site, returning parcels too, is in the `site_candidates` table). */
  candidates: SiteCandidate[];
  /** Polygons of the unsupplied pieces by site_id, WGS84 (analysis/site-candidates.ts siteShapes gives any site's). */
  shapes: Map<string, Position[][][]>;
  /** Bumped whenever the candidates change (the map rebuilds its layer). */
  revision: number;
  key: string | null;
}

export const INITIAL_SUPPLY: SupplyState = { candidates: [], shapes: new Map(), revision: 0, key: null };

/** Modes that show available land or read the candidate sites. */
export const SUPPLY_MODES: readonly Mode[] = ['layout', 'siting'];
