// 闲置预警 (early warning): at the as-of date, the legal lines each parcel will cross within the
// next `warningWindowDays` days, the date each is crossed and the action to take now.
//
// The lines are the land rules' own (land-rules.ts), with the same inputs and the same date
// arithmetic, so a line listed as crossed on day D is the day the rules first report it:
// - becomes_idle: clock start + idle period (第二条, "满一年" = DuckDB's date + 1 year, so
//   2024-02-29 + 1 year = 2025-02-28); a stalled parcel only while the stall ratios hold;
// - recovery: clock start + recovery period (第十四条(二)); never for government delay, which
//   第八条 sends to negotiated disposal instead;
// - E1: the day after the agreed start date with no start (the rule fires when as_of > agreed);
// - E2: the day after the agreed completion date with the investment short of the agreement.
// As-of rules (data contract v2): a parcel supplied after as_of has no lines; a start or halt
// dated after as_of counts as not yet happened (datedColumnsSql).

import { type Db, rows } from '../data/db';
import { type Query, TRUE, ident, inList, inlined, join, sql } from '../data/sql';
import type { ParcelFilter } from './filters';
import { type DaysToIdleBin, DAYS_TO_IDLE_BINS, WARNING_LINES, type WarningAction, type WarningLine, codeOf } from '../vocab';
import { clockStartSql, datedColumnsSql, parcelRatiosSql, ruleParamsQuery } from './land-rules';
import type { RuleSettings } from './settings';

/** One coming line of one parcel. */
export interface WarningRow {
  pidx: number;
  parcel_id: string;
  county: string;
  park_id: string | null;
  line: WarningLine;
  /** ISO date the line is crossed (the first day the rules report it). */
  line_date: string;
  /** Days from the as-of date to line_date, 1 … window. */
  days_left: number;
  action: WarningAction;
}

/** The columns of the command-line warning list, in order (codes; labels are added by the writer). */
export const WARNING_COLUMNS = ['parcel_id', 'county', 'park_id', 'line', 'line_date', 'days_left', 'action'] as const;

/** The window as the rules read it: a whole number of days, at least 1. */
export function windowDays(s: RuleSettings): number {
  return Math.max(1, Math.round(s.warningWindowDays));
}

/**
 * The parcels with their clock and the idle-type conditions of the land rules, as of `asOf`.
 * `idle_line` / `recovery_line` are NULL where no idle clock runs (started and not halted, no
 * agreed start, a stall whose ratios are above the thresholds, or supplied after as_of).
 */
function clockedSql(asOf: string, s: RuleSettings, table: string): Query {
  return sql`
WITH k AS (${ruleParamsQuery(asOf, s)}),
base AS (
  SELECT ${datedColumnsSql('p', sql`k.as_of`)}, k.as_of, k.dev_min, k.inv_min, k.idle_iv, k.recovery_iv,
    COALESCE(p.government_delay, FALSE) AS gov_delay,
    ${parcelRatiosSql('p')}
  FROM ${ident(table)} p CROSS JOIN k
),
clocked AS (
  SELECT *,
    -- The land rules' idle types (第二条), without the "one full year has passed" part.
    NOT supplied_after_as_of AND (
      (actual_start_date IS NULL AND agreed_start_date IS NOT NULL)
      OR (actual_start_date IS NOT NULL AND halted_since IS NOT NULL
        AND COALESCE(developed_ratio < dev_min OR investment_ratio < inv_min, FALSE))
    ) AS clock_runs,
    ${clockStartSql('b')} AS clock_start
  FROM base b
),
lined AS (
  SELECT *,
    CASE WHEN clock_runs THEN CAST(clock_start + idle_iv AS DATE) END AS idle_line,
    CASE WHEN clock_runs THEN CAST(clock_start + recovery_iv AS DATE) END AS recovery_line
  FROM clocked
)`;
}

/**
 * SELECT of every line crossed in (as_of, as_of + window], one row per parcel and line, sorted
 * by date, then line order, then parcel id.
 */
