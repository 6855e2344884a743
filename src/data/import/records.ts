// Imports a non-parcel contract table (parks, enterprises, chain nodes and links) from CSV or
// GeoJSON, with the same all-or-nothing validation as parcels.

import type { FieldSpec } from '../contract';
import { type PolygonGeometry, labelPoint } from '../geometry';
import type { Cell } from './cells';
import { type ImportIssue, failedFileIssues } from './issues';
import { type ImportInput, readContractRows, rowGeometry } from './rows';

export interface RecordsBatch {
  file: string;
  rows: Cell[][];
  /** Geometry per row when the file had it (parks). */
  geometries: (PolygonGeometry | null)[];
  labelPoints: ([number, number] | null)[];
}

export type RecordsResult = { ok: true; batch: RecordsBatch } | { ok: false; issues: ImportIssue[] };

export function importRecords(file: string, input: ImportInput, fields: readonly FieldSpec[], idField?: string): RecordsResult {
  const issues: ImportIssue[] = [];
  const read = readContractRows(file, input, fields, issues, { idField });
  if (!read) return { ok: false, issues };
  const geometries: (PolygonGeometry | null)[] = [];
  const labelPoints: ([number, number] | null)[] = [];
  for (const src of read.sources) {
    const g = rowGeometry(file, src, issues) ?? null;
    geometries.push(g);
    labelPoints.push(g ? labelPoint(g) : null);
  }
  if (issues.some((i) => i.level === 'error')) return { ok: false, issues: failedFileIssues(file, issues) };
  return { ok: true, batch: { file, rows: read.rows, geometries, labelPoints } };
}
