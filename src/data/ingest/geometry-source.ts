// Where a row's position comes from, per the mapping: the file's own shapes (Shapefile, GeoJSON,
// 界址点 TXT), longitude/latitude or projected x/y columns (a point per row), or a WKT column.
// Everything stays in the file's coordinate system here; conversion to WGS84 is one step after
// (convert.ts), once the user has confirmed the detected coordinate system.

import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { RawCell, RawTable, SourceIssue } from '../formats/raw-table';
import { GeometryError, parseWkt } from '../geometry';
import type { TableMapping } from '../mapping/propose';
import type { PolygonSet } from '../workspace/polygons';

export interface SourceGeometry {
  /** One feature per raw row (empty feature = none), in the file's coordinates. */
  shapes?: PolygonSet;
  /** One point per raw row (NaN, NaN = none), in the file's coordinates. */
  points?: Float64Array;
  issues: SourceIssue[];
}

function num(c: RawCell): number {
  if (c === null) return Number.NaN;
  if (typeof c === 'number') return c;
  const s = c.trim().replace(/,/g, '');
  return s === '' ? Number.NaN : Number(s);
}

function parsePolygonText(text: string): Polygon | MultiPolygon {
  const s = text.trim();
  if (!s.startsWith('{')) return parseWkt(s);
  let g: { type?: string; coordinates?: unknown };
  try {
    g = JSON.parse(s);
  } catch {
    throw new GeometryError('几何字段不是有效的 GeoJSON');
  }
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') throw new GeometryError(`几何类型应为 Polygon 或 MultiPolygon，实际为 ${String(g.type)}`);
  return g as Polygon | MultiPolygon;
}

export function geometryFromMapping(raw: RawTable, mapping: TableMapping): SourceGeometry {
  const g = mapping.geometry;
  const n = raw.rowNumbers.length;
  const issues: SourceIssue[] = [];
  const col = (h: string) => raw.columns[raw.headers.indexOf(h)] ?? [];
  const issue = (r: number, field: string, zh: string, en: string) =>
    issues.push({ level: 'error', file: raw.file, sheet: raw.sheet, row: raw.rowNumbers[r], field, code: 'geom.invalid', messageZh: zh, messageEn: en });

  if (g.kind === 'none') return { issues };
  if (g.kind === 'file') return { shapes: raw.geometry, issues };
  if (g.kind === 'lonlat' || g.kind === 'xy') {
    const [xh, yh] = g.kind === 'lonlat' ? [g.lon, g.lat] : [g.x, g.y];
    const xs = col(xh);
    const ys = col(yh);
    const points = new Float64Array(2 * n);
    for (let r = 0; r < n; r++) {
      const x = num(xs[r] ?? null);
      const y = num(ys[r] ?? null);
      const emptyX = xs[r] === null || String(xs[r]).trim() === '';
      const emptyY = ys[r] === null || String(ys[r]).trim() === '';
      if ((!emptyX && !Number.isFinite(x)) || (!emptyY && !Number.isFinite(y)) || emptyX !== emptyY) {
        issue(r, Number.isFinite(x) ? yh : xh, '坐标不是数字或只填了一个', 'a coordinate is not a number, or only one of the pair is given');
        points[2 * r] = points[2 * r + 1] = Number.NaN;
        continue;
      }
      points[2 * r] = x;
      points[2 * r + 1] = y;
    }
    return { points, issues };
  }
  // WKT or GeoJSON text per row.
  const cells = col(g.column);
  const coords: number[] = [];
  const ringOffsets = [0];
  const polygonOffsets = [0];
  const featureOffsets = [0];
  for (let r = 0; r < n; r++) {
    const c = cells[r];
    if (c !== null && String(c).trim() !== '') {
      try {
        const geom = parsePolygonText(String(c));
        const polys = (geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates) as Position[][][];
        for (const poly of polys) {
          for (const ring of poly) {
            for (const p of ring) coords.push(p[0], p[1]);
            ringOffsets.push(coords.length / 2);
          }
          polygonOffsets.push(ringOffsets.length - 1);
        }
      } catch (e) {
        if (!(e instanceof GeometryError)) throw e;
        issue(r, g.column, e.message, 'the geometry text is not valid WKT or GeoJSON');
      }
    }
    featureOffsets.push(polygonOffsets.length - 1);
  }
  return {
    shapes: {
      coords: Float64Array.from(coords),
      ringOffsets: Uint32Array.from(ringOffsets),
      polygonOffsets: Uint32Array.from(polygonOffsets),
      featureOffsets: Uint32Array.from(featureOffsets),
    },
    issues,
  };
}

/** Up to `max` coordinate pairs spread over the file, for coordinate-system detection. */
export function sampleCoordinates(g: SourceGeometry, max = 2000): Float64Array {
  const src = g.shapes?.coords ?? g.points ?? new Float64Array(0);
  const pairs = src.length / 2;
  const step = Math.max(1, Math.floor(pairs / max));
  const out: number[] = [];
  for (let i = 0; i < pairs && out.length < 2 * max; i += step) {
    if (Number.isFinite(src[2 * i]) && Number.isFinite(src[2 * i + 1])) out.push(src[2 * i], src[2 * i + 1]);
  }
  return Float64Array.from(out);
}
