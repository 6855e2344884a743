// Where the demo's parks and parcels lie: park outlines placed inside their counties, a block
// grid with roads cut into lots inside each park, and small clusters of parcels at township
// industrial spots outside the parks. All in the region's local metric frame (planar.ts).

import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import {
  type Frame,
  type Pt,
  centroidOf,
  clipInside,
  convexHull,
  dropNearDuplicates,
  grow,
  insideDepth,
  polygonArea,
  separated,
  toLngLat,
} from './planar';
import { Rng } from './random';
import type { ParkSpec, RegionSpec } from './region-specs';
import type { CountyProps } from './types';

export interface County {
  feature: Feature<Polygon | MultiPolygon, CountyProps>;
  name: string;
  seat: Pt;
  /** County boundary vertices in the local frame. */
  vertices: Pt[];
}

/** A convex candidate lies well inside the county: every vertex of the grown polygon is inside,
 *  and no boundary vertex pokes into it (with all vertices inside, a boundary that entered
 *  the convex shape would have to turn inside it). */
function fitsCounty(frame: Frame, county: County, poly: Pt[], margin: number): boolean {
  const g = grow(poly, margin);
  for (const p of g) {
    if (!booleanPointInPolygon(toLngLat(frame, p), county.feature)) return false;
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of g) {
    minX = Math.min(minX, p[0]);
    minY = Math.min(minY, p[1]);
    maxX = Math.max(maxX, p[0]);
    maxY = Math.max(maxY, p[1]);
  }
  for (const v of county.vertices) {
    if (v[0] < minX || v[0] > maxX || v[1] < minY || v[1] > maxY) continue;
    if (insideDepth(g, v) >= 0) return false;
  }
  return true;
}

// Parks

export interface Park {
  id: string;
  spec: ParkSpec;
  poly: Pt[];
  county: County;
  chainIds: string[];
}

/** An irregular convex polygon around the origin: jittered points on a rotated ellipse. */
function parkShape(rng: Rng, radiusM: number): Pt[] {
  const n = rng.int(7, 11);
  const a = radiusM * rng.range(1.05, 1.35);
  const b = radiusM * rng.range(0.7, 0.95);
  const phi = rng.range(0, Math.PI);
  const pts: Pt[] = [];
  for (let i = 0; i < n; i++) {
    const t = ((i + rng.range(-0.3, 0.3)) / n) * 2 * Math.PI;
    const k = rng.range(0.88, 1.08);
    const x = a * Math.cos(t) * k;
    const y = b * Math.sin(t) * k;
    pts.push([x * Math.cos(phi) - y * Math.sin(phi), x * Math.sin(phi) + y * Math.cos(phi)]);
  }
  return convexHull(pts);
}

export function placeParks(rng: Rng, frame: Frame, spec: RegionSpec, counties: Map<string, County>): Park[] {
  const parks: Park[] = [];
  const scales = [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.42];
  // Search outward from the preferred spot: the spot itself, then rings of 8 directions.
  const offsets: Pt[] = [[0, 0]];
  for (let ringKm = 0.75; ringKm <= 4.5; ringKm += 0.75) {
    for (let k = 0; k < 8; k++) {
      const t = (k / 8) * 2 * Math.PI;
      offsets.push([ringKm * 1000 * Math.cos(t), ringKm * 1000 * Math.sin(t)]);
    }
  }
  spec.parks.forEach((ps, i) => {
    const county = counties.get(ps.county);
    if (!county) throw new Error(`demo spec: no county ${ps.county}`);
    const shape = parkShape(rng, ps.r * 1000);
    const id = `${spec.prefix}-P${String(i + 1).padStart(2, '0')}`;
    for (const s of scales) {
      for (const off of offsets) {
        const cx = county.seat[0] + ps.at[0] * 1000 + off[0];
        const cy = county.seat[1] + ps.at[1] * 1000 + off[1];
        const poly = shape.map((p): Pt => [cx + p[0] * s, cy + p[1] * s]);
        if (!fitsCounty(frame, county, poly, 250)) continue;
        if (!parks.every((o) => separated(o.poly, poly, 500))) continue;
        parks.push({ id, spec: ps, poly, county, chainIds: ps.chains.map((c) => `${spec.prefix}-${c}`) });
        return;
      }
    }
    throw new Error(`demo spec: cannot place ${ps.name} in ${ps.county}`);
  });
  return parks;
}
// Parcel geometry: a block grid with roads inside each park

