// 亩均效益 evaluation of enterprises, after Zhejiang's 亩均论英雄 reform
// (《浙江省人民政府关于深化“亩均论英雄”改革的指导意见》, 浙政发〔2018〕5号): a weighted score of
// five indicators, each divided by a benchmark, and A/B/C/D classes by rank.
//
// Method, precisely (every number is a setting, see settings.ts):
// - Land: an enterprise's land is the sum of `area_m2` of the parcels whose `enterprise_id`
//   points at it (data contract); 亩 by muSql (src/vocab/units.ts).
// - Indicators: 亩均税收 tax_wan/亩, 亩均增加值 value_added_wan/亩, 全员劳动生产率
//   value_added_wan/employees (万元/人), 单位能耗增加值 value_added_wan/energy_tce (万元/吨标煤),
//   研发经费投入强度 rd_expense_wan/revenue_wan (share).
// - Score = Σ wᵢ · min(indicatorᵢ / benchmarkᵢ, cap) / Σ wᵢ. Dividing by Σ wᵢ makes 1.0 mean
//   "at the benchmark on every indicator" whatever the weights add up to (the default weights
//   sum to 1, so it is the plain weighted sum). The cap (default 3) keeps one outlier indicator
//   — say a tiny firm with huge R&D — from dominating; there is no floor, so a negative value
//   added or tax lowers the score as it should. Scores are rounded to 6 decimals before ranking,
//   so scores that agree to 6 decimals tie rather than differing by float noise.
// - Only inputs of indicators with a positive weight are required. An enterprise missing one
//   (empty, or a zero/negative denominator: land, employees, energy, revenue) is listed with the
//   missing fields and gets no score, rank or class — it is not guessed at (data contract rules).
// - Classes: among the n scored enterprises, let `ahead` = RANK() − 1 = how many score strictly
//   higher. The class is A if ahead/n < A%, B if < (A+B)%, C if < (A+B+C)%, else D (compared as
//   ahead·100 < n·cumulative% so no division rounds). Consequences, both intended:
//   · ties: equal scores share `ahead`, so they share the class of the best-placed of them;
//   · rounding: the number of places in classes A, A–B and A–C is n × share rounded up, i.e.
//     in the enterprise's favour. With 20 distinct scores: 5 A, 9 B, 5 C, 1 D; with 10: 3 A,
//     4 B, 3 C, 0 D (a D class is only given once someone is in the bottom 5 % outright, which
//     matters because D brings 整治淘汰 measures such as differential energy prices).
//   This is neither DuckDB's percent_rank ((rank−1)/(n−1)) nor cume_dist (which would hand
//   tied enterprises the worse class); it is stated and tested in tests/unit/mujun.test.ts.

import { type Db, rows } from '../data/db';
import { type Query, ident, inlined, join, sql } from '../data/sql';
import { type ParcelFilter, filterPredicate, isFilterEmpty } from './filters';
import type { RuleSettings } from './settings';
import { type MujunClass, muSql } from '../vocab';

export { MUJUN_CLASSES, type MujunClass } from '../vocab';

/** Map colour index per parcel: 0 none (no enterprise, or not classed), then A–D. */
export const MUJUN_CLASS_CODE = { none: 0, A: 1, B: 2, C: 3, D: 4 } as const;


/** One row of the `enterprise_mujun` table. */
export interface MujunRow {
  enterprise_id: string;
  name: string;
  county: string;
  park_id: string | null;
  park_name: string | null;
  above_scale: boolean | null;
  /** Parcels linked to the enterprise. */
  parcels: number;
  land_m2: number | null;
  land_mu: number | null;
  tax_per_mu: number | null;
  value_added_per_mu: number | null;
  labour_productivity: number | null;
  energy_productivity: number | null;
  rd_intensity: number | null;
  /** null when not scored. */
  score: number | null;
  /** 1 = best; equal scores share a rank (RANK()). null when not scored. */
  rank: number | null;
  class: MujunClass | null;
  class_code: number;
  /** Missing input codes joined by ';' (keys of MUJUN_INPUT_LABELS); '' when scored. */
  missing: string;
}


