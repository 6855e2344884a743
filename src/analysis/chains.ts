// Industry-chain map (产业链图谱) for the loaded region: chains, their nodes with what the
// region actually has on each, the links between nodes, gap nodes (补链 targets) with parks
// that could host them, the parcels on a node (for map highlight) and how well each park's
// declared leading chains match what is built on its land.
//
// Output per node is the sum of the parcels' annual_output_wan (实际年产值), not enterprise
// revenue: it is the same measure the county profiles use, it is tied to land the map can
// show, and enterprise revenue_wan is 营业收入 (often 0 for small firms in the registry).
// Revenue is reported alongside for reference.

import { type Db, type ResultTable, rows } from '../data/db';
import { type Query, join, sql } from '../data/sql';
import { CHAIN_STAGES, type ChainStage, muSql } from '../vocab';
import { type ParkAvailability, parkAvailability, splitChains } from './park-availability';

export type { ChainStage } from '../vocab';

// Contract order of the stages (upstream → downstream), unknown stages last.
const STAGE_ORDER = sql`CASE stage ${join(
  CHAIN_STAGES.map((s, i) => sql`WHEN ${s} THEN CAST(${i} AS INTEGER)`),
  ' ',
)} ELSE CAST(${CHAIN_STAGES.length} AS INTEGER) END`;

// ---------------------------------------------------------------------------------------
// Chain list

export interface ChainSummary {
  chain_id: string;
  chain_name: string;
  nodes: number;
  /** Nodes with no enterprise in the region. */
  gapNodes: number;
  enterprises: number;
}

export function chainListQuery(): Query {
  return sql`
WITH e AS (
  SELECT chain_node, count(*) AS n FROM enterprises WHERE chain_node IS NOT NULL GROUP BY chain_node
)
SELECT c.chain_id, min(c.chain_name) AS chain_name,
  CAST(count(*) AS INTEGER) AS nodes,
  CAST(count(*) FILTER (WHERE e.n IS NULL) AS INTEGER) AS "gapNodes",
  CAST(COALESCE(sum(e.n), 0) AS INTEGER) AS enterprises
FROM chain_nodes c LEFT JOIN e ON e.chain_node = c.node_id
GROUP BY c.chain_id
ORDER BY c.chain_id`;
}

export async function listChains(db: Db): Promise<ChainSummary[]> {
  return rows<ChainSummary>(await db.query(chainListQuery()));
}

// ---------------------------------------------------------------------------------------
// One chain

export interface ChainNodeInfo {
  node_id: string;
  node_name: string;
  stage: ChainStage;
  /** Enterprises in the region on this node. */
  enterprises: number;
  /** Sum of annual_output_wan > 0 of parcels on this node (实际年产值). */
  output_wan: number;
  /** Sum of agreed_annual_output_wan of the same parcels (约定年产值, from the investment agreements). */
  agreed_output_wan: number;
  /** Sum of the enterprises' revenue_wan, for reference. */
  revenue_wan: number;
  /** Counties with an enterprise or a parcel on this node, sorted. */
  counties: string[];
  parcelsCount: number;
  /** Parks with an enterprise or a parcel on this node, sorted (for map selection and the detail). */
  parkIds: string[];
  /** No enterprise in the region (补链 target). */
  isGap: boolean;
}

export interface ChainLinkInfo {
  from_node: string;
  to_node: string;
  from_name: string | null;
  to_name: string | null;
  from_chain: string | null;
  to_chain: string | null;
  /** One end lies in another chain (e.g. 复合材料制品 → 健身器材整机). */
  crossChain: boolean;
}

export interface CandidatePark {
  park_id: string;
  name: string;
  county: string;
  availableAreaMu: number;
}

/** A node named for people: the id is for code, the name for the screen. */
export interface NodeRef {
  node_id: string;
  node_name: string;
}

export interface GapNode {
  node_id: string;
  node_name: string;
  stage: ChainStage;
  /** Nodes it supplies / is supplied by (chain links), so the UI can say who would buy from it. */
  feeds: NodeRef[];
  fedBy: NodeRef[];
  /** Parks whose leading_chains include this chain, most available land first. */
  candidateParks: CandidatePark[];
}

export interface ChainMap {
  chain_id: string;
  chain_name: string;
  /** Upstream → midstream → downstream, then node_id. */
  nodes: ChainNodeInfo[];
  /** Links touching this chain's nodes. */
  links: ChainLinkInfo[];
  gaps: GapNode[];
}

