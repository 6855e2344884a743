// Dashboard figures over the filtered findings: counts and area (亩) per county, per park and
// in total, and idle area by supply year. Pure query builders plus small readers; single
// parcels are looked up in parcel-lookup.ts.

import { type Db, rows } from '../data/db';
import { type Query, sql } from '../data/sql';
import { type ParcelFilter, filteredFindings } from './filters';
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
FROM ${filteredFindings(f)} f ${join}
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
FROM ${filteredFindings(f)} f
WHERE idle_type <> 'none'
GROUP BY ALL ORDER BY year, disposal`;
}

export async function idleBySupplyYear(db: Db, f: ParcelFilter): Promise<YearDisposalRow[]> {
  return rows<YearDisposalRow>(await db.query(idleBySupplyYearQuery(f)));
}
