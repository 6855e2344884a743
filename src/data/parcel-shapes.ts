// Parcel geometry for the map, read once per region from `parcel_shapes` and `parcels` as
// flat typed arrays (deck.gl's binary polygon layout), never as one object per parcel. The
// per-parcel arrays the rules and filters produce (analysis/findings-columns.ts) are indexed
// by the same pidx.

import { listColumn, numericColumn } from './columns';
import type { Db } from './db';
import { sql } from './sql';

export interface ParcelShapes {
  /** Number of polygons (outer rings); a multi-part parcel has several. */
  length: number;
  /** Flat [x, y, x, y, …] WGS84 coordinates of all rings. */
  positions: Float64Array;
  /** Start of each ring, in vertices (length + 1 entries). */
  startIndices: Uint32Array;
  /** Parcel index (pidx) of each ring. */
  pidx: Int32Array;
  /** Number of parcels (max pidx + 1). */
  parcelCount: number;
  /** Label point per parcel, interleaved [x, y, …], indexed by pidx (NaN when unknown). */
  centers: Float64Array;
}

export async function readParcelShapes(db: Db): Promise<ParcelShapes> {
  const t = await db.query(sql`SELECT pidx, xy FROM parcel_shapes WHERE xy IS NOT NULL ORDER BY pidx`);
  const { values, starts } = listColumn(t, 'xy');
  for (let i = 0; i < starts.length; i++) starts[i] /= 2;
  const pidx = numericColumn(t, 'pidx', Int32Array);
  const c = await db.query(sql`SELECT COALESCE(cx, 'NaN'::DOUBLE) AS cx, COALESCE(cy, 'NaN'::DOUBLE) AS cy FROM parcels ORDER BY pidx`);
  const cx = numericColumn(c, 'cx', Float64Array);
  const cy = numericColumn(c, 'cy', Float64Array);
  const centers = new Float64Array(cx.length * 2);
  for (let i = 0; i < cx.length; i++) {
    centers[i * 2] = cx[i];
    centers[i * 2 + 1] = cy[i];
  }
  return { length: t.numRows, positions: values, startIndices: starts, pidx, parcelCount: cx.length, centers };
}
