// Which park clusters are worth promoting together (组团招商候选). Being close and crossing a
// county line is not enough: on the demo data every cluster does both, so a badge on that
// basis says nothing. Joint promotion pays off when the parks' firms can share a supplier base
// or trade with each other, i.e. when parks in different counties
//   - have the same chain as a main industry (共同主业: one pitch, one supplier base), or
//   - have main industries joined by a chain link (上下游互补: one park's product is the
//     other's input, e.g. 复合材料制品 in one county → 健身器材整机 in the next).
//
// A park's main industries are the chains holding at least `mainChainShare` of its chain firms
// (enterprises.park_id; a park with no registered firm is read from its parcels' chain_node).
// Declared leading chains do not count: they are what a park hopes to attract, not a supplier
// base it can offer today. A stray firm does not count either: on the demo data every park has
// one on nearly every chain, and "any firm in common" marked every cluster.

import { type Db, rows } from '../data/db';
import { type Query, sql } from '../data/sql';
import { DEFAULT_CLUSTER_SETTINGS } from './review-settings';

export interface ParkHoldings {
  /** park_id → chain node → firms (or parcels, for a park without firms) on it. */
  nodesByPark: Map<string, Map<string, number>>;
  nodes: Map<string, { node_name: string; chain_id: string; chain_name: string }>;
  links: { from_node: string; to_node: string }[];
}

/** (park, node, count): firms per node in each park; parcels for parks without any chain firm. */
export function parkNodesQuery(): Query {
  return sql`
WITH e AS (
  SELECT park_id, chain_node AS node_id, CAST(count(*) AS INTEGER) AS n FROM enterprises
  WHERE park_id IS NOT NULL AND chain_node IS NOT NULL AND trim(chain_node) <> ''
  GROUP BY ALL
),
p AS (
  SELECT park_id, chain_node AS node_id, CAST(count(*) AS INTEGER) AS n FROM parcels
  WHERE park_id IS NOT NULL AND chain_node IS NOT NULL AND trim(chain_node) <> ''
    AND park_id NOT IN (SELECT park_id FROM e)
  GROUP BY ALL
)
SELECT * FROM e UNION ALL SELECT * FROM p
ORDER BY park_id, node_id`;
}

export async function loadParkHoldings(db: Db): Promise<ParkHoldings> {
  const held = rows<{ park_id: string; node_id: string; n: number }>(await db.query(parkNodesQuery()));
  const nodeRows = rows<{ node_id: string; node_name: string; chain_id: string; chain_name: string }>(
    await db.query(sql`SELECT node_id, node_name, chain_id, chain_name FROM chain_nodes ORDER BY node_id`),
  );
  const links = rows<{ from_node: string; to_node: string }>(
    await db.query(sql`SELECT DISTINCT from_node, to_node FROM chain_links WHERE from_node <> to_node ORDER BY from_node, to_node`),
  );
  const nodesByPark = new Map<string, Map<string, number>>();
  for (const h of held) {
    const m = nodesByPark.get(h.park_id) ?? new Map<string, number>();
    m.set(h.node_id, h.n);
    nodesByPark.set(h.park_id, m);
  }
  return { nodesByPark, nodes: new Map(nodeRows.map((n) => [n.node_id, n])), links };
}

/** Nodes of the park that lie on one of its main chains (share of its chain firms ≥ minShare). */
export function mainChainNodes(park: ReadonlyMap<string, number> | undefined, h: Pick<ParkHoldings, 'nodes'>, minShare: number): Set<string> {
  const byChain = new Map<string, number>();
  let total = 0;
  for (const [node, n] of park ?? []) {
    const chain = h.nodes.get(node)?.chain_id;
    if (!chain) continue;
    byChain.set(chain, (byChain.get(chain) ?? 0) + n);
    total += n;
  }
  const main = new Set([...byChain].filter(([, n]) => total > 0 && n / total >= minShare).map(([c]) => c));
  return new Set([...(park?.keys() ?? [])].filter((node) => main.has(h.nodes.get(node)?.chain_id ?? '')));
}

export interface SharedChain {
  chain_id: string;
  chain_name: string;
  /** Counties where the chain is a main industry of a park in the cluster (cluster order). */
  counties: string[];
}

export interface ClusterLink {
  fromName: string;
  toName: string;
  /** Counties with the supplier node / the customer node as a main industry (cluster order). */
  fromCounties: string[];
  toCounties: string[];
}

export interface JointPromotion {
  candidate: boolean;
  sharedChains: SharedChain[];
  /** Links between main industries of different counties across two chains, each link once. */
  links: ClusterLink[];
}

export interface ClusterParks {
  parkIds: readonly string[];
  /** County of each park, parallel to parkIds. */
  parkCounties: readonly string[];
}

/** The candidate rule over one cluster (pure). */
export function jointPromotion(
  cluster: ClusterParks,
  h: ParkHoldings,
  minShare = DEFAULT_CLUSTER_SETTINGS.mainChainShare,
): JointPromotion {
  // county → main-industry nodes of the cluster's parks in that county.
  const byCounty = new Map<string, Set<string>>();
  cluster.parkIds.forEach((id, i) => {
    const county = cluster.parkCounties[i];
    const set = byCounty.get(county) ?? new Set<string>();
    for (const n of mainChainNodes(h.nodesByPark.get(id), h, minShare)) set.add(n);
    byCounty.set(county, set);
  });
  const chainOf = (node: string) => h.nodes.get(node)?.chain_id ?? '';

  const chainCounties = new Map<string, string[]>();
  for (const [county, nodes] of byCounty) {
    for (const chainId of new Set([...nodes].map(chainOf))) chainCounties.set(chainId, [...(chainCounties.get(chainId) ?? []), county]);
  }
  const chainName = (id: string) => [...h.nodes.values()].find((n) => n.chain_id === id)?.chain_name ?? id;
  const sharedChains: SharedChain[] = [...chainCounties]
    .filter(([, counties]) => counties.length > 1)
    .map(([chain_id, counties]) => ({ chain_id, chain_name: chainName(chain_id), counties }))
    .sort((a, b) => b.counties.length - a.counties.length || a.chain_id.localeCompare(b.chain_id));

  // Links inside one chain are already covered by a shared main chain; a link between two
  // chains is the complementarity a shared-chain check cannot see.
  const links: ClusterLink[] = [];
  const name = (id: string) => h.nodes.get(id)?.node_name ?? id;
  for (const l of h.links) {
    if (chainOf(l.from_node) === chainOf(l.to_node)) continue;
    const fromCounties = [...byCounty].filter(([, n]) => n.has(l.from_node)).map(([c]) => c);
    const toCounties = [...byCounty].filter(([, n]) => n.has(l.to_node)).map(([c]) => c);
    const across = fromCounties.some((f) => toCounties.some((t) => t !== f));
    if (across) links.push({ fromName: name(l.from_node), toName: name(l.to_node), fromCounties, toCounties });
  }
  return { candidate: byCounty.size > 1 && (sharedChains.length > 0 || links.length > 0), sharedChains, links };
}
