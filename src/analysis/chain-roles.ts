// Long/short chain roles (长链带短链, 市区带县域). Urban districts (市辖区) usually hold the
// long, high-value nodes (整机, 终端); counties hold short supporting nodes and the land.
// For each chain: which counties hold which stage; and suggestions pairing a district's node
// with a county's node that a chain link connects, where the county still has land to offer.
//
// Whether a county "holds" a node is read from enterprises (an enterprise on that node in that
// county), because the question is who can buy from or sell to whom; land is the county's
// park availability (park-availability.ts: idle + unsupplied land), so run the land rules first.

import { type Db, rows } from '../data/db';
import { type Query, sql } from '../data/sql';
import { type ParkAvailability, parkAvailability } from './park-availability';

import { CHAIN_STAGES, type ChainStage, countyName } from '../vocab';

/** `column IN (…)`; an empty list matches nothing. `column` is a trusted, qualified name. */
function inCounties(column: Query, counties: readonly string[]): Query {
  if (counties.length === 0) return sql`FALSE`;
  return sql`${column} IN (${counties.map((c) => sql`${c}`)})`;
}

// ---------------------------------------------------------------------------------------
// Counties × stages

export interface StageCell {
  enterprises: number;
  nodes: { node_id: string; node_name: string; enterprises: number }[];
}

export interface LayoutCounty {
  county: string;
  isDistrict: boolean;
  enterprises: number;
}

export interface ChainLayout {
  chain_id: string;
  stages: readonly ChainStage[];
  /** Counties with an enterprise on this chain: districts first, then counties (zh order). */
  counties: LayoutCounty[];
  /** cells[countyIndex][stageIndex] */
  cells: StageCell[][];
}

export function chainStageQuery(chainId: string): Query {
  return sql`
SELECT e.county, c.stage, c.node_id, min(c.node_name) AS node_name, CAST(count(*) AS INTEGER) AS enterprises
FROM enterprises e JOIN chain_nodes c ON c.node_id = e.chain_node
WHERE c.chain_id = ${chainId}
GROUP BY e.county, c.stage, c.node_id
ORDER BY e.county, c.node_id`;
}

export async function chainLayout(db: Db, chainId: string, districts: readonly string[]): Promise<ChainLayout> {
  const r = rows<{ county: string; stage: ChainStage; node_id: string; node_name: string; enterprises: number }>(
    await db.query(chainStageQuery(chainId)),
  );
  const isDistrict = new Set(districts);
  const names = [...new Set(r.map((x) => x.county))].sort(
    (a, b) => Number(isDistrict.has(b)) - Number(isDistrict.has(a)) || a.localeCompare(b, 'zh'),
  );
  const row = new Map(names.map((n, i) => [n, i]));
  const cells: StageCell[][] = names.map(() => CHAIN_STAGES.map(() => ({ enterprises: 0, nodes: [] })));
  const counties: LayoutCounty[] = names.map((county) => ({ county, isDistrict: isDistrict.has(county), enterprises: 0 }));
  for (const x of r) {
    const s = CHAIN_STAGES.indexOf(x.stage);
    if (s < 0) continue;
    const i = row.get(x.county)!;
    cells[i][s].enterprises += x.enterprises;
    cells[i][s].nodes.push({ node_id: x.node_id, node_name: x.node_name, enterprises: x.enterprises });
    counties[i].enterprises += x.enterprises;
  }
  return { chain_id: chainId, stages: CHAIN_STAGES, counties, cells };
}

// ---------------------------------------------------------------------------------------
// Suggestions: district node ↔ county node

export type LinkDirection = 'county_supplies_district' | 'district_supplies_county';

export interface LayoutSuggestion {
  district: string;
  districtNode: string;
  districtNodeName: string;
  districtChain: string | null;
  districtEnterprises: number;
  county: string;
  countyNode: string;
  countyNodeName: string;
  countyChain: string | null;
  countyEnterprises: number;
  /** The chain link as stored: from_node supplies to_node. */
  from_node: string;
  to_node: string;
  direction: LinkDirection;
  /** districtEnterprises × countyEnterprises: how much trade the link can carry; the sort key. */
  strength: number;
  /** Sum of availableAreaMu over the county's parks (> 0 by construction). */
  countyAvailableAreaMu: number;
  /** The county's parks with available land, most first. */
  countyParks: { park_id: string; name: string; availableAreaMu: number }[];
  textZh: string;
  textEn: string;
}

