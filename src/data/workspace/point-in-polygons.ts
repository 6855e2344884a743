// Which feature of a polygon set contains each point: used to derive a parcel's county or park
// when the ledger lacks it (data contract v2: `county` may be derived from geometry when
// boundaries are loaded), and to warn about parcels outside every park or county. A grid of
// feature bounding boxes keeps 100,000 parcels against a city's boundaries fast.

import { featureCount, type PolygonSet } from './polygons';

function bboxes(g: PolygonSet): Float64Array {
  const n = featureCount(g);
  const b = new Float64Array(4 * n).fill(Number.NaN);
  for (let f = 0; f < n; f++) {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    const p0 = g.polygonOffsets[g.featureOffsets[f]];
    const p1 = g.polygonOffsets[g.featureOffsets[f + 1]];
    for (let v = g.ringOffsets[p0]; v < g.ringOffsets[p1]; v++) {
      const x = g.coords[2 * v];
      const y = g.coords[2 * v + 1];
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    if (x0 <= x1) b.set([x0, y0, x1, y1], 4 * f);
  }
  return b;
}

/** Even-odd test over all rings of feature f: holes count as outside. */
function inFeature(g: PolygonSet, f: number, x: number, y: number): boolean {
  let inside = false;
  const c = g.coords;
  const p0 = g.featureOffsets[f];
  const p1 = g.featureOffsets[f + 1];
  for (let r = g.polygonOffsets[p0]; r < g.polygonOffsets[p1]; r++) {
    const a = g.ringOffsets[r];
    const b = g.ringOffsets[r + 1];
    for (let i = a, j = b - 1; i < b; j = i++) {
      const xi = c[2 * i];
      const yi = c[2 * i + 1];
      const xj = c[2 * j];
      const yj = c[2 * j + 1];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * For each point (x, y interleaved; NaN = none) the index of the first feature containing it,
 * or -1. Features are tried in order, so where polygons overlap the earlier one wins.
 */
export function locatePoints(points: Float64Array, g: PolygonSet): Int32Array {
  const n = points.length / 2;
  const out = new Int32Array(n).fill(-1);
  const nf = featureCount(g);
  if (nf === 0) return out;
  const bb = bboxes(g);
  // A coarse grid over the features' extent: each cell lists the features whose box touches it.
  let [gx0, gy0, gx1, gy1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let f = 0; f < nf; f++) {
    if (Number.isNaN(bb[4 * f])) continue;
    gx0 = Math.min(gx0, bb[4 * f]);
    gy0 = Math.min(gy0, bb[4 * f + 1]);
    gx1 = Math.max(gx1, bb[4 * f + 2]);
    gy1 = Math.max(gy1, bb[4 * f + 3]);
  }
  if (!(gx0 <= gx1)) return out;
  const side = Math.max(1, Math.min(256, Math.ceil(Math.sqrt(nf) * 2)));
  const w = (gx1 - gx0) / side || 1;
  const h = (gy1 - gy0) / side || 1;
  const cell = (v: number, lo: number, size: number) => Math.min(side - 1, Math.max(0, Math.floor((v - lo) / size)));
  const cells: number[][] = Array.from({ length: side * side }, () => []);
  for (let f = 0; f < nf; f++) {
    if (Number.isNaN(bb[4 * f])) continue;
    for (let cy = cell(bb[4 * f + 1], gy0, h); cy <= cell(bb[4 * f + 3], gy0, h); cy++) {
      for (let cx = cell(bb[4 * f], gx0, w); cx <= cell(bb[4 * f + 2], gx0, w); cx++) cells[cy * side + cx].push(f);
    }
  }
  for (let i = 0; i < n; i++) {
    const x = points[2 * i];
    const y = points[2 * i + 1];
    if (!(x >= gx0 && x <= gx1 && y >= gy0 && y <= gy1)) continue;
    for (const f of cells[cell(y, gy0, h) * side + cell(x, gx0, w)]) {
      if (x < bb[4 * f] || x > bb[4 * f + 2] || y < bb[4 * f + 1] || y > bb[4 * f + 3]) continue;
      if (inFeature(g, f, x, y)) {
        out[i] = f;
        break;
      }
    }
  }
  return out;
}
