// The few facts a map tooltip shows, read once per loaded region as columns indexed by pidx,
// so that hovering answers from memory instead of queueing a query behind long jobs. Parcel
// ids stay an Arrow vector, decoded only for the parcel hovered; park names and holders repeat
// (a million tiled parcels share a few hundred), so they are read as small lists plus an index
// per parcel, which keeps the read cheap on the 1,000,000-parcel path.

import { numericColumn } from '../data/columns';
import { type Db, type ResultVector, rows } from '../data/db';
import { sql } from '../data/sql';

export interface HoverColumns {
  parcelCount: number;
  parcelId: ResultVector;
  /** Index into `parkNames` per pidx, -1 outside any park. */
  parkIndex: Int32Array;
  parkNames: string[];
  /** Index into `holders` per pidx, -1 when unknown. */
  holderIndex: Int32Array;
  holders: string[];
  /** m², NaN when unknown. */
  areaM2: Float64Array;
}

const PARK_LIST = sql`SELECT park_id, name, CAST(row_number() OVER (ORDER BY park_id) - 1 AS INTEGER) AS i FROM parks`;
const HOLDER_LIST = sql`
SELECT holder, CAST(row_number() OVER (ORDER BY holder) - 1 AS INTEGER) AS i
FROM (SELECT DISTINCT holder FROM parcels WHERE holder IS NOT NULL AND holder <> '')`;

export function hoverColumnsQuery() {
  return sql`
SELECT p.parcel_id, COALESCE(k.i, -1) AS park, COALESCE(h.i, -1) AS holder,
  COALESCE(p.area_m2, 'NaN'::DOUBLE) AS area_m2
FROM parcels p
LEFT JOIN (${PARK_LIST}) k ON k.park_id = p.park_id
LEFT JOIN (${HOLDER_LIST}) h ON h.holder = p.holder
ORDER BY p.pidx`;
}

export async function readHoverColumns(db: Db): Promise<HoverColumns> {
  const t = await db.query(hoverColumnsQuery());
  const parcelId = t.getChild('parcel_id');
  if (!parcelId) throw new Error('result has no column parcel_id');
  const parks = rows<{ name: string | null; i: number }>(await db.query(sql`SELECT name, i FROM (${PARK_LIST}) ORDER BY i`));
  const holders = rows<{ holder: string; i: number }>(await db.query(sql`SELECT holder, i FROM (${HOLDER_LIST}) ORDER BY i`));
  return {
    parcelCount: t.numRows,
    parcelId,
    parkIndex: numericColumn(t, 'park', Int32Array),
    parkNames: parks.map((p) => p.name ?? ''),
    holderIndex: numericColumn(t, 'holder', Int32Array),
    holders: holders.map((h) => h.holder),
    areaM2: numericColumn(t, 'area_m2', Float64Array),
  };
}
