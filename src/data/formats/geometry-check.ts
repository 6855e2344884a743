// Validates the polygons a reader produced, feature by feature, and measures their area in m².
// Rules follow OGC Simple Features (06-103r4, 6.1.11.1): a ring is closed and simple, holes lie
// inside their shell, a polygon has area. Works on any RawGeometry (Shapefile, TXT, GeoJSON,
// CSV WKT) in its source coordinates, so it can run before any coordinate conversion.
import type { RawGeometry, SourceIssue } from './raw-table.ts';
import { pointInRing, ringSignedArea2 } from './geometry-builder.ts';
import { findRingCrossing } from './geometry-check-crossing.ts';
import { featureEn, featureZh, geoIssue } from './geo-issue.ts';

export interface GeometryCheckOptions {
  /** File name for the issues. */
  file: string;
  /** True when x/y are longitude/latitude in degrees (WGS84, CGCS2000, GCJ-02…); false for metres. */
  geographic: boolean;
  /** Source row numbers of the features (RawTable.rowNumbers); feature index + 1 when absent. */
  rowNumbers?: Int32Array;
}

export interface GeometryCheckResult {
  /** Area of each feature in m² (shells minus holes); NaN for a feature without geometry. */
  areaM2: Float64Array;
  issues: SourceIssue[];
}

// GRS80 (CGCS2000 uses it; WGS84 differs in the 11th digit of 1/f, far below parcel precision).
const A = 6378137;
const F = 1 / 298.257222101;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);

/** Snyder (1987), Map Projections — A Working Manual, eq. 3-12: q as a function of latitude. */
function authalicQ(latRad: number): number {
  const s = Math.sin(latRad);
  return (1 - E2) * (s / (1 - E2 * s * s) - (1 / (2 * E)) * Math.log((1 - E * s) / (1 + E * s)));
}

/**
 * Lon/lat → the ellipsoidal cylindrical equal-area projection (Snyder eq. 10-15, 10-16 with
 * k0 = 1): x = a·λ, y = a·q/2. It preserves area exactly, so the planar shoelace of projected
 * vertices is the ellipsoidal area up to the difference between straight edges there and
 * geodesic edges — well under a square metre for parcel-sized rings.
 */
function toEqualArea(coords: Float64Array, from: number, to: number): Float64Array {
  const out = new Float64Array((to - from) * 2);
  const deg = Math.PI / 180;
  for (let i = from; i < to; i++) {
    out[(i - from) * 2] = A * coords[i * 2] * deg;
    out[(i - from) * 2 + 1] = (A * authalicQ(coords[i * 2 + 1] * deg)) / 2;
  }
  return out;
}

function ringArea(g: RawGeometry, r: number, geographic: boolean): number {
  const from = g.ringOffsets[r];
  const to = g.ringOffsets[r + 1];
  if (!geographic) return Math.abs(ringSignedArea2(g.coords, from, to)) / 2;
  return Math.abs(ringSignedArea2(toEqualArea(g.coords, from, to), 0, to - from)) / 2;
}

function fmt(v: number): string {
  return Math.abs(v) >= 1000 ? v.toFixed(3) : v.toPrecision(10).replace(/\.?0+$/, '');
}

