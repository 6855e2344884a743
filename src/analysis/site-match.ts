// 项目选址: candidate sites (`site_candidates`) ranked for a project. One SQL query over the
// candidates, parks, parcels, enterprises, the chain tables and the planning-zone checks:
//
// 1. Scope: sites in the chosen counties (preferred counties and a promotion group's members,
//    which is the point of 组团招商) and park levels; empty lists mean all.
// 2. Hard limits first (excluded sites are returned with their reasons, never dropped):
//    outside the 城镇开发边界, inside 永久基本农田 or 生态保护红线 (`site_zone_checks`; NULL = that
//    kind of zone was not imported, so not checked); a 控规 land class that cannot take the
//    project's class (GB 50137-2011, see landClassesFor); a returning parcel whose land use is
//    another than the project's, or a standard factory for a project that is not industrial or
//    warehouse.
// 3. Scores, each 0–1 (NULL = 无数据: a table, column or value the score needs is missing):
//    - chain: a weighted mean (CHAIN_PARTS) of (a) lead: the park's leading_chains contain the
//      project's chain (1/0; a site outside parks 0); (b) cluster: enterprises on the project's
//      own node within the distance / matchPartnersFull, capped at 1; (c) partners: suppliers +
//      customers within the distance / matchPartnersFull, capped at 1. Suppliers are enterprises
//      on nodes linked into the project's nodes (chain_links from → to), customers those on
//      nodes the project's nodes link to. A part whose table or column is missing drops out.
//    - land: a site's area inside the need's min–max is 1; below min it is area/min, above max
//      max/area for a returning parcel (a parcel is supplied whole) but 1 for unsupplied park
//      land, which is cut to the project's size when supplied. A factory's vacant floor against the least land needed (a plot ratio of 1,
//      i.e. the floor the project would have built on its land): vacant/need capped at 1.
//    - readiness: READINESS_SCORE; level: LEVEL_SCORE (a site outside parks 0).
//    - mujun: share of A/B-class enterprises among the classed ones within the distance
//      (classes from the 亩均 evaluation, mujun.ts).
//    Total = Σ wᵢ·scoreᵢ / Σ wᵢ over the scores that are not NULL: a missing input neither
//    counts as 0 nor lets a site win on the rest (every site lacks the same table).
// Distances are great-circle (haversine, mean Earth radius 6371.0088 km, as Turf) between the
// sites' and enterprises' points; an enterprise is placed at the mean label point of its
// parcels, else at its park's.

import { type Db, rows } from '../data/db';
import { type Query, inlined, join, raw, sql } from '../data/sql';
import type { MatchSettings } from './match-settings';
import type { RuleSettings } from './settings';
import { mujunQuery } from './mujun';
import { type Exclusion, type MatchInput, landClassesFor } from './site-match-need';
import { type Schema, hasColumns, hasTable, readSchema, tolerantSelect } from './site-match-schema';
import { M2_PER_MU } from '../vocab';

/** Readiness → score. Ready land can be supplied now; recovered land needs re-supply only;
 *  recovery still under way takes months; land in 协议处置 may take years. */
export const READINESS_SCORE = { ready: 1, recovered: 0.8, recovering: 0.5, disputed: 0.2 } as const;
/** Park level → score: higher levels bring more policy room and services. */
export const LEVEL_SCORE = { national: 1, provincial: 0.75, municipal: 0.5, county: 0.25 } as const;

/**
 * Weights of chain fit's parts. The cluster of the same node counts double: a project goes where
 * its industry already is (specialised labour, shared suppliers, the industry's own
 * infrastructure — for PCB the plating-wastewater treatment a park must have), while a stated
 * leading chain is an intention and suppliers and customers mainly save transport.
 */
export const CHAIN_PARTS = { lead: 0.25, cluster: 0.5, partners: 0.25 } as const;

export const SCORE_KEYS = ['chain', 'land', 'readiness', 'level', 'mujun'] as const;
export type ScoreKey = (typeof SCORE_KEYS)[number];

