// Reads a parcels file (GeoJSON FeatureCollection, or CSV with the contract's columns and an
// optional `geometry` column in WKT or GeoJSON) into a validated, columnar batch. Either the
// whole file is accepted or nothing is: errors name the file, row and field.

import { PARCEL_FIELDS } from '../contract';
import { GeometryError, type PolygonGeometry, geometryAreaM2, labelPoint, outerRings } from '../geometry';
import { readSources } from './sources';
import { type Cell, type ImportIssue, normaliseRows } from './cells';

export interface ParcelBatch {
  file: string;
  count: number;
  /** Contract fields in PARCEL_FIELDS order. */
  rows: Cell[][];
  /** Label point per parcel (NaN when the file has no geometry). */
  cx: Float64Array;
  cy: Float64Array;
  /** 1 when area_m2 was empty and computed from the geometry. */
  areaFromGeometry: Uint8Array;
  /** Outer rings: parcel index and flat closed CCW coordinates. */
  rings: { pidx: number; xy: number[] }[];
}

export type ImportResult =
  | { ok: true; batch: ParcelBatch; issues: ImportIssue[] }
  | { ok: false; issues: ImportIssue[] };

const AREA = PARCEL_FIELDS.findIndex((f) => f.name === 'area_m2');
const MAX_ISSUES = 200;

export function importParcels(file: string, text: string): ImportResult {
  const issues: ImportIssue[] = [];
  const parsed = readSources(file, text, issues);
  if (!parsed) return { ok: false, issues };
  if (parsed.sources.length === 0) {
    issues.push({ level: 'error', file, row: null, field: null, message: '文件中没有记录' });
    return { ok: false, issues };
  }

  const table = normaliseRows(file, PARCEL_FIELDS, parsed.present, parsed.sources, issues, 'parcel_id');
  const n = table.rows.length;
  const cx = new Float64Array(n).fill(Number.NaN);
  const cy = new Float64Array(n).fill(Number.NaN);
  const areaFromGeometry = new Uint8Array(n);
  const rings: { pidx: number; xy: number[] }[] = [];
  table.rows.forEach((row, pidx) => {
    const src = parsed.sources[table.sourceIndex[pidx]];
    let geom: PolygonGeometry | null = null;
    try {
      geom = src.geometry();
    } catch (e) {
      if (!(e instanceof GeometryError)) throw e;
      issues.push({ level: 'error', file, row: src.row, field: 'geometry', message: e.message });
      return;
    }
    if (geom) {
      for (const xy of outerRings(geom)) rings.push({ pidx, xy });
      [cx[pidx], cy[pidx]] = labelPoint(geom);
    }
    if (row[AREA] === null) {
      if (!geom) {
        issues.push({ level: 'error', file, row: src.row, field: 'area_m2', message: '宗地面积为空，且没有几何可用于计算面积' });
        return;
      }
      row[AREA] = Math.round(geometryAreaM2(geom) * 10) / 10;
      areaFromGeometry[pidx] = 1;
    } else if (row[AREA] === 0) {
      issues.push({ level: 'error', file, row: src.row, field: 'area_m2', message: '宗地面积不能为 0' });
    }
  });

  const errors = issues.filter((i) => i.level === 'error');
  if (errors.length > 0) {
    if (errors.length > MAX_ISSUES) {
      const rest = errors.length - MAX_ISSUES;
      return {
        ok: false,
        issues: [...errors.slice(0, MAX_ISSUES), { level: 'error', file, row: null, field: null, message: `……另有 ${rest} 处错误未列出` }],
      };
    }
    return { ok: false, issues };
  }
  return { ok: true, batch: { file, count: n, rows: table.rows, cx, cy, areaFromGeometry, rings }, issues };
}
