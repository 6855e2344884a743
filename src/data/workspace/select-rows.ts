// A table with some of its rows, in their order: how an import that skips invalid rows drops
// the rows a late check (a parcel with neither area nor shape) refused, columns and shapes alike.

import { takeRows } from '../arrow-columns';
import { selectFeatures } from './polygons';
import type { TableData } from './tables';

/** The rows `keep` says, in their order (indices into `t`). */
export function selectRows(t: TableData, keep: Int32Array): TableData {
  const out: TableData = {
    count: keep.length,
    columns: Object.fromEntries(Object.entries(t.columns).map(([k, c]) => [k, takeRows(c, keep)])),
  };
  if (t.shapes) out.shapes = selectFeatures(t.shapes, keep);
  if (t.points) {
    const p = t.points;
    out.points = new Float64Array(2 * keep.length);
    keep.forEach((r, i) => out.points!.set(p.subarray(2 * r, 2 * r + 2), 2 * i));
  }
  return out;
}