/** One candidate site with its figures and scores. */
export interface SiteScore {
  site_id: string;
  kind: string;
  park_id: string | null;
  park_name: string | null;
  county: string | null;
  area_m2: number | null;
  vacant_floor_m2: number | null;
  readiness: string | null;
  parcel_id: string | null;
  factory_id: string | null;
  cx: number | null;
  cy: number | null;
  level: string | null;
  land_class: string | null;
  /** The park's leading chains contain the project's chain; null unknown. */
  lead: boolean | null;
  suppliers: number;
  customers: number;
  /** Enterprises on the project's own node within the distance (the cluster). */
  peers: number;
  /** Classed enterprises within the distance, and those in class A or B. */
  nearby_classed: number;
  nearby_ab: number;
  /** Exclusion codes joined by ';', '' when the site is ranked. */
  excluded: string;
  chain: number | null;
  land: number | null;
  readiness_score: number | null;
  level_score: number | null;
  mujun: number | null;
  total: number | null;
}

export interface SitePartner {
  site_id: string;
  role: 'supplier' | 'customer' | 'peer';
  enterprise_id: string;
  name: string;
  node_name: string | null;
  county: string | null;
  km: number;
}

export interface MatchResult {
  /** Ranked sites, best first. */
  ranked: SiteScore[];
  /** Sites the hard limits exclude, each with its reasons, by site_id. */
  excluded: (SiteScore & { reasons: Exclusion[] })[];
  /** Suppliers, customers and same-node firms within the distance of each site, nearest first (PARTNERS_LISTED per role). */
  partners: SitePartner[];
  /** Scores that cannot be computed for any site (a table or column is missing). */
  noData: ScoreKey[];
  /** Zone checks that were applied (a site_zone_checks table with that column). */
  zoneChecks: boolean;
  /** False when there is no site_candidates table at all. */
  hasCandidates: boolean;
}

const EARTH_RADIUS_KM = 6371.0088;

/** SQL: great-circle distance in km between (x1, y1) and (x2, y2), degrees. */
export function kmSql(x1: string, y1: string, x2: string, y2: string): Query {
  const r = (a: string) => `radians(${a})`;
  return sql`(2 * ${EARTH_RADIUS_KM} * asin(sqrt(pow(sin((${raw(r(y2))} - ${raw(r(y1))}) / 2), 2) + cos(${raw(r(y1))}) * cos(${raw(r(y2))}) * pow(sin((${raw(r(x2))} - ${raw(r(x1))}) / 2), 2))))`;
}

const SITE_COLS = [
  ['site_id', 'VARCHAR'], ['kind', 'VARCHAR'], ['park_id', 'VARCHAR'], ['county', 'VARCHAR'], ['area_m2', 'DOUBLE'],
  ['vacant_floor_m2', 'DOUBLE'], ['readiness', 'VARCHAR'], ['parcel_id', 'VARCHAR'], ['factory_id', 'VARCHAR'],
  ['cx', 'DOUBLE'], ['cy', 'DOUBLE'],
] as const;
const ZONE_COLS = [['site_id', 'VARCHAR'], ['outside_urban', 'BOOLEAN'], ['in_farmland', 'BOOLEAN'], ['in_redline', 'BOOLEAN'], ['land_class', 'VARCHAR']] as const;
const PARK_COLS = [['park_id', 'VARCHAR'], ['name', 'VARCHAR'], ['level', 'VARCHAR'], ['leading_chains', 'VARCHAR'], ['cx', 'DOUBLE'], ['cy', 'DOUBLE']] as const;
const PARCEL_COLS = [['parcel_id', 'VARCHAR'], ['land_use', 'VARCHAR'], ['enterprise_id', 'VARCHAR'], ['cx', 'DOUBLE'], ['cy', 'DOUBLE']] as const;
const ENT_COLS = [['enterprise_id', 'VARCHAR'], ['name', 'VARCHAR'], ['county', 'VARCHAR'], ['park_id', 'VARCHAR'], ['chain_node', 'VARCHAR']] as const;
const NODE_COLS = [['chain_id', 'VARCHAR'], ['node_id', 'VARCHAR'], ['node_name', 'VARCHAR']] as const;
const LINK_COLS = [['from_node', 'VARCHAR'], ['to_node', 'VARCHAR']] as const;
const MUJUN_INPUT_COLUMNS = ['enterprise_id', 'employees', 'revenue_wan', 'value_added_wan', 'tax_wan', 'energy_tce', 'rd_expense_wan'];