export interface ParcelGeom {
  poly: Pt[];
  park: Park | null;
  county: County;
  /** Development order within the park, 0 (first, near the core) … 1 (fringe, newest); a newer
   *  park's lots start at 0.35, as none of them is old. */
  rank: number;
}

/** Splits [0, 1] into `n` random pieces (cut positions, ascending, including 0 and 1). */
function cuts(rng: Rng, n: number): number[] {
  const w = Array.from({ length: n }, () => rng.range(0.6, 1.4));
  const total = w.reduce((a, b) => a + b, 0);
  const out = [0];
  let acc = 0;
  for (const x of w) {
    acc += x;
    out.push(acc / total);
  }
  out[out.length - 1] = 1;
  return out;
}

/** Splits a block (in block units [0,1]²) into `k` lots: one row of columns, two rows, or a
 *  full-depth lot beside two rows of smaller ones, as industrial blocks are usually cut. */
function blockLayout(rng: Rng, k: number): [number, number, number, number][] {
  const rects: [number, number, number, number][] = [];
  const grid = (u0: number, u1: number, v0: number, v1: number, cols: number, rows: number) => {
    const cu = cuts(rng, cols);
    const cv = cuts(rng, rows);
    for (let i = 0; i < cols; i++) {
      for (let j = 0; j < rows; j++) {
        rects.push([
          u0 + (u1 - u0) * cu[i],
          u0 + (u1 - u0) * cu[i + 1],
          v0 + (v1 - v0) * cv[j],
          v0 + (v1 - v0) * cv[j + 1],
        ]);
      }
    }
  };
  if (k <= 3 || rng.chance(0.35)) grid(0, 1, 0, 1, k, 1);
  else if (k % 2 === 0) grid(0, 1, 0, 1, k / 2, 2);
  else {
    const big = 2 / (k + 1);
    grid(0, big, 0, 1, 1, 1);
    grid(big, 1, 0, 1, (k - 1) / 2, 2);
  }
  return rects;
}
const FENCE_M = 3; // each parcel is inset 3 m, so neighbours are ≥ 6 m apart (no shared edges)

function parcelQuad(rng: Rng, corners: Pt[]): Pt[] {
  // About a fifth of the parcels are not rectangles: one corner is pulled in along an edge,
  // which keeps the quad convex and inside its rectangle.
  if (!rng.chance(0.2)) return corners;
  const i = rng.int(0, 3);
  const j = rng.chance(0.5) ? (i + 1) % 4 : (i + 3) % 4;
  const t = rng.range(0.05, 0.15);
  const out = corners.map((p): Pt => [p[0], p[1]]);
  out[i] = [corners[i][0] + (corners[j][0] - corners[i][0]) * t, corners[i][1] + (corners[j][1] - corners[i][1]) * t];
  return out;
}

/**
 * Candidate lots of a park in development order: a block grid with roads over the whole
 * planned area, each block cut into lots of about `lotM2` (log-normal spread, so a park has
 * both 10-亩 workshops and 150-亩 plants), blocks sorted outward from the side facing the
 * county seat.
 */
