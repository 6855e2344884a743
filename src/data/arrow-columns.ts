// Contract columns (typed arrays with empty markers) as an Arrow IPC stream, the one bulk path
// into DuckDB-WASM that needs no text: numbers, dates and booleans travel as their bytes, and
// empties become Arrow nulls through a validity bitmap. Used for imports and the demo alike.

import { Bool, DateDay, Float64, Int32, Table, Utf8, makeData, makeVector, tableToIPC, vectorFromArray } from 'apache-arrow';
import type { Vector } from 'apache-arrow';

export const NULL_DAY = -2147483648;
export const NULL_BOOL = 255;

/** A column in the app's typed form. Empty: NaN, NULL_DAY, NULL_BOOL or null. */
export type TypedColumn =
  | { type: 'string'; values: readonly (string | null)[] }
  | { type: 'number'; values: Float64Array }
  | { type: 'integer'; values: Int32Array }
  | { type: 'date'; values: Int32Array }
  | { type: 'boolean'; values: Uint8Array };

/** Validity bitmap (bit set = value present), LSB first as Arrow wants; null when nothing is empty. */
export function validity(n: number, isNull: (i: number) => boolean): { bitmap: Uint8Array | undefined; nullCount: number } {
  const bitmap = new Uint8Array((n + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    if (isNull(i)) nullCount++;
    else bitmap[i >> 3] |= 1 << (i & 7);
  }
  return { bitmap: nullCount === 0 ? undefined : bitmap, nullCount };
}

export function toArrowVector(col: TypedColumn): Vector {
  const v = col.values;
  const n = v.length;
  switch (col.type) {
    case 'string':
      return vectorFromArray(col.values as (string | null)[], new Utf8());
    case 'number': {
      const { bitmap, nullCount } = validity(n, (i) => Number.isNaN(col.values[i]));
      return makeVector(makeData({ type: new Float64(), length: n, nullCount, nullBitmap: bitmap, data: col.values }));
    }
    case 'integer':
      return makeVector(makeData({ type: new Int32(), length: n, nullCount: 0, data: col.values }));
    case 'date': {
      const { bitmap, nullCount } = validity(n, (i) => col.values[i] === NULL_DAY);
      return makeVector(makeData({ type: new DateDay(), length: n, nullCount, nullBitmap: bitmap, data: col.values }));
    }
    case 'boolean': {
      const { bitmap, nullCount } = validity(n, (i) => col.values[i] === NULL_BOOL);
      const bits = new Uint8Array((n + 7) >> 3);
      for (let i = 0; i < n; i++) if (col.values[i] === 1) bits[i >> 3] |= 1 << (i & 7);
      return makeVector(makeData({ type: new Bool(), length: n, nullCount, nullBitmap: bitmap, data: bits }));
    }
  }
}

/** Columns (all of one length) as an Arrow IPC stream, in the given order. */
export function columnsToIpc(columns: Readonly<Record<string, TypedColumn>>): Uint8Array {
  // Arrow pads short columns with nulls without a word; a length mismatch is a bug upstream.
  const lengths = new Set(Object.values(columns).map((c) => c.values.length));
  if (lengths.size > 1) throw new Error(`columns differ in length: ${[...lengths].join(', ')}`);
  const vectors: Record<string, Vector> = {};
  for (const [name, col] of Object.entries(columns)) vectors[name] = toArrowVector(col);
  return tableToIPC(new Table(vectors), 'stream');
}

/** The values at `rows` (indices into `col`), in that order; -1 gives the column type's empty value. */
export function takeRows(col: TypedColumn, rows: Int32Array): TypedColumn {
  switch (col.type) {
    case 'string':
      return { type: 'string', values: Array.from(rows, (r) => (r < 0 ? null : col.values[r])) };
    case 'number':
      return { type: 'number', values: Float64Array.from(rows, (r) => (r < 0 ? Number.NaN : col.values[r])) };
    case 'integer':
      return { type: 'integer', values: Int32Array.from(rows, (r) => (r < 0 ? 0 : col.values[r])) };
    case 'date':
      return { type: 'date', values: Int32Array.from(rows, (r) => (r < 0 ? NULL_DAY : col.values[r])) };
    case 'boolean':
      return { type: 'boolean', values: Uint8Array.from(rows, (r) => (r < 0 ? NULL_BOOL : col.values[r])) };
  }
}
