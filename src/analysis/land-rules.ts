// The legal rules over the `parcels` table, as one SQL query parametrised by the as-of date
// and the settings. The browser, the command-line report and the tests all run this text. It
// writes integer codes only (narrowFindingsQuery); findings-view.ts decodes them into the
// parcel_findings view that labels, explanations and exports read.
//
// Sources (data contract v2):
// - Idle land: 《闲置土地处置办法》(国土资源部令第53号, 2012) 第二条 (definition) and
//   第十四条 (fee of 20 % of the land price after one year, recovery without compensation
//   after two years); 第八条 (government or force-majeure delay → negotiated disposal).
// - Exit conditions E1–E6: the investment agreement's land exit mechanism (土地退出机制).
// - Inefficiency L1–L3: 《工业项目建设用地控制指标》 and 亩均效益 thresholds.
//
// SQL's three-valued logic does the "missing inputs never fire" rule for us: a comparison
// with NULL is NULL, and CASE/AND treat NULL as not true.

import { type Query, ident, sql } from '../data/sql';
import type { RuleSettings } from './settings';
import { codeSql, guardedMaskSql, maskSql } from './findings-codes';
import {
  DISPOSALS, type Disposal, EXIT_CODES, type ExitCode, IDLE_TYPES, INEFFICIENCY_CODES, type IdleType, type InefficiencyCode,
  type LandUse, MISSING_INPUTS, type MissingInput, type ParcelStatus, codeOf, haSql, muSql,
} from '../vocab';

/** Map category per parcel, also the legend order: the disposal's code (src/vocab/codes.ts). */
export const IDLE_CATEGORY = {
  none: codeOf(DISPOSALS, 'none'),
  fee: codeOf(DISPOSALS, 'fee'),
  recovery: codeOf(DISPOSALS, 'recovery'),
  negotiate: codeOf(DISPOSALS, 'negotiate'),
} as const satisfies Record<Disposal, number>;

/** A DATE as DuckDB hands it back (epoch ms), or ISO text where a row is written by hand. */
export type DateValue = number | string | null;

/** The contract's parcel columns (data/contract.ts PARCEL_FIELDS) as the parcels table holds them. */
export interface ParcelColumns {
  pidx: number;
  parcel_id: string;
  park_id: string | null;
  county: string;
  land_use: LandUse;
  area_m2: number | null;
  holder: string | null;
  enterprise_id: string | null;
  chain_node: string | null;
  supply_date: DateValue;
  agreed_start_date: DateValue;
  actual_start_date: DateValue;
  agreed_completion_date: DateValue;
  land_price_wan: number | null;
  agreed_investment_wan: number | null;
  actual_investment_wan: number | null;
  developed_area_m2: number | null;
  floor_area_m2: number | null;
  halted_since: DateValue;
  status: ParcelStatus;
  agreed_annual_output_wan: number | null;
  annual_output_wan: number | null;
  annual_tax_wan: number | null;
  government_delay: boolean | null;
  policy_compliant: boolean | null;
  other_breach: boolean | null;
}

/** Columns the rules add to each parcel (see landFindingsQuery). */
export interface ParcelFinding {
  pidx: number;
  parcel_id: string;
  /** The as-of date the rules judged at. */
  as_of: DateValue;
  idle_type: IdleType;
  idle_since: DateValue;
  /**
   * The one-year line (第二条): the clock's start (agreed start while not started, else the halt
   * date) plus the idle period, whether or not it has been reached; null without a start.
   */
  idle_from: DateValue;
  /** The recovery line (第十四条(二)): the clock's start plus the recovery period. */
  recovery_from: DateValue;
  /** Whole years idle at the as-of date, by the same calendar arithmetic; 0 when not idle. */
  idle_years: number;
  idle_days: number;
  disposal: Disposal;
  fee_wan: number | null;
  exit_reasons: string;
  inefficiency: string;
  developed_ratio: number | null;
  investment_ratio: number | null;
  output_ratio: number | null;
  plot_ratio: number | null;
  investment_intensity: number | null;
  tax_per_mu: number | null;
  missing_inputs: string;
  category: number;
  /** The dates the data records (the view's actual_start_date / halted_since are as of as_of). */
  recorded_actual_start_date?: DateValue;
  recorded_halted_since?: DateValue;
  /** supply_date is after as_of: the parcel has no findings yet (as-of rules). */
  supplied_after_as_of?: boolean;
}

/**
 * One row of the parcel_findings table: the parcel's contract columns and its findings. The
 * detail panel, the explanation and the disposal plan take their inputs from this one type.
 */
export interface FindingsRow extends ParcelColumns, ParcelFinding {}