/**
 * The indicator/benchmark ratio capped at the setting. Written as CASE rather than least(),
 * because DuckDB's least() skips NULLs and would turn an unknown indicator into the cap.
 */
function capped(indicator: string, benchmark: number, s: RuleSettings): Query {
  const ratio = sql`(${ident(indicator)} / ${benchmark})`;
  return sql`CASE WHEN ${ratio} > ${s.mujunRatioCap} THEN ${s.mujunRatioCap} ELSE ${ratio} END`;
}

/** SELECT producing one row per enterprise (the columns of MujunRow except park_name). */
export function mujunQuery(s: RuleSettings): Query {
  const terms: { w: number; ratio: Query }[] = [
    { w: s.mujunTaxWeight, ratio: capped('tax_per_mu', s.mujunTaxBenchmark, s) },
    { w: s.mujunValueAddedWeight, ratio: capped('value_added_per_mu', s.mujunValueAddedBenchmark, s) },
    { w: s.mujunLabourWeight, ratio: capped('labour_productivity', s.mujunLabourBenchmark, s) },
    { w: s.mujunEnergyWeight, ratio: capped('energy_productivity', s.mujunEnergyBenchmark, s) },
    { w: s.mujunRdWeight, ratio: capped('rd_intensity', s.mujunRdBenchmark, s) },
  ];
  const totalWeight = terms.reduce((t, x) => t + x.w, 0);
  if (!(totalWeight > 0)) throw new Error('亩均评价各指标权重不能全为 0');
  const used = terms.filter((t) => t.w > 0);
  const weighted = join(
    used.map((t) => sql`${t.w} * ${t.ratio}`),
    ' + ',
  );

  // Inputs required by the indicators that carry weight, in contract order.
  const needLand = s.mujunTaxWeight > 0 || s.mujunValueAddedWeight > 0;
  const needVa = s.mujunValueAddedWeight > 0 || s.mujunLabourWeight > 0 || s.mujunEnergyWeight > 0;
  const checks: Query[] = [];
  if (needLand) {
    checks.push(sql`CASE WHEN parcels = 0 THEN 'parcels' END`);
    checks.push(sql`CASE WHEN parcels > 0 AND (land_m2 IS NULL OR land_m2 <= 0) THEN 'area_m2' END`);
  }
  if (s.mujunLabourWeight > 0) checks.push(sql`CASE WHEN employees IS NULL OR employees <= 0 THEN 'employees' END`);
  if (s.mujunRdWeight > 0) checks.push(sql`CASE WHEN revenue_wan IS NULL OR revenue_wan <= 0 THEN 'revenue_wan' END`);
  if (needVa) checks.push(sql`CASE WHEN value_added_wan IS NULL THEN 'value_added_wan' END`);
  if (s.mujunTaxWeight > 0) checks.push(sql`CASE WHEN tax_wan IS NULL THEN 'tax_wan' END`);
  if (s.mujunEnergyWeight > 0) checks.push(sql`CASE WHEN energy_tce IS NULL OR energy_tce <= 0 THEN 'energy_tce' END`);
  if (s.mujunRdWeight > 0) checks.push(sql`CASE WHEN rd_expense_wan IS NULL THEN 'rd_expense_wan' END`);

  const cumA = s.mujunShareA;
  const cumB = s.mujunShareA + s.mujunShareB;
  const cumC = s.mujunShareA + s.mujunShareB + s.mujunShareC;

  return sql`
WITH land AS (
  SELECT enterprise_id, sum(area_m2) AS land_m2, count(*) AS parcels,
    count(*) FILTER (WHERE area_m2 IS NULL) AS parcels_without_area
  FROM parcels WHERE enterprise_id IS NOT NULL GROUP BY enterprise_id
),
base AS (
  SELECT e.enterprise_id, e.name, e.county, e.park_id, e.above_scale,
    e.employees, e.revenue_wan, e.value_added_wan, e.tax_wan, e.energy_tce, e.rd_expense_wan,
    CAST(COALESCE(l.parcels, 0) AS INTEGER) AS parcels,
    -- One parcel without an area makes the total unknown, not smaller.
    CASE WHEN l.parcels_without_area = 0 THEN l.land_m2 END AS land_m2
  FROM enterprises e LEFT JOIN land l ON l.enterprise_id = e.enterprise_id
),
mu AS (
  SELECT *, ${muSql(sql`land_m2`)} AS land_mu FROM base
),
ind AS (
  SELECT *,
    tax_wan / NULLIF(land_mu, 0) AS tax_per_mu,
    value_added_wan / NULLIF(land_mu, 0) AS value_added_per_mu,
    value_added_wan / NULLIF(employees, 0) AS labour_productivity,
    value_added_wan / NULLIF(energy_tce, 0) AS energy_productivity,
    rd_expense_wan / NULLIF(revenue_wan, 0) AS rd_intensity,
    concat_ws(';', ${checks}) AS missing
  FROM mu
),
scored AS (
  SELECT *,
    CASE WHEN missing = '' THEN round((${weighted}) / ${totalWeight}, 6) END AS score
  FROM ind
),
ranked AS (
  SELECT *,
    CASE WHEN score IS NOT NULL THEN rank() OVER (PARTITION BY score IS NULL ORDER BY score DESC) END AS rank_,
    CASE WHEN score IS NOT NULL THEN count(*) OVER (PARTITION BY score IS NULL) END AS n_scored
  FROM scored
),
classed AS (
  SELECT * EXCLUDE (rank_, n_scored),
    CAST(rank_ AS INTEGER) AS rank,
    CASE
      WHEN rank_ IS NULL THEN NULL
      WHEN (rank_ - 1) * 100.0 < n_scored * ${cumA} THEN 'A'
      WHEN (rank_ - 1) * 100.0 < n_scored * ${cumB} THEN 'B'
      WHEN (rank_ - 1) * 100.0 < n_scored * ${cumC} THEN 'C'
      ELSE 'D'
    END AS class
  FROM ranked
)
SELECT enterprise_id, name, county, park_id, above_scale, parcels, land_m2, land_mu,
  tax_per_mu, value_added_per_mu, labour_productivity, energy_productivity, rd_intensity,
  score, rank, class,
  CAST(CASE class WHEN 'A' THEN ${MUJUN_CLASS_CODE.A} WHEN 'B' THEN ${MUJUN_CLASS_CODE.B}
    WHEN 'C' THEN ${MUJUN_CLASS_CODE.C} WHEN 'D' THEN ${MUJUN_CLASS_CODE.D}
    ELSE ${MUJUN_CLASS_CODE.none} END AS UTINYINT) AS class_code,
  missing
FROM classed`;
}