interface SuggestionRow {
  district: string;
  districtNode: string;
  districtNodeName: string | null;
  districtChain: string | null;
  districtEnterprises: number;
  county: string;
  countyNode: string;
  countyNodeName: string | null;
  countyChain: string | null;
  countyEnterprises: number;
  from_node: string;
  to_node: string;
  direction: LinkDirection;
}

/**
 * Every (district D holding X, county C holding Y) where a link X→Y or Y→X exists and C is not
 * a district. With `chainId`, only links with an end in that chain.
 */
export function layoutPairsQuery(districts: readonly string[], chainId?: string): Query {
  const chainFilter = chainId === undefined ? sql`TRUE` : sql`(dn.chain_id = ${chainId} OR cn.chain_id = ${chainId})`;
  return sql`
WITH held AS (
  SELECT county, chain_node AS node_id, CAST(count(*) AS INTEGER) AS n
  FROM enterprises WHERE chain_node IS NOT NULL GROUP BY county, chain_node
),
l AS (SELECT DISTINCT from_node, to_node FROM chain_links WHERE from_node <> to_node)
SELECT d.county AS district, d.node_id AS "districtNode", dn.node_name AS "districtNodeName",
  dn.chain_id AS "districtChain", d.n AS "districtEnterprises",
  c.county, c.node_id AS "countyNode", cn.node_name AS "countyNodeName",
  cn.chain_id AS "countyChain", c.n AS "countyEnterprises",
  l.from_node, l.to_node,
  CASE WHEN l.from_node = c.node_id THEN 'county_supplies_district' ELSE 'district_supplies_county' END AS direction
FROM l
JOIN held d ON d.node_id = l.from_node OR d.node_id = l.to_node
JOIN held c ON c.node_id = CASE WHEN d.node_id = l.from_node THEN l.to_node ELSE l.from_node END
LEFT JOIN chain_nodes dn ON dn.node_id = d.node_id
LEFT JOIN chain_nodes cn ON cn.node_id = c.node_id
WHERE ${inCounties(sql`d.county`, districts)}
  AND NOT ${inCounties(sql`c.county`, districts)}
  AND ${chainFilter}
ORDER BY c.county, c.node_id, d.node_id, d.county`;
}

const mu = (v: number) => Math.round(v).toLocaleString('zh-CN');

function texts(
  districts: string,
  x: string,
  county: string,
  y: string,
  direction: LinkDirection,
  availableMu: number,
): { textZh: string; textEn: string } {
  const flowZh =
    direction === 'county_supplies_district' ? `${county}${y}为${districts}${x}配套供货` : `${districts}${x}为${county}${y}供货`;
  // English names the counties in pinyin (vocab/places.ts); `districts` is joined with 、.
  const districtsEn = districts.split('、').map((d) => countyName(d, 'en')).join(', ');
  const countyEn = countyName(county, 'en');
  const flowEn =
    direction === 'county_supplies_district' ? `${countyEn} ${y} supplies ${districtsEn} ${x}` : `${districtsEn} ${x} supplies ${countyEn} ${y}`;
  return {
    textZh: `${districts}「${x}」带动 ${county}「${y}」：${flowZh}；${county}园区可用地 ${mu(availableMu)} 亩`,
    textEn: `${districtsEn} “${x}” drives ${countyEn} “${y}”: ${flowEn}; ${mu(availableMu)} mu available in ${countyEn}’s parks`,
  };
}

/** Land on offer per county, from park availability. */
export function countyAvailability(parks: readonly ParkAvailability[]): Map<string, { total: number; parks: LayoutSuggestion['countyParks'] }> {
  const out = new Map<string, { total: number; parks: LayoutSuggestion['countyParks'] }>();
  for (const p of parks) {
    const e = out.get(p.county) ?? { total: 0, parks: [] };
    e.total += p.availableAreaMu;
    if (p.availableAreaMu > 0) e.parks.push({ park_id: p.park_id, name: p.name, availableAreaMu: p.availableAreaMu });
    out.set(p.county, e);
  }
  for (const e of out.values()) e.parks.sort((a, b) => b.availableAreaMu - a.availableAreaMu);
  return out;
}

