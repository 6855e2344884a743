// Key figures of a park brochure (园区名片): area, land on offer, leading chains, 亩均 class
// mix, idle land being revitalised and the chain gaps the park wants filled (补链 targets).
// SQL builders over the contract tables and the rule results, and one runner.
//
// Land on offer (可供地) is park-availability.ts's, the figures the park-layout review shows:
// unsupplied land in the park polygon plus supplied land coming back, with vacant
// standard-factory floor reported apart in m² of floor (product model, "Available land"). So
// build the candidate sites (site-candidates.ts) at the same as-of date first.

import { type Db, rows } from '../data/db';
import { type Query, type SqlValue, inList, join, sql } from '../data/sql';
import { CHAIN_STAGES, type ChainStage, MU_PER_M2_SQL, muSql } from '../vocab';
import { runMujun } from './mujun';
import { parkAvailabilityQuery, splitChains } from './park-availability';
import type { UnsuppliedMethod } from './site-candidates';
import type { RuleSettings } from './settings';
import { ENSURE_TRACKING_TABLE, latestTrackingQuery } from './tracking-summary';

export interface ParkFigures {
  park_id: string;
  name: string;
  county: string;
  level: string | null;
  leading_chains: string | null;
  planned_area_ha: number | null;
  /** planned_area_ha in 亩 (1 公顷 = 15 亩); null when the plan is unknown. */
  plannedMu: number | null;
  parcels: number;
  parcelMu: number;
  /** Unsupplied land (park-availability.ts); null when neither an outline nor a plan is known. */
  unsuppliedMu: number | null;
  unsuppliedMethod: UnsuppliedMethod;
  /** Supplied land coming back: 无偿收回, 协议处置 or recorded 已收回. */
  returningMu: number;
  returningParcels: number;
  /** Idle parcels (idle_type other than none) and their land: supplied land that can come back. */
  idleParcels: number;
  idleMu: number;
  /** Idle parcels whose latest tracking record (as of the date) has a stage: work under way. */
  idleTracked: number;
  /** unsuppliedMu + returningMu (an unknown unsupplied area adds nothing). */
  availableMu: number;
  /**
   * 亩均 class mix by LAND AREA: 亩 of the park's parcels whose enterprise is in class A/B/C/D,
   * and of parcels whose enterprise could not be classed. Parcels without an enterprise are left out.
   */
  classMu: { A: number; B: number; C: number; D: number; unclassed: number };
  /** Vacant standard-factory floor (m² of floor); null when the park has no factory on record. */
  vacantFactoryM2: number | null;
}

export interface GapTarget {
  chain_id: string;
  chain_name: string;
  node_id: string;
  node_name: string;
  stage: ChainStage;
}

export interface BrochureFigures {
  parks: ParkFigures[];
  /** Per park_id: nodes of its leading chains with no enterprise in the counties looked at. */
  gaps: Record<string, GapTarget[]>;
  /** chain_id → chain_name of every chain in chain_nodes. */
  chainNames: Record<string, string>;
}

/** `col IN (…)` for a qualified column (inList quotes a bare name); an empty list matches nothing. */
const within = (col: Query, values: readonly SqlValue[]): Query =>
  values.length === 0 ? sql`FALSE` : sql`${col} IN (${values.map((v) => sql`${v}`)})`;

const classMuSql = (cls: string) => muSql(sql`COALESCE(sum(p.area_m2) FILTER (WHERE m.class = ${cls}), 0)`);

/**
 * One row per park of `parkIds` (in that order of ids sorted), from `parcel_findings` (run the land
 * rules first), the candidate sites (buildSiteCandidates), `enterprise_mujun` (runMujun) and `tracking`.
 */
export function parkFiguresQuery(parkIds: readonly string[], asOf: string): Query {
  return sql`
WITH t AS (SELECT parcel_id, stage FROM ${latestTrackingQuery(asOf)}),
av AS (${parkAvailabilityQuery()}),
f AS (
  SELECT p.park_id,
    CAST(count(*) AS INTEGER) AS parcels,
    COALESCE(sum(p.area_m2), 0) AS parcel_m2,
    CAST(count(*) FILTER (WHERE p.idle_type <> 'none') AS INTEGER) AS idle_parcels,
    COALESCE(sum(p.area_m2) FILTER (WHERE p.idle_type <> 'none'), 0) AS idle_m2,
    CAST(count(*) FILTER (WHERE p.idle_type <> 'none' AND t.stage IS NOT NULL) AS INTEGER) AS idle_tracked,
    ${classMuSql('A')} AS a_mu, ${classMuSql('B')} AS b_mu, ${classMuSql('C')} AS c_mu, ${classMuSql('D')} AS d_mu,
    ${muSql(sql`COALESCE(sum(p.area_m2) FILTER (WHERE m.enterprise_id IS NOT NULL AND m.class IS NULL), 0)`)} AS un_mu
  FROM parcel_findings p
  LEFT JOIN enterprise_mujun m ON m.enterprise_id = p.enterprise_id
  LEFT JOIN t ON t.parcel_id = p.parcel_id
  WHERE ${within(sql`p.park_id`, parkIds)}
  GROUP BY p.park_id
)
SELECT k.park_id, k.name, k.county, k.level, k.leading_chains, k.planned_area_ha,
  k.planned_area_ha * 15.0 AS "plannedMu",
  COALESCE(f.parcels, 0) AS parcels,
  COALESCE(f.parcel_m2, 0) * ${MU_PER_M2_SQL} AS "parcelMu",
  av."unsuppliedAreaMu" AS "unsuppliedMu", av."unsuppliedMethod",
  av."returningAreaMu" AS "returningMu", av."returningParcels", av."availableAreaMu" AS "availableMu",
  COALESCE(f.idle_parcels, 0) AS "idleParcels",
  COALESCE(f.idle_m2, 0) * ${MU_PER_M2_SQL} AS "idleMu",
  COALESCE(f.idle_tracked, 0) AS "idleTracked",
  COALESCE(f.a_mu, 0) AS a_mu, COALESCE(f.b_mu, 0) AS b_mu, COALESCE(f.c_mu, 0) AS c_mu, COALESCE(f.d_mu, 0) AS d_mu,
  COALESCE(f.un_mu, 0) AS un_mu,
  av."vacantFloorM2" AS "vacantFactoryM2"
FROM parks k LEFT JOIN f ON f.park_id = k.park_id LEFT JOIN av ON av.park_id = k.park_id
WHERE ${within(sql`k.park_id`, parkIds)}
ORDER BY k.park_id`;
}