/**
 * Whole years from `since` to `asOf` as the rules count them: n such that since + n years ≤ asOf
 * (DuckDB's `date + INTERVAL n YEAR`, so 2020-02-29 + 1 year = 2021-02-28). date_sub counts by
 * month and day and so misses that leap-day year; the correction adds it back.
 */
export function fullYearsSql(since: Query, asOf: Query): Query {
  const y = sql`date_sub('year', ${since}, ${asOf})`;
  return sql`(${y} + CASE WHEN ${since} + to_years(CAST(${y} + 1 AS INTEGER)) <= ${asOf} THEN 1 ELSE 0 END)`;
}

/** The one-row table of the values a rule run judged with; the parcel_findings view reads it. */
export const RULE_PARAMS_TABLE = 'findings_params';
/** The narrow findings: one row of small integers per parcel (see narrowFindingsQuery). */
export const NARROW_FINDINGS_TABLE = 'parcel_findings_narrow';

/**
 * The last start date whose `years` line (start + years, DuckDB's calendar arithmetic) falls on
 * or before `asOf`, so a rule compares each parcel's date with one constant instead of adding an
 * interval on every row (at 1,000,000 parcels that addition alone cost ~150 ms). Start + n years
 * only grows with the start, so the dates that qualify are exactly those up to this one. It is
 * asOf − n years, or the day after when that day reaches the same line: 2020-02-29 + 1 year is
 * 2021-02-28, as is 2020-02-28 + 1 year.
 */
export function lastStartSql(asOf: Query, years: Query): Query {
  const back = sql`CAST(${asOf} - ${years} AS DATE)`;
  return sql`CASE WHEN ${back} + 1 + ${years} <= ${asOf} THEN ${back} + 1 ELSE ${back} END`;
}

/**
 * The as-of date and the settings the rules read, as one row. Bound values become constants
 * once here rather than being cast on every row. `asOf` is an ISO date string.
 */
export function ruleParamsQuery(asOf: string, s: RuleSettings): Query {
  return sql`SELECT as_of, idle_iv, recovery_iv, dev_min, inv_min, fee_rate,
    ${lastStartSql(sql`as_of`, sql`idle_iv`)} AS idle_cut,
    ${lastStartSql(sql`as_of`, sql`recovery_iv`)} AS recovery_cut
  FROM (SELECT CAST(${asOf} AS DATE) AS as_of,
    to_years(CAST(${s.idleYears} AS INTEGER)) AS idle_iv,
    to_years(CAST(${s.recoveryYears} AS INTEGER)) AS recovery_iv,
    CAST(${s.stalledDevelopedRatio} AS DOUBLE) AS dev_min,
    CAST(${s.stalledInvestmentRatio} AS DOUBLE) AS inv_min,
    CAST(${s.idleFeeRate} AS DOUBLE) AS fee_rate)`;
}

/** `alias.column`, for the expressions below that the rules and the view share. */
function col(alias: string, name: string): Query {
  return sql`${ident(alias)}.${ident(name)}`;
}

/** The ratios the rules compare with thresholds, from one parcel's columns (named as the view names them). */
export function parcelRatiosSql(p: string): Query {
  const area = col(p, 'area_m2');
  return sql`${col(p, 'developed_area_m2')} / NULLIF(${area}, 0) AS developed_ratio,
    ${col(p, 'actual_investment_wan')} / NULLIF(${col(p, 'agreed_investment_wan')}, 0) AS investment_ratio,
    ${col(p, 'annual_output_wan')} / NULLIF(${col(p, 'agreed_annual_output_wan')}, 0) AS output_ratio,
    ${col(p, 'floor_area_m2')} / NULLIF(${area}, 0) AS plot_ratio,
    -- 万元 per 公顷 (1 公顷 = 10,000 m²)
    ${col(p, 'actual_investment_wan')} / NULLIF(${haSql(area)}, 0) AS investment_intensity,
    -- 万元 per 亩 (1 亩 = 10000/15 m²)
    ${col(p, 'annual_tax_wan')} / NULLIF(${muSql(area)}, 0) AS tax_per_mu`;
}

/** 起算日期 (data contract v2): the agreed start date while not started, else the halt date. */
export function clockStartSql(p: string): Query {
  return sql`CASE WHEN ${col(p, 'actual_start_date')} IS NULL THEN ${col(p, 'agreed_start_date')} ELSE ${col(p, 'halted_since')} END`;
}

/** 《工业项目建设用地控制指标》 applies to industrial land that is built. */
export function efficiencyAppliesSql(p: string): Query {
  return sql`(${col(p, 'land_use')} = 'industrial' AND ${col(p, 'status')} IN ('producing', 'built_no_production'))`;
}

