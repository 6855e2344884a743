// Dashboard figures over the findings: counts and area (亩) per county and per park, the
// flagged-parcel list and one parcel's detail. Pure query builders plus small readers.

import { type Db, rows } from '../data/db';
import { type Query, sql } from '../data/sql';
import { type ParcelFilter, filterPredicate } from './filters';
import type { FindingsRow } from './land-rules';
import { muSql } from '../vocab';

export interface GroupSummary {
  key: string;
  name: string;
  parcels: number;
  areaMu: number;
  idle: number;
  idleMu: number;
  fee: number;
  recovery: number;
  negotiate: number;
  feeMu: number;
  recoveryMu: number;
  negotiateMu: number;
  feeWan: number;
  exitFlagged: number;
  inefficient: number;
  missingInputs: number;
}


/** The filter applies to findings before any join, so its column names stay unambiguous. */
function filtered(f: ParcelFilter): Query {
  return sql`(SELECT * FROM parcel_findings WHERE ${filterPredicate(f)})`;
}

function groupQuery(keyExpr: Query, nameExpr: Query, join: Query, f: ParcelFilter): Query {
  return sql`
SELECT ${keyExpr} AS key, ${nameExpr} AS name,
  CAST(count(*) AS INTEGER) AS parcels,
  ${muSql(sql`COALESCE(sum(f.area_m2), 0)`)} AS "areaMu",
  CAST(count(*) FILTER (WHERE f.idle_type <> 'none') AS INTEGER) AS idle,
  ${muSql(sql`COALESCE(sum(f.area_m2) FILTER (WHERE f.idle_type <> 'none'), 0)`)} AS "idleMu",
  CAST(count(*) FILTER (WHERE f.disposal = 'fee') AS INTEGER) AS fee,
  CAST(count(*) FILTER (WHERE f.disposal = 'recovery') AS INTEGER) AS recovery,
  CAST(count(*) FILTER (WHERE f.disposal = 'negotiate') AS INTEGER) AS negotiate,
  ${muSql(sql`COALESCE(sum(f.area_m2) FILTER (WHERE f.disposal = 'fee'), 0)`)} AS "feeMu",
  ${muSql(sql`COALESCE(sum(f.area_m2) FILTER (WHERE f.disposal = 'recovery'), 0)`)} AS "recoveryMu",
  ${muSql(sql`COALESCE(sum(f.area_m2) FILTER (WHERE f.disposal = 'negotiate'), 0)`)} AS "negotiateMu",
  COALESCE(sum(f.fee_wan), 0) AS "feeWan",
  CAST(count(*) FILTER (WHERE f.exit_reasons <> '') AS INTEGER) AS "exitFlagged",
  CAST(count(*) FILTER (WHERE f.inefficiency <> '') AS INTEGER) AS inefficient,
  CAST(count(*) FILTER (WHERE f.missing_inputs <> '') AS INTEGER) AS "missingInputs"
FROM ${filtered(f)} f ${join}
GROUP BY ALL
ORDER BY "idleMu" DESC, key`;
}

export function countySummaryQuery(f: ParcelFilter): Query {
  return groupQuery(sql`f.county`, sql`f.county`, sql``, f);
}

export function parkSummaryQuery(f: ParcelFilter): Query {
  return groupQuery(
    sql`COALESCE(f.park_id, '')`,
    sql`COALESCE(k.name, '')`,
    sql`LEFT JOIN parks k ON k.park_id = f.park_id`,
    f,
  );
}

export function totalsQuery(f: ParcelFilter): Query {
  return groupQuery(sql`'all'`, sql`'all'`, sql``, f);
}

export async function groupSummaries(db: Db, q: Query): Promise<GroupSummary[]> {
  return rows<GroupSummary>(await db.query(q));
}

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
FROM ${filtered(f)} f LEFT JOIN parks k ON k.park_id = f.park_id
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

export interface YearDisposalRow {
  year: number | null;
  disposal: string;
  parcels: number;
  mu: number;
}

/** Idle area by supply year and disposal: when was the land that now lies idle handed out? */
export function idleBySupplyYearQuery(f: ParcelFilter): Query {
  return sql`
SELECT CAST(year(supply_date) AS INTEGER) AS year, disposal, CAST(count(*) AS INTEGER) AS parcels,
  ${muSql(sql`COALESCE(sum(area_m2), 0)`)} AS mu
FROM ${filtered(f)} f
WHERE idle_type <> 'none'
GROUP BY ALL ORDER BY year, disposal`;
}

export async function idleBySupplyYear(db: Db, f: ParcelFilter): Promise<YearDisposalRow[]> {
  return rows<YearDisposalRow>(await db.query(idleBySupplyYearQuery(f)));
}
