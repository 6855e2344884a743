// Single parcels: the side list of flagged parcels, one parcel's detail (findings joined with
// its park and enterprise names), and finding a parcel by its id. Pure query builders plus
// small readers.

import { type Db, rows } from '../data/db';
import { type Query, sql } from '../data/sql';
import { type ParcelFilter, filteredNarrow } from './filters';
import { codeSql, decodeSql, maskTextSql } from './findings-codes';
import type { FindingsRow } from './land-rules';
import { DISPOSALS, EXIT_CODES, IDLE_TYPES, INEFFICIENCY_CODES } from '../vocab';

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

/**
 * Flagged parcels first (longest idle first), then the rest; limited for the side list. The
 * order is taken on the narrow codes and only the rows listed have their findings decoded.
 */
export function parcelListQuery(f: ParcelFilter, limit: number): Query {
  const order = sql`(idle_code <> ${codeSql(IDLE_TYPES, 'none')}) DESC, idle_days DESC, (exits <> 0) DESC, pidx`;
  return sql`
SELECT t.pidx, t.parcel_id, t.county, k.name AS park_name, t.holder, t.status, t.area_m2,
  ${decodeSql(sql`t.idle_code`, IDLE_TYPES)} AS idle_type, t.idle_days,
  ${decodeSql(sql`t.category`, DISPOSALS)} AS disposal,
  ${maskTextSql(sql`t.exits`, EXIT_CODES)} AS exit_reasons,
  ${maskTextSql(sql`t.ineff`, INEFFICIENCY_CODES)} AS inefficiency
FROM (
  SELECT pidx, parcel_id, county, park_id, holder, status, area_m2, idle_code, idle_days, category, exits, ineff
  FROM ${filteredNarrow(f)} f ORDER BY ${order} LIMIT ${limit}
) t LEFT JOIN parks k ON k.park_id = t.park_id
ORDER BY ${order}`;
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
