// Reads a parcels file (GeoJSON FeatureCollection, CSV with the contract's columns and an
// optional `geometry` column in WKT or GeoJSON, or a RawTable from a format reader) into a
// validated, columnar batch. Either the whole file is accepted or nothing is: errors name the
// file, row and field.

import { PARCEL_FIELDS } from '../contract';
import { geometryAreaM2, labelPoint, outerRings } from '../geometry';
import type { Cell } from './cells';
import { type ImportIssue, failedFileIssues } from './issues';
import { type ImportInput, readContractRows, rowGeometry } from './rows';

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

export function importParcels(file: string, input: ImportInput): ImportResult {
  const issues: ImportIssue[] = [];
  const read = readContractRows(file, input, PARCEL_FIELDS, issues, { idField: 'parcel_id', nonEmpty: true });
  if (!read) return { ok: false, issues };

  const n = read.rows.length;
  const cx = new Float64Array(n).fill(Number.NaN);
  const cy = new Float64Array(n).fill(Number.NaN);
  const areaFromGeometry = new Uint8Array(n);
  const rings: { pidx: number; xy: number[] }[] = [];
  read.rows.forEach((row, pidx) => {
    const src = read.sources[pidx];
    const geom = rowGeometry(file, src, issues);
    if (geom === undefined) return;
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

  if (issues.some((i) => i.level === 'error')) return { ok: false, issues: failedFileIssues(file, issues) };
  return { ok: true, batch: { file, count: n, rows: read.rows, cx, cy, areaFromGeometry, rings }, issues };
}