/** Scores no site can have, given the tables and columns present. */
export function unavailableScores(schema: Schema, input: MatchInput): ScoreKey[] {
  const out: ScoreKey[] = [];
  const nodes = input.nodeIds.length > 0 && hasColumns(schema, 'chain_nodes', ['node_id', 'chain_id']);
  const lead = hasColumns(schema, 'parks', ['leading_chains']);
  const partners = hasColumns(schema, 'chain_links', ['from_node', 'to_node']) && hasColumns(schema, 'enterprises', ['chain_node']);
  const peers = hasColumns(schema, 'enterprises', ['chain_node']);
  if (!nodes || (!lead && !partners && !peers)) out.push('chain');
  if (input.muMin === null && input.muMax === null) out.push('land');
  else if (!hasColumns(schema, 'site_candidates', ['area_m2']) && !hasColumns(schema, 'site_candidates', ['vacant_floor_m2'])) out.push('land');
  if (!hasColumns(schema, 'site_candidates', ['readiness'])) out.push('readiness');
  if (!hasColumns(schema, 'parks', ['level'])) out.push('level');
  if (!hasColumns(schema, 'enterprises', MUJUN_INPUT_COLUMNS) || !hasColumns(schema, 'parcels', ['enterprise_id', 'area_m2'])) out.push('mujun');
  return out;
}

const caseOf = (column: string, scores: Record<string, number>): Query =>
  sql`CASE ${raw(column)} ${join(Object.entries(scores).map(([k, v]) => sql`WHEN ${k} THEN ${v}`), ' ')} END`;

function landScore(input: MatchInput): Query {
  const min = input.muMin === null ? null : input.muMin * M2_PER_MU;
  const max = input.muMax === null ? null : input.muMax * M2_PER_MU;
  const floorNeed = min ?? max;
  if (floorNeed === null) return sql`CAST(NULL AS DOUBLE)`;
  const below = min === null ? sql`FALSE` : sql`s.area_m2 < ${min}`;
  const above = max === null ? sql`FALSE` : sql`s.area_m2 > ${max}`;
  return sql`CASE
    WHEN s.kind = 'factory' THEN CASE WHEN s.vacant_floor_m2 IS NULL THEN NULL
      WHEN s.vacant_floor_m2 >= ${floorNeed} THEN 1.0 ELSE greatest(s.vacant_floor_m2, 0) / ${floorNeed} END
    WHEN s.area_m2 IS NULL THEN NULL
    WHEN ${below} THEN greatest(s.area_m2, 0) / ${min ?? 1}
    WHEN ${above} AND s.kind <> 'unsupplied' THEN ${max ?? 0} / s.area_m2
    ELSE 1.0 END`;
}

function exclusions(input: MatchInput): Query {
  const reasons: Query[] = [
    sql`CASE WHEN z.outside_urban THEN 'outside_urban' END`,
    sql`CASE WHEN z.in_farmland THEN 'farmland' END`,
    sql`CASE WHEN z.in_redline THEN 'redline' END`,
  ];
  if (input.industrialClass !== null) {
    const ok = landClassesFor(input.industrialClass);
    // '' = 控规 imported but covering none of the site: unknown, so not a reason to exclude.
    reasons.push(sql`CASE WHEN z.land_class IS NOT NULL AND trim(z.land_class) <> '' AND upper(trim(z.land_class)) NOT IN (${ok.map((c) => sql`${c}`)}) THEN 'land_class' END`);
  }
  if (input.landUse !== null) {
    reasons.push(sql`CASE WHEN s.kind = 'returning' AND p.land_use IS NOT NULL AND p.land_use <> ${input.landUse} THEN 'land_use' END`);
    if (input.landUse !== 'industrial' && input.landUse !== 'warehouse') reasons.push(sql`CASE WHEN s.kind = 'factory' THEN 'land_use' END`);
  }
  return sql`concat_ws(';', ${reasons})`;
}