/**
 * Long-chain-drives-short-chain suggestions, keeping only counties whose parks have land
 * (availableAreaMu > 0). Sorted by strength (enterprises on both ends multiplied: a pairing of
 * two real clusters outranks one of two stray firms), then the county's available land.
 */
export async function layoutSuggestions(
  db: Db,
  districts: readonly string[],
  chainId?: string,
  parks?: readonly ParkAvailability[],
): Promise<LayoutSuggestion[]> {
  const pairs = rows<SuggestionRow>(await db.query(layoutPairsQuery(districts, chainId)));
  const land = countyAvailability(parks ?? (await parkAvailability(db)));
  const out: LayoutSuggestion[] = [];
  for (const r of pairs) {
    const a = land.get(r.county);
    if (!a || !(a.total > 0)) continue;
    const districtNodeName = r.districtNodeName ?? r.districtNode;
    const countyNodeName = r.countyNodeName ?? r.countyNode;
    out.push({
      ...r,
      districtNodeName,
      countyNodeName,
      strength: r.districtEnterprises * r.countyEnterprises,
      countyAvailableAreaMu: a.total,
      countyParks: a.parks,
      ...texts(r.district, districtNodeName, r.county, countyNodeName, r.direction, a.total),
    });
  }
  out.sort(
    (x, y) =>
      y.strength - x.strength ||
      y.countyAvailableAreaMu - x.countyAvailableAreaMu ||
      x.county.localeCompare(y.county, 'zh') ||
      x.countyNode.localeCompare(y.countyNode) ||
      x.districtNode.localeCompare(y.districtNode) ||
      x.district.localeCompare(y.district, 'zh'),
  );
  return out;
}

export interface GroupedSuggestion {
  /** All districts holding the district node, e.g. 浈江区、武江区、曲江区. */
  districts: string[];
  districtNode: string;
  districtNodeName: string;
  districtEnterprises: number;
  county: string;
  countyNode: string;
  countyNodeName: string;
  countyEnterprises: number;
  direction: LinkDirection;
  /** Sum over the folded districts of districtEnterprises × countyEnterprises. */
  strength: number;
  countyAvailableAreaMu: number;
  textZh: string;
  textEn: string;
}

/**
 * Folds suggestions that differ only in the district into one line per county node and link
 * (e.g. 浈江区、武江区、曲江区「终端」带动 始兴县「PCB」), strongest first.
 */
export function groupLayoutSuggestions(list: readonly LayoutSuggestion[]): GroupedSuggestion[] {
  const groups = new Map<string, { first: LayoutSuggestion; districts: string[]; districtEnterprises: number; strength: number }>();
  for (const s of list) {
    const key = JSON.stringify([s.county, s.countyNode, s.districtNode, s.direction]);
    const g = groups.get(key);
    if (g) {
      g.districts.push(s.district);
      g.districtEnterprises += s.districtEnterprises;
      g.strength += s.strength;
    } else groups.set(key, { first: s, districts: [s.district], districtEnterprises: s.districtEnterprises, strength: s.strength });
  }
  const out = [...groups.values()].map(({ first: s, districts, districtEnterprises, strength }) => ({
    districts,
    districtNode: s.districtNode,
    districtNodeName: s.districtNodeName,
    districtEnterprises,
    county: s.county,
    countyNode: s.countyNode,
    countyNodeName: s.countyNodeName,
    countyEnterprises: s.countyEnterprises,
    direction: s.direction,
    strength,
    countyAvailableAreaMu: s.countyAvailableAreaMu,
    ...texts(districts.join('、'), s.districtNodeName, s.county, s.countyNodeName, s.direction, s.countyAvailableAreaMu),
  }));
  // Stable sort: equal strengths keep the order of the input list.
  return out.sort((x, y) => y.strength - x.strength);
}
