// Unsupplied land of a park (未供应土地): the park polygon minus the supplied parcels, split into
// pieces, as the product model defines 可供地 ("polygon minus supplied parcels"). Pure geometry
// in TypeScript (Turf's polygon clipping): DuckDB's spatial extension is not available offline.
//
// - Areas are geodesic (Turf's `area`, spherical, the same sphere as the parcel areas of
//   data/workspace/polygons.ts), so the pieces add up with the parcel areas.
// - Pieces under SLIVER_M2 (1 亩) are dropped and reported apart: a park outline and parcel
//   boundaries digitised from different surveys leave strips along shared edges (a 1 m offset
//   along a 600 m edge is 600 m²), and no project is sited on less than 1 亩. The threshold is a
//   fixed unit, not a setting, so the same data always gives the same pieces.
// - Only parcels whose bounding box meets the park's are clipped: at 1,000,000 parcels the
//   others are skipped by four comparisons each.
// - Parcels are drawn by their outer rings (data/parcel-shapes.ts): a hole inside a parcel
//   counts as supplied, which is what the land ledger says of it.

import { area as turfArea, difference, featureCollection, pointOnFeature, polygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { PolygonGeometry } from '../data/geometry';
import type { ParcelShapes } from '../data/parcel-shapes';
import { M2_PER_MU } from '../vocab/units';

/** Pieces smaller than 1 亩 are slivers (see above). */
export const SLIVER_M2 = M2_PER_MU;

export type Bbox = [number, number, number, number];

export interface LandPiece {
  /** One polygon: outer ring then holes, WGS84 [lon, lat]. */
  rings: Position[][];
  area_m2: number;
  /** A point inside the piece (not merely its centroid, which a U-shaped piece may lack). */
  cx: number;
  cy: number;
}

export interface UnsuppliedLand {
  /** Largest first. */
  pieces: LandPiece[];
  /** Sum of the pieces kept. */
  area_m2: number;
  /** Area of the slivers dropped. */
  sliver_m2: number;
}

export function bboxOfGeometry(g: PolygonGeometry): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) {
    for (const [x, y] of poly[0] ?? []) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}

const meets = (a: Bbox, b: Bbox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** The outer ring `r` of the parcel shapes as a closed GeoJSON ring. */
function ringOf(s: ParcelShapes, r: number): Position[] {
  const out: Position[] = [];
  for (let v = s.startIndices[r]; v < s.startIndices[r + 1]; v++) out.push([s.positions[2 * v], s.positions[2 * v + 1]]);
  const [f, l] = [out[0], out[out.length - 1]];
  if (out.length > 0 && (f[0] !== l[0] || f[1] !== l[1])) out.push([f[0], f[1]]);
  return out;
}

/**
 * Per box, the parcel polygons (one closed outer ring each) meeting it, for parcels where `supplied(pidx)` holds.
 * One pass over the rings; each box gets the rings whose own box meets it.
 */
export function ringsMeeting(s: ParcelShapes, boxes: readonly Bbox[], supplied: (pidx: number) => boolean): Position[][][][] {
  const out: Position[][][][] = boxes.map(() => []);
  if (boxes.length === 0) return out;
  // Everything outside all boxes at once is skipped first (the usual case at scale).
  const all: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    all[0] = Math.min(all[0], b[0]);
    all[1] = Math.min(all[1], b[1]);
    all[2] = Math.max(all[2], b[2]);
    all[3] = Math.max(all[3], b[3]);
  }
  const p = s.positions;
  const rb: Bbox = [0, 0, 0, 0];
  for (let r = 0; r < s.length; r++) {
    const a = s.startIndices[r];
    const e = s.startIndices[r + 1];
    if (e - a < 3) continue;
    rb[0] = Infinity;
    rb[1] = Infinity;
    rb[2] = -Infinity;
    rb[3] = -Infinity;
    for (let v = a; v < e; v++) {
      const x = p[2 * v];
      const y = p[2 * v + 1];
      if (x < rb[0]) rb[0] = x;
      if (y < rb[1]) rb[1] = y;
      if (x > rb[2]) rb[2] = x;
      if (y > rb[3]) rb[3] = y;
    }
    if (!meets(rb, all) || !supplied(s.pidx[r])) continue;
    let ring: Position[] | null = null;
    for (let k = 0; k < boxes.length; k++) {
      if (meets(rb, boxes[k])) out[k].push([(ring ??= ringOf(s, r))]);
    }
  }
  return out;
}

function piecesOf(f: Feature<Polygon | MultiPolygon> | null): Position[][][] {
  if (!f) return [];
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

/** Even-odd point-in-polygon over all rings of a part (outer and holes): inside the part proper. */
function inPart(x: number, y: number, part: Position[][]): boolean {
  let inside = false;
  for (const ring of part) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

const orient = (a: Position, b: Position, c: Position) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);

/** Segments ab and cd meet (touching and collinear overlap included: such parcels take the general path). */
function segmentsMeet(a: Position, b: Position, c: Position, d: Position): boolean {
  const d1 = orient(c, d, a);
  const d2 = orient(c, d, b);
  const d3 = orient(a, b, c);
  const d4 = orient(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const on = (p: Position, q: Position, r: Position, o: number) =>
    o === 0 && Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0]) && Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1]);
  return on(c, d, a, d1) || on(c, d, b, d2) || on(a, b, c, d3) || on(a, b, d, d4);
}

