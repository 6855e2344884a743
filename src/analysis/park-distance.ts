// Park outlines and the distances between parks (km), for park clusters. Outlines come from
// the parks GeoJSON the app already holds or from a validated import batch; they are not in
// DuckDB, which is why this runs in TS on the small park array.

import { booleanIntersects, centroid, distance, lineString, point, pointToLineDistance } from '@turf/turf';
import type { FeatureCollection, Position } from 'geojson';
import { PARK_FIELDS } from '../data/contract';
import type { PolygonGeometry } from '../data/geometry';
import type { RecordsBatch } from '../data/import/records';
import type { ClusterDistanceMethod } from './review-settings';

export interface ParkShape {
  park_id: string;
  geometry: PolygonGeometry | null;
}

/** Park outlines from the parks GeoJSON the app already holds. */
export function parkShapesFromGeoJson(fc: FeatureCollection): ParkShape[] {
  return fc.features.map((f) => {
    const g = f.geometry;
    return {
      park_id: String(f.properties?.park_id ?? ''),
      geometry: g && (g.type === 'Polygon' || g.type === 'MultiPolygon') ? g : null,
    };
  });
}

const PARK_ID = PARK_FIELDS.findIndex((f) => f.name === 'park_id');

/** Park outlines from a validated import batch (LoadedRegion.parks). */
export function parkShapesFromBatch(batch: RecordsBatch): ParkShape[] {
  return batch.rows.map((r, i) => ({ park_id: String(r[PARK_ID]), geometry: batch.geometries[i] ?? null }));
}

function polygonsOf(g: PolygonGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Every ring's vertices (the closing vertex repeats the first; harmless for hulls and distances). */
export function verticesOf(g: PolygonGeometry): Position[] {
  return polygonsOf(g).flat(2);
}

function ringsOf(g: PolygonGeometry): Position[][] {
  return polygonsOf(g).flat(1);
}

// Mean Earth radius as Turf uses it, so the screening below is on Turf's scale.
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEG = (EARTH_RADIUS_KM * Math.PI) / 180;

function bboxOf(g: PolygonGeometry): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of verticesOf(g)) {
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

/** Planar distance from p to segment ab, all in km of a local projection. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const vx = bx - ax;
  const vy = by - ay;
  const len2 = vx * vx + vy * vy;
  let t = len2 > 0 ? ((px - ax) * vx + (py - ay) * vy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

/**
 * Shortest distance in km between two park outlines; 0 when they touch or overlap.
 *
 * For two disjoint polygons the closest pair of points always has a vertex of one polygon at
 * one end (two segments that do not cross are closest at an endpoint), so the minimum over
 * every vertex of A to every edge of B, and the other way round, is the boundary distance.
 * Holes are rings too, so a park inside another's hole gets the distance to the hole's edge.
 *
 * Turf's geodesic point-to-segment distance is exact but slow (~20 µs a call), so every
 * vertex/edge combination is first measured in a local equirectangular projection (on the
 * three demo regions it is within 0.02 % of Turf), and Turf measures only the combinations
 * within 0.5 % + 20 m of the planar minimum. The result is Turf's geodesic distance of the
 * closest combination. Results are memoised per pair of geometry objects, so moving the
 * distance slider over the same parks GeoJSON does not measure again.
 */
export function boundaryDistanceKm(a: PolygonGeometry, b: PolygonGeometry): number {
  const known = memo.get(a)?.get(b);
  if (known !== undefined) return known;
  const d = measureBoundaryDistance(a, b);
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    let m = memo.get(x);
    if (!m) memo.set(x, (m = new WeakMap()));
    m.set(y, d);
  }
  return d;
}

const memo = new WeakMap<PolygonGeometry, WeakMap<PolygonGeometry, number>>();

function measureBoundaryDistance(a: PolygonGeometry, b: PolygonGeometry): number {
  const ba = bboxOf(a);
  const bb = bboxOf(b);
  const boxesMeet = ba[0] <= bb[2] && bb[0] <= ba[2] && ba[1] <= bb[3] && bb[1] <= ba[3];
  if (boxesMeet && booleanIntersects(a, b)) return 0;

  const lat0 = ((ba[1] + ba[3] + bb[1] + bb[3]) / 4) * (Math.PI / 180);
  const kx = KM_PER_DEG * Math.cos(lat0);
  const pairs = [
    [verticesOf(a), ringsOf(b)],
    [verticesOf(b), ringsOf(a)],
  ] as const;
  const each = (visit: (v: Position, p: Position, q: Position, d: number) => void) => {
    for (const [vertices, rings] of pairs) {
      for (const v of vertices) {
        const px = v[0] * kx;
        const py = v[1] * KM_PER_DEG;
        for (const r of rings) {
          for (let k = 0; k + 1 < r.length; k++) {
            const p = r[k];
            const q = r[k + 1];
            visit(v, p, q, segmentDistance(px, py, p[0] * kx, p[1] * KM_PER_DEG, q[0] * kx, q[1] * KM_PER_DEG));
          }
        }
      }
    }
  };
  let planarMin = Infinity;
  each((_v, _p, _q, d) => {
    if (d < planarMin) planarMin = d;
  });
  const cutoff = planarMin * 1.005 + 0.02;
  let best = Infinity;
  each((v, p, q, d) => {
    if (d > cutoff) return;
    const g = pointToLineDistance(v, lineString([p, q]), { units: 'kilometers' });
    if (g < best) best = g;
  });
  return best;
}

/** Geodesic distance in km between two points [lon, lat]. */
export function pointDistanceKm(a: Position, b: Position): number {
  return distance(point(a), point(b), { units: 'kilometers' });
}

/** What distances need of a park: its outline, or failing that its label point. */
export interface LocatedPark {
  geometry: PolygonGeometry | null;
  cx: number | null;
  cy: number | null;
}

/** Where a park is as one point: its outline's centroid, else its label point, else unknown. */
export function parkAnchor(p: LocatedPark): Position | null {
  if (p.geometry) return centroid(p.geometry).geometry.coordinates;
  if (p.cx !== null && p.cy !== null && Number.isFinite(p.cx) && Number.isFinite(p.cy)) return [p.cx, p.cy];
  return null;
}

/** Distance matrix (km) between parks by the chosen method; Infinity when a park has no location at all. */
export function parkDistanceMatrix(parks: readonly LocatedPark[], method: ClusterDistanceMethod): number[][] {
  const n = parks.length;
  const anchors = parks.map(parkAnchor);
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const gi = parks[i].geometry;
      const gj = parks[j].geometry;
      const ai = anchors[i];
      const aj = anchors[j];
      let d: number;
      if (method === 'boundary' && gi && gj) d = boundaryDistanceKm(gi, gj);
      else if (ai && aj) d = pointDistanceKm(ai, aj);
      else d = Infinity;
      m[i][j] = d;
      m[j][i] = d;
    }
  }
  return m;
}
