// Imports a non-parcel contract table (parks, enterprises, chain nodes and links) from CSV or
// GeoJSON, with the same all-or-nothing validation as parcels.

import type { FieldSpec } from '../contract';
import { type PolygonGeometry, labelPoint } from '../geometry';
import { readSources } from './sources';
import { type Cell, type ImportIssue, normaliseRows } from './cells';

export interface RecordsBatch {
  file: string;
  rows: Cell[][];
  /** Geometry per row when the file had it (parks). */
  geometries: (PolygonGeometry | null)[];
  labelPoints: ([number, number] | null)[];
}

export type RecordsResult = { ok: true; batch: RecordsBatch } | { ok: false; issues: ImportIssue[] };

export function importRecords(file: string, text: string, fields: readonly FieldSpec[], idField?: string): RecordsResult {
  const issues: ImportIssue[] = [];
  const parsed = readSources(file, text, issues);
  if (!parsed) return { ok: false, issues };
  const table = normaliseRows(file, fields, parsed.present, parsed.sources, issues, idField);
  const geometries: (PolygonGeometry | null)[] = [];
  const labelPoints: ([number, number] | null)[] = [];
  table.sourceIndex.forEach((si) => {
    const src = parsed.sources[si];
    try {
      const g = src.geometry();
      geometries.push(g);
      labelPoints.push(g ? labelPoint(g) : null);
    } catch (e) {
      issues.push({ level: 'error', file, row: src.row, field: 'geometry', message: (e as Error).message });
      geometries.push(null);
      labelPoints.push(null);
    }
  });
  if (issues.some((i) => i.level === 'error')) return { ok: false, issues };
  return { ok: true, batch: { file, rows: table.rows, geometries, labelPoints } };
}
