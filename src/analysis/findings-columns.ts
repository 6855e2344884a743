// The findings the map colours and hides parcels by, read from `parcel_findings` as typed
// arrays indexed by pidx (the same index as the parcel shapes in data/parcel-shapes.ts), so a
// rule run or a filter change recolours the map without rebuilding any geometry.

import { numericColumn } from '../data/columns';
import type { Db } from '../data/db';
import { sql } from '../data/sql';
import { type ParcelFilter, filterPredicate } from './filters';

/** Disposal category per parcel (see IDLE_CATEGORY), indexed by pidx. */
export async function readCategories(db: Db): Promise<Uint8Array> {
  const t = await db.query(sql`SELECT category FROM parcel_findings ORDER BY pidx`);
  return numericColumn(t, 'category', Uint8Array);
}

/** 1 where the parcel passes the filter, indexed by pidx. */
export async function readFilterMask(db: Db, f: ParcelFilter): Promise<Uint8Array> {
  const t = await db.query(sql`SELECT COALESCE(CAST((${filterPredicate(f)}) AS UTINYINT), 0) AS v FROM parcel_findings ORDER BY pidx`);
  return numericColumn(t, 'v', Uint8Array);
}
