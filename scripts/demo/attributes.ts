// Parcel and enterprise attributes: land use, holder, status and dates, money, areas and the
// enterprises on the land, drawn per parcel in a fixed order from one seeded stream.

import { area as turfArea } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { ENTERPRISE_FIELDS, type LandUse, M2_PER_HA, M2_PER_MU, PARCEL_FIELDS, type ParcelStatus } from '../../src/data/contract';
import { SNAPSHOT, addMonths, isoOf } from './dates';
import { type Frame, ringOf } from './planar';
import type { Rng } from './random';
import { type ChainNode, Names, contractRow, money, namePrefix } from './records';
import type { RegionSpec } from './region-specs';
import type { Park, ParcelGeom } from './sites';
import { datesFor, weightedStatus } from './timeline';
import type { Row } from './types';

interface Enterprise {
  row: Row;
  node: ChainNode;
  parcels: Row[];
  maxParcels: number;
  park: Park | null;
  /** On a chain its park does not declare. */
  stray: boolean;
}

export function generateAttributes(
  rng: Rng,
  spec: RegionSpec,
  city: string,
  geoms: ParcelGeom[],
  frame: Frame,
  nodes: ChainNode[],
): { parcels: Feature<Polygon, Row>[]; enterprises: Row[] } {
  const names = new Names(rng);
  const enterprises: Enterprise[] = [];
  let current: Enterprise | null = null;
  const parcels: Feature<Polygon, Row>[] = [];
  const nodeWeights = new Map<string, [ChainNode, number][]>();

  // Nodes a project can be on: never a 补链 gap, only where the node's county limits allow.
  // `declared`: a park's own chains; `stray`: the region's other chains (for the park match);
  // outside parks, any chain.
  const nodesFor = (park: Park | null, county: string, kind: 'declared' | 'stray'): [ChainNode, number][] => {
    const key = park ? `${park.id}:${kind}` : `county:${county}`;
    let list = nodeWeights.get(key);
    if (!list) {
      const offChain = park?.spec.offChain ? `${spec.prefix}-${park.spec.offChain.chain}` : null;
      list = nodes
        .filter((n) => !n.spec.gap && (!n.spec.onlyIn || n.spec.onlyIn.includes(county)))
        .filter((n) => {
          if (!park) return true;
          if (kind === 'declared') return park.chainIds.includes(n.chainId);
          return offChain ? n.chainId === offChain : !park.chainIds.includes(n.chainId);
        })
        .map((n): [ChainNode, number] => [n, n.spec.weight ?? 1]);
      nodeWeights.set(key, list);
    }
    return list;
  };
  // Share of a park's land on chains it does not declare: parks take the investment that comes,
  // so even a focused park has some (5–25 %); an off-profile park has about half. The choice is
  // random but leans back toward the park's share as its land fills (the park match is by
  // area, and a small park's few projects would otherwise swing it by chance).
  const stray = new Map<string, { share: number; strayM2: number; totalM2: number }>();
  const strayOf = (park: Park) => {
    let x = stray.get(park.id);
    if (!x) {
      x = { share: park.spec.offChain ? park.spec.offChain.share : rng.range(0.05, 0.25), strayM2: 0, totalM2: 0 };
      stray.set(park.id, x);
    }
    return x;
  };

  const newEnterprise = (park: Park | null, county: string, areaM2: number): Enterprise => {
    let isStray = false;
    if (park) {
      const x = strayOf(park);
      isStray = x.strayM2 + areaM2 * rng.float() < x.share * (x.totalM2 + areaM2) && nodesFor(park, county, 'stray').length > 0;
    }
    const choices = nodesFor(park, county, isStray ? 'stray' : 'declared');
    const node = choices.length > 0 ? rng.weighted(choices) : rng.pick(nodes.filter((n) => !n.spec.gap));
    const id = `${spec.prefix}-E${String(enterprises.length + 1).padStart(4, '0')}`;
    const name = names.make(namePrefix(county, city), node.spec.product, [
      '有限公司',
      '有限公司',
      '科技有限公司',
      '股份有限公司',
      '制造有限公司',
    ]);
    const e: Enterprise = {
      row: { enterprise_id: id, name, county, park_id: park ? park.id : null, chain_node: node.id },
      node,
      parcels: [],
      maxParcels: rng.weighted([
        [1, 0.84],
        [2, 0.12],
        [3, 0.04],
      ] as const),
      park,
      stray: isStray,
    };
    enterprises.push(e);
    return e;
  };

  geoms.forEach((g, i) => {
    const parcelId = `${spec.prefix}-${String(i + 1).padStart(6, '0')}`;
    const ring = ringOf(frame, g.poly);
    const geometry: Polygon = { type: 'Polygon', coordinates: [ring] };
    const area = Math.round(turfArea(geometry) * 10) / 10;
    const mu = area / M2_PER_MU;
    const ha = area / M2_PER_HA;
    const county = g.county.name;

    const landUse: LandUse = g.park
      ? rng.weighted([
          ['industrial', 0.86],
          ['warehouse', 0.07],
          ['commercial', 0.04],
          ['other', 0.03],
        ] as const)
      : rng.weighted([
          ['industrial', 0.9],
          ['warehouse', 0.1],
        ] as const);
    // Who holds the land: enterprises, the park's platform company (标准厂房, 储备用地), a
    // developer for the 配套 commercial plots, the 管委会 for utilities.
    const holderKind =
      landUse === 'commercial' ? 'developer' : landUse === 'other' ? 'committee' : rng.chance(0.08) ? 'platform' : 'enterprise';

    let status: ParcelStatus;
    if (holderKind === 'platform') {
      // 标准厂房 and reserve land: some let to tenants, some still empty (E3).
    status = rng.weighted([
        ['not_started', 0.3],
        ['under_construction', 0.3],
        ['built_no_production', 0.1],
        ['producing', 0.3],
      ] as const);
    } else if (holderKind === 'enterprise') status = weightedStatus(rng, g.rank);
    else {
      status = rng.weighted([
        ['producing', 0.5],
        ['under_construction', 0.25],
        ['not_started', 0.25],
      ] as const);
    }
    const d = datesFor(rng, status);

    let enterprise: Enterprise | null = null;
    let holder: string;
    if (holderKind === 'enterprise') {
      if (current && current.park === g.park && current.row.county === county && current.parcels.length < current.maxParcels) {
        enterprise = current;
      } else {
        enterprise = newEnterprise(g.park, county, area);
        current = enterprise;
      }
      holder = String(enterprise.row.name);
      if (g.park) {
        const x = strayOf(g.park);
        x.totalM2 += area;
        if (enterprise.stray) x.strayM2 += area;
      }
    } else if (holderKind === 'platform') {
      holder = `${county}${rng.pick(['城市建设投资', '产业投资发展', '国有资产运营'])}有限公司`;
    } else if (holderKind === 'committee') {
      holder = g.park ? `${g.park.spec.name}管理委员会` : `${county}人民政府`;
    } else {
      holder = names.make(namePrefix(county, city), '', ['置业有限公司', '商业运营管理有限公司']);
    }

    // Money, per the contract in 万元. Land price per 亩 by use; commercial land sells at a
    // multiple of industrial land.
    const priceFactor = landUse === 'commercial' ? rng.range(5, 9) : landUse === 'other' ? rng.range(0.6, 0.9) : 1;
    const landPrice = money(mu * spec.landPrice * rng.range(0.8, 1.35) * priceFactor);
    // Agreed investment intensity ~1,000–5,500 万元/公顷 (the 投资强度 clause of the agreement;
    // older agreements predate today's provincial floors, hence the low tail).
    const agreedIntensity = Math.min(5500, Math.max(1000, Math.exp(rng.normal(Math.log(2800), 0.45))));
    const agreedInvestment = money(agreedIntensity * ha);
    const plotRatio =
      landUse === 'commercial' ? rng.range(1.6, 2.8) : Math.min(2.0, Math.max(0.45, rng.normal(1.1, 0.33)));
    const agreedOutput = landUse === 'other' ? money(agreedInvestment * rng.range(0.05, 0.15)) : money(agreedInvestment * rng.range(1.0, 2.2));

    let actualInvestment = 0;
    let developed = 0;
    let floor = 0;
    let output = 0;
    let tax = 0;
    if (status === 'producing') {
      // Completed investment: most projects reach the agreed total, about one in thirty falls
      // short (E2); actual intensity ranges ~800–6,000 万元/公顷, some under the 1,500 floor (L2).
      const reached = rng.chance(0.965) ? rng.range(1.0, 1.3) : rng.range(0.55, 0.97);
      const actualIntensity = Math.min(6000, Math.max(800, agreedIntensity * reached));
      actualInvestment = actualIntensity * ha;
      developed = area * rng.range(0.85, 1);
      floor = area * plotRatio;
      // About one producing plant in nine misses its agreed output (达产, E4).
      const ratio = rng.chance(0.11) ? rng.range(0.45, 0.97) : rng.range(1.0, 1.4);
      output = agreedOutput * ratio;
      // 亩均税收 1–40 万元/亩: tax on output, bounded to what county parks actually report.
      const taxPerMu = Math.min(40, Math.max(1, ((output / mu) * rng.range(0.02, 0.06))));
      tax = taxPerMu * mu;
    } else if (status === 'built_no_production') {
      actualInvestment = agreedInvestment * rng.range(0.6, 1.05);
      developed = area * rng.range(0.8, 1);
      floor = area * plotRatio;
      // No output, but 城镇土地使用税 is still owed on the land.
      tax = mu * rng.range(0.2, 0.8);
    } else if (status === 'under_construction') {
      actualInvestment = agreedInvestment * rng.range(0.15, 0.85);
      developed = area * rng.range(0.25, 0.9);
      floor = area * plotRatio * rng.range(0.1, 0.7);
    } else if (status === 'halted') {
      const haltedLongAgo = d.halted !== null && d.halted <= addMonths(SNAPSHOT, -12);
      // 《闲置土地处置办法》第二条: started land is still idle when the developed area is under
      // one third or the investment under 25 %, and work has stopped for a year. Most long
      // halts are made to meet that, a minority are developed enough not to count.
      if (haltedLongAgo && rng.chance(0.75)) {
        if (rng.chance(0.5)) {
          developed = area * rng.range(0.03, 0.3);
          actualInvestment = agreedInvestment * rng.range(0.05, 0.5);
        } else {
          developed = area * rng.range(0.35, 0.6);
          actualInvestment = agreedInvestment * rng.range(0.05, 0.23);
        }
      } else {
        developed = area * rng.range(0.35, 0.85);
        actualInvestment = agreedInvestment * rng.range(0.27, 0.75);
      }
      floor = area * plotRatio * (developed / area) * rng.range(0.2, 0.8);
    }

    const values: Row = {
      parcel_id: parcelId,
      park_id: g.park ? g.park.id : null,
      county,
      land_use: landUse,
      area_m2: area,
      holder,
      enterprise_id: enterprise ? String(enterprise.row.enterprise_id) : null,
      chain_node: enterprise ? enterprise.node.id : null,
      supply_date: isoOf(d.supply),
      agreed_start_date: isoOf(d.agreedStart),
      actual_start_date: d.actualStart === null ? null : isoOf(d.actualStart),
      agreed_completion_date: isoOf(d.completion),
      land_price_wan: landPrice,
      agreed_investment_wan: agreedInvestment,
      actual_investment_wan: money(actualInvestment),
      developed_area_m2: money(developed),
      floor_area_m2: money(floor),
      halted_since: d.halted === null ? null : isoOf(d.halted),
      status,
      agreed_annual_output_wan: agreedOutput,
      annual_output_wan: money(output),
      annual_tax_wan: money(tax),
      // 政府原因 / 不可抗力 delays (《闲置土地处置办法》第八条) are common on stalled land.
      government_delay: rng.chance(status === 'not_started' || status === 'halted' ? 0.18 : 0.03),
      policy_compliant: !rng.chance(status === 'producing' || status === 'built_no_production' ? 0.025 : 0.01),
      other_breach: rng.chance(0.012),
    };
    // ~3 % of records lack an input, as real ledgers do; the analysis must list them in the
    // data-quality report instead of guessing.
    if (rng.chance(0.03)) {
      const candidates = ['land_price_wan', 'agreed_investment_wan', 'agreed_start_date', 'area_m2', 'policy_compliant'];
      if (status !== 'not_started') candidates.push('developed_area_m2', 'actual_investment_wan');
      if (status === 'producing') candidates.push('agreed_annual_output_wan', 'floor_area_m2');
      values[rng.pick(candidates)] = null;
    }
    const row = contractRow(PARCEL_FIELDS, values);
    if (enterprise) enterprise.parcels.push(row);
    parcels.push({ type: 'Feature', properties: row, geometry });
  });

  const rows = enterprises.map((e) => enterpriseRow(rng, e));
  return { parcels, enterprises: rows };
}