export function parkParcels(rng: Rng, park: Park, scale: number, lotM2: number, minM2: number, maxM2: number): Pt[][] {
  const shrink = 1 / Math.sqrt(scale);
  const theta = rng.range(-0.5, 0.5);
  const ux: Pt = [Math.cos(theta), Math.sin(theta)];
  const vx: Pt = [-Math.sin(theta), Math.cos(theta)];
  const c = centroidOf(park.poly);
  const uv = park.poly.map((p): Pt => {
    const dx = p[0] - c[0];
    const dy = p[1] - c[1];
    return [dx * ux[0] + dy * ux[1], dx * vx[0] + dy * vx[1]];
  });
  const world = (u: number, v: number): Pt => [c[0] + u * ux[0] + v * vx[0], c[1] + u * ux[1] + v * vx[1]];
  // Main roads every 400–600 m one way and 260–380 m the other, 30–45 m wide (red lines).
  const blockU = rng.range(400, 600) * shrink;
  const blockV = rng.range(260, 380) * shrink;
  const road = rng.range(30, 45) * Math.max(shrink, 0.5);
  const uMin = Math.min(...uv.map((p) => p[0]));
  const uMax = Math.max(...uv.map((p) => p[0]));
  const vMin = Math.min(...uv.map((p) => p[1]));
  const vMax = Math.max(...uv.map((p) => p[1]));
  // Parks grow outward from the side facing the county seat.
  const seatDir = Math.atan2(park.county.seat[1] - c[1], park.county.seat[0] - c[0]);
  const radius = Math.sqrt(Math.abs(polygonArea(park.poly)) / Math.PI);
  const origin: Pt = [c[0] + 0.5 * radius * Math.cos(seatDir), c[1] + 0.5 * radius * Math.sin(seatDir)];
  const blockM2 = blockU * blockV;
  // Fewest lots that keep each under the maximum, most that keep each over the minimum.
  const kMin = Math.max(1, Math.ceil((blockM2 * 1.2) / maxM2));
  const kMax = Math.max(kMin, Math.floor(blockM2 / (minM2 * 1.8)));
  // Each block draws from its own stream, so a different lot size re-cuts blocks but does not
  // reshuffle the park (the caller tunes the lot size to the city's parcel count).
  const blockSeed = Math.floor(rng.float() * 4294967296);

  const blocks: { d: number; rects: Pt[][] }[] = [];
  let blockNo = 0;
  for (let u0 = uMin; u0 < uMax; u0 += blockU + road) {
    for (let v0 = vMin; v0 < vMax; v0 += blockV + road) {
      const brng = Rng.derive(blockSeed, `block:${blockNo++}`);
      const k = Math.min(kMax, Math.max(kMin, Math.round(blockM2 / (lotM2 * Math.exp(brng.normal(0, 0.55))))));
      const rects: Pt[][] = [];
      for (const [a0, a1, b0, b1] of blockLayout(brng, k)) {
        const pu0 = u0 + a0 * blockU + FENCE_M;
        const pu1 = u0 + a1 * blockU - FENCE_M;
        const pv0 = v0 + b0 * blockV + FENCE_M;
        const pv1 = v0 + b1 * blockV - FENCE_M;
        const corners = [world(pu0, pv0), world(pu1, pv0), world(pu1, pv1), world(pu0, pv1)];
        // Lots on the park's edge follow the boundary (15 m setback): irregular edge parcels.
        let lot = parcelQuad(brng, corners);
        if (lot.some((p) => insideDepth(park.poly, p) < 15)) lot = dropNearDuplicates(clipInside(lot, park.poly, 15));
        if (lot.length < 3) continue;
        const area = polygonArea(lot);
        if (area < minM2 || area > maxM2) continue;
        rects.push(lot);
      }
      if (rects.length === 0) continue;
      const bc = world(u0 + blockU / 2, v0 + blockV / 2);
      blocks.push({ d: Math.hypot(bc[0] - origin[0], bc[1] - origin[1]), rects });
    }
  }
  blocks.sort((a, b) => a.d - b.d);
  return blocks.flatMap((b) => b.rects);
}

/** Small clusters of parcels in township industrial spots (乡镇工业集中点), outside any park. */
export function outsideParcels(rng: Rng, frame: Frame, counties: County[], parks: Park[], count: number, scale: number): ParcelGeom[] {
  const out: ParcelGeom[] = [];
  const shrink = 1 / Math.sqrt(scale);
  let attempts = 0;
  while (out.length < count && attempts < 4000) {
    attempts++;
    const county = counties[attempts % counties.length];
    const dist = rng.range(3000, 11000);
    const t = rng.range(0, 2 * Math.PI);
    const c: Pt = [county.seat[0] + dist * Math.cos(t), county.seat[1] + dist * Math.sin(t)];
    const theta = rng.range(-0.6, 0.6);
    const cols = rng.int(2, 3);
    const rows = rng.int(1, 2);
    const w = rng.range(70, 140) * shrink;
    const h = rng.range(90, 180) * shrink;
    for (let i = 0; i < cols && out.length < count; i++) {
      for (let j = 0; j < rows && out.length < count; j++) {
        const u0 = i * (w + 20);
        const v0 = j * (h + 20);
        const corners = [
          [u0, v0],
          [u0 + w, v0],
          [u0 + w, v0 + h],
          [u0, v0 + h],
        ].map(([u, v]): Pt => [c[0] + u * Math.cos(theta) - v * Math.sin(theta), c[1] + u * Math.sin(theta) + v * Math.cos(theta)]);
        const poly = parcelQuad(rng, corners);
        if (!fitsCounty(frame, county, poly, 30)) continue;
        if (!parks.every((p) => separated(p.poly, poly, 150))) continue;
        if (!out.every((o) => separated(o.poly, poly, 6))) continue;
        out.push({ poly, park: null, county, rank: rng.float() });
      }
    }
  }
  return out;
}