/** The per-site query: scope, exclusions, raw figures and scores, best first. */
export function siteMatchQuery(input: MatchInput, ms: MatchSettings, rules: RuleSettings, schema: Schema): Query {
  const missing = new Set(unavailableScores(schema, input));
  const d = input.distanceKm;
  const scope: Query[] = [sql`TRUE`];
  if (input.counties.length > 0) scope.push(sql`s.county IN (${input.counties.map((c) => sql`${c}`)})`);
  if (input.levels.length > 0) scope.push(sql`k.level IN (${input.levels.map((l) => sql`${l}`)})`);
  const needNodes = input.nodeIds.length > 0 ? sql`node_id IN (${input.nodeIds.map((n) => sql`${n}`)})` : sql`FALSE`;
  const mujun = missing.has('mujun') ? sql`SELECT CAST(NULL AS VARCHAR) AS enterprise_id, CAST(NULL AS VARCHAR) AS class WHERE FALSE` : mujunQuery(rules);
  const hasLead = hasColumns(schema, 'parks', ['leading_chains']);
  const hasPartners = hasColumns(schema, 'chain_links', ['from_node', 'to_node']) && hasColumns(schema, 'enterprises', ['chain_node']);
  const nul = sql`CAST(NULL AS DOUBLE)`;
  const lead = missing.has('chain') || !hasLead ? sql`CAST(NULL AS BOOLEAN)`
    : sql`CASE WHEN s.park_id IS NULL OR s.park_known IS NULL THEN FALSE WHEN s.leading_chains IS NULL THEN NULL
        ELSE EXISTS (SELECT 1 FROM need_chain nc WHERE contains(';' || replace(replace(s.leading_chains, '；', ';'), ' ', '') || ';', ';' || nc.chain_id || ';')) END`;
  const partnerPart = missing.has('chain') || !hasPartners ? nul
    : sql`CASE WHEN s.cx IS NULL OR s.cy IS NULL THEN NULL ELSE least((COALESCE(pc.suppliers, 0) + COALESCE(pc.customers, 0)) / ${ms.matchPartnersFull}, 1.0) END`;
  const hasPeers = hasColumns(schema, 'enterprises', ['chain_node']);
  const clusterPart = missing.has('chain') || !hasPeers ? nul
    : sql`CASE WHEN s.cx IS NULL OR s.cy IS NULL THEN NULL ELSE least(COALESCE(pc.peers, 0) / ${ms.matchPartnersFull}, 1.0) END`;
  const w = {
    chain: ms.matchChainWeight, land: ms.matchLandWeight, readiness: ms.matchReadinessWeight,
    level: ms.matchLevelWeight, mujun: ms.matchMujunWeight,
  };
  const weighted = join(SCORE_KEYS.map((k) => sql`${w[k]} * COALESCE(${raw(k === 'readiness' ? 'readiness_score' : k === 'level' ? 'level_score' : k)}, 0)`), ' + ');
  const weights = join(SCORE_KEYS.map((k) => sql`${w[k]} * CAST(${raw(k === 'readiness' ? 'readiness_score' : k === 'level' ? 'level_score' : k)} IS NOT NULL AS INTEGER)`), ' + ');
  const km = (a: string, b: string) => kmSql(`${a}.cx`, `${a}.cy`, `${b}.x`, `${b}.y`);
  return sql`
WITH cand AS (${tolerantSelect(schema, 'site_candidates', SITE_COLS)}),
zone AS (${tolerantSelect(schema, 'site_zone_checks', ZONE_COLS)}),
${firmCtes(schema, needNodes)},
need_chain AS (SELECT DISTINCT chain_id FROM need_node WHERE chain_id IS NOT NULL),
site AS (
  SELECT s.*, k.name AS park_name, k.level, k.leading_chains, z.land_class,
    ${exclusions(input)} AS excluded, k.park_id AS park_known
  FROM cand s LEFT JOIN park k ON k.park_id = s.park_id
  LEFT JOIN zone z ON z.site_id = s.site_id
  LEFT JOIN parcel p ON p.parcel_id = s.parcel_id
  WHERE ${join(scope, ' AND ')}
),
partner AS (
  SELECT s.site_id, r.role, r.enterprise_id, ${km('s', 'r')} AS km
  FROM site s JOIN (
    SELECT 'supplier' AS role, * FROM ent WHERE chain_node IN (SELECT node_id FROM sup_node)
    UNION ALL SELECT 'customer' AS role, * FROM ent WHERE chain_node IN (SELECT node_id FROM cus_node)
    UNION ALL SELECT 'peer' AS role, * FROM ent WHERE chain_node IN (SELECT node_id FROM need_node)
  ) r ON r.x IS NOT NULL AND s.cx IS NOT NULL
),
pc AS (
  SELECT site_id,
    CAST(count(*) FILTER (WHERE role = 'supplier') AS INTEGER) AS suppliers,
    CAST(count(*) FILTER (WHERE role = 'customer') AS INTEGER) AS customers,
    CAST(count(*) FILTER (WHERE role = 'peer') AS INTEGER) AS peers
  FROM partner WHERE km <= ${d} GROUP BY site_id
),
mj AS (${mujun}),
nb AS (
  SELECT s.site_id,
    CAST(count(m.class) AS INTEGER) AS nearby_classed,
    CAST(count(*) FILTER (WHERE m.class IN ('A', 'B')) AS INTEGER) AS nearby_ab
  FROM site s JOIN ent e ON e.x IS NOT NULL AND s.cx IS NOT NULL
  JOIN mj m ON m.enterprise_id = e.enterprise_id
  WHERE ${km('s', 'e')} <= ${d}
  GROUP BY s.site_id
),
scored AS (
  SELECT s.site_id, s.kind, s.park_id, s.park_name, s.county, s.area_m2, s.vacant_floor_m2, s.readiness,
    s.parcel_id, s.factory_id, s.cx, s.cy, s.level, s.land_class, ${lead} AS lead,
    COALESCE(pc.suppliers, 0) AS suppliers, COALESCE(pc.customers, 0) AS customers, COALESCE(pc.peers, 0) AS peers,
    COALESCE(nb.nearby_classed, 0) AS nearby_classed, COALESCE(nb.nearby_ab, 0) AS nearby_ab,
    s.excluded, ${partnerPart} AS partner_part, ${clusterPart} AS cluster_part,
    ${missing.has('land') ? nul : landScore(input)} AS land,
    ${missing.has('readiness') ? nul : caseOf('s.readiness', READINESS_SCORE)} AS readiness_score,
    ${missing.has('level') ? nul : sql`CASE WHEN s.park_id IS NULL OR s.park_known IS NULL THEN 0.0 ELSE ${caseOf('s.level', LEVEL_SCORE)} END`} AS level_score,
    ${missing.has('mujun') ? nul : sql`CASE WHEN COALESCE(nb.nearby_classed, 0) > 0 THEN nb.nearby_ab / nb.nearby_classed END`} AS mujun
  FROM site s LEFT JOIN pc ON pc.site_id = s.site_id LEFT JOIN nb ON nb.site_id = s.site_id
),
chained AS (
  SELECT * EXCLUDE (partner_part, cluster_part),
    CASE WHEN lead IS NULL AND partner_part IS NULL AND cluster_part IS NULL THEN NULL
      ELSE (${CHAIN_PARTS.lead} * COALESCE(CAST(lead AS INTEGER), 0) + ${CHAIN_PARTS.cluster} * COALESCE(cluster_part, 0)
          + ${CHAIN_PARTS.partners} * COALESCE(partner_part, 0))
        / (${CHAIN_PARTS.lead} * CAST(lead IS NOT NULL AS INTEGER) + ${CHAIN_PARTS.cluster} * CAST(cluster_part IS NOT NULL AS INTEGER)
          + ${CHAIN_PARTS.partners} * CAST(partner_part IS NOT NULL AS INTEGER)) END AS chain
  FROM scored
),
rounded AS (
  SELECT * REPLACE (round(chain, 6) AS chain, round(land, 6) AS land, round(readiness_score, 6) AS readiness_score,
    round(level_score, 6) AS level_score, round(mujun, 6) AS mujun)
  FROM chained
)
SELECT *, round((${weighted}) / NULLIF(${weights}, 0), 6) AS total
FROM rounded
ORDER BY excluded <> '', total DESC NULLS LAST, site_id`;
}

