// A RawTable — what every reader under data/formats/ returns (CSV, Excel, Shapefile, 界址点
// TXT, GeoJSON) — seen as the import path's rows by field name, so a new format needs only its
// reader. Field mapping, units and coordinate conversion happen before this point; here the
// headers are the contract's field names and coordinates are longitude/latitude (checked by
// checkGeometry like any other geometry).

import type { Polygon, Position } from 'geojson';
import { type PolygonGeometry, checkGeometry } from '../geometry';
import { type RawGeometry, type RawTable, type SourceIssue, rowCount } from '../formats/raw-table';
import type { ImportIssue } from './issues';
import type { FileRows, Source } from './sources';

/** How a row is named in messages: “第 12 行”, in a workbook “工作表 Sheet1 第 12 行”. */
function rowLabel(sheet: string | undefined, row: number): string {
  return sheet ? `工作表 ${sheet} 第 ${row} 行` : `第 ${row} 行`;
}

function toImportIssue(t: RawTable, i: SourceIssue): ImportIssue {
  const row = i.row === null ? null : rowLabel(i.sheet ?? t.sheet, i.row);
  return { level: i.level, file: i.file, row, field: i.field, message: i.messageZh };
}

/** Row f's polygons from the flat offsets; null when the range is empty (the row has no geometry). */
export function rawGeometryOf(g: RawGeometry, f: number): PolygonGeometry | null {
  const polygons: Position[][][] = [];
  for (let p = g.featureOffsets[f]; p < g.featureOffsets[f + 1]; p++) {
    const rings: Position[][] = [];
    for (let r = g.polygonOffsets[p]; r < g.polygonOffsets[p + 1]; r++) {
      const ring: Position[] = [];
      for (let v = g.ringOffsets[r]; v < g.ringOffsets[r + 1]; v++) ring.push([g.coords[2 * v], g.coords[2 * v + 1]]);
      rings.push(ring);
    }
    polygons.push(rings);
  }
  if (polygons.length === 0) return null;
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0] } satisfies Polygon;
  return { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * The table's rows as sources. The reader's own issues are added to `issues`; null when the
 * reader could not read the file at all (an error not tied to a row).
 */
export function rawTableRows(t: RawTable, issues: ImportIssue[]): FileRows | null {
  for (const i of t.issues) issues.push(toImportIssue(t, i));
  if (t.issues.some((i) => i.level === 'error' && i.row === null)) return null;
  const col = new Map(t.headers.map((h, c) => [h, c]));
  const present = new Set(t.headers);
  if (t.geometry) present.add('geometry');
  const sources: Source[] = [];
  for (let r = 0; r < rowCount(t); r++) {
    sources.push({
      row: rowLabel(t.sheet, t.rowNumbers[r]),
      get: (field) => {
        const c = col.get(field);
        return c === undefined ? undefined : t.columns[c][r];
      },
      geometry: () => {
        const g = t.geometry ? rawGeometryOf(t.geometry, r) : null;
        return g ? checkGeometry(g) : null;
      },
    });
  }
  return { present, sources };
}
