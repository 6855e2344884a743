// The command-line report's outputs: the findings as GeoJSON for QGIS (written straight from the
// binary shapes, shells and holes, without a detour through DuckDB per feature), the problems
// list beside the report, and writing the whole set of files so that either all of them appear
// or none does.

import { createWriteStream, renameSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { REPORT_QUERY } from '../src/analysis/land-rules';
import type { ReportRow } from '../src/analysis/run-land-rules';
import { REPORT_COLUMNS } from '../src/data/contract';
import { toSpreadsheetCsv } from '../src/data/csv';
import { type Db, rows } from '../src/data/db';
import type { SourceIssue } from '../src/data/formats/raw-table';
import type { PolygonSet } from '../src/data/workspace/polygons';

/** A file to write, or one already written in full to `temp` (a streamed report). */
export type OutputFile = { path: string; content: string | Uint8Array } | { path: string; temp: string };

/**
 * Writes every file to a temporary name next to its target, then renames them all; if any write
 * fails, the temporary files are removed and no target is touched (no half-written set).
 */
export function writeAll(files: readonly OutputFile[], suffix = `${process.pid}.tmp`): void {
  const written: string[] = [];
  try {
    for (const f of files) {
      if ('temp' in f) {
        written.push(f.temp);
        continue;
      }
      const tmp = `${f.path}.${suffix}`;
      written.push(tmp);
      writeFileSync(tmp, f.content);
    }
  } catch (e) {
    for (const tmp of written) rmSync(tmp, { force: true });
    for (const f of files) if ('temp' in f) rmSync(f.temp, { force: true });
    throw e;
  }
  files.forEach((f, k) => renameSync(written[k], f.path));
}

/** Rows per page of the report read back from DuckDB: a few MB of text at a time. */
export const REPORT_PAGE_ROWS = 65536;

/**
 * Writes the per-parcel report to `temp` page by page, so a province's report is never one
 * string: the result is materialised once in DuckDB (in input order) and read back by rowid
 * ranges. Returns the number of rows written; on failure the temporary file is removed.
 */
export async function writeReportCsv(db: Db, temp: string, pageRows = REPORT_PAGE_ROWS): Promise<number> {
  await db.query({ text: `CREATE OR REPLACE TEMP TABLE report_out AS ${REPORT_QUERY.text}`, params: REPORT_QUERY.params });
  const n = rows<{ n: number }>(await db.query('SELECT CAST(count(*) AS INTEGER) AS n FROM report_out'))[0].n;
  const header = toSpreadsheetCsv(REPORT_COLUMNS, []);
  const out = createWriteStream(temp);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined); // awaited below; an error after the last await is not unhandled
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };
  try {
    await write(header);
    for (let start = 0; start < n; start += pageRows) {
      const page = rows<ReportRow>(await db.query(`SELECT * FROM report_out WHERE rowid >= ${start} AND rowid < ${start + pageRows} ORDER BY rowid`));
      await write(toSpreadsheetCsv(REPORT_COLUMNS, page.map((r) => REPORT_COLUMNS.map((c) => r[c]))).slice(header.length));
    }
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } catch (e) {
    out.destroy();
    rmSync(temp, { force: true });
    throw e;
  } finally {
    await db.query('DROP TABLE IF EXISTS report_out');
  }
  return n;
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