/** The date idle land has been idle since, from its idle type code: the clock's start. */
export function idleSinceSql(idleCode: Query, p: string): Query {
  return sql`CASE ${idleCode} WHEN ${codeSql(IDLE_TYPES, 'not_started')} THEN ${col(p, 'agreed_start_date')}
    WHEN ${codeSql(IDLE_TYPES, 'stalled')} THEN ${col(p, 'halted_since')} END`;
}

const DISPOSAL = (d: Disposal) => codeSql(DISPOSALS, d);

/** A mask, or none for a parcel supplied after the as-of date (it has no findings yet). */
const unlessLater = (mask: Query): Query => sql`CASE WHEN supplied_after_as_of THEN 0 ELSE ${mask} END`;

/** The dated events of a parcel that the as-of rules hide when they lie after the as-of date. */
export const AS_OF_EVENTS = ['actual_start_date', 'halted_since'] as const;

/**
 * The parcels as they stood at the as-of date (data contract v2, as-of rules): an
 * `actual_start_date` or `halted_since` after `as_of` has not happened yet and counts as empty;
 * the recorded values are kept as `recorded_*`, and `supplied_after_as_of` marks a parcel whose
 * `supply_date` is after `as_of` (it gets no findings). Undated snapshot fields (status, amounts,
 * areas) are taken as given. `params` is the one-row relation holding `as_of`.
 */
export function datedParcelsSql(table: string, params: string): Query {
  return sql`SELECT ${datedColumnsSql('q', sql`d.as_of`)}
  FROM ${ident(table)} q CROSS JOIN (SELECT as_of FROM ${ident(params)}) d`;
}

/** The select list of datedParcelsSql, for a query that already joins the as-of date. */
export function datedColumnsSql(q: string, asOf: Query): Query {
  const events = AS_OF_EVENTS.map((c) => sql`CASE WHEN ${col(q, c)} <= ${asOf} THEN ${col(q, c)} END AS ${ident(c)}`);
  const recorded = AS_OF_EVENTS.map((c) => sql`${col(q, c)} AS ${ident(`recorded_${c}`)}`);
  return sql`${ident(q)}.* REPLACE (${events}), ${recorded},
    COALESCE(${col(q, 'supply_date')} > ${asOf}, FALSE) AS supplied_after_as_of`;
}

/**
 * SELECT producing one narrow findings row per parcel: pidx, the map category (= the disposal
 * code), the idle type code, idle days, and bit masks of the exit conditions,
 * the inefficiencies and the inputs a rule lacked (codes and bits: src/vocab/codes.ts). No
 * parcel column is copied and no text is built per row: at 1,000,000 parcels that copying was
 * most of the rules' time. The parcel_findings view (findings-view.ts) decodes these rows and
 * adds what only an explanation reads (the idle and recovery lines, whole years idle: the
 * calendar arithmetic of those took ~250 ms over 1,000,000 parcels).
 */