/**
 * The tables both queries read, and the firms around: the project's nodes (need_node), the nodes
 * supplying them (sup_node) and buying from them (cus_node) by the chain links, and each
 * enterprise placed at its parcels' mean label point, else its park's (ent).
 */
function firmCtes(schema: Schema, needNodes: Query): Query {
  return sql`park AS (${tolerantSelect(schema, 'parks', PARK_COLS)}),
parcel AS (${tolerantSelect(schema, 'parcels', PARCEL_COLS)}),
ent0 AS (${tolerantSelect(schema, 'enterprises', ENT_COLS)}),
node AS (${tolerantSelect(schema, 'chain_nodes', NODE_COLS)}),
link AS (${tolerantSelect(schema, 'chain_links', LINK_COLS)}),
need_node AS (SELECT DISTINCT node_id, chain_id FROM node WHERE ${needNodes}),
sup_node AS (SELECT DISTINCT from_node AS node_id FROM link WHERE to_node IN (SELECT node_id FROM need_node) AND from_node NOT IN (SELECT node_id FROM need_node)),
cus_node AS (SELECT DISTINCT to_node AS node_id FROM link WHERE from_node IN (SELECT node_id FROM need_node) AND to_node NOT IN (SELECT node_id FROM need_node)),
ent_at AS (
  SELECT enterprise_id, avg(cx) AS x, avg(cy) AS y FROM parcel
  WHERE enterprise_id IS NOT NULL AND cx IS NOT NULL AND cy IS NOT NULL GROUP BY enterprise_id
),
ent AS (
  SELECT e.enterprise_id, e.name, e.county, e.chain_node,
    CASE WHEN a.x IS NOT NULL THEN a.x ELSE k.cx END AS x, CASE WHEN a.x IS NOT NULL THEN a.y ELSE k.cy END AS y
  FROM ent0 e LEFT JOIN ent_at a ON a.enterprise_id = e.enterprise_id LEFT JOIN park k ON k.park_id = e.park_id
)`;
}

