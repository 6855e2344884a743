// Polygon sets in flat typed arrays (the RawGeometry layout: vertices, ring offsets, polygon
// offsets, feature offsets), in WGS84 longitude/latitude once converted. The few measures the
// app needs are computed on the arrays directly, without one object per feature.

import type { RawGeometry } from '../formats/raw-table';

export type PolygonSet = RawGeometry;

/** Mean Earth radius (IUGG), the sphere Turf's `area` uses, so areas agree with the rest of the app. */
const R = 6371008.8;
const RAD = Math.PI / 180;

/**
 * Signed spherical area of ring `r` (m²; counter-clockwise positive), by the line-integral
 * formula of Chamberlain & Duquette, "Some algorithms for polygons on a sphere" (JPL, 2007).
 */
export function ringAreaM2(g: PolygonSet, r: number): number {
  const a = g.ringOffsets[r];
  const b = g.ringOffsets[r + 1];
  const c = g.coords;
  // The closing vertex repeats the first; the cyclic sum runs over distinct vertices.
  const closed = b - a > 1 && c[2 * a] === c[2 * (b - 1)] && c[2 * a + 1] === c[2 * (b - 1) + 1];
  const n = closed ? b - a - 1 : b - a;
  if (n < 3) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const i1 = a + i;
    const i2 = a + ((i + 1) % n);
    const i3 = a + ((i + 2) % n);
    total += (c[2 * i3] * RAD - c[2 * i1] * RAD) * Math.sin(c[2 * i2 + 1] * RAD);
  }
  return (-total * R * R) / 2;
}

/** Area of feature f in m²: shells minus holes, whatever their winding. */
export function featureAreaM2(g: PolygonSet, f: number): number {
  let area = 0;
  for (let p = g.featureOffsets[f]; p < g.featureOffsets[f + 1]; p++) {
    for (let r = g.polygonOffsets[p]; r < g.polygonOffsets[p + 1]; r++) {
      const a = Math.abs(ringAreaM2(g, r));
      area += r === g.polygonOffsets[p] ? a : -a;
    }
  }
  return area;
}

export function featureCount(g: PolygonSet): number {
  return g.featureOffsets.length - 1;
}

/** Planar signed area of ring r in degrees², relative to its first vertex (no cancellation at ~116°E). */
function planarRing(g: PolygonSet, r: number): { a2: number; cx: number; cy: number } {
  const a = g.ringOffsets[r];
  const b = g.ringOffsets[r + 1];
  const c = g.coords;
  const ox = c[2 * a];
  const oy = c[2 * a + 1];
  let a2 = 0;
  let cx = 0;
  let cy = 0;
  for (let i = a; i + 1 < b; i++) {
    const x0 = c[2 * i] - ox;
    const y0 = c[2 * i + 1] - oy;
    const x1 = c[2 * i + 2] - ox;
    const y1 = c[2 * i + 3] - oy;
    const cross = x0 * y1 - x1 * y0;
    a2 += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  return { a2, cx: a2 === 0 ? ox : ox + cx / (3 * a2), cy: a2 === 0 ? oy : oy + cy / (3 * a2) };
}

/** Label point per feature: the centroid of its largest shell (NaN for a feature without geometry). */
export function labelPoints(g: PolygonSet): { x: Float64Array; y: Float64Array } {
  const n = featureCount(g);
  const x = new Float64Array(n).fill(Number.NaN);
  const y = new Float64Array(n).fill(Number.NaN);
  for (let f = 0; f < n; f++) {
    let best = -1;
    for (let p = g.featureOffsets[f]; p < g.featureOffsets[f + 1]; p++) {
      const s = planarRing(g, g.polygonOffsets[p]);
      if (Math.abs(s.a2) > best) {
        best = Math.abs(s.a2);
        x[f] = s.cx;
        y[f] = s.cy;
      }
    }
  }
  return { x, y };
}

/**
 * Shells of each feature as flat [x, y, …] rings, closed and counter-clockwise (RFC 7946), with
 * the feature each belongs to — the layout the map's binary polygon layer draws.
 */
export function shellRings(g: PolygonSet): { feature: Int32Array; starts: Uint32Array; xy: Float64Array } {
  const n = featureCount(g);
  let rings = 0;
  let verts = 0;
  for (let f = 0; f < n; f++) {
    for (let p = g.featureOffsets[f]; p < g.featureOffsets[f + 1]; p++) {
      const r = g.polygonOffsets[p];
      rings++;
      verts += g.ringOffsets[r + 1] - g.ringOffsets[r];
    }
  }
  const feature = new Int32Array(rings);
  const starts = new Uint32Array(rings + 1);
  const xy = new Float64Array(verts * 2);
  let k = 0;
  let at = 0;
  for (let f = 0; f < n; f++) {
    for (let p = g.featureOffsets[f]; p < g.featureOffsets[f + 1]; p++) {
      const r = g.polygonOffsets[p];
      const a = g.ringOffsets[r];
      const b = g.ringOffsets[r + 1];
      const ccw = planarRing(g, r).a2 >= 0;
      feature[k] = f;
      starts[k++] = at;
      for (let i = 0; i < b - a; i++) {
        const src = ccw ? a + i : b - 1 - i;
        xy[2 * at] = g.coords[2 * src];
        xy[2 * at + 1] = g.coords[2 * src + 1];
        at++;
      }
    }
  }
  starts[k] = at;
  return { feature, starts, xy };
}

/** Reorders features: out feature i is `g`'s feature order[i] (-1 = no geometry). */
export function selectFeatures(g: PolygonSet, order: Int32Array): PolygonSet {
  const featureOffsets = new Uint32Array(order.length + 1);
  const polys: number[] = [];
  for (let i = 0; i < order.length; i++) {
    const f = order[i];
    if (f >= 0) for (let p = g.featureOffsets[f]; p < g.featureOffsets[f + 1]; p++) polys.push(p);
    featureOffsets[i + 1] = polys.length;
  }
  const polygonOffsets = new Uint32Array(polys.length + 1);
  const rings: number[] = [];
  polys.forEach((p, i) => {
    for (let r = g.polygonOffsets[p]; r < g.polygonOffsets[p + 1]; r++) rings.push(r);
    polygonOffsets[i + 1] = rings.length;
  });
  const ringOffsets = new Uint32Array(rings.length + 1);
  let verts = 0;
  rings.forEach((r, i) => {
    verts += g.ringOffsets[r + 1] - g.ringOffsets[r];
    ringOffsets[i + 1] = verts;
  });
  const coords = new Float64Array(verts * 2);
  rings.forEach((r, i) => coords.set(g.coords.subarray(2 * g.ringOffsets[r], 2 * g.ringOffsets[r + 1]), 2 * ringOffsets[i]));
  return { coords, ringOffsets, polygonOffsets, featureOffsets };
}
