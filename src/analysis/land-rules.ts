// The legal rules over the `parcels` table, as one SQL query parametrised by the as-of date
// and the settings. The browser, the command-line report and the tests all run this text.
//
// Sources (data contract v1):
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
import { type Disposal, type IdleType, type LandUse, type ParcelStatus, haSql, muSql } from '../vocab';

/** Map category per parcel, also the legend order. */
export const IDLE_CATEGORY = { none: 0, fee: 1, recovery: 2, negotiate: 3 } as const;

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

/**
 * SELECT producing one findings row per parcel (all parcel columns plus the findings).
 * `asOf` is an ISO date string; it is bound as a parameter.
 */
export function landFindingsQuery(asOf: string, s: RuleSettings, table = 'parcels'): Query {
  return sql`
WITH k AS (
  -- Bound values become constants once here rather than being cast on every row.
  SELECT CAST(${asOf} AS DATE) AS as_of,
    to_years(CAST(${s.idleYears} AS INTEGER)) AS idle_iv,
    to_years(CAST(${s.recoveryYears} AS INTEGER)) AS recovery_iv,
    CAST(${s.stalledDevelopedRatio} AS DOUBLE) AS dev_min,
    CAST(${s.stalledInvestmentRatio} AS DOUBLE) AS inv_min
),
base AS (
  SELECT p.*, k.as_of, k.idle_iv, k.recovery_iv, k.dev_min, k.inv_min,
    COALESCE(p.government_delay, FALSE) AS gov_delay,
    p.developed_area_m2 / NULLIF(p.area_m2, 0) AS developed_ratio,
    p.actual_investment_wan / NULLIF(p.agreed_investment_wan, 0) AS investment_ratio,
    p.annual_output_wan / NULLIF(p.agreed_annual_output_wan, 0) AS output_ratio,
    p.floor_area_m2 / NULLIF(p.area_m2, 0) AS plot_ratio,
    -- 万元 per 公顷 (1 公顷 = 10,000 m²)
    p.actual_investment_wan / NULLIF(${haSql(sql`p.area_m2`)}, 0) AS investment_intensity,
    -- 万元 per 亩 (1 亩 = 10000/15 m²)
    p.annual_tax_wan / NULLIF(${muSql(sql`p.area_m2`)}, 0) AS tax_per_mu
  FROM ${ident(table)} p CROSS JOIN k
),
clock AS (
  -- 起算日期 (data contract v2): the agreed start date while not started, else the halt date.
  -- The one-year and recovery lines are computed here once; the rules and explanations read them.
  SELECT *,
    CASE WHEN actual_start_date IS NULL THEN agreed_start_date ELSE halted_since END + idle_iv AS idle_from,
    CASE WHEN actual_start_date IS NULL THEN agreed_start_date ELSE halted_since END + recovery_iv AS recovery_from
  FROM base
),
idle AS (
  SELECT *,
    CASE
      -- 第二条: not started one full year after the agreed start date.
      WHEN actual_start_date IS NULL AND agreed_start_date IS NOT NULL
        AND as_of >= idle_from
        THEN 'not_started'
      -- 第二条: started, developed < 1/3 or invested < 25 %, halted for one full year.
      WHEN actual_start_date IS NOT NULL AND halted_since IS NOT NULL
        AND as_of >= idle_from
        AND (developed_ratio < dev_min OR investment_ratio < inv_min)
        THEN 'stalled'
      ELSE 'none'
    END AS idle_type
  FROM clock
),
dated AS (
  SELECT *,
    CASE idle_type WHEN 'not_started' THEN agreed_start_date WHEN 'stalled' THEN halted_since END AS idle_since
  FROM idle
),
judged AS (
  SELECT *,
    COALESCE(date_diff('day', idle_since, as_of), 0) AS idle_days,
    CAST(COALESCE(${fullYearsSql(sql`idle_since`, sql`as_of`)}, 0) AS INTEGER) AS idle_years,
    CASE
      WHEN idle_type = 'none' THEN 'none'
      -- 第八条: delay caused by government action or force majeure → negotiated disposal.
      WHEN gov_delay THEN 'negotiate'
      -- 第十四条: idle two full years → recovered without compensation.
      WHEN as_of >= recovery_from THEN 'recovery'
      -- 第十四条: idle one full year → fee of 20 % of the land price.
      ELSE 'fee'
    END AS disposal,
    (actual_start_date IS NULL AND as_of > agreed_start_date) IS TRUE AS e1,
    (as_of > agreed_completion_date AND actual_investment_wan < agreed_investment_wan) IS TRUE AS e2,
    (status = 'built_no_production') IS TRUE AS e3,
    (status = 'producing' AND annual_output_wan < agreed_annual_output_wan * ${s.outputTargetRatio}) IS TRUE AS e4,
    (policy_compliant = FALSE) IS TRUE AS e5,
    (other_breach = TRUE) IS TRUE AS e6,
    (land_use = 'industrial' AND status IN ('producing', 'built_no_production')) AS efficiency_applies
  FROM dated
),
flagged AS (
  SELECT *,
    (efficiency_applies AND plot_ratio < ${s.minPlotRatio}) IS TRUE AS l1,
    (efficiency_applies AND investment_intensity < ${s.minInvestmentIntensity}) IS TRUE AS l2,
    (efficiency_applies AND status = 'producing' AND tax_per_mu < ${s.minTaxPerMu}) IS TRUE AS l3
  FROM judged
)
SELECT *,
  CASE WHEN disposal = 'fee' THEN land_price_wan * ${s.idleFeeRate} END AS fee_wan,
  concat_ws(';',
    CASE WHEN e1 THEN 'E1' END, CASE WHEN e2 THEN 'E2' END, CASE WHEN e3 THEN 'E3' END,
    CASE WHEN e4 THEN 'E4' END, CASE WHEN e5 THEN 'E5' END, CASE WHEN e6 THEN 'E6' END) AS exit_reasons,
  concat_ws(';', CASE WHEN l1 THEN 'L1' END, CASE WHEN l2 THEN 'L2' END, CASE WHEN l3 THEN 'L3' END) AS inefficiency,
  -- Inputs a rule needed but did not have (listed in the data-quality report, never guessed).
  concat_ws(';',
    CASE WHEN actual_start_date IS NULL AND agreed_start_date IS NULL THEN 'agreed_start_date' END,
    CASE WHEN actual_start_date IS NOT NULL AND halted_since IS NOT NULL
      AND as_of >= idle_from
      AND (developed_ratio < dev_min OR investment_ratio < inv_min) IS NULL
      THEN 'developed_area_m2/actual_investment_wan' END,
    CASE WHEN disposal = 'fee' AND land_price_wan IS NULL THEN 'land_price_wan' END,
    CASE WHEN agreed_completion_date IS NULL THEN 'agreed_completion_date' END,
    CASE WHEN as_of > agreed_completion_date AND (actual_investment_wan IS NULL OR agreed_investment_wan IS NULL)
      THEN 'actual_investment_wan/agreed_investment_wan' END,
    CASE WHEN status = 'producing' AND output_ratio IS NULL THEN 'annual_output_wan/agreed_annual_output_wan' END,
    CASE WHEN efficiency_applies AND plot_ratio IS NULL THEN 'floor_area_m2' END,
    CASE WHEN efficiency_applies AND investment_intensity IS NULL THEN 'actual_investment_wan' END,
    CASE WHEN efficiency_applies AND status = 'producing' AND tax_per_mu IS NULL THEN 'annual_tax_wan' END
  ) AS missing_inputs,
  CAST(CASE disposal
    WHEN 'fee' THEN ${IDLE_CATEGORY.fee}
    WHEN 'recovery' THEN ${IDLE_CATEGORY.recovery}
    WHEN 'negotiate' THEN ${IDLE_CATEGORY.negotiate}
    ELSE ${IDLE_CATEGORY.none} END AS UTINYINT) AS category
FROM flagged`;
}

/** Materialises the findings so summaries, the map and the detail panel read one table. */
export function createFindingsTable(asOf: string, s: RuleSettings): Query {
  return sql`CREATE OR REPLACE TABLE parcel_findings AS ${landFindingsQuery(asOf, s)} ORDER BY pidx`;
}

/** The contract's per-parcel report, in input order. */
export const REPORT_QUERY: Query = sql`
SELECT parcel_id, idle_type, CAST(idle_days AS INTEGER) AS idle_days, disposal, exit_reasons, inefficiency
FROM parcel_findings ORDER BY pidx`;