export function chainNodesQuery(chainId: string): Query {
  return sql`
WITH e AS (
  SELECT chain_node, count(*) AS n, COALESCE(sum(revenue_wan), 0) AS revenue_wan, list(DISTINCT county) AS counties,
    list(DISTINCT park_id) FILTER (WHERE park_id IS NOT NULL) AS parks
  FROM enterprises WHERE chain_node IS NOT NULL GROUP BY chain_node
),
p AS (
  SELECT chain_node, count(*) AS n,
    COALESCE(sum(annual_output_wan) FILTER (WHERE annual_output_wan > 0), 0) AS output_wan,
    COALESCE(sum(agreed_annual_output_wan) FILTER (WHERE agreed_annual_output_wan > 0), 0) AS agreed_output_wan,
    list(DISTINCT county) AS counties,
    list(DISTINCT park_id) FILTER (WHERE park_id IS NOT NULL) AS parks
  FROM parcels WHERE chain_node IS NOT NULL GROUP BY chain_node
)
SELECT c.node_id, c.node_name, c.stage,
  CAST(COALESCE(e.n, 0) AS INTEGER) AS enterprises,
  COALESCE(p.output_wan, 0) AS output_wan,
  COALESCE(p.agreed_output_wan, 0) AS agreed_output_wan,
  COALESCE(e.revenue_wan, 0) AS revenue_wan,
  list_sort(list_distinct(list_concat(COALESCE(e.counties, CAST([] AS VARCHAR[])), COALESCE(p.counties, CAST([] AS VARCHAR[]))))) AS counties,
  CAST(COALESCE(p.n, 0) AS INTEGER) AS "parcelsCount",
  list_sort(list_distinct(list_concat(COALESCE(e.parks, CAST([] AS VARCHAR[])), COALESCE(p.parks, CAST([] AS VARCHAR[]))))) AS "parkIds",
  e.n IS NULL AS "isGap"
FROM chain_nodes c
LEFT JOIN e ON e.chain_node = c.node_id
LEFT JOIN p ON p.chain_node = c.node_id
WHERE c.chain_id = ${chainId}
ORDER BY ${STAGE_ORDER}, c.node_id`;
}

export function chainLinksQuery(chainId: string): Query {
  return sql`
SELECT DISTINCT l.from_node, l.to_node, f.node_name AS from_name, t.node_name AS to_name,
  f.chain_id AS from_chain, t.chain_id AS to_chain,
  (f.chain_id IS DISTINCT FROM t.chain_id) AS "crossChain"
FROM chain_links l
LEFT JOIN chain_nodes f ON f.node_id = l.from_node
LEFT JOIN chain_nodes t ON t.node_id = l.to_node
WHERE f.chain_id = ${chainId} OR t.chain_id = ${chainId}
ORDER BY l.from_node, l.to_node`;
}

/** Parks declaring `chainId`, most available land first. */
export function candidateParks(parks: readonly ParkAvailability[], chainId: string): CandidatePark[] {
  return parks
    .filter((p) => splitChains(p.leading_chains).includes(chainId))
    .map((p) => ({ park_id: p.park_id, name: p.name, county: p.county, availableAreaMu: p.availableAreaMu }))
    .sort((a, b) => b.availableAreaMu - a.availableAreaMu || a.park_id.localeCompare(b.park_id));
}

/**
 * The chain's nodes, links and gaps. Reads `parcel_findings` (for available land), so run the
 * land rules first. `parks` may be passed in when the caller already has the availability.
 */
export async function chainMap(db: Db, chainId: string, parks?: readonly ParkAvailability[]): Promise<ChainMap | null> {
  const head = rows<{ chain_name: string }>(
    await db.query(sql`SELECT min(chain_name) AS chain_name FROM chain_nodes WHERE chain_id = ${chainId} HAVING count(*) > 0`),
  );
  if (head.length === 0) return null;
  const nodes = rows<ChainNodeInfo>(await db.query(chainNodesQuery(chainId)));
  const links = rows<ChainLinkInfo>(await db.query(chainLinksQuery(chainId)));
  const candidates = candidateParks(parks ?? (await parkAvailability(db)), chainId);
  const gaps: GapNode[] = nodes
    .filter((n) => n.isGap)
    .map((n) => ({
      node_id: n.node_id,
      node_name: n.node_name,
      stage: n.stage,
      // Names from the link's own join, so a node of another chain is named too; the id only
      // when chain_nodes does not know it (a link to a node nobody listed).
      feeds: links.filter((l) => l.from_node === n.node_id).map((l) => ({ node_id: l.to_node, node_name: l.to_name ?? l.to_node })),
      fedBy: links.filter((l) => l.to_node === n.node_id).map((l) => ({ node_id: l.from_node, node_name: l.from_name ?? l.from_node })),
      candidateParks: candidates,
    }));
  return { chain_id: chainId, chain_name: head[0].chain_name, nodes, links, gaps };
}

// ---------------------------------------------------------------------------------------
// Parcels on a node (map highlight)

function pidxColumn(t: ResultTable): Int32Array {
  const v = t.getChild('pidx');
  return v ? Int32Array.from(v.toArray() as ArrayLike<number>) : new Int32Array(0);
}