export function narrowFindingsQuery(asOf: string, s: RuleSettings, table = 'parcels'): Query {
  const exits: Record<ExitCode, Query> = {
    // E1: not started by the agreed start date.
    E1: sql`actual_start_date IS NULL AND as_of > agreed_start_date`,
    // E2: investment short of the agreement after the agreed completion date.
    E2: sql`as_of > agreed_completion_date AND actual_investment_wan < agreed_investment_wan`,
    // E3: built but not producing.
    E3: sql`built_idle`,
    // E4: output below the agreed share of the agreed annual output.
    E4: sql`producing AND annual_output_wan < agreed_annual_output_wan * ${s.outputTargetRatio}`,
    // E5: industrial policy not complied with; E6: another breach of the agreement.
    E5: sql`policy_compliant = FALSE`,
    E6: sql`other_breach = TRUE`,
  };
  // L1–L3, only where the efficiency rules apply (efficiency_applies guards them below).
  const inefficiencies: Record<InefficiencyCode, Query> = {
    L1: sql`plot_ratio < ${s.minPlotRatio}`,
    L2: sql`investment_intensity < ${s.minInvestmentIntensity}`,
    L3: sql`producing AND tax_per_mu < ${s.minTaxPerMu}`,
  };
  // Inputs a rule needed but did not have (listed in the data-quality report, never guessed).
  const missing: Partial<Record<MissingInput, Query>> = {
    agreed_start_date: sql`actual_start_date IS NULL AND agreed_start_date IS NULL`,
    'developed_area_m2/actual_investment_wan': sql`actual_start_date IS NOT NULL AND halted_since IS NOT NULL
      AND idle_due AND (developed_ratio < dev_min OR investment_ratio < inv_min) IS NULL`,
    land_price_wan: sql`disposal = ${DISPOSAL('fee')} AND land_price_wan IS NULL`,
    agreed_completion_date: sql`agreed_completion_date IS NULL`,
    'actual_investment_wan/agreed_investment_wan': sql`as_of > agreed_completion_date
      AND (actual_investment_wan IS NULL OR agreed_investment_wan IS NULL)`,
    'annual_output_wan/agreed_annual_output_wan': sql`producing AND output_ratio IS NULL`,
  };
  // The inputs of L1–L3, missing only where those rules apply.
  const missingEfficiency: Partial<Record<MissingInput, Query>> = {
    floor_area_m2: sql`plot_ratio IS NULL`,
    actual_investment_wan: sql`investment_intensity IS NULL`,
    annual_tax_wan: sql`producing AND tax_per_mu IS NULL`,
  };
  return sql`
WITH k AS (${ruleParamsQuery(asOf, s)}),
base AS (
  SELECT ${datedColumnsSql('p', sql`k.as_of`)}, k.as_of, k.dev_min, k.inv_min, k.idle_cut, k.recovery_cut,
    COALESCE(p.government_delay, FALSE) AS gov_delay,
    ${parcelRatiosSql('p')},
    -- Each status test once per row: string comparisons are a good part of the run's time.
    p.status = 'producing' AS producing,
    p.status = 'built_no_production' AS built_idle
  FROM ${ident(table)} p CROSS JOIN k
),
-- The clock starts from the dated events as they stood at the as-of date.
clocked AS (SELECT *, ${clockStartSql('b')} AS clock_start FROM base b),
lines AS (
  SELECT *,
    -- The one-year line (第二条) and the recovery line (第十四条(二)) have been reached.
    clock_start <= idle_cut AS idle_due,
    clock_start <= recovery_cut AS recovery_due,
    -- As efficiencyAppliesSql, from the status tests above.
    land_use = 'industrial' AND (producing OR built_idle) AS efficiency_applies
  FROM clocked
),
idle AS (
  SELECT *,
    CASE
      -- Not yet supplied at the as-of date: no findings (data contract v2, as-of rules).
      WHEN supplied_after_as_of THEN ${codeSql(IDLE_TYPES, 'none')}
      -- 第二条: not started one full year after the agreed start date.
      WHEN actual_start_date IS NULL AND agreed_start_date IS NOT NULL AND idle_due
        THEN ${codeSql(IDLE_TYPES, 'not_started')}
      -- 第二条: started, developed < 1/3 or invested < 25 %, halted for one full year.
      WHEN actual_start_date IS NOT NULL AND halted_since IS NOT NULL AND idle_due
        AND (developed_ratio < dev_min OR investment_ratio < inv_min)
        THEN ${codeSql(IDLE_TYPES, 'stalled')}
      ELSE ${codeSql(IDLE_TYPES, 'none')}
    END AS idle_code
  FROM lines
),
judged AS (
  SELECT *, ${idleSinceSql(sql`idle_code`, 'idle')} AS idle_since,
    CASE
      WHEN idle_code = ${codeSql(IDLE_TYPES, 'none')} THEN ${DISPOSAL('none')}
      -- 第八条: delay caused by government action or force majeure → negotiated disposal.
      WHEN gov_delay THEN ${DISPOSAL('negotiate')}
      -- 第十四条: idle two full years → recovered without compensation.
      WHEN recovery_due THEN ${DISPOSAL('recovery')}
      -- 第十四条: idle one full year → fee of 20 % of the land price.
      ELSE ${DISPOSAL('fee')}
    END AS disposal
  FROM idle
)
SELECT pidx,
  -- The map category is the disposal code (IDLE_CATEGORY).
  CAST(disposal AS UTINYINT) AS category,
  CAST(idle_code AS UTINYINT) AS idle_code,
  CAST(COALESCE(date_diff('day', idle_since, as_of), 0) AS INTEGER) AS idle_days,
  CAST(${unlessLater(maskSql(EXIT_CODES, exits))} AS UTINYINT) AS exits,
  CAST(${unlessLater(guardedMaskSql(sql`efficiency_applies`, INEFFICIENCY_CODES, inefficiencies))} AS UTINYINT) AS ineff,
  CAST(${unlessLater(sql`${maskSql(MISSING_INPUTS, missing)}
    + ${guardedMaskSql(sql`efficiency_applies`, MISSING_INPUTS, missingEfficiency)}`)} AS USMALLINT) AS missing
FROM judged`;
}

/** The contract's per-parcel report, in input order. */
export const REPORT_QUERY: Query = sql`
SELECT parcel_id, idle_type, CAST(idle_days AS INTEGER) AS idle_days, disposal, exit_reasons, inefficiency
FROM parcel_findings ORDER BY pidx`;
