// The land rules as one wide SQL query, exactly as src/analysis/land-rules.ts wrote them before
// the findings were narrowed to integer codes. Tests compare the parcel_findings view with this
// table column by column, so any drift in the decoding shows up as a failing row.

import { type Query, ident, sql } from '../../../src/data/sql';
import type { RuleSettings } from '../../../src/analysis/settings';
import { haSql, muSql } from '../../../src/vocab';

const IDLE_CATEGORY = { none: 0, fee: 1, recovery: 2, negotiate: 3 } as const;

/**
 * Whole years from `since` to `asOf` as the rules count them: n such that since + n years ≤ asOf
 * (DuckDB's `date + INTERVAL n YEAR`, so 2020-02-29 + 1 year = 2021-02-28). date_sub counts by
 * month and day and so misses that leap-day year; the correction adds it back.
 */
function fullYearsSql(since: Query, asOf: Query): Query {
  const y = sql`date_sub('year', ${since}, ${asOf})`;
  return sql`(${y} + CASE WHEN ${since} + to_years(CAST(${y} + 1 AS INTEGER)) <= ${asOf} THEN 1 ELSE 0 END)`;
}

/**
 * The findings table as it was materialised before the narrow findings (every parcel column
 * plus per-row strings), kept unchanged as the reference the parcel_findings view must equal.
 */
export function fullFindingsQuery(asOf: string, s: RuleSettings, table = 'parcels'): Query {
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
