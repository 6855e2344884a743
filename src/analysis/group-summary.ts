// Dashboard figures over the filtered findings: counts and area (亩) per county, per park and
// in total, and idle area by supply year. Pure query builders plus small readers; single
// parcels are looked up in parcel-lookup.ts. They read the narrow findings joined with the
// parcels (filters.ts filteredNarrow): at 1,000,000 parcels, reading the decoded view instead
// took 2–3 times as long.

import { type Db, rows } from '../data/db';
import { type Query, ident, sql } from '../data/sql';
import { type ParcelFilter, filteredNarrow } from './filters';
import { codeSql, decodeSql } from './findings-codes';
import { RULE_PARAMS_TABLE } from './land-rules';
import { DISPOSALS, type Disposal, IDLE_TYPES, muSql } from '../vocab';

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


const DISPOSAL = (d: Disposal) => codeSql(DISPOSALS, d);
const NOT_IDLE = codeSql(IDLE_TYPES, 'none');

// Over the narrow findings (filteredNarrow): codes and masks, no text per row. The fee is the
// land price times the rate the rules ran with (findings_params), as fee_wan in the view.
function groupQuery(keyExpr: Query, nameExpr: Query, join: Query, f: ParcelFilter): Query {
  const isDisposal = (d: Disposal) => sql`f.category = ${DISPOSAL(d)}`;
  return sql`
SELECT ${keyExpr} AS key, ${nameExpr} AS name,
  CAST(count(*) AS INTEGER) AS parcels,
  ${muSql(sql`COALESCE(sum(f.area_m2), 0)`)} AS "areaMu",
  CAST(count(*) FILTER (WHERE f.idle_code <> ${NOT_IDLE}) AS INTEGER) AS idle,
  ${muSql(sql`COALESCE(sum(f.area_m2) FILTER (WHERE f.idle_code <> ${NOT_IDLE}), 0)`)} AS "idleMu",
  CAST(count(*) FILTER (WHERE ${isDisposal('fee')}) AS INTEGER) AS fee,
  CAST(count(*) FILTER (WHERE ${isDisposal('recovery')}) AS INTEGER) AS recovery,
  CAST(count(*) FILTER (WHERE ${isDisposal('negotiate')}) AS INTEGER) AS negotiate,
  ${muSql(sql`COALESCE(sum(f.area_m2) FILTER (WHERE ${isDisposal('fee')}), 0)`)} AS "feeMu",
  ${muSql(sql`COALESCE(sum(f.area_m2) FILTER (WHERE ${isDisposal('recovery')}), 0)`)} AS "recoveryMu",
  ${muSql(sql`COALESCE(sum(f.area_m2) FILTER (WHERE ${isDisposal('negotiate')}), 0)`)} AS "negotiateMu",
  COALESCE(sum(f.land_price_wan * r.fee_rate) FILTER (WHERE ${isDisposal('fee')}), 0) AS "feeWan",
  CAST(count(*) FILTER (WHERE f.exits <> 0) AS INTEGER) AS "exitFlagged",
  CAST(count(*) FILTER (WHERE f.ineff <> 0) AS INTEGER) AS inefficient,
  CAST(count(*) FILTER (WHERE f.missing <> 0) AS INTEGER) AS "missingInputs"
FROM ${filteredNarrow(f)} f CROSS JOIN ${ident(RULE_PARAMS_TABLE)} r ${join}
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
SELECT year, ${decodeSql(sql`category`, DISPOSALS)} AS disposal, parcels, mu FROM (
  SELECT CAST(year(supply_date) AS INTEGER) AS year, category, CAST(count(*) AS INTEGER) AS parcels,
    ${muSql(sql`COALESCE(sum(area_m2), 0)`)} AS mu
  FROM ${filteredNarrow(f)} f
  WHERE idle_code <> ${NOT_IDLE}
  GROUP BY ALL)
ORDER BY year, disposal`;
}

export async function idleBySupplyYear(db: Db, f: ParcelFilter): Promise<YearDisposalRow[]> {
  return rows<YearDisposalRow>(await db.query(idleBySupplyYearQuery(f)));
}