export function nodePidxQuery(nodeId: string): Query {
  return sql`SELECT pidx FROM parcels WHERE chain_node = ${nodeId} ORDER BY pidx`;
}

/** pidx of the parcels whose chain_node is `nodeId`, ascending. */
export async function nodePidx(db: Db, nodeId: string): Promise<Int32Array> {
  return pidxColumn(await db.query(nodePidxQuery(nodeId)));
}

export function chainPidxQuery(chainId: string): Query {
  return sql`
SELECT p.chain_node, p.pidx FROM parcels p JOIN chain_nodes c ON c.node_id = p.chain_node
WHERE c.chain_id = ${chainId} ORDER BY p.chain_node, p.pidx`;
}

/** node_id → pidx (ascending) for every node of the chain that has parcels. */
export async function chainPidx(db: Db, chainId: string): Promise<Map<string, Int32Array>> {
  const t = await db.query(chainPidxQuery(chainId));
  const pidx = pidxColumn(t);
  const node = t.getChild('chain_node');
  const out = new Map<string, Int32Array>();
  let start = 0;
  for (let i = 1; i <= pidx.length; i++) {
    if (i === pidx.length || node!.get(i) !== node!.get(start)) {
      out.set(String(node!.get(start)), pidx.slice(start, i));
      start = i;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Park match: declared leading chains vs what is built

export interface ActualChain {
  chain_id: string;
  chain_name: string;
  areaMu: number;
  /** Share of the park's chain-tagged parcel area. */
  share: number;
  declared: boolean;
}

export interface ParkMatch {
  park_id: string;
  name: string;
  county: string;
  declared: string[];
  /** Chains on the park's parcels, largest share first. */
  actual: ActualChain[];
  /**
   * Share of the park's chain-tagged parcel area whose chain is declared; null when no parcel
   * in the park carries a known chain node. Parcels without a chain node (no project yet, or a
   * node not in chain_nodes) are left out of the denominator: they are neither a match nor a
   * mismatch. `taggedShare` says how much of the park that covers.
   */
  matchShare: number | null;
  undeclaredChains: string[];
  /** Declared chains with no parcel in the park. */
  declaredAbsent: string[];
  parcelAreaMu: number;
  taggedAreaMu: number;
  taggedShare: number | null;
}

export function parkChainAreaQuery(): Query {
  return sql`
SELECT p.park_id, c.chain_id, min(c.chain_name) AS chain_name, ${muSql(sql`sum(p.area_m2)`)} AS "areaMu"
FROM parcels p JOIN chain_nodes c ON c.node_id = p.chain_node
WHERE p.park_id IS NOT NULL
GROUP BY p.park_id, c.chain_id
ORDER BY p.park_id, "areaMu" DESC, c.chain_id`;
}

export function parkParcelAreaQuery(): Query {
  return sql`
SELECT k.park_id, k.name, k.county, k.leading_chains,
  ${muSql(sql`COALESCE(sum(p.area_m2), 0)`)} AS "parcelAreaMu"
FROM parks k LEFT JOIN parcels p ON p.park_id = k.park_id
GROUP BY ALL
ORDER BY k.park_id`;
}

export async function parkMatch(db: Db): Promise<ParkMatch[]> {
  const parks = rows<{ park_id: string; name: string; county: string; leading_chains: string | null; parcelAreaMu: number }>(
    await db.query(parkParcelAreaQuery()),
  );
  const areas = rows<{ park_id: string; chain_id: string; chain_name: string; areaMu: number }>(
    await db.query(parkChainAreaQuery()),
  );
  const byPark = new Map<string, typeof areas>();
  for (const a of areas) {
    const list = byPark.get(a.park_id) ?? [];
    list.push(a);
    byPark.set(a.park_id, list);
  }
  return parks.map((k) => {
    const declared = splitChains(k.leading_chains);
    const own = byPark.get(k.park_id) ?? [];
    const tagged = own.reduce((s, a) => s + a.areaMu, 0);
    const actual: ActualChain[] = own.map((a) => ({
      chain_id: a.chain_id,
      chain_name: a.chain_name,
      areaMu: a.areaMu,
      share: tagged > 0 ? a.areaMu / tagged : 0,
      declared: declared.includes(a.chain_id),
    }));
    const matched = actual.filter((a) => a.declared).reduce((s, a) => s + a.areaMu, 0);
    return {
      park_id: k.park_id,
      name: k.name,
      county: k.county,
      declared,
      actual,
      matchShare: tagged > 0 ? matched / tagged : null,
      undeclaredChains: actual.filter((a) => !a.declared).map((a) => a.chain_id),
      declaredAbsent: declared.filter((d) => !own.some((a) => a.chain_id === d)),
      parcelAreaMu: k.parcelAreaMu,
      taggedAreaMu: tagged,
      taggedShare: k.parcelAreaMu > 0 ? tagged / k.parcelAreaMu : null,
    };
  });
}