/** Materialises the evaluation as `enterprise_mujun`, read by every query below. */
export function createMujunTable(s: RuleSettings): Query {
  return sql`CREATE OR REPLACE TABLE enterprise_mujun AS ${mujunQuery(s)} ORDER BY enterprise_id`;
}

export async function runMujun(db: Db, s: RuleSettings): Promise<void> {
  await db.query(inlined(createMujunTable(s)));
}

/**
 * Which enterprises a parcel filter keeps: all when the filter is empty, otherwise those
 * holding at least one parcel that passes it (so a county filter drops enterprises without
 * land there). Classes are always computed over the whole region; the filter only selects rows.
 * A non-empty filter reads `parcel_findings`, so the land rules must have run.
 */
export function enterprisePredicate(alias: string, f: ParcelFilter): Query {
  if (isFilterEmpty(f)) return sql`TRUE`;
  return sql`${ident(alias)}.enterprise_id IN (
    SELECT enterprise_id FROM parcel_findings WHERE enterprise_id IS NOT NULL AND (${filterPredicate(f)}))`;
}

/** Ranking rows: scored enterprises by rank (ties by id), then the unscored by id. */
export function mujunRankingQuery(f: ParcelFilter): Query {
  return sql`
SELECT m.enterprise_id, m.name, m.county, m.park_id, k.name AS park_name, m.above_scale, m.parcels,
  m.land_m2, m.land_mu, m.tax_per_mu, m.value_added_per_mu, m.labour_productivity,
  m.energy_productivity, m.rd_intensity, m.score, m.rank, m.class, CAST(m.class_code AS INTEGER) AS class_code,
  m.missing
FROM enterprise_mujun m LEFT JOIN parks k ON k.park_id = m.park_id
WHERE ${enterprisePredicate('m', f)}
ORDER BY m.rank IS NULL, m.rank, m.enterprise_id`;
}

