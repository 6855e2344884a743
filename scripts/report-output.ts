// The command-line report's outputs: the findings as GeoJSON for QGIS (written straight from the
// binary shapes, shells and holes, without a detour through DuckDB per feature), the problems
// list beside the report, and writing the whole set of files so that either all of them appear
// or none does.

import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { ReportRow } from '../src/analysis/run-land-rules';
import { REPORT_COLUMNS } from '../src/data/contract';
import { toSpreadsheetCsv } from '../src/data/csv';
import type { SourceIssue } from '../src/data/formats/raw-table';
import type { PolygonSet } from '../src/data/workspace/polygons';

export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * Writes every file to a temporary name next to its target, then renames them all; if any write
 * fails, the temporary files are removed and no target is touched (no half-written set).
 */
export function writeAll(files: readonly OutputFile[], suffix = `${process.pid}.tmp`): void {
  const written: string[] = [];
  try {
    for (const f of files) {
      const tmp = `${f.path}.${suffix}`;
      written.push(tmp);
      writeFileSync(tmp, f.content);
    }
  } catch (e) {
    for (const tmp of written) rmSync(tmp, { force: true });
    throw e;
  }
  files.forEach((f, k) => renameSync(written[k], f.path));
}

/** The problems list (`--skip-invalid`): file, sheet, row, field, code, message, formula-safe. */
export function problemsCsv(issues: readonly SourceIssue[]): string {
  return toSpreadsheetCsv(
    ['file', 'sheet', 'row', 'field', 'code', 'message'],
    issues.map((i) => [i.file, i.sheet ?? '', i.row ?? '', i.field ?? '', i.code, i.messageZh]),
  );
}

function ringJson(g: PolygonSet, r: number): string {
  const c = g.coords;
  const parts: string[] = [];
  for (let v = g.ringOffsets[r]; v < g.ringOffsets[r + 1]; v++) parts.push(`[${c[2 * v]},${c[2 * v + 1]}]`);
  return `[${parts.join(',')}]`;
}

function geometryJson(g: PolygonSet | undefined, points: Float64Array | undefined, f: number): string {
  if (g && f + 1 < g.featureOffsets.length) {
    const polygons: string[] = [];
    for (let p = g.featureOffsets[f]; p < g.featureOffsets[f + 1]; p++) {
      const rings: string[] = [];
      for (let r = g.polygonOffsets[p]; r < g.polygonOffsets[p + 1]; r++) rings.push(ringJson(g, r));
      polygons.push(`[${rings.join(',')}]`);
    }
    if (polygons.length === 1) return `{"type":"Polygon","coordinates":${polygons[0]}}`;
    if (polygons.length > 1) return `{"type":"MultiPolygon","coordinates":[${polygons.join(',')}]}`;
  }
  if (points && Number.isFinite(points[2 * f]) && Number.isFinite(points[2 * f + 1])) {
    return `{"type":"Point","coordinates":[${points[2 * f]},${points[2 * f + 1]}]}`;
  }
  return 'null';
}

/**
 * Parcels in WGS84 (RFC 7946) with the report's columns as properties, one feature per report
 * row; `report[i]` is the parcel of feature i (the report is in import order, by pidx).
 */
export function findingsGeoJson(report: readonly ReportRow[], shapes: PolygonSet | undefined, points: Float64Array | undefined): string {
  const features = report.map((row, i) => {
    const props = Object.fromEntries(REPORT_COLUMNS.map((c) => [c, row[c] ?? null]));
    return `{"type":"Feature","properties":${JSON.stringify(props)},"geometry":${geometryJson(shapes, points, i)}}`;
  });
  return `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`;
}
