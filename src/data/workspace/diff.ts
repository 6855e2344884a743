// What a newer ledger changes (monthly update): parcels added, removed and changed, with the
// fields that changed, compared by id. Tracking records follow parcel ids, so a re-import keeps
// them attached; a removed parcel's records stay in the workspace and are listed.

import type { TypedColumn } from '../arrow-columns';
import type { TableData } from './tables';

export interface TableDiff {
  added: string[];
  removed: string[];
  changed: { id: string; fields: string[] }[];
  unchanged: number;
}

function ids(t: TableData, idField: string): (string | null)[] {
  const c = t.columns[idField];
  return c && c.type === 'string' ? c.values.slice() : new Array(t.count).fill(null);
}

function same(a: TypedColumn | undefined, i: number, b: TypedColumn | undefined, j: number): boolean {
  const va = a ? a.values[i] : null;
  const vb = b ? b.values[j] : null;
  const empty = (v: unknown) => v === null || v === undefined || (typeof v === 'number' && (Number.isNaN(v) || v === -2147483648 || v === 255));
  if (empty(va) && (empty(vb) || !b)) return true;
  if (empty(vb) && !a) return true;
  if (a && b && a.type !== b.type) return false;
  return va === vb;
}

function shapeKey(t: TableData, i: number): string {
  const g = t.shapes;
  if (!g) return '';
  const p0 = g.featureOffsets[i];
  const p1 = g.featureOffsets[i + 1];
  if (p0 === p1) return '';
  const v0 = g.ringOffsets[g.polygonOffsets[p0]];
  const v1 = g.ringOffsets[g.polygonOffsets[p1]];
  return Array.from(g.coords.subarray(2 * v0, 2 * v1), (v) => v.toFixed(7)).join(',');
}

export function diffTables(before: TableData, after: TableData, idField = 'parcel_id'): TableDiff {
  const a = ids(before, idField);
  const b = ids(after, idField);
  const at = new Map<string, number>();
  a.forEach((id, i) => id !== null && at.set(id, i));
  const fields = [...new Set([...Object.keys(before.columns), ...Object.keys(after.columns)])].filter((f) => f !== idField).sort();
  const out: TableDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  const seen = new Set<string>();
  b.forEach((id, j) => {
    if (id === null) return;
    seen.add(id);
    const i = at.get(id);
    if (i === undefined) {
      out.added.push(id);
      return;
    }
    const changed = fields.filter((f) => !same(before.columns[f], i, after.columns[f], j));
    if (shapeKey(before, i) !== shapeKey(after, j)) changed.push('geometry');
    if (changed.length > 0) out.changed.push({ id, fields: changed });
    else out.unchanged++;
  });
  for (const id of a) if (id !== null && !seen.has(id)) out.removed.push(id);
  return out;
}