/** The ring lies strictly inside the part: every vertex inside and no edge meeting the part's rings. */
function strictlyInside(ring: Position[], part: Position[][]): boolean {
  for (const [x, y] of ring) if (!inPart(x, y, part)) return false;
  for (const pr of part) {
    for (let i = 0; i + 1 < pr.length; i++) {
      for (let j = 0; j + 1 < ring.length; j++) if (segmentsMeet(pr[i], pr[i + 1], ring[j], ring[j + 1])) return false;
    }
  }
  return true;
}

function ringBox(ring: Position[]): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }
  return b;
}

/** p lies on segment ab (exactly, as shared vertices of neighbouring lots do). */
const onSegment = (a: Position, b: Position, p: Position) =>
  orient(a, b, p) === 0 && Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);

/** p lies inside ring r and not on its boundary. */
function strictlyIn(p: Position, r: Position[]): boolean {
  for (let i = 0; i + 1 < r.length; i++) if (onSegment(r[i], r[i + 1], p)) return false;
  return inPart(p[0], p[1], [r]);
}

/** Edges ab and cd cross at a point inside both (not merely touching or running along each other). */
function cross(a: Position, b: Position, c: Position, d: Position): boolean {
  const d1 = orient(c, d, a);
  const d2 = orient(c, d, b);
  const d3 = orient(a, b, c);
  const d4 = orient(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

const mid = (a: Position, b: Position): Position => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];

/**
 * The interiors of two outer rings overlap: an edge crosses an edge, or a vertex or an edge's
 * midpoint of one lies strictly inside the other (the midpoints catch a lot drawn twice).
 * Lots sharing an edge or a corner do not overlap.
 */
function overlap(a: Position[], b: Position[]): boolean {
  for (let i = 0; i + 1 < a.length; i++) for (let j = 0; j + 1 < b.length; j++) if (cross(a[i], a[i + 1], b[j], b[j + 1])) return true;
  for (const [r, o] of [[a, b], [b, a]] as const) {
    for (let i = 0; i + 1 < r.length; i++) if (strictlyIn(r[i], o) || strictlyIn(mid(r[i], r[i + 1]), o)) return true;
  }
  return false;
}

/**
 * Most parcels of a park lie inside it without overlapping one another: cutting those out only
 * makes holes (touching holes included: the area, shell minus holes, stays exact), which needs
 * no clipping. A parcel takes this path when its outer ring lies strictly inside one part of the
 * park and overlaps no other parcel; the others (on the park boundary, overlapping a neighbour)
 * go through Turf's clipping, whose exact arithmetic is slow (≈ 0.5 ms a parcel). One limit: a
 * closed ring of touching lots around unsupplied land leaves that land in the surrounding piece
 * rather than a piece of its own (its area is counted all the same).
 */
function holesFirst(parts: Position[][][], parcels: readonly Position[][][]): { parts: Position[][][]; rest: Position[][][] } {
  const rings = parcels.map((p) => p[0] ?? []);
  const boxes = rings.map(ringBox);
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a][0] - boxes[b][0]);
  const crowded = new Uint8Array(parcels.length);
  // Sweep along x: a parcel's box can only meet boxes that start before it ends.
  for (let i = 0; i < order.length; i++) {
    const [p, a] = [order[i], boxes[order[i]]];
    for (let j = i + 1; j < order.length && boxes[order[j]][0] <= a[2]; j++) {
      const q = order[j];
      if (meets(a, boxes[q]) && (!crowded[p] || !crowded[q]) && overlap(rings[p], rings[q])) crowded[p] = crowded[q] = 1;
    }
  }
  const out = parts.map((p) => [...p]);
  const rest: Position[][][] = [];
  parcels.forEach((r, i) => {
    const part = crowded[i] ? -1 : parts.findIndex((p) => strictlyInside(rings[i], p));
    if (part >= 0) out[part].push(rings[i]);
    else rest.push(r);
  });
  return { parts: out, rest };
}

/**
 * The park polygon minus the supplied parcel polygons (`parcels`: polygons as ring lists),
 * as pieces of at least SLIVER_M2, largest first.
 */
export function unsuppliedLand(park: PolygonGeometry, parcels: readonly Position[][][]): UnsuppliedLand {
  const fast = holesFirst(park.type === 'Polygon' ? [park.coordinates] : park.coordinates, parcels);
  let rest: Position[][][];
  if (fast.rest.length === 0) rest = fast.parts;
  else {
    const base: PolygonGeometry = fast.parts.length === 1 ? { type: 'Polygon', coordinates: fast.parts[0] } : { type: 'MultiPolygon', coordinates: fast.parts };
    const feats = [base, ...fast.rest.map((rings) => ({ type: 'Polygon', coordinates: rings }) as Polygon)].map((g) => ({
      type: 'Feature' as const,
      properties: {},
      geometry: g,
    }));
    rest = piecesOf(difference(featureCollection(feats)));
  }
  const pieces: LandPiece[] = [];
  let sliver = 0;
  for (const rings of rest) {
    const f = polygon(rings);
    const a = turfArea(f);
    if (a < SLIVER_M2) {
      sliver += a;
      continue;
    }
    const [cx, cy] = pointOnFeature(f).geometry.coordinates;
    pieces.push({ rings, area_m2: a, cx, cy });
  }
  pieces.sort((x, y) => y.area_m2 - x.area_m2 || x.cx - y.cx || x.cy - y.cy);
  return { pieces, area_m2: pieces.reduce((s, p) => s + p.area_m2, 0), sliver_m2: sliver };
}
