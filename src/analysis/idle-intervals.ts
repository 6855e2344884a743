// Idle land over time: instead of re-running the land rules at every date of the time bar, one
// SQL pass derives, per parcel, the dates between which the rules of land-rules.ts find it idle,
// and the map is coloured at any date from those dates alone (a loop over typed arrays).
//
// The derivation follows narrowFindingsQuery with as_of = d (data contract v2, as-of rules):
// - an event dated after d (actual_start_date, halted_since) has not happened yet, and a parcel
//   supplied after d has no findings: every interval starts no earlier than supply_date;
// - not started (第二条): idle from agreed_start_date + idleYears until actual_start_date (the
//   day it starts it is no longer "not started"), open-ended when it never started;
// - stalled (第二条): idle from halted_since + idleYears (and not before the start, the halt
//   and the supply) for good, when the undated ratios (developed < 1/3 or invested < 25 %)
//   hold; the recorded halt date is a fact the data keeps, so nothing ends it;
// - disposal (第八条, 第十四条): negotiated when the government delayed; else recovery from
//   the clock's start + recoveryYears, else the fee.
// The year arithmetic is DuckDB's `date + INTERVAL n YEAR`, the same the rules' lastStartSql
// inverts, so 2020-02-29 + 1 year = 2021-02-28 in both. tests/unit/idle-intervals.test.ts
// runs the real rules at many dates and compares parcel by parcel.

import { numericColumn } from '../data/columns';
import type { Db } from '../data/db';
import { type Query, ident, sql } from '../data/sql';
import { DISPOSALS, codeOf } from '../vocab';
import type { RuleSettings } from './settings';

/** The table the time bar reads: one row of day numbers per parcel (see idleIntervalsQuery). */
export const IDLE_INTERVALS_TABLE = 'idle_intervals';

/** A day number (days since 1970-01-01) later than any date: "never" / "not ended". */
export const NEVER = 2147483647;

/** Days since 1970-01-01 of an ISO date (UTC, so no time zone shifts a day). */
export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);
}

/** The ISO date of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

/** `d` as a day number, NULL → NEVER. */
function daySql(d: Query): Query {
  return sql`COALESCE(CAST(date_diff('day', DATE '1970-01-01', ${d}) AS INTEGER), ${NEVER})`;
}

/** The later of a date and the supply date (a parcel has no findings before it is supplied). */
function notBeforeSupply(d: Query): Query {
  return sql`CASE WHEN supply_date > ${d} THEN supply_date ELSE ${d} END`;
}

/**
 * SELECT of one row per parcel: pidx, county, area_m2 and, as day numbers (NEVER for none):
 * ns_from / ns_to (idle as not started on ns_from ≤ d < ns_to), ns_rec (recovery line of that
 * period), st_from (idle as stalled from st_from on), st_rec, and gov (1: negotiated disposal).
 */
export function idleIntervalsQuery(s: RuleSettings, table = 'parcels'): Query {
  const idleIv = sql`to_years(CAST(${s.idleYears} AS INTEGER))`;
  const recIv = sql`to_years(CAST(${s.recoveryYears} AS INTEGER))`;
  // The same ratio tests as the rules (parcelRatiosSql): NULL ratios never fire.
  const stalledRatios = sql`(developed_area_m2 / NULLIF(area_m2, 0) < CAST(${s.stalledDevelopedRatio} AS DOUBLE)
    OR actual_investment_wan / NULLIF(agreed_investment_wan, 0) < CAST(${s.stalledInvestmentRatio} AS DOUBLE))`;
  // Start, halt and the one-year line, whichever comes last.
  const stalledFrom = sql`greatest(actual_start_date, halted_since, CAST(halted_since + ${idleIv} AS DATE))`;
  return sql`SELECT pidx, county, area_m2,
    ${daySql(sql`CASE WHEN agreed_start_date IS NOT NULL THEN ${notBeforeSupply(sql`CAST(agreed_start_date + ${idleIv} AS DATE)`)} END`)} AS ns_from,
    ${daySql(sql`actual_start_date`)} AS ns_to,
    ${daySql(sql`CAST(agreed_start_date + ${recIv} AS DATE)`)} AS ns_rec,
    ${daySql(sql`CASE WHEN actual_start_date IS NOT NULL AND halted_since IS NOT NULL AND ${stalledRatios}
      THEN ${notBeforeSupply(stalledFrom)} END`)} AS st_from,
    ${daySql(sql`CAST(halted_since + ${recIv} AS DATE)`)} AS st_rec,
    CAST(COALESCE(government_delay, FALSE) AS UTINYINT) AS gov
  FROM ${ident(table)}`;
}

/** Creates (or replaces) the idle_intervals table from the parcels and the settings. */
export function createIntervalsStatement(s: RuleSettings, table = 'parcels'): Query {
  return sql`CREATE OR REPLACE TABLE ${ident(IDLE_INTERVALS_TABLE)} AS ${idleIntervalsQuery(s, table)}`;
}

/** The intervals as typed arrays indexed by pidx. */
export interface IdleIntervals {
  nsFrom: Int32Array;
  nsTo: Int32Array;
  nsRec: Int32Array;
  stFrom: Int32Array;
  stRec: Int32Array;
  gov: Uint8Array;
}

export async function readIntervals(db: Db): Promise<IdleIntervals> {
  const t = await db.query(sql`SELECT pidx, ns_from, ns_to, ns_rec, st_from, st_rec, gov FROM ${ident(IDLE_INTERVALS_TABLE)}`);
  const pidx = numericColumn(t, 'pidx', Int32Array);
  const n = pidx.length;
  const place = <A extends Int32Array | Uint8Array>(name: string, Kind: { new (n: number): A }): A => {
    const v = numericColumn(t, name, Kind);
    const out = new Kind(n);
    for (let i = 0; i < n; i++) {
      const at = pidx[i];
      if (!(at >= 0 && at < n)) throw new Error(`${IDLE_INTERVALS_TABLE}: pidx ${at} outside 0…${n - 1}`);
      out[at] = v[i];
    }
    return out;
  };
  return {
    nsFrom: place('ns_from', Int32Array),
    nsTo: place('ns_to', Int32Array),
    nsRec: place('ns_rec', Int32Array),
    stFrom: place('st_from', Int32Array),
    stRec: place('st_rec', Int32Array),
    gov: place('gov', Uint8Array),
  };
}

const NONE = codeOf(DISPOSALS, 'none');
const FEE = codeOf(DISPOSALS, 'fee');
const RECOVERY = codeOf(DISPOSALS, 'recovery');
const NEGOTIATE = codeOf(DISPOSALS, 'negotiate');

/**
 * The map category (the disposal code, as IDLE_CATEGORY) of every parcel at day `day`, written
 * into `out` (reused between steps so a step allocates nothing).
 */
export function categoriesAt(iv: IdleIntervals, day: number, out = new Uint8Array(iv.nsFrom.length)): Uint8Array {
  const { nsFrom, nsTo, nsRec, stFrom, stRec, gov } = iv;
  for (let p = 0; p < out.length; p++) {
    let rec: number;
    if (nsFrom[p] <= day && day < nsTo[p]) rec = nsRec[p];
    else if (stFrom[p] <= day) rec = stRec[p];
    else {
      out[p] = NONE;
      continue;
    }
    out[p] = gov[p] ? NEGOTIATE : day >= rec ? RECOVERY : FEE;
  }
  return out;
}
