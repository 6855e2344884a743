// Where a navigation goes: the extent of a county, a park or a set of parcels, read from what
// the map already holds (boundaries, park outlines, parcel rings), so moving the camera never
// waits for the database. Pure functions of the state.

import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { ParcelShapes } from '../data/parcel-shapes';
import { type Bounds, type Camera, type Viewport, boundsOfPairs, inView } from './camera';

function eachPosition(g: Geometry | null, visit: (p: Position) => void): void {
  if (!g) return;
  if (g.type === 'GeometryCollection') return g.geometries.forEach((x) => eachPosition(x, visit));
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') visit(c as Position);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  walk(g.coordinates);
}

/** The extent of the features `match` accepts, or null when none has a geometry. */
export function featureBounds(fc: FeatureCollection | null, match: (f: Feature) => boolean): Bounds | null {
  if (!fc) return null;
  const xy: number[] = [];
  for (const f of fc.features) if (match(f)) eachPosition(f.geometry, (p) => xy.push(p[0], p[1]));
  return boundsOfPairs(xy);
}

export function countyBounds(boundaries: FeatureCollection | null, county: string): Bounds | null {
  return featureBounds(boundaries, (f) => f.properties?.county === county);
}

export function parkBounds(parks: FeatureCollection | null, parkId: string): Bounds | null {
  return featureBounds(parks, (f) => f.properties?.park_id === parkId);
}

/**
 * The extent of the parcels `wanted` accepts (by pidx): their rings, or their label points for
 * parcels known by a point only. Null when none is on the map.
 */
export function parcelBounds(shapes: ParcelShapes | null, wanted: (pidx: number) => boolean): Bounds | null {
  if (!shapes) return null;
  const xy: number[] = [];
  const ringed = new Set<number>();
  for (let r = 0; r < shapes.length; r++) {
    const p = shapes.pidx[r];
    if (!wanted(p)) continue;
    ringed.add(p);
    for (let v = shapes.startIndices[r]; v < shapes.startIndices[r + 1]; v++) xy.push(shapes.positions[2 * v], shapes.positions[2 * v + 1]);
  }
  for (let p = 0; p < shapes.parcelCount; p++) {
    if (!ringed.has(p) && wanted(p)) xy.push(shapes.centers[2 * p], shapes.centers[2 * p + 1]);
  }
  return boundsOfPairs(xy);
}

/**
 * Whether the camera must move to show the highlighted parcels: true when any of them has its
 * label point outside the view (or too close to its edge to be seen, `inset` pixels).
 */
export function needsReveal(shapes: ParcelShapes | null, highlighted: Uint8Array, camera: Camera | null, viewport: Viewport, inset = 20): boolean {
  if (!shapes) return false;
  for (let p = 0; p < highlighted.length && p < shapes.parcelCount; p++) {
    if (!highlighted[p]) continue;
    const x = shapes.centers[2 * p];
    const y = shapes.centers[2 * p + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    // Without a known camera, whatever is on screen is not known to show them.
    if (!camera || !inView(camera, viewport, x, y, inset)) return true;
  }
  return false;
}
