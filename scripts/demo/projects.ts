// Demo projects (招商项目库, contract table `projects`) for each demo city, from the generated
// parcels so that every landed project points at a real demo parcel:
// - projects that reached 供地/开工/投产 take a recently supplied parcel; their county and chain
//   node are the parcel's, their 供地 date is its supply date, 开工 its actual start, and 投产 a
//   year or so later when the parcel is producing — all on or before the snapshot date;
// - projects still at 洽谈/签约 are on the city's chains (补链 gap nodes included: that is what
//   招商 chases) in counties whose parks declare the chain;
// - in a city with a promotion group, a few early projects were referred between members
//   (项目流转) with the referring county's agreed share.
// Deterministic (seeded); synthetic like the rest of the demo (示例数据).

import { M2_PER_MU, PROJECT_FIELDS } from '../../src/data/contract';
import type { RegionId } from '../../src/data/regions';
import type { RegionDemo } from './generate';
import { type RegionSpec, SPECS } from './region-specs';
import { addMonths, dayOf, isoOf, SNAPSHOT } from './dates';
import { Rng } from './random';
import { type ChainNode, chainNodesOf, contractRow, money } from './records';
import type { Row } from './types';

/** Referrals the demo ships, by city: from → to inside a group, with the referring county's share. */
const REFERRALS: Record<string, readonly { from: string; to: string; share: number; chain: string; stage: 'negotiating' | 'signed' }[]> = {
  DZ: [
    { from: '宁津县', to: '乐陵市', share: 30, chain: 'FIT', stage: 'signed' },
    { from: '庆云县', to: '宁津县', share: 20, chain: 'FIT', stage: 'negotiating' },
  ],
};

/** The latest a landed project's 供地 may be: its parcel's supply date, from this year on. */
const LANDED_FROM = dayOf('2022-01-01');

/** A landed project is named after the land holder, as county ledgers do (…有限公司 → …项目). */
function projectName(holder: string): string {
  return `${holder.replace(/(股份)?有限(责任)?公司$/, '')}项目`;
}

export function generateProjects(rng: Rng, spec: RegionSpec, parcels: readonly Row[], nodes: readonly ChainNode[], parkCounties: ReadonlyMap<string, readonly string[]>): Row[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const rows: Row[] = [];
  let n = 0;
  const nextId = () => `${spec.prefix}-PJ${String(++n).padStart(3, '0')}`;
  const date = (d: number) => isoOf(Math.min(d, SNAPSHOT));

  // Landed projects: one per chosen parcel (supplied since 2022, in a park, on a chain node).
  const landed = parcels.filter((p) => p.park_id && p.chain_node && byId.has(String(p.chain_node)) && p.land_use === 'industrial' && dayOf(String(p.supply_date)) >= LANDED_FROM);
  const pool = [...landed].sort((a, b) => String(a.parcel_id).localeCompare(String(b.parcel_id)));
  const take = Math.min(pool.length, 10);
  for (let k = 0; k < take; k++) {
    const p = pool.splice(rng.int(0, pool.length - 1), 1)[0];
    const node = byId.get(String(p.chain_node))!;
    const supply = dayOf(String(p.supply_date));
    const start = p.actual_start_date ? dayOf(String(p.actual_start_date)) : null;
    const producing = p.status === 'producing' && start !== null ? addMonths(start, rng.int(10, 18)) : null;
    const stage = producing !== null && producing <= SNAPSHOT ? 'producing' : start !== null && start <= SNAPSHOT ? 'started' : 'land_supplied';
    const mu = Number(p.area_m2) / M2_PER_MU;
    rows.push(
      contractRow(PROJECT_FIELDS, {
        project_id: nextId(),
        name: projectName(String(p.holder)),
        chain_node: node.id,
        investment_wan: p.agreed_investment_wan,
        land_need_mu_min: Math.floor(mu * 0.9),
        land_need_mu_max: Math.ceil(mu * 1.1),
        land_use: 'industrial',
        county: p.county,
        stage,
        negotiating_date: date(addMonths(supply, -rng.int(8, 14))),
        signed_date: date(addMonths(supply, -rng.int(1, 5))),
        land_supplied_date: date(supply),
        started_date: stage === 'started' || stage === 'producing' ? date(start!) : null,
        producing_date: stage === 'producing' ? date(producing!) : null,
        site_parcel_id: p.parcel_id,
      }),
    );
  }

  // Early projects: on the city's chains, in a county whose parks declare the chain.
  const early = (node: ChainNode, county: string, stage: 'negotiating' | 'signed', extra: Row = {}): Row => {
    const talks = addMonths(SNAPSHOT, -rng.int(stage === 'signed' ? 6 : 1, 14)) - rng.int(0, 27);
    const signed = stage === 'signed' ? Math.min(addMonths(talks, rng.int(2, 5)), SNAPSHOT) : null;
    const lo = rng.int(2, 15) * 10;
    return contractRow(PROJECT_FIELDS, {
      project_id: nextId(),
      name: `${county}${node.spec.product}${rng.pick(['生产基地', '智能制造', '扩产', '产业园', '研发制造'])}项目`,
      chain_node: node.id,
      investment_wan: money(lo * rng.range(180, 420)),
      land_need_mu_min: lo,
      land_need_mu_max: lo + rng.int(1, 6) * 10,
      land_use: 'industrial',
      county,
      stage,
      negotiating_date: isoOf(talks),
      signed_date: signed === null ? null : isoOf(signed),
      ...extra,
    });
  };
  const chainCounties = (chainId: string) => parkCounties.get(chainId) ?? [];
  for (let k = 0; k < 12; k++) {
    const node = rng.pick(nodes);
    const counties = chainCounties(node.chainId);
    if (counties.length === 0) continue;
    rows.push(early(node, rng.pick(counties), rng.chance(0.4) ? 'signed' : 'negotiating'));
  }
  for (const r of REFERRALS[spec.prefix] ?? []) {
    const group = (spec.promotionGroups ?? []).find((g) => g.counties.includes(r.from) && g.counties.includes(r.to));
    if (!group) throw new Error(`demo spec: referral ${r.from} → ${r.to} is not inside a promotion group`);
    const chainNodes = nodes.filter((x) => x.chainId === `${spec.prefix}-${r.chain}` && !x.spec.gap);
    const row = early(rng.pick(chainNodes), r.to, r.stage, { referred_from: r.from, referred_to: r.to, share_out_pct: r.share });
    rows.push(row);
  }
  return rows;
}

/** A city's demo projects from its generated data (the seed gives a stream of its own). */
export function demoProjects(regionId: RegionId, demo: RegionDemo, seed: number): Row[] {
  const spec = SPECS[regionId];
  const parkCounties = new Map<string, string[]>();
  for (const f of demo.parks.features) {
    for (const chain of String(f.properties.leading_chains ?? '').split(';').filter(Boolean)) {
      const list = parkCounties.get(chain) ?? [];
      if (!list.includes(String(f.properties.county))) list.push(String(f.properties.county));
      parkCounties.set(chain, list);
    }
  }
  return generateProjects(Rng.derive(seed, `${regionId}:projects`), spec, demo.parcels.features.map((f) => f.properties), chainNodesOf(spec), parkCounties);
}
