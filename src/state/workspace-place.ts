// A user's workspace as a place on the map: its county boundaries (imported with the data, or
// the bundled boundaries of its city), its parks as outlines, and the loading of its tables
// into the database through Arrow.

import type { FeatureCollection } from 'geojson';
import { COUNTY_FIELDS, PARK_FIELDS, PLANNING_ZONE_FIELDS } from '../data/contract';
import type { TableData } from '../data/workspace/tables';
import { tableToFeatureCollection } from '../data/workspace/to-geojson';
import type { Workspace } from '../data/workspace/workspace-file';
import { regionById } from '../data/regions';
import type { Effects } from './effects';

export async function workspaceBoundaries(w: Workspace, fx: Pick<Effects, 'cityBoundaries' | 'fetchBoundaries'>): Promise<FeatureCollection> {
  const counties = w.tables.counties;
  if (counties && counties.shapes && counties.count > 0) return tableToFeatureCollection(counties, COUNTY_FIELDS.map((f) => f.name));
  const base = w.manifest.base;
  if (base.kind === 'city') return fx.cityBoundaries(base.adcode);
  if (base.kind === 'demo') {
    const region = regionById(base.region);
    if (region) return fx.fetchBoundaries(region.id);
  }
  return { type: 'FeatureCollection', features: [] };
}

export function workspaceParks(w: Workspace): FeatureCollection {
  return tableToFeatureCollection(w.tables.parks, PARK_FIELDS.map((f) => f.name));
}

/** The workspace's planning limits (规划管控) as outlines, or null when it has none. */
export function planningZonesOf(t: TableData | undefined): FeatureCollection | null {
  if (!t?.shapes || t.count === 0) return null;
  return tableToFeatureCollection(t, PLANNING_ZONE_FIELDS.map((f) => f.name));
}