export function checkGeometry(g: RawGeometry, options: GeometryCheckOptions): GeometryCheckResult {
  const { file, geographic } = options;
  const featureTotal = g.featureOffsets.length - 1;
  const areaM2 = new Float64Array(featureTotal);
  const issues: SourceIssue[] = [];

  for (let f = 0; f < featureTotal; f++) {
    const row = options.rowNumbers?.[f] ?? f + 1;
    const add = (code: string, zh: string, en: string): void => {
      issues.push(geoIssue('error', file, row, null, code, `${file} ${featureZh(row)}${zh}`, `${file} ${featureEn(row)}: ${en}`));
    };
    const p0 = g.featureOffsets[f];
    const p1 = g.featureOffsets[f + 1];
    if (p0 === p1) {
      areaM2[f] = NaN;
      add('geom.empty', '没有图形。', 'no geometry.');
      continue;
    }
    let total = 0;
    for (let p = p0; p < p1; p++) {
      const r0 = g.polygonOffsets[p];
      const r1 = g.polygonOffsets[p + 1];
      const part = p1 - p0 > 1 ? `第 ${p - p0 + 1} 部分` : '';
      const partEn = p1 - p0 > 1 ? `part ${p - p0 + 1}, ` : '';
      let polygonArea = 0;
      let shellUsable = true;
      for (let r = r0; r < r1; r++) {
        const from = g.ringOffsets[r];
        const to = g.ringOffsets[r + 1];
        const n = to - from;
        const what = r === r0 ? '外环' : `第 ${r - r0} 个内环`;
        const whatEn = r === r0 ? 'shell' : `hole ${r - r0}`;
        if (n < 4) {
          add('geom.ring_too_short', `${part}的${what}只有 ${n} 个点（闭合的环至少需要 4 个点）。`, `${partEn}${whatEn} has ${n} points (a closed ring needs at least 4).`);
          if (r === r0) shellUsable = false;
          continue;
        }
        if (g.coords[from * 2] !== g.coords[(to - 1) * 2] || g.coords[from * 2 + 1] !== g.coords[(to - 1) * 2 + 1]) {
          add('geom.ring_not_closed', `${part}的${what}没有闭合（最后一个点与第一个点不同）。`, `${partEn}${whatEn} is not closed (last point differs from the first).`);
        }
        const crossing = findRingCrossing(g.coords, from, to);
        if (crossing) {
          add('geom.self_intersection',
            `${part}的${what}自相交（在 ${fmt(crossing.x)}, ${fmt(crossing.y)} 附近），例如“8”字形或来回折返的边。`,
            `${partEn}${whatEn} intersects itself (near ${fmt(crossing.x)}, ${fmt(crossing.y)}), e.g. a bow-tie or an edge folding back.`);
        }
        const a = ringArea(g, r, geographic);
        if (r === r0) {
          polygonArea += a;
          if (isDegenerate(g.coords, from, to)) {
            add('geom.zero_area', `${part}面积为零（所有点在一条线上或重合）。`, `${partEn}zero area (all points on one line or identical).`);
          }
          continue;
        }
        polygonArea -= a;
        if (shellUsable && !holeInside(g, r0, r)) {
          add('geom.hole_outside_shell', `${part}的${what}不在外环之内（或越出外环）。`, `${partEn}${whatEn} lies outside its shell (or crosses it).`);
        }
      }
      if (shellUsable && polygonArea < 0) {
        add('geom.hole_larger_than_shell',
          `${part}的内环面积大于外环，面积为负（${polygonArea.toFixed(1)} 平方米）。`,
          `${partEn}holes are larger than the shell, giving a negative area (${polygonArea.toFixed(1)} m²).`);
      }
      total += polygonArea;
    }
    areaM2[f] = total;
  }
  return { areaM2, issues };
}

/** Zero area up to rounding: twice the area tiny against the ring's squared extent (source units). */
function isDegenerate(coords: Float64Array, from: number, to: number): boolean {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = from; i < to; i++) {
    minX = Math.min(minX, coords[2 * i]); maxX = Math.max(maxX, coords[2 * i]);
    minY = Math.min(minY, coords[2 * i + 1]); maxY = Math.max(maxY, coords[2 * i + 1]);
  }
  const extent2 = (maxX - minX) ** 2 + (maxY - minY) ** 2;
  return Math.abs(ringSignedArea2(coords, from, to)) <= 1e-12 * extent2;
}

/** Work limit (hole vertices × shell vertices) under which every hole vertex is tested. */
const FULL_HOLE_TEST = 20_000_000;

/**
 * A hole is inside when none of its vertices is outside the shell; vertices on the shell's
 * boundary are allowed (a hole may touch its shell at a point). Past FULL_HOLE_TEST only the
 * first vertices are tested, enough to catch a hole drawn beside its parcel.
 */
function holeInside(g: RawGeometry, shell: number, hole: number): boolean {
  const s0 = g.ringOffsets[shell];
  const s1 = g.ringOffsets[shell + 1];
  const h0 = g.ringOffsets[hole];
  const all = g.ringOffsets[hole + 1];
  const h1 = (all - h0) * (s1 - s0) <= FULL_HOLE_TEST ? all : Math.min(all, h0 + 3);
  for (let v = h0; v < h1; v++) {
    const x = g.coords[2 * v];
    const y = g.coords[2 * v + 1];
    if (!pointInRing(g.coords, s0, s1, x, y) && !pointOnRing(g.coords, s0, s1, x, y)) return false;
  }
  return true;
}

function pointOnRing(c: Float64Array, from: number, to: number, x: number, y: number): boolean {
  for (let i = from; i + 1 < to; i++) {
    const ax = c[2 * i], ay = c[2 * i + 1], bx = c[2 * i + 2], by = c[2 * i + 3];
    if (x < Math.min(ax, bx) || x > Math.max(ax, bx) || y < Math.min(ay, by) || y > Math.max(ay, by)) continue;
    const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    // Collinear up to rounding relative to the edge length (coordinates of 1e7 m carry ~1e-9 relative error).
    if (Math.abs(cross) <= 1e-9 * ((bx - ax) ** 2 + (by - ay) ** 2)) return true;
  }
  return false;
}