/** How many partners of each role a site lists by name (a large region has hundreds nearby). */
export const PARTNERS_LISTED = 20;

/** Suppliers, customers and same-node firms within the distance of each site in scope, nearest first. */
export function sitePartnersQuery(input: MatchInput, schema: Schema): Query {
  const needNodes = input.nodeIds.length > 0 ? sql`node_id IN (${input.nodeIds.map((n) => sql`${n}`)})` : sql`FALSE`;
  const scope: Query[] = [sql`TRUE`];
  if (input.counties.length > 0) scope.push(sql`s.county IN (${input.counties.map((c) => sql`${c}`)})`);
  if (input.levels.length > 0) scope.push(sql`k.level IN (${input.levels.map((l) => sql`${l}`)})`);
  return sql`
WITH cand AS (${tolerantSelect(schema, 'site_candidates', SITE_COLS)}),
${firmCtes(schema, needNodes)},
site AS (SELECT s.* FROM cand s LEFT JOIN park k ON k.park_id = s.park_id WHERE ${join(scope, ' AND ')}),
partner AS (
  SELECT s.site_id, r.role, r.enterprise_id, r.name, n.node_name, r.county, ${kmSql('s.cx', 's.cy', 'r.x', 'r.y')} AS km
  FROM site s JOIN (
    SELECT 'supplier' AS role, * FROM ent WHERE chain_node IN (SELECT node_id FROM sup_node)
    UNION ALL SELECT 'customer' AS role, * FROM ent WHERE chain_node IN (SELECT node_id FROM cus_node)
    UNION ALL SELECT 'peer' AS role, * FROM ent WHERE chain_node IN (SELECT node_id FROM need_node)
  ) r ON r.x IS NOT NULL AND s.cx IS NOT NULL
  LEFT JOIN (SELECT DISTINCT node_id, node_name FROM node) n ON n.node_id = r.chain_node
)
SELECT site_id, role, enterprise_id, COALESCE(name, enterprise_id) AS name, node_name, county, round(km, 3) AS km
FROM partner WHERE km <= ${input.distanceKm}
-- The nearest of each role are named; the counts (siteMatchQuery) cover all of them.
QUALIFY row_number() OVER (PARTITION BY site_id, role ORDER BY km, enterprise_id) <= ${PARTNERS_LISTED}
ORDER BY site_id, role DESC, km, enterprise_id`;
}

const EXCLUSION_ORDER: readonly Exclusion[] = ['outside_urban', 'farmland', 'redline', 'land_class', 'land_use'];

/** Runs the matching. Reads the schema first, so a workspace lacking a table still matches. */
export async function matchSites(db: Db, input: MatchInput, ms: MatchSettings, rules: RuleSettings, schema?: Schema): Promise<MatchResult> {
  const sch = schema ?? (await readSchema(db));
  const noData = unavailableScores(sch, input);
  if (!hasTable(sch, 'site_candidates')) {
    return { ranked: [], excluded: [], partners: [], noData, zoneChecks: false, hasCandidates: false };
  }
  const all = rows<SiteScore>(await db.query(inlined(siteMatchQuery(input, ms, rules, sch))));
  const partners = rows<SitePartner>(await db.query(inlined(sitePartnersQuery(input, sch))));
  const ranked = all.filter((r) => r.excluded === '');
  const excluded = all
    .filter((r) => r.excluded !== '')
    .sort((a, b) => (a.site_id < b.site_id ? -1 : a.site_id > b.site_id ? 1 : 0))
    .map((r) => ({ ...r, reasons: EXCLUSION_ORDER.filter((x) => r.excluded.split(';').includes(x)) }));
  return { ranked, excluded, partners, noData, zoneChecks: hasTable(sch, 'site_zone_checks'), hasCandidates: true };
}
