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

/** Map category per parcel, also the legend order. */
export const IDLE_CATEGORY = { none: 0, fee: 1, recovery: 2, negotiate: 3 } as const;

/** Columns of the findings table, for readers that need them by name. */
export interface ParcelFinding {
  pidx: number;
  parcel_id: string;
  idle_type: 'none' | 'not_started' | 'stalled';
  idle_since: number | null;
  idle_days: number;
  disposal: 'none' | 'fee' | 'recovery' | 'negotiate';
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
    p.actual_investment_wan / NULLIF(p.area_m2 / 10000.0, 0) AS investment_intensity,
    -- 万元 per 亩 (1 亩 = 10000/15 m²)
    p.annual_tax_wan / NULLIF(p.area_m2 * 15.0 / 10000.0, 0) AS tax_per_mu
  FROM ${ident(table)} p CROSS JOIN k
),
idle AS (
  SELECT *,
    CASE
      -- 第二条: not started one full year after the agreed start date.
      WHEN actual_start_date IS NULL AND agreed_start_date IS NOT NULL
        AND as_of >= agreed_start_date + idle_iv
        THEN 'not_started'
      -- 第二条: started, developed < 1/3 or invested < 25 %, halted for one full year.
      WHEN actual_start_date IS NOT NULL AND halted_since IS NOT NULL
        AND as_of >= halted_since + idle_iv
        AND (developed_ratio < dev_min OR investment_ratio < inv_min)
        THEN 'stalled'
      ELSE 'none'
    END AS idle_type
  FROM base
),
dated AS (
  SELECT *,
    CASE idle_type WHEN 'not_started' THEN agreed_start_date WHEN 'stalled' THEN halted_since END AS idle_since
  FROM idle
),
judged AS (
  SELECT *,
    COALESCE(date_diff('day', idle_since, as_of), 0) AS idle_days,
    CASE
      WHEN idle_type = 'none' THEN 'none'
      -- 第八条: delay caused by government action or force majeure → negotiated disposal.
      WHEN gov_delay THEN 'negotiate'
      -- 第十四条: idle two full years → recovered without compensation.
      WHEN as_of >= idle_since + recovery_iv THEN 'recovery'
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
      AND as_of >= halted_since + idle_iv
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
