// The chain nodes a project can be described by: the form's list, and free text ("PCB",
// "电子") matched to node names, then to chain names, so the panel can show what it matched.

import { type Db, rows } from '../data/db';
import { sql } from '../data/sql';
import { hasColumns, readSchema, tolerantSelect } from './site-match-schema';

export interface ChainNodeOption {
  chain_id: string;
  chain_name: string | null;
  node_id: string;
  node_name: string | null;
  stage: string | null;
}

/** Every chain node, by chain then node name. An absent chain_nodes table gives none. */
export async function chainNodeOptions(db: Db): Promise<ChainNodeOption[]> {
  const schema = await readSchema(db);
  if (!hasColumns(schema, 'chain_nodes', ['node_id'])) return [];
  const cols = [['chain_id', 'VARCHAR'], ['chain_name', 'VARCHAR'], ['node_id', 'VARCHAR'], ['node_name', 'VARCHAR'], ['stage', 'VARCHAR']] as const;
  return rows<ChainNodeOption>(
    await db.query(sql`SELECT DISTINCT * FROM (${tolerantSelect(schema, 'chain_nodes', cols)}) WHERE node_id IS NOT NULL
      ORDER BY chain_name NULLS LAST, chain_id, node_name NULLS LAST, node_id`),
  );
}

/** Full-width letters, digits and brackets as their ASCII forms, lower case, no spaces. */
export function foldText(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toLowerCase();
}

export interface ResolvedNodes {
  nodes: ChainNodeOption[];
  /** How they were found: the node chosen, text in node names, text in chain names, or nothing. */
  by: 'node' | 'node_name' | 'chain_name' | 'none';
}

/**
 * The project's nodes: the node chosen; else the nodes whose name (or id) contains the text;
 * else, when none does, every node of the chains whose name contains it.
 */
export function resolveNodes(options: readonly ChainNodeOption[], nodeId: string | null, text: string): ResolvedNodes {
  if (nodeId !== null) {
    const n = options.filter((o) => o.node_id === nodeId);
    return n.length ? { nodes: n, by: 'node' } : { nodes: [], by: 'none' };
  }
  const q = foldText(text);
  if (!q) return { nodes: [], by: 'none' };
  const byNode = options.filter((o) => foldText(o.node_name ?? '').includes(q) || foldText(o.node_id) === q);
  if (byNode.length) return { nodes: byNode, by: 'node_name' };
  const byChain = options.filter((o) => foldText(o.chain_name ?? '').includes(q) || foldText(o.chain_id) === q);
  return byChain.length ? { nodes: byChain, by: 'chain_name' } : { nodes: [], by: 'none' };
}