/** Nodes of `chainIds` with no enterprise in `counties`, upstream → downstream, then node id. */
export function gapTargetsQuery(chainIds: readonly string[], counties: readonly string[]): Query {
  const stageOrder = join(
    CHAIN_STAGES.map((s, i) => sql`WHEN ${s} THEN CAST(${i} AS INTEGER)`),
    ' ',
  );
  return sql`
SELECT n.chain_id, n.chain_name, n.node_id, n.node_name, n.stage
FROM chain_nodes n
WHERE ${within(sql`n.chain_id`, chainIds)}
  AND NOT EXISTS (SELECT 1 FROM enterprises e WHERE e.chain_node = n.node_id AND ${within(sql`e.county`, counties)})
ORDER BY n.chain_id, CASE n.stage ${stageOrder} ELSE 9 END, n.node_id`;
}

async function tableExists(db: Db, name: string): Promise<boolean> {
  const r = rows<{ n: number }>(await db.query(sql`SELECT CAST(count(*) AS INTEGER) AS n FROM duckdb_tables() WHERE table_name = ${name}`));
  return (r[0]?.n ?? 0) > 0;
}

interface FigureRow extends Omit<ParkFigures, 'classMu'> {
  a_mu: number;
  b_mu: number;
  c_mu: number;
  d_mu: number;
  un_mu: number;
}

export interface BrochureScope {
  parkIds: readonly string[];
  /** Counties whose enterprises count as present for 补链 (the park's county, or the group's). */
  gapCounties: (park: { county: string }) => readonly string[];
  asOf: string;
  settings: RuleSettings;
}

/** The figures of every park in scope. The land rules and buildSiteCandidates must have run at `asOf`. */
export async function brochureFigures(db: Db, scope: BrochureScope): Promise<BrochureFigures> {
  const hasEnterprises = await tableExists(db, 'enterprises');
  if (hasEnterprises) await runMujun(db, scope.settings);
  else await db.query(sql`CREATE TABLE IF NOT EXISTS enterprise_mujun (enterprise_id VARCHAR, class VARCHAR)`);
  await db.query(ENSURE_TRACKING_TABLE);
  const raw = rows<FigureRow>(await db.query(parkFiguresQuery(scope.parkIds, scope.asOf)));
  const parks = raw.map(({ a_mu, b_mu, c_mu, d_mu, un_mu, ...r }) => ({
    ...r,
    classMu: { A: a_mu, B: b_mu, C: c_mu, D: d_mu, unclassed: un_mu },
  }));
  const gaps: Record<string, GapTarget[]> = {};
  const chainNames: Record<string, string> = {};
  if (await tableExists(db, 'chain_nodes')) {
    for (const r of rows<{ chain_id: string; chain_name: string }>(await db.query(sql`SELECT DISTINCT chain_id, chain_name FROM chain_nodes`))) {
      chainNames[r.chain_id] = r.chain_name;
    }
    for (const p of parks) {
      const chains = splitChains(p.leading_chains);
      const counties = scope.gapCounties(p);
      gaps[p.park_id] = hasEnterprises
        ? rows<GapTarget>(await db.query(gapTargetsQuery(chains, counties)))
        : rows<GapTarget>(await db.query(sql`SELECT chain_id, chain_name, node_id, node_name, stage FROM chain_nodes WHERE ${inList('chain_id', chains)} ORDER BY chain_id, node_id`));
    }
  }
  return { parks, gaps, chainNames };
}

/** Shares of the classed land, A → D, each 0–1 (all 0 when nothing is classed). */
export function classShares(m: ParkFigures['classMu']): { A: number; B: number; C: number; D: number } {
  const total = m.A + m.B + m.C + m.D;
  if (total <= 0) return { A: 0, B: 0, C: 0, D: 0 };
  return { A: m.A / total, B: m.B / total, C: m.C / total, D: m.D / total };
}