function enterpriseRow(rng: Rng, e: Enterprise): Row {
  const chain = e.node.chain;
  let producedOutput = 0;
  let landTax = 0;
  for (const p of e.parcels) {
    if (p.status === 'producing') producedOutput += Number(p.annual_output_wan ?? 0) || Number(p.agreed_annual_output_wan ?? 0);
    landTax += Number(p.annual_tax_wan ?? 0);
  }
  const producing = producedOutput > 0;
  const revenue = producing ? producedOutput * rng.range(0.92, 1.12) : 0;
  const values: Row = {
    ...e.row,
    // 规模以上工业企业: annual main-business revenue of 2,000 万元 or more (国家统计局口径).
    above_scale: revenue >= 2000,
    employees: producing ? Math.round(Math.min(5000, Math.max(12, revenue / rng.range(60, 220)))) : rng.int(3, 40),
    revenue_wan: money(revenue),
    value_added_wan: money(revenue * rng.range(0.18, 0.33)),
    tax_wan: money(landTax * rng.range(0.95, 1.08)),
    energy_tce: money(revenue * chain.energy * rng.range(0.6, 1.5)),
    rd_expense_wan: money(revenue * rng.range(chain.rd[0], chain.rd[1])),
  };
  if (rng.chance(0.025)) values[rng.pick(['employees', 'value_added_wan', 'energy_tce', 'rd_expense_wan'])] = null;
  return contractRow(ENTERPRISE_FIELDS, values);
}