export async function mujunRanking(db: Db, f: ParcelFilter): Promise<MujunRow[]> {
  return rows<MujunRow>(await db.query(mujunRankingQuery(f)));
}

/** Class mix of one county or park: enterprise counts and land (亩) per class. */
export interface MujunMixRow {
  key: string;
  name: string;
  enterprises: number;
  scored: number;
  a: number;
  b: number;
  c: number;
  d: number;
  /** Listed but not classed (missing inputs). */
  unclassed: number;
  /** Land of all listed enterprises; an enterprise with unknown land adds 0. */
  landMu: number;
  aMu: number;
  bMu: number;
  cMu: number;
  dMu: number;
  unclassedMu: number;
}

/** Class mix per county (`by = 'county'`, the enterprise's county) or per park (its park_id). */
export function mujunMixQuery(by: 'county' | 'park', f: ParcelFilter): Query {
  const key = by === 'county' ? sql`m.county` : sql`COALESCE(m.park_id, '')`;
  const name = by === 'county' ? sql`m.county` : sql`COALESCE(k.name, '')`;
  const n = (cls: string) => sql`CAST(count(*) FILTER (WHERE m.class = ${cls}) AS INTEGER)`;
  const mu = (cls: string) => sql`COALESCE(sum(m.land_mu) FILTER (WHERE m.class = ${cls}), 0)`;
  return sql`
SELECT ${key} AS key, ${name} AS name,
  CAST(count(*) AS INTEGER) AS enterprises,
  CAST(count(*) FILTER (WHERE m.class IS NOT NULL) AS INTEGER) AS scored,
  ${n('A')} AS a, ${n('B')} AS b, ${n('C')} AS c, ${n('D')} AS d,
  CAST(count(*) FILTER (WHERE m.class IS NULL) AS INTEGER) AS unclassed,
  COALESCE(sum(m.land_mu), 0) AS "landMu",
  ${mu('A')} AS "aMu", ${mu('B')} AS "bMu", ${mu('C')} AS "cMu", ${mu('D')} AS "dMu",
  COALESCE(sum(m.land_mu) FILTER (WHERE m.class IS NULL), 0) AS "unclassedMu"
FROM enterprise_mujun m LEFT JOIN parks k ON k.park_id = m.park_id
WHERE ${enterprisePredicate('m', f)}
GROUP BY ALL
ORDER BY key`;
}

export async function mujunMix(db: Db, by: 'county' | 'park', f: ParcelFilter): Promise<MujunMixRow[]> {
  return rows<MujunMixRow>(await db.query(mujunMixQuery(by, f)));
}

/**
 * Class per parcel for map colouring: one row per parcel, ordered by pidx, `class_code`
 * 0 none / 1 A / 2 B / 3 C / 4 D (the class of the enterprise the parcel belongs to).
 */
export const PARCEL_MUJUN_CLASS_QUERY: Query = sql`
SELECT p.pidx, CAST(COALESCE(m.class_code, ${MUJUN_CLASS_CODE.none}) AS UTINYINT) AS class_code
FROM parcels p LEFT JOIN enterprise_mujun m ON m.enterprise_id = p.enterprise_id
ORDER BY p.pidx`;

/** The per-parcel classes as an array indexed by pidx. */
export async function parcelMujunClasses(db: Db): Promise<Uint8Array> {
  const t = await db.query(PARCEL_MUJUN_CLASS_QUERY);
  const pidx = t.getChild('pidx');
  const code = t.getChild('class_code');
  let max = -1;
  for (let i = 0; i < t.numRows; i++) max = Math.max(max, Number(pidx?.get(i)));
  const out = new Uint8Array(max + 1);
  for (let i = 0; i < t.numRows; i++) out[Number(pidx?.get(i))] = Number(code?.get(i));
  return out;
}
