// Building contract records: every field present (null where not set), synthetic company
// names, amounts rounded as a ledger would, and the chain node and link tables.

import { CHAIN_LINK_FIELDS, type FieldSpec } from '../../src/data/contract';
import type { Rng } from './random';
import type { ChainSpec, NodeSpec, RegionSpec } from './region-specs';
import type { Row } from './types';

const BRAND_CHARS = '华鑫泰恒盛瑞康达宏远博翔润丰聚嘉诚信和兴隆安昌宇晟澜峰岳川源力拓睿蓝启正通佳锦鼎益航凯驰明昊星森禾';

export interface ChainNode {
  id: string;
  chainId: string;
  spec: NodeSpec;
  chain: ChainSpec;
}

export function money(v: number): number {
  return Math.round(v * 10) / 10;
}

/** How a city-district company is usually named (德州…), versus a county's (宁津县…). */
export function namePrefix(county: string, city: string): string {
  return county.endsWith('区') ? city.replace(/市$/, '') : county;
}

export class Names {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}
  make(prefix: string, product: string, suffixes: readonly string[]): string {
    for (let tries = 0; ; tries++) {
      let brand = this.rng.pick([...BRAND_CHARS]) + this.rng.pick([...BRAND_CHARS]);
      if (tries > 20) brand += this.rng.pick([...BRAND_CHARS]);
      if (brand[0] === brand[1]) continue;
      const name = `${prefix}${brand}${product}${this.rng.pick(suffixes)}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}

/** Builds a record with every field of the contract (null where not set); rejects unknown keys
 *  so a typo cannot silently add a column. */
export function contractRow(fields: readonly FieldSpec[], values: Row): Row {
  const known = new Set(fields.map((f) => f.name));
  for (const k of Object.keys(values)) if (!known.has(k)) throw new Error(`demo generator: unknown field ${k}`);
  const row: Row = {};
  for (const f of fields) row[f.name] = values[f.name] ?? null;
  return row;
}

export function chainNodesOf(spec: RegionSpec): ChainNode[] {
  const out: ChainNode[] = [];
  for (const chain of spec.chains) {
    const chainId = `${spec.prefix}-${chain.code}`;
    chain.nodes.forEach((n, i) => out.push({ id: `${chainId}-${String(i + 1).padStart(2, '0')}`, chainId, spec: n, chain }));
  }
  return out;
}

export function chainLinksOf(spec: RegionSpec, nodes: ChainNode[]): Row[] {
  const ids = new Set(nodes.map((n) => n.id));
  const rows: Row[] = [];
  for (const chain of spec.chains) {
    const full = (x: string) => (x.includes('-') ? x : `${spec.prefix}-${chain.code}-${x}`);
    for (const [a, b] of chain.links) {
      const from = full(a);
      const to = full(b);
      if (!ids.has(from) || !ids.has(to)) throw new Error(`demo spec: bad link ${from} → ${to}`);
      rows.push(contractRow(CHAIN_LINK_FIELDS, { from_node: from, to_node: to }));
    }
  }
  return rows;
}
