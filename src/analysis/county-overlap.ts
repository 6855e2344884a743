// County industry overlap (同质化) and complementarity. Each county's industry profile is a
// weight per industry-chain node; two counties whose profiles point the same way compete for
// the same projects, while a chain link from a node in one county to a node in the other is a
// supply relation worth promoting together.
//
// The profile is read from DuckDB once (one small query); the matrix and the pair detail are
// pure functions over it, so the UI can recompute them as the threshold moves.

import { type Db, rows } from '../data/db';
import { type Query, sql } from '../data/sql';
import { DEFAULT_OVERLAP_SETTINGS } from './review-settings';

export type ProfileBasis = 'output' | 'area';

/** Explanation of the index for the UI. */
export const OVERLAP_EXPLANATION = {
  zh:
    '重合指数 = 两县区产业结构向量的余弦相似度（0–1）。每个县区按产业链环节统计权重：该环节宗地的实际年产值之和；' +
    '县区内没有任何产值时改用该环节宗地面积。1 表示各环节占比完全相同（同质化），0 表示没有共同环节。' +
    '互补 = 产业链上下游关系中，供应环节在一县、需求环节在另一县。',
  en:
    'Overlap index = cosine similarity (0–1) of the two counties’ industry profiles. A profile weights each chain node by ' +
    'the actual annual output of the county’s parcels on that node, or by their land area when the county reports no output. ' +
    '1 means identical shares across nodes (homogeneous competition), 0 means no node in common. ' +
    'Complementary = a chain link whose supplier node is in one county and customer node in the other.',
} as const;

export interface NodeWeightRow {
  county: string;
  node_id: string;
  node_name: string | null;
  chain_id: string | null;
  chain_name: string | null;
  basis: ProfileBasis;
  weight: number;
  output_wan: number;
  area_m2: number;
  park_ids: string[];
}

/**
 * One row per (county, chain node) over parcels carrying a chain_node. The weight is the sum
 * of annual_output_wan > 0 (producing output); when a county has no output on any node, all
 * its weights fall back to parcel area so that a county still being built has a profile.
 * Counties with no chain-tagged parcel have no profile and do not appear.
 */
export function countyNodeWeightsQuery(): Query {
  return sql`
WITH w AS (
  SELECT p.county, p.chain_node AS node_id,
    COALESCE(sum(p.annual_output_wan) FILTER (WHERE p.annual_output_wan > 0), 0) AS output_wan,
    COALESCE(sum(p.area_m2), 0) AS area_m2,
    COALESCE(list(DISTINCT p.park_id ORDER BY p.park_id) FILTER (WHERE p.park_id IS NOT NULL), []) AS park_ids
  FROM parcels p
  WHERE p.chain_node IS NOT NULL AND trim(p.chain_node) <> ''
  GROUP BY p.county, p.chain_node
),
c AS (
  SELECT county, sum(output_wan) > 0 AS has_output FROM w GROUP BY county
)
SELECT w.county, w.node_id, n.node_name, n.chain_id, n.chain_name,
  CASE WHEN c.has_output THEN 'output' ELSE 'area' END AS basis,
  CASE WHEN c.has_output THEN w.output_wan ELSE w.area_m2 END AS weight,
  w.output_wan, w.area_m2, w.park_ids
FROM w JOIN c ON c.county = w.county
LEFT JOIN chain_nodes n ON n.node_id = w.node_id
ORDER BY w.county, w.node_id`;
}

export interface NodeInfo {
  node_id: string;
  node_name: string;
  chain_id: string | null;
  chain_name: string | null;
}

export interface CountyProfiles {
  /** Sorted (zh collation). */
  counties: string[];
  basis: Record<string, ProfileBasis>;
  /** county → node → weight (only weights > 0). */
  weights: Map<string, Map<string, number>>;
  /** county → node → park ids holding that node's parcels. */
  parks: Map<string, Map<string, string[]>>;
  parkNames: Map<string, string>;
  nodes: Map<string, NodeInfo>;
  links: { from_node: string; to_node: string }[];
}

export async function loadCountyProfiles(db: Db): Promise<CountyProfiles> {
  // One after another: the browser's connection runs one query at a time anyway.
  const weightRows = rows<NodeWeightRow>(await db.query(countyNodeWeightsQuery()));
  const parkRows = rows<{ park_id: string; name: string }>(await db.query(sql`SELECT park_id, name FROM parks`));
  const nodeRows = rows<NodeInfo>(await db.query(sql`SELECT node_id, node_name, chain_id, chain_name FROM chain_nodes`));
  const linkRows = rows<{ from_node: string; to_node: string }>(
    await db.query(sql`SELECT DISTINCT from_node, to_node FROM chain_links ORDER BY from_node, to_node`),
  );
  const basis: Record<string, ProfileBasis> = {};
  const weights = new Map<string, Map<string, number>>();
  const parks = new Map<string, Map<string, string[]>>();
  const nodes = new Map(nodeRows.map((n) => [n.node_id, n]));
  for (const r of weightRows) {
    basis[r.county] = r.basis;
    if (!weights.has(r.county)) {
      weights.set(r.county, new Map());
      parks.set(r.county, new Map());
    }
    if (r.weight > 0) weights.get(r.county)!.set(r.node_id, r.weight);
    parks.get(r.county)!.set(r.node_id, r.park_ids ?? []);
    if (!nodes.has(r.node_id)) nodes.set(r.node_id, { node_id: r.node_id, node_name: r.node_id, chain_id: null, chain_name: null });
  }
  const counties = [...weights.keys()].sort((a, b) => a.localeCompare(b, 'zh'));
  return {
    counties,
    basis,
    weights,
    parks,
    parkNames: new Map(parkRows.map((p) => [p.park_id, p.name])),
    nodes,
    links: linkRows,
  };
}

