// Planar geometry in a local metric frame, for laying out parks and parcels.
//
// Turf is used where it gives bit-identical results (centroid, ring orientation); the other
// functions stay because Turf either works geodesically on longitude/latitude or orders its
// output differently, and either would change the committed demo files (npm run generate
// must reproduce them byte for byte). Each one says which.
//
// One equirectangular frame per region: x = east metres, y = north metres. It is an affine map
// of longitude/latitude, so convexity, containment and disjointness computed here hold exactly
// for the lon/lat polygons Turf and the map see.

import { booleanClockwise, centroid, multiPoint } from '@turf/turf';
import type { Position } from 'geojson';

export type Pt = [number, number];

export interface Frame {
  lng0: number;
  lat0: number;
  kx: number;
  ky: number;
}

export function makeFrame(lng0: number, lat0: number): Frame {
  return { lng0, lat0, kx: 111_320 * Math.cos((lat0 * Math.PI) / 180), ky: 110_574 };
}
export const toLocal = (f: Frame, p: Position): Pt => [(p[0] - f.lng0) * f.kx, (p[1] - f.lat0) * f.ky];
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
export const toLngLat = (f: Frame, p: Pt): Pt => [round6(f.lng0 + p[0] / f.kx), round6(f.lat0 + p[1] / f.ky)];

const cross = (o: Pt, a: Pt, b: Pt) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/**
 * Counter-clockwise convex hull (Andrew's monotone chain), without the closing point. Kept
 * rather than Turf's convex(): that one starts the ring at another vertex, which would change
 * every park outline in the committed demo files.
 */
export function convexHull(points: Pt[]): Pt[] {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const lower: Pt[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Pt[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/** Signed distance of p inside a CCW convex polygon (positive inside, min over edges). Turf has
 *  no planar signed distance; its point-to-line distances are geodesic. */
export function insideDepth(poly: Pt[], p: Pt): number {
  let d = Infinity;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i];
    const b = poly[(i + 1) % poly.length];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    d = Math.min(d, cross(a, b, p) / len);
  }
  return d;
}

/** True when two convex polygons are at least `gap` apart along some separating axis
 *  (separating axis theorem). Turf's booleanDisjoint has no minimum gap. */
export function separated(a: Pt[], b: Pt[], gap: number): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i];
      const q = poly[(i + 1) % poly.length];
      const nx = q[1] - p[1];
      const ny = p[0] - q[0];
      const len = Math.hypot(nx, ny);
      let minA = Infinity;
      let maxA = -Infinity;
      let minB = Infinity;
      let maxB = -Infinity;
      for (const v of a) {
        const s = (v[0] * nx + v[1] * ny) / len;
        minA = Math.min(minA, s);
        maxA = Math.max(maxA, s);
      }
      for (const v of b) {
        const s = (v[0] * nx + v[1] * ny) / len;
        minB = Math.min(minB, s);
        maxB = Math.max(maxB, s);
      }
      if (minB - maxA >= gap || minA - maxB >= gap) return true;
    }
  }
  return false;
}

/** Mean of the vertices (Turf's centroid: the same sum in the same order, so the same bits). */
export function centroidOf(poly: Pt[]): Pt {
  return centroid(multiPoint(poly)).geometry.coordinates as Pt;
}

/** Pushes every vertex of a convex polygon `m` metres away from its centroid. Not Turf's
 *  buffer (rounded corners, new vertices) nor transformScale (a factor, not a distance). */
export function grow(poly: Pt[], m: number): Pt[] {
  const c = centroidOf(poly);
  return poly.map((p) => {
    const dx = p[0] - c[0];
    const dy = p[1] - c[1];
    const len = Math.hypot(dx, dy) || 1;
    return [p[0] + (dx / len) * m, p[1] + (dy / len) * m];
  });
}

/** Signed planar area (shoelace; positive when counter-clockwise). Turf's area() is geodesic on
 *  longitude/latitude, so it cannot measure the local frame. */
export function polygonArea(poly: Pt[]): number {
  let s = 0;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i];
    const b = poly[(i + 1) % poly.length];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

/** Closed, counter-clockwise lon/lat ring (RFC 7946), rounded to 6 decimals. */
export function ringOf(frame: Frame, poly: Pt[]): Position[] {
  const ccw = booleanClockwise([...poly, poly[0]]) ? [...poly].reverse() : poly;
  const ring = ccw.map((p) => toLngLat(frame, p));
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
}

/** Removes vertices within 0.5 m of the previous one (clipping can create them at corners),
 *  so rounded lon/lat rings never repeat a point. Turf's cleanCoords drops only exact
 *  repeats (and collinear points, which would change the parcels). */
export function dropNearDuplicates(poly: Pt[]): Pt[] {
  const out: Pt[] = [];
  for (const p of poly) {
    const q = out[out.length - 1];
    if (!q || Math.hypot(p[0] - q[0], p[1] - q[1]) > 0.5) out.push(p);
  }
  while (out.length > 1 && Math.hypot(out[0][0] - out[out.length - 1][0], out[0][1] - out[out.length - 1][1]) <= 0.5) out.pop();
  return out.length >= 3 ? out : [];
}

/** Clips a convex polygon to the part at least `inset` metres inside a CCW convex polygon
 *  (Sutherland–Hodgman against each edge moved inward). The result is convex, possibly empty.
 *  Turf's intersect() has no inset and orders the output vertices differently. */
export function clipInside(poly: Pt[], clip: Pt[], inset: number): Pt[] {
  let out = poly;
  for (let i = 0; i < clip.length && out.length > 0; i++) {
    const a = clip[i];
    const b = clip[(i + 1) % clip.length];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const depth = (p: Pt) => cross(a, b, p) / len - inset;
    const next: Pt[] = [];
    for (let j = 0; j < out.length; j++) {
      const p = out[j];
      const q = out[(j + 1) % out.length];
      const dp = depth(p);
      const dq = depth(q);
      if (dp >= 0) next.push(p);
      if (dp >= 0 !== dq >= 0) {
        const t = dp / (dp - dq);
        next.push([p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t]);
      }
    }
    out = next;
  }
  return out.length >= 3 ? out : [];
}
