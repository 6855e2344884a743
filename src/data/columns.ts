// Reading DuckDB's Arrow results as typed arrays without building one JS object per row.

import type { ResultData, ResultTable } from './db';

function chunks(t: ResultTable, column: string): ResultData[] {
  const v = t.getChild(column);
  if (!v) throw new Error(`result has no column ${column}`);
  return v.data;
}

/** Concatenates a fixed-width numeric column into one typed array of the given kind. */
export function numericColumn<A extends Float64Array | Int32Array | Uint8Array | Uint32Array>(
  t: ResultTable,
  column: string,
  Kind: { new (n: number): A },
): A {
  const out = new Kind(t.numRows);
  let at = 0;
  for (const d of chunks(t, column)) {
    out.set(d.values.length === d.length ? (d.values as unknown as A) : ((d.values as unknown as A).subarray(0, d.length) as A), at);
    at += d.length;
  }
  return out;
}

/**
 * A LIST<DOUBLE> column as one flat Float64Array plus row start offsets (in values), i.e.
 * exactly the layout deck.gl's binary polygons want.
 */
export function listColumn(t: ResultTable, column: string): { values: Float64Array; starts: Uint32Array } {
  const parts = chunks(t, column);
  let total = 0;
  for (const d of parts) {
    if (d.length === 0) continue;
    const o = d.valueOffsets!;
    total += o[d.length] - o[0];
  }
  const values = new Float64Array(total);
  const starts = new Uint32Array(t.numRows + 1);
  let row = 0;
  let at = 0;
  for (const d of parts) {
    // An empty batch (a data set without any shape, e.g. parcels located by points) has no child.
    if (d.length === 0) continue;
    const o = d.valueOffsets!;
    const child = d.children[0].values as unknown as Float64Array;
    values.set(child.subarray(o[0], o[d.length]), at);
    for (let i = 0; i < d.length; i++) starts[row++] = at + (o[i] - o[0]);
    at += o[d.length] - o[0];
  }
  starts[row] = at;
  return { values, starts };
}
