// A file's rows checked against the contract: every contract column present, every cell
// readable as its field's type (cells.ts), required fields filled, ids unique. The parcel and
// the other contract-table importers both start here, so a file is judged the same way
// whatever table it feeds.

import type { FieldSpec } from '../contract';
import type { RawTable } from '../formats/raw-table';
import { GeometryError, type PolygonGeometry } from '../geometry';
import { type Cell, readCell } from './cells';
import type { ImportIssue } from './issues';
import { rawTableRows } from './raw-table-rows';
import { type RowSource, type Source, readSources } from './sources';

export interface NormalisedTable {
  fields: readonly FieldSpec[];
  rows: Cell[][];
  /** Index of each kept row in the source. */
  sourceIndex: number[];
}

/**
 * Normalises rows against field specs. `present` lists the columns the file has; a contract
 * column the file lacks entirely is one file-level error (not one per row).
 */
export function normaliseRows(
  file: string,
  fields: readonly FieldSpec[],
  present: ReadonlySet<string>,
  sources: Iterable<RowSource>,
  issues: ImportIssue[],
  idField?: string,
): NormalisedTable {
  const missing = fields.filter((f) => !present.has(f.name));
  for (const f of missing) {
    issues.push({ level: 'error', file, row: null, field: f.name, message: `缺少列 ${f.name}（${f.label}）` });
  }
  const rows: Cell[][] = [];
  const sourceIndex: number[] = [];
  const seen = new Map<string, string>();
  let index = 0;
  if (missing.length > 0) return { fields, rows, sourceIndex };
  for (const src of sources) {
    const row: Cell[] = [];
    let ok = true;
    for (const spec of fields) {
      const r = readCell(spec, src.get(spec.name));
      if ('error' in r) {
        issues.push({ level: 'error', file, row: src.row, field: spec.name, message: r.error });
        ok = false;
        row.push(null);
        continue;
      }
      if (r.value === null && spec.required) {
        issues.push({ level: 'error', file, row: src.row, field: spec.name, message: `${spec.label}不能为空` });
        ok = false;
      }
      row.push(r.value);
    }
    if (idField) {
      const id = row[fields.findIndex((f) => f.name === idField)];
      if (typeof id === 'string') {
        const prev = seen.get(id);
        if (prev) {
          issues.push({ level: 'error', file, row: src.row, field: idField, message: `编号 “${id}” 与${prev}重复` });
          ok = false;
        } else seen.set(id, src.row);
      }
    }
    if (ok) {
      rows.push(row);
      sourceIndex.push(index);
    }
    index++;
  }
  return { fields, rows, sourceIndex };
}

export interface ContractRows {
  /** Rows that passed, contract fields in `fields` order. */
  rows: Cell[][];
  /** The source of each passed row (for its geometry and row reference). */
  sources: Source[];
}

/** A file as given: its text (GeoJSON or CSV, see sources.ts) or a table a format reader produced. */
export type ImportInput = string | RawTable;

/**
 * Reads a file and checks its rows against `fields`, adding every problem to `issues`. Null
 * when the file cannot be read at all, or when `nonEmpty` is set and it has no record.
 */
export function readContractRows(
  file: string,
  input: ImportInput,
  fields: readonly FieldSpec[],
  issues: ImportIssue[],
  options: { idField?: string; nonEmpty?: boolean } = {},
): ContractRows | null {
  const parsed = typeof input === 'string' ? readSources(file, input, issues) : rawTableRows(input, issues);
  if (!parsed) return null;
  if (options.nonEmpty && parsed.sources.length === 0) {
    issues.push({ level: 'error', file, row: null, field: null, message: '文件中没有记录' });
    return null;
  }
  const table = normaliseRows(file, fields, parsed.present, parsed.sources, issues, options.idField);
  return { rows: table.rows, sources: table.sourceIndex.map((i) => parsed.sources[i]) };
}

/**
 * A row's polygon geometry, null when the row has none. An unreadable geometry is reported
 * against the row's `geometry` field and gives undefined.
 */
export function rowGeometry(file: string, src: Source, issues: ImportIssue[]): PolygonGeometry | null | undefined {
  try {
    return src.geometry();
  } catch (e) {
    if (!(e instanceof GeometryError)) throw e;
    issues.push({ level: 'error', file, row: src.row, field: 'geometry', message: e.message });
    return undefined;
  }
}
