// Single parcels: the side list of flagged parcels, one parcel's detail (findings joined with
// its park and enterprise names), and finding a parcel by its id. Pure query builders plus
// small readers.

import { type Db, rows } from '../data/db';
import { type Query, sql } from '../data/sql';
import { type ParcelFilter, filteredFindings } from './filters';
import type { FindingsRow } from './land-rules';

export interface ListedParcel {
  pidx: number;
  parcel_id: string;
  county: string;
  park_name: string | null;
  holder: string | null;
  status: string;
  area_m2: number;
  idle_type: string;
  idle_days: number;
  disposal: string;
  exit_reasons: string;
  inefficiency: string;
}

/** Flagged parcels first (longest idle first), then the rest; limited for the side list. */
export function parcelListQuery(f: ParcelFilter, limit: number): Query {
  return sql`
SELECT f.pidx, f.parcel_id, f.county, k.name AS park_name, f.holder, f.status, f.area_m2,
  f.idle_type, CAST(f.idle_days AS INTEGER) AS idle_days, f.disposal, f.exit_reasons, f.inefficiency
FROM ${filteredFindings(f)} f LEFT JOIN parks k ON k.park_id = f.park_id
ORDER BY (f.idle_type <> 'none') DESC, f.idle_days DESC, (f.exit_reasons <> '') DESC, f.pidx
LIMIT ${limit}`;
}

export async function parcelList(db: Db, f: ParcelFilter, limit = 200): Promise<ListedParcel[]> {
  return rows<ListedParcel>(await db.query(parcelListQuery(f, limit)));
}

/** A findings row with the names the detail panel and the hover show. */
export interface ParcelDetail extends FindingsRow {
  park_name: string | null;
  enterprise_name: string | null;
}

export function parcelDetailQuery(pidx: number): Query {
  return sql`
SELECT f.*, k.name AS park_name, e.name AS enterprise_name
FROM parcel_findings f
LEFT JOIN parks k ON k.park_id = f.park_id
LEFT JOIN enterprises e ON e.enterprise_id = f.enterprise_id
WHERE f.pidx = ${pidx}`;
}

export async function parcelDetail(db: Db, pidx: number): Promise<ParcelDetail | null> {
  const r = rows<ParcelDetail>(await db.query(parcelDetailQuery(pidx)));
  return r[0] ?? null;
}

export async function findPidx(db: Db, parcelId: string): Promise<number | null> {
  const r = rows<{ pidx: number }>(await db.query(sql`SELECT pidx FROM parcels WHERE parcel_id = ${parcelId}`));
  return r[0]?.pidx ?? null;
}

export async function parcelCenter(db: Db, parcelId: string): Promise<{ pidx: number; cx: number; cy: number } | null> {
  const r = rows<{ pidx: number; cx: number; cy: number }>(
    await db.query(sql`SELECT pidx, cx, cy FROM parcels WHERE parcel_id = ${parcelId}`),
  );
  return r[0] ?? null;
}
