// The time bar's dates and its chart: idle area and 盘活 area per period per county.
//
// - Dates: quarter ends (03-31, 06-30, 09-30, 12-31) from the first quarter of the earliest
//   agreed start or supply year in the data up to the view's as-of date, which is the last stop
//   (so the bar's end shows what the rest of the app shows).
// - Idle area at a date: the parcels the land rules find idle at that date (idle-intervals.ts),
//   summed per county. A stock: what stands idle on that day.
// - 盘活 area of a period (previous stop, this stop]: parcels whose first tracking record at a
//   closing stage (TRACKING_DONE_STAGES: 已收回, 已盘活) is dated in it, counted once per parcel
//   (a case recovered and later re-let is one piece of land brought back into use). The first
//   period takes every earlier record. Tracked parcels missing from `parcels` have no area and
//   are left out. The land rules do not read tracking, so 盘活 land the data still shows as not
//   started stays idle on the map: the two series are kept apart, not netted.
// Areas are summed in m² here and converted to 亩 (vocab/units.ts) by the caller.

import { type Db, rows } from '../data/db';
import { type Query, ident, join, sql } from '../data/sql';
import { TRACKING_DONE_STAGES } from '../vocab';
import { IDLE_INTERVALS_TABLE, dayOf } from './idle-intervals';
import { ENSURE_TRACKING_TABLE } from './tracking-summary';

const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'] as const;

/** Quarter ends from `firstYear`'s first quarter to `asOf`, then `asOf` itself when it is not one. */
export function timelineDates(firstYear: number, asOf: string): string[] {
  const out: string[] = [];
  const lastYear = Number(asOf.slice(0, 4));
  for (let y = Math.min(firstYear, lastYear); y <= lastYear; y++) {
    for (const q of QUARTER_ENDS) {
      const d = `${y}-${q}`;
      if (d <= asOf) out.push(d);
    }
  }
  if (out[out.length - 1] !== asOf) out.push(asOf);
  return out;
}

/** The earliest year of an agreed start or a supply in `parcels`, or null when none is dated. */
export async function firstDataYear(db: Db, table = 'parcels'): Promise<number | null> {
  const [r] = rows<{ y: number | null }>(
    await db.query(sql`SELECT CAST(year(least(min(agreed_start_date), min(supply_date))) AS INTEGER) AS y FROM ${ident(table)}`),
  );
  return r?.y ?? null;
}

/** `(VALUES (i, day), …) d(i, day)`: the stops as day numbers, numbered from 0. */
function stopsSql(dates: readonly string[]): Query {
  return sql`(VALUES ${join(
    dates.map((d, i) => sql`(CAST(${i} AS INTEGER), CAST(${dayOf(d)} AS INTEGER))`),
    ', ',
  )}) d(i, day)`;
}

/** Rows (i, county, m2): area idle at stop i per county (only non-zero rows). */
export function idleSeriesQuery(dates: readonly string[]): Query {
  return sql`SELECT d.i, v.county, sum(v.area_m2) AS m2
  FROM ${ident(IDLE_INTERVALS_TABLE)} v JOIN ${stopsSql(dates)}
    ON (v.ns_from <= d.day AND d.day < v.ns_to) OR v.st_from <= d.day
  WHERE v.area_m2 IS NOT NULL
  GROUP BY d.i, v.county`;
}

/** Rows (i, county, m2): 盘活 area per period per county (see the header for the period rule). */
export function revitalisedSeriesQuery(dates: readonly string[]): Query {
  const done = join(
    TRACKING_DONE_STAGES.map((s) => sql`${s}`),
    ', ',
  );
  const last = dates[dates.length - 1];
  return sql`WITH first_done AS (
    SELECT parcel_id, min(date) AS done FROM tracking
    WHERE stage IN (${done}) AND date <= CAST(${last} AS DATE)
    GROUP BY parcel_id
  ),
  dated AS (
    SELECT p.county, p.area_m2, CAST(date_diff('day', DATE '1970-01-01', f.done) AS INTEGER) AS day
    FROM first_done f JOIN parcels p ON p.parcel_id = f.parcel_id
    WHERE p.area_m2 IS NOT NULL
  )
  SELECT (SELECT min(d.i) FROM ${stopsSql(dates)} WHERE d.day >= dated.day) AS i, county, sum(area_m2) AS m2
  FROM dated GROUP BY ALL`;
}

/** Per county, one value per stop (m²); `''` holds the total over all counties. */
export type Series = Map<string, Float64Array>;

function toSeries(n: number, r: { i: number; county: string; m2: number }[]): Series {
  const out: Series = new Map([['', new Float64Array(n)]]);
  for (const { i, county, m2 } of r) {
    let s = out.get(county);
    if (!s) out.set(county, (s = new Float64Array(n)));
    s[i] += m2;
    out.get('')![i] += m2;
  }
  return out;
}

export interface TimelineSeries {
  dates: string[];
  idle: Series;
  revitalised: Series;
}

/**
 * Both series over `dates`. Reads the idle_intervals table (createIntervalsStatement) and the
 * `tracking` table (an empty one is created when none was loaded).
 */
export async function timelineSeries(db: Db, dates: string[]): Promise<TimelineSeries> {
  type Row = { i: number; county: string; m2: number };
  await db.query(ENSURE_TRACKING_TABLE);
  const idle = rows<Row>(await db.query(idleSeriesQuery(dates)));
  const revitalised = rows<Row>(await db.query(revitalisedSeriesQuery(dates)));
  return { dates, idle: toSeries(dates.length, idle), revitalised: toSeries(dates.length, revitalised) };
}
