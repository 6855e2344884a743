// Geometry helpers for imports: WKT / GeoJSON polygons → outer rings as flat [x, y, …] arrays.
// Holes are kept for area (Turf) but not drawn: parcels with holes are rare and the fill of
// the outer ring is what a planner needs to see.

import { area as turfArea } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type PolygonGeometry = Polygon | MultiPolygon;

export class GeometryError extends Error {}

/** Parses POLYGON / MULTIPOLYGON WKT (2D; Z/M values are dropped). */
export function parseWkt(text: string): PolygonGeometry {
  const s = text.trim();
  const m = /^(MULTIPOLYGON|POLYGON)\s*(?:Z|M|ZM)?\s*(\(.*\))$/is.exec(s);
  if (!m) throw new GeometryError('只支持 POLYGON 或 MULTIPOLYGON 的 WKT');
  let i = 0;
  const body = m[2];
  const parseList = (): unknown[] => {
    if (body[i] !== '(') throw new GeometryError('WKT 括号不匹配');
    i++;
    const items: unknown[] = [];
    while (i < body.length) {
      while (body[i] === ' ' || body[i] === ',' || body[i] === '\n' || body[i] === '\t') i++;
      if (body[i] === ')') {
        i++;
        return items;
      }
      if (body[i] === '(') items.push(parseList());
      else {
        let j = i;
        while (j < body.length && body[j] !== ',' && body[j] !== ')') j++;
        const nums = body.slice(i, j).trim().split(/\s+/).map(Number);
        if (nums.length < 2 || nums.some((v) => !Number.isFinite(v))) {
          throw new GeometryError(`WKT 坐标 “${body.slice(i, j).trim()}” 无效`);
        }
        items.push([nums[0], nums[1]]);
        i = j;
      }
    }
    throw new GeometryError('WKT 括号不匹配');
  };
  const coords = parseList();
  return m[1].toUpperCase() === 'POLYGON'
    ? { type: 'Polygon', coordinates: coords as Position[][] }
    : { type: 'MultiPolygon', coordinates: coords as Position[][][] };
}

/** Parses a geometry cell: GeoJSON geometry text or WKT. */
export function parseGeometryText(text: string): PolygonGeometry {
  const s = text.trim();
  if (s.startsWith('{')) {
    let g: unknown;
    try {
      g = JSON.parse(s);
    } catch {
      throw new GeometryError('几何字段不是有效的 GeoJSON');
    }
    return checkGeometry(g);
  }
  return parseWkt(s);
}

/** Checks that a value is a usable Polygon/MultiPolygon in longitude/latitude. */
export function checkGeometry(g: unknown): PolygonGeometry {
  if (!g || typeof g !== 'object') throw new GeometryError('缺少几何');
  const geom = g as { type?: string; coordinates?: unknown };
  if (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon') {
    throw new GeometryError(`几何类型应为 Polygon 或 MultiPolygon，实际为 ${String(geom.type)}`);
  }
  const polys = (geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates) as Position[][][];
  if (!Array.isArray(polys) || polys.length === 0) throw new GeometryError('几何没有坐标');
  for (const poly of polys) {
    if (!Array.isArray(poly) || poly.length === 0) throw new GeometryError('多边形没有环');
    for (const ring of poly) {
      if (!Array.isArray(ring) || ring.length < 4) throw new GeometryError('多边形的环至少需要 4 个点（首尾相同）');
      for (const p of ring) {
        const [x, y] = p as number[];
        if (!Number.isFinite(x) || !Number.isFinite(y)) throw new GeometryError('坐标不是数字');
        if (Math.abs(x) > 180 || Math.abs(y) > 90) {
          throw new GeometryError(
            `坐标 (${x}, ${y}) 超出经纬度范围：可能是投影坐标（如 CGCS2000 高斯-克吕格），请先转换为经纬度`,
          );
        }
      }
    }
  }
  return geom as PolygonGeometry;
}

function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return s / 2;
}

/** Outer rings, closed and counter-clockwise (RFC 7946), as flat coordinate arrays. */
export function outerRings(g: PolygonGeometry): number[][] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.map((poly) => {
    let ring = poly[0].map((p) => [p[0], p[1]]);
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]]);
    if (signedArea(ring) < 0) ring = ring.reverse();
    return ring.flat();
  });
}

/** Geodesic area in m². */
export function geometryAreaM2(g: PolygonGeometry): number {
  return turfArea({ type: 'Feature', properties: {}, geometry: g });
}

/** Area-weighted centroid of the largest part (a label point inside simple parcels). */
export function labelPoint(g: PolygonGeometry): [number, number] {
  const rings = outerRings(g);
  let best = rings[0];
  let bestArea = -1;
  for (const r of rings) {
    const pts: Position[] = [];
    for (let i = 0; i < r.length; i += 2) pts.push([r[i], r[i + 1]]);
    const a = Math.abs(signedArea(pts));
    if (a > bestArea) {
      bestArea = a;
      best = r;
    }
  }
  // Work relative to the first vertex: with raw longitudes (~116) the shoelace cross products
  // of a 100 m parcel cancel catastrophically and the centroid drifts by metres.
  const [ox, oy] = [best[0], best[1]];
  let cx = 0;
  let cy = 0;
  let a2 = 0;
  for (let i = 0; i + 3 < best.length; i += 2) {
    const x0 = best[i] - ox;
    const y0 = best[i + 1] - oy;
    const x1 = best[i + 2] - ox;
    const y1 = best[i + 3] - oy;
    const cross = x0 * y1 - x1 * y0;
    a2 += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (a2 === 0) return [ox, oy];
  return [ox + cx / (3 * a2), oy + cy / (3 * a2)];
}
