// A whole import, from what the readers returned to a workspace table, as pure functions the
// browser (in a worker) and the command line share: guess the table, propose the mapping and the
// coordinate system, check shapes, convert to WGS84, apply the mapping, join shapes and ledger,
// and report every problem. Nothing here replaces data: the caller commits the result only
// when the user accepts the report.

import { type CrsChoice } from '../crs/choice';
import { toWgs84 } from '../crs/convert';
import { type CityHint } from '../crs/city';
import { type CrsDetection, detectCrs } from '../crs/detect';
import { checkGeometry } from '../formats/geometry-check';
import type { RawCell, RawTable, SourceIssue } from '../formats/raw-table';
import { type MappedTable, applyMapping } from '../mapping/apply';
import type { TableKind } from '../mapping/field-names';
import { joinShapes } from '../mapping/join';
import { type MappingProposal, type TableMapping, proposeMapping } from '../mapping/propose';
import type { TableData } from '../workspace/tables';
import { type PlaceContext, buildTable } from './build-table';
import { type SourceGeometry, geometryFromMapping, sampleCoordinates } from './geometry-source';

const GUESSABLE: readonly TableKind[] = ['parcels', 'parks', 'enterprises', 'chain_nodes', 'chain_links', 'projects', 'factories', 'promotion_groups', 'planning_zones', 'counties'];

/** First rows of each column, for unit hints and the mapping preview. */
export function samplesOf(t: RawTable, rows = 20): Record<string, RawCell[]> {
  const out: Record<string, RawCell[]> = {};
  t.headers.forEach((h, i) => (out[h] = t.columns[i].slice(0, rows)));
  return out;
}

/** Which contract table a file most likely holds: the one whose identifying field maps and whose fields map best. */
export function guessTable(t: RawTable): { table: TableKind; proposal: MappingProposal } {
  const samples = samplesOf(t);
  let best: { table: TableKind; proposal: MappingProposal; score: number } | null = null;
  for (const table of GUESSABLE) {
    const proposal = proposeMapping(table, t.headers, samples, !!t.geometry);
    const mapped = proposal.fields.filter((f) => f.header !== null);
    const idMapped = proposal.fields[0].header !== null;
    // Mostly a count of fields found; the identifying field (first in the contract) weighs most.
    const score = mapped.reduce((a, f) => a + f.score / 100, 0) + (idMapped ? 3 : 0);
    if (!best || score > best.score) best = { table, proposal, score };
  }
  return { table: best!.table, proposal: best!.proposal };
}

/** Coordinate-system candidates for a table's positions under a mapping. */
export function detectTableCrs(t: RawTable, mapping: TableMapping, city?: CityHint): CrsDetection | null {
  const g = geometryFromMapping(t, mapping);
  const sample = sampleCoordinates(g);
  if (sample.length === 0) return null;
  const columnNames =
    mapping.geometry.kind === 'lonlat'
      ? [mapping.geometry.lon, mapping.geometry.lat, t.file]
      : mapping.geometry.kind === 'xy'
        ? [mapping.geometry.x, mapping.geometry.y, t.file]
        : [t.file];
  return detectCrs(sample, { prj: t.crsHint?.prj, city, columnNames });
}

export interface PreparedTable {
  mapped: MappedTable;
  geometry: SourceGeometry;
  issues: SourceIssue[];
}

/**
 * Applies the mapping, checks and converts positions. Rows with a refused cell or a broken
 * shape are errors; with `skipInvalid` they are left out and listed, otherwise nothing is kept.
 */
export function prepareTable(t: RawTable, mapping: TableMapping, crs: CrsChoice | null, skipInvalid = false): { ok: true; table: PreparedTable } | { ok: false; issues: SourceIssue[] } {
  const geometry = geometryFromMapping(t, mapping);
  const issues: SourceIssue[] = [...geometry.issues];
  const invalidRows = new Set<number>();
  const rowIndex = new Map<number, number>();
  t.rowNumbers.forEach((r, i) => rowIndex.set(r, i));
  for (const i of geometry.issues) if (i.level === 'error' && i.row !== null) invalidRows.add(rowIndex.get(i.row)!);
  if (geometry.shapes) {
    const geographic = !crs || crs.kind !== 'gk';
    const check = checkGeometry(geometry.shapes, { file: t.file, geographic, rowNumbers: t.rowNumbers });
    for (const i of check.issues) {
      // A row without a shape is fine where the table does not need one (a ledger row with an area).
      if (i.code === 'geom.empty') continue;
      issues.push(i);
      if (i.level === 'error' && i.row !== null) invalidRows.add(rowIndex.get(i.row)!);
    }
  }
  if (crs && (geometry.shapes || geometry.points)) {
    const coords = geometry.shapes ? geometry.shapes.coords : geometry.points!;
    const converted = toWgs84(coords, crs);
    if (geometry.shapes) geometry.shapes = { ...geometry.shapes, coords: converted };
    else geometry.points = converted;
  }
  const applied = applyMapping({ ...t, issues: [] }, mapping, { skipInvalid, invalidRows });
  if (!applied.ok) return { ok: false, issues: [...t.issues, ...issues, ...applied.issues] };
  if (!skipInvalid && invalidRows.size > 0) return { ok: false, issues: [...t.issues, ...issues, ...applied.table.issues] };
  return { ok: true, table: { mapped: applied.table, geometry, issues: [...t.issues, ...issues, ...applied.table.issues] } };
}

export interface BuiltImport {
  table: TableData;
  issues: SourceIssue[];
  /** Source rows left out (skipInvalid), per file. */
  skipped: { file: string; rows: number[] }[];
}

/** One file → one table. */
export function buildImport(p: PreparedTable, ctx: PlaceContext = {}): BuiltImport {
  const b = buildTable(p.mapped, p.geometry, p.mapped.rawIndex, ctx);
  return { table: b.table, issues: [...p.issues, ...b.issues], skipped: [{ file: p.mapped.file, rows: p.mapped.skippedRows }] };
}

/** Ledger + shapes file → one parcels table, joined on the chosen key fields. */
export function buildJoinedImport(ledger: PreparedTable, shapes: PreparedTable, ctx: PlaceContext = {}, ledgerKey = 'parcel_id', shapesKey = 'parcel_id'): BuiltImport {
  const j = joinShapes(ledger.mapped, shapes.mapped, ledgerKey, shapesKey);
  // Geometry row per output row: the shapes table's raw row of the matched shape.
  const rows = Int32Array.from(j.shapeRow, (r) => (r < 0 ? -1 : shapes.mapped.rawIndex[r]));
  const b = buildTable(j.table, shapes.geometry, rows, ctx);
  return {
    table: b.table,
    issues: [...ledger.issues, ...shapes.issues, ...j.issues, ...b.issues],
    skipped: [
      { file: ledger.mapped.file, rows: ledger.mapped.skippedRows },
      { file: shapes.mapped.file, rows: shapes.mapped.skippedRows },
    ],
  };
}
