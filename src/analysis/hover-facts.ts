// The few facts a map tooltip shows, read once per loaded region as columns indexed by pidx,
// so that hovering answers from memory instead of queueing a query behind long jobs. The
// string columns stay Arrow vectors: a value is decoded only when a parcel is hovered, which
// keeps this cheap for a million parcels.

import { numericColumn } from '../data/columns';
import type { Db, ResultVector } from '../data/db';
import { sql } from '../data/sql';

export interface HoverColumns {
  parcelCount: number;
  parcelId: ResultVector;
  parkName: ResultVector;
  holder: ResultVector;
  /** m², NaN when unknown. */
  areaM2: Float64Array;
}

export function hoverColumnsQuery() {
  return sql`
SELECT p.parcel_id, k.name AS park_name, p.holder, COALESCE(p.area_m2, 'NaN'::DOUBLE) AS area_m2
FROM parcels p LEFT JOIN parks k ON k.park_id = p.park_id
ORDER BY p.pidx`;
}

export async function readHoverColumns(db: Db): Promise<HoverColumns> {
  const t = await db.query(hoverColumnsQuery());
  const col = (name: string) => {
    const v = t.getChild(name);
    if (!v) throw new Error(`result has no column ${name}`);
    return v;
  };
  return {
    parcelCount: t.numRows,
    parcelId: col('parcel_id'),
    parkName: col('park_name'),
    holder: col('holder'),
    areaM2: numericColumn(t, 'area_m2', Float64Array),
  };
}