/** Cosine similarity of two sparse non-negative vectors; 0 when either is empty. */
export function cosineSimilarity(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w !== undefined) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  if (na === 0 || nb === 0) return 0;
  // Rounding can push identical vectors a hair above 1.
  return Math.min(1, dot / Math.sqrt(na * nb));
}

export interface CountyPairIndex {
  a: string;
  b: string;
  index: number;
}

export interface CountyOverlap {
  counties: string[];
  /** Symmetric, index[i][i] = 1 for a county with a profile. */
  index: number[][];
  basis: Record<string, ProfileBasis>;
  threshold: number;
  /** Pairs (a before b in `counties`) with index ≥ threshold, highest first. */
  highPairs: CountyPairIndex[];
}

export function countyOverlap(p: CountyProfiles, threshold = DEFAULT_OVERLAP_SETTINGS.highOverlap): CountyOverlap {
  const n = p.counties.length;
  const index = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const highPairs: CountyPairIndex[] = [];
  for (let i = 0; i < n; i++) {
    const wi = p.weights.get(p.counties[i])!;
    index[i][i] = wi.size > 0 ? 1 : 0;
    for (let j = i + 1; j < n; j++) {
      const v = cosineSimilarity(wi, p.weights.get(p.counties[j])!);
      index[i][j] = v;
      index[j][i] = v;
      if (v >= threshold) highPairs.push({ a: p.counties[i], b: p.counties[j], index: v });
    }
  }
  highPairs.sort((x, y) => y.index - x.index);
  return { counties: p.counties, index, basis: p.basis, threshold, highPairs };
}

export interface SharedNode {
  node_id: string;
  node_name: string;
  chain_id: string | null;
  chain_name: string | null;
  weightA: number;
  weightB: number;
  /** Share of the county's total weight (comparable across bases). */
  shareA: number;
  shareB: number;
  parksA: { park_id: string; name: string }[];
  parksB: { park_id: string; name: string }[];
}

export interface ComplementLink {
  from_node: string;
  from_name: string;
  to_node: string;
  to_name: string;
  /** County holding from_node (supplier). */
  supplier: string;
  /** County holding to_node (customer). */
  customer: string;
  /** Each county holds both ends: either can supply the other (listed once, not twice). */
  bothWays: boolean;
}

export interface CountyPairDetail {
  a: string;
  b: string;
  index: number;
  basisA: ProfileBasis | null;
  basisB: ProfileBasis | null;
  /** Nodes both counties hold (evidence of 同质化), largest common share first. */
  shared: SharedNode[];
  /** Links with the supplier in one county and the customer in the other (both directions). */
  complementary: ComplementLink[];
}

export function countyPairDetail(p: CountyProfiles, a: string, b: string): CountyPairDetail {
  const empty = new Map<string, number>();
  const wa = p.weights.get(a) ?? empty;
  const wb = p.weights.get(b) ?? empty;
  const total = (w: ReadonlyMap<string, number>) => [...w.values()].reduce((s, v) => s + v, 0);
  const ta = total(wa);
  const tb = total(wb);
  const node = (id: string): NodeInfo => p.nodes.get(id) ?? { node_id: id, node_name: id, chain_id: null, chain_name: null };
  const parksOf = (county: string, id: string) =>
    (p.parks.get(county)?.get(id) ?? []).map((park_id) => ({ park_id, name: p.parkNames.get(park_id) ?? park_id }));

  const shared: SharedNode[] = [];
  for (const [id, weightA] of wa) {
    const weightB = wb.get(id);
    if (weightB === undefined) continue;
    const n = node(id);
    shared.push({
      node_id: id,
      node_name: n.node_name,
      chain_id: n.chain_id,
      chain_name: n.chain_name,
      weightA,
      weightB,
      shareA: weightA / ta,
      shareB: weightB / tb,
      parksA: parksOf(a, id),
      parksB: parksOf(b, id),
    });
  }
  shared.sort((x, y) => Math.min(y.shareA, y.shareB) - Math.min(x.shareA, x.shareB) || x.node_id.localeCompare(y.node_id));

  const complementary: ComplementLink[] = [];
  if (a !== b) {
    // One entry per unordered node pair: the same link seen from both counties (each holds both
    // ends), or stored in both directions, is one business relation, not two.
    const byPair = new Map<string, ComplementLink>();
    for (const l of p.links) {
      for (const [supplier, customer, ws, wc] of [
        [a, b, wa, wb],
        [b, a, wb, wa],
      ] as const) {
        if (!ws.has(l.from_node) || !wc.has(l.to_node)) continue;
        const k = JSON.stringify([l.from_node, l.to_node].sort());
        const seen = byPair.get(k);
        if (seen) {
          if (seen.supplier !== supplier || seen.from_node !== l.from_node) seen.bothWays = true;
          continue;
        }
        const link: ComplementLink = {
          from_node: l.from_node,
          from_name: node(l.from_node).node_name,
          to_node: l.to_node,
          to_name: node(l.to_node).node_name,
          supplier,
          customer,
          bothWays: false,
        };
        byPair.set(k, link);
        complementary.push(link);
      }
    }
  }

  return {
    a,
    b,
    index: cosineSimilarity(wa, wb),
    basisA: p.basis[a] ?? null,
    basisB: p.basis[b] ?? null,
    shared,
    complementary,
  };
}
