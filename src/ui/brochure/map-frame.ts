// Geometry of the brochure's printed maps: a local plane fitted to a box, SVG paths of
// boundaries and parcels, a scale bar of a round length, and the page sequence. Pure, so the
// print layout is tested in Node.
//
// The plane is equirectangular at the frame's middle latitude (x scaled by cos φ): over a park
// and its surroundings (a few km) its distortion is far below what a printed scale bar shows,
// and unlike Web Mercator its scale is the same in every direction, so the bar holds anywhere.

import type { Geometry, Position } from 'geojson';

export type Bounds = readonly [number, number, number, number];

/** Metres per degree of latitude (WGS84 mean, 2πR/360 with R = 6 371 008.8 m). */
const M_PER_DEG = 111_195;

export interface MapFrame {
  width: number;
  height: number;
  /** lng/lat → SVG user units (y down). */
  project(lng: number, lat: number): [number, number];
  /** Ground metres per SVG unit. */
  metresPerUnit: number;
  /** The extent drawn (wider or taller than asked, to fill the box). */
  bounds: Bounds;
}

/** `b` grown by `factor` of its size on every side, at least `minDeg` wide and tall (a tiny park still shows surroundings). */
export function padBounds(b: Bounds, factor: number, minDeg = 0): Bounds {
  const [w, s, e, n] = b;
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  const hw = Math.max(((e - w) * (1 + 2 * factor)) / 2, minDeg / 2);
  const hh = Math.max(((n - s) * (1 + 2 * factor)) / 2, minDeg / 2);
  return [cx - hw, cy - hh, cx + hw, cy + hh];
}

/** The plane that shows `b` whole and centred in a `width` × `height` box. */
export function fitFrame(b: Bounds, width: number, height: number): MapFrame {
  const [w, s, e, n] = b;
  const lat0 = (s + n) / 2;
  const kx = Math.cos((lat0 * Math.PI) / 180);
  const spanX = Math.max((e - w) * kx, 1e-9);
  const spanY = Math.max(n - s, 1e-9);
  const unitsPerDeg = Math.min(width / spanX, height / spanY);
  const cx = (w + e) / 2;
  const cy = lat0;
  const halfW = width / 2 / unitsPerDeg / kx;
  const halfH = height / 2 / unitsPerDeg;
  return {
    width,
    height,
    project: (lng, lat) => [width / 2 + (lng - cx) * kx * unitsPerDeg, height / 2 - (lat - cy) * unitsPerDeg],
    metresPerUnit: M_PER_DEG / unitsPerDeg,
    bounds: [cx - halfW, cy - halfH, cx + halfW, cy + halfH],
  };
}

const r1 = (v: number) => Math.round(v * 10) / 10;

function ringPath(ring: readonly Position[], frame: MapFrame): string {
  if (ring.length < 2) return '';
  return ring.map((p, i) => {
    const [x, y] = frame.project(p[0], p[1]);
    return `${i === 0 ? 'M' : 'L'}${r1(x)} ${r1(y)}`;
  }).join('') + 'Z';
}

/** SVG path data of a (Multi)Polygon's rings; other geometries draw nothing. */
export function geometryPath(g: Geometry | null | undefined, frame: MapFrame): string {
  if (!g) return '';
  if (g.type === 'Polygon') return g.coordinates.map((r) => ringPath(r, frame)).join('');
  if (g.type === 'MultiPolygon') return g.coordinates.flatMap((p) => p.map((r) => ringPath(r, frame))).join('');
  return '';
}

/** Flat [x, y, …] ring (a parcel's) as path data. */
export function flatRingPath(xy: ArrayLike<number>, from: number, to: number, frame: MapFrame): string {
  let d = '';
  for (let v = from; v < to; v++) {
    const [x, y] = frame.project(xy[v * 2], xy[v * 2 + 1]);
    d += `${v === from ? 'M' : 'L'}${r1(x)} ${r1(y)}`;
  }
  return d === '' ? '' : `${d}Z`;
}

/** Flat parcel rings (ParcelShapes' layout) with one code per parcel. */
export interface RingSet {
  length: number;
  positions: ArrayLike<number>;
  startIndices: ArrayLike<number>;
  pidx: ArrayLike<number>;
}

/**
 * Path data of the rings whose first vertex lies inside the frame, grouped by the parcel's
 * code (its disposal, for colour). One path per code keeps the SVG small; the codes present
 * are what the legend lists.
 */
export function parcelPathsByCode(rings: RingSet | null, codes: ArrayLike<number> | null, frame: MapFrame): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (!rings) return out;
  const [w, s, e, n] = frame.bounds;
  for (let ring = 0; ring < rings.length; ring++) {
    const v = rings.startIndices[ring];
    const x = rings.positions[v * 2];
    const y = rings.positions[v * 2 + 1];
    if (x < w || x > e || y < s || y > n) continue;
    const code = codes?.[rings.pidx[ring]] ?? 0;
    const list = out.get(code) ?? [];
    list.push(flatRingPath(rings.positions, v, rings.startIndices[ring + 1], frame));
    out.set(code, list);
  }
  return out;
}

/** Whether two extents overlap (a ring outside the frame is not drawn). */
export function overlaps(a: Bounds, b: Bounds): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

export interface ScaleBar {
  metres: number;
  /** Length in SVG units. */
  units: number;
  /** "500 m", "2 km". */
  label: string;
}

/** The longest 1-2-5 × 10ⁿ metres that fits in `maxUnits`. */
export function scaleBar(metresPerUnit: number, maxUnits: number): ScaleBar {
  const maxM = metresPerUnit * maxUnits;
  let metres = 1;
  for (let p = 1; p <= 1e7; p *= 10) for (const k of [1, 2, 5]) if (k * p <= maxM) metres = k * p;
  return { metres, units: metres / metresPerUnit, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}

export type BrochurePage = { kind: 'cover' } | { kind: 'park'; parkId: string } | { kind: 'contact' };

/**
 * The pages in print order: a group's joint brochure opens with a cover and closes with the
 * contact page, one page per park between; a single park's brochure is its page alone (the
 * contact block is on every park page).
 */
export function brochurePages(parkIds: readonly string[], joint: boolean): BrochurePage[] {
  const parks = parkIds.map((parkId): BrochurePage => ({ kind: 'park', parkId }));
  return joint ? [{ kind: 'cover' }, ...parks, { kind: 'contact' }] : parks;
}
