// The counties of the parcels a project may be linked to: a parcel must exist in the data and
// lie in the county hosting the project (state/pipeline.ts linkParcel).

import type { Db } from '../data/db';
import { inList, sql } from '../data/sql';

/** parcel_id → county for the ids that exist in `parcels` (absent ids are simply not in the map). */
export async function parcelCounties(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const t = await db.query(sql`SELECT parcel_id, county FROM parcels WHERE ${inList('parcel_id', ids)}`);
  const out = new Map<string, string>();
  const id = t.getChild('parcel_id');
  const county = t.getChild('county');
  for (let i = 0; i < t.numRows; i++) out.set(String(id?.get(i)), String(county?.get(i) ?? ''));
  return out;
}
