// Parcel shapes and parcel attributes usually come from different offices: the shapes from the
// land registry GIS (Shapefile/GeoJSON), the attributes from the supervision ledger (Excel). They
// are joined by 宗地编号 or 电子监管号, the key the user picks. Parcels found on one side only are
// listed, never dropped without a word: a ledger row without a shape still counts (its area
// comes from the ledger), a shape without a ledger row is left out and reported.

import type { SourceIssue } from '../formats/raw-table';
import { toHalfWidth } from '../formats/cell-parse';
import { takeRows } from '../arrow-columns';
import type { ContractColumn, MappedTable } from './apply';

/** Keys compare after trimming, full-width → half-width and upper-casing (“nj-001” = “ＮＪ－００１”). */
export function joinKey(v: string): string {
  return toHalfWidth(v).trim().toUpperCase();
}

export interface JoinResult {
  /** Ledger rows, with fields only the shapes file has filled in from it. */
  table: MappedTable;
  /** For each row of `table`, the row of the shapes table whose geometry it takes; -1 when none. */
  shapeRow: Int32Array;
  /** Ledger keys with no shape (source row numbers of the ledger). */
  ledgerOnly: { key: string; row: number }[];
  /** Shape keys with no ledger row (source feature numbers of the shapes file). */
  shapesOnly: { key: string; row: number }[];
  issues: SourceIssue[];
}

function keysOf(t: MappedTable, field: string): (string | null)[] {
  const c = t.columns[field];
  if (!c) return new Array(t.count).fill(null);
  if (c.type === 'string') return c.values;
  return Array.from({ length: t.count }, (_, i) => {
    const v = c.values[i];
    return Number.isNaN(v) ? null : String(v);
  });
}

/**
 * Joins `ledger` to `shapes` on `ledgerKey` = `shapesKey` (contract field names, usually
 * `parcel_id` on both sides). Duplicated keys on the shapes side are errors: a key must name one shape.
 */
export function joinShapes(ledger: MappedTable, shapes: MappedTable, ledgerKey = 'parcel_id', shapesKey = 'parcel_id'): JoinResult {
  const issues: SourceIssue[] = [];
  const shapeIndex = new Map<string, number>();
  const sKeys = keysOf(shapes, shapesKey);
  sKeys.forEach((k, r) => {
    if (k === null) return;
    const key = joinKey(k);
    if (shapeIndex.has(key)) {
      issues.push({
        level: 'error',
        file: shapes.file,
        row: shapes.sourceRows[r],
        field: shapesKey,
        code: 'join.duplicate_shape',
        messageZh: `图形文件中编号 “${k}” 出现多次，无法确定对应哪个图形`,
        messageEn: `key "${k}" appears more than once in the shapes file`,
      });
    } else shapeIndex.set(key, r);
  });
  const lKeys = keysOf(ledger, ledgerKey);
  const shapeRow = new Int32Array(ledger.count).fill(-1);
  const used = new Uint8Array(shapes.count);
  const ledgerOnly: JoinResult['ledgerOnly'] = [];
  lKeys.forEach((k, i) => {
    const r = k === null ? undefined : shapeIndex.get(joinKey(k));
    if (r === undefined) ledgerOnly.push({ key: k ?? '', row: ledger.sourceRows[i] });
    else {
      shapeRow[i] = r;
      used[r] = 1;
    }
  });
  const shapesOnly = sKeys.flatMap((k, r) => (used[r] || k === null ? [] : [{ key: k, row: shapes.sourceRows[r] }]));
  for (const x of ledgerOnly) {
    issues.push({
      level: 'warning',
      file: ledger.file,
      row: x.row,
      field: ledgerKey,
      code: 'join.no_shape',
      messageZh: `台账中的 “${x.key}” 在图形文件中没有对应图形：在地图上不显示，统计仍计入`,
      messageEn: `"${x.key}" in the ledger has no shape in the shapes file: counted, but not drawn`,
    });
  }
  for (const x of shapesOnly) {
    issues.push({
      level: 'warning',
      file: shapes.file,
      row: x.row,
      field: shapesKey,
      code: 'join.no_ledger',
      messageZh: `图形 “${x.key}” 在台账中没有对应记录：未导入`,
      messageEn: `shape "${x.key}" has no row in the ledger: not imported`,
    });
  }
  // Fields only the shapes file carries (often the measured area) fill in the ledger's gaps.
  const columns = { ...ledger.columns };
  for (const [field, col] of Object.entries(shapes.columns)) {
    if (!(field in columns)) columns[field] = takeRows(col, shapeRow) as ContractColumn;
  }
  return { table: { ...ledger, columns, issues: [...ledger.issues, ...issues] }, shapeRow, ledgerOnly, shapesOnly, issues };
}