export function warningsQuery(asOf: string, s: RuleSettings, table = 'parcels', scope: Query = TRUE): Query {
  const line = (l: WarningLine) => sql`CAST(${codeOf(WARNING_LINES, l)} AS INTEGER)`;
  return sql`${clockedSql(asOf, s, table)},
candidates AS (
  SELECT pidx, parcel_id, county, park_id, as_of, 'becomes_idle' AS line, ${line('becomes_idle')} AS line_order, idle_line AS line_date,
    -- 第八条: a government delay is settled by negotiation, not by the steps towards recovery.
    CASE WHEN gov_delay THEN 'negotiate' ELSE 'interview' END AS action
  FROM lined
  UNION ALL
  SELECT pidx, parcel_id, county, park_id, as_of, 'recovery', ${line('recovery')}, recovery_line, 'notify'
  FROM lined WHERE NOT gov_delay
  UNION ALL
  -- E1 fires once as_of > agreed_start_date: first on the day after.
  SELECT pidx, parcel_id, county, park_id, as_of, 'E1', ${line('E1')}, CAST(agreed_start_date + 1 AS DATE), 'urge_start'
  FROM lined WHERE NOT supplied_after_as_of AND actual_start_date IS NULL
  UNION ALL
  -- E2 fires once as_of > agreed_completion_date with the investment short.
  SELECT pidx, parcel_id, county, park_id, as_of, 'E2', ${line('E2')}, CAST(agreed_completion_date + 1 AS DATE), 'interview'
  FROM lined WHERE NOT supplied_after_as_of AND actual_investment_wan < agreed_investment_wan
)
SELECT pidx, parcel_id, county, park_id, line, strftime(line_date, '%Y-%m-%d') AS line_date,
  CAST(date_diff('day', as_of, line_date) AS INTEGER) AS days_left, action
FROM candidates
WHERE line_date > as_of AND line_date <= as_of + CAST(${windowDays(s)} AS INTEGER) AND ${scope}
ORDER BY line_date, line_order, parcel_id, pidx`;
}

/**
 * The places of the map's filter a warning list keeps: counties and parks. The other filters
 * (idle type, disposal, status) describe findings at the as-of date, which a warning is about to
 * change, so they do not narrow it.
 */
export function warningScope(f: Pick<ParcelFilter, 'counties' | 'parkIds'>): Query {
  const parts: Query[] = [];
  if (f.counties.length) parts.push(inList('county', f.counties));
  if (f.parkIds.length) parts.push(inList('park_id', f.parkIds));
  return parts.length ? join(parts, ' AND ') : TRUE;
}

/** The warning list at `asOf` with the window of `s`, within `scope` (warningScope). */
export async function runWarnings(db: Db, asOf: string, s: RuleSettings, table = 'parcels', scope: Query = TRUE): Promise<WarningRow[]> {
  const r = rows<WarningRow>(await db.query(inlined(warningsQuery(asOf, s, table, scope))));
  return r.map((w) => ({ ...w, pidx: Number(w.pidx), days_left: Number(w.days_left) }));
}

/** The bin of a parcel's days until the one-year line; the edges are the UI's 30/60/90 choices. */
export function daysToIdleBin(days: number | null, idle: boolean): DaysToIdleBin {
  if (idle) return 'idle';
  if (days === null) return 'none';
  if (days <= 30) return 'within_30';
  if (days <= 60) return 'within_60';
  if (days <= 90) return 'within_90';
  return 'later';
}

/**
 * SELECT pidx, days_to_idle (days from as_of to the one-year line; NULL when no clock runs) and
 * idle (the line is on or before as_of: the land rules call it idle).
 */
export function daysToIdleQuery(asOf: string, s: RuleSettings, table = 'parcels'): Query {
  return sql`${clockedSql(asOf, s, table)}
SELECT pidx, CAST(date_diff('day', as_of, idle_line) AS INTEGER) AS days_to_idle, COALESCE(idle_line <= as_of, FALSE) AS idle
FROM lined ORDER BY pidx`;
}

/** Bin code per pidx for the map (1 + position in DAYS_TO_IDLE_BINS; 0 for a pidx without a parcel). */
export async function daysToIdleBins(db: Db, asOf: string, s: RuleSettings, table = 'parcels'): Promise<Uint8Array> {
  const r = rows<{ pidx: number; days_to_idle: number | null; idle: boolean }>(await db.query(inlined(daysToIdleQuery(asOf, s, table))));
  const size = r.reduce((m, x) => Math.max(m, Number(x.pidx) + 1), 0);
  const out = new Uint8Array(size);
  for (const x of r) {
    const days = x.days_to_idle === null ? null : Number(x.days_to_idle);
    out[Number(x.pidx)] = 1 + DAYS_TO_IDLE_BINS.indexOf(daysToIdleBin(days, Boolean(x.idle)));
  }
  return out;
}
