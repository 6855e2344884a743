// Industry-chain map, gap nodes, park match and the long/short-chain layout on one tiny region:
// chain C1 (U1 → M1 → D1, with gap G1 → M1) and chain C2 (X1 → D1); one urban district 区D.
// Plus the 韶关 demo's 市区终端 ↔ 始兴 PCB suggestion.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainLayout, groupLayoutSuggestions, layoutSuggestions } from '../../src/analysis/chain-roles';
import { chainMap, chainPidx, listChains, nodePidx, parkMatch } from '../../src/analysis/chains';
import { runLandRules } from '../../src/analysis/run-land-rules';
import { buildSiteCandidates } from '../../src/analysis/site-candidates';
import { parkShapesFromBatch } from '../../src/analysis/park-distance';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import { CHAIN_LINK_FIELDS, CHAIN_NODE_FIELDS, ENTERPRISE_FIELDS, type FieldSpec, PARK_FIELDS } from '../../src/data/contract';
import type { Db } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { readDemoFiles } from '../../src/data/demo-files-node';
import { loadRegionFiles } from '../../src/data/import/region';
import { regionById } from '../../src/data/regions';
import { loadRows } from '../../src/data/import/store';
import type { Cell } from '../../src/data/import/cells';
import { loadParcels } from './helpers/parcels';

let db: Db & { close(): void };

/** Rows in field order from objects naming only what matters. */
const table = (fields: readonly FieldSpec[], objs: Record<string, Cell>[]): Cell[][] =>
  objs.map((o) => fields.map((f) => o[f.name] ?? null));

const ent = (id: string, county: string, chain_node: string): Record<string, Cell> => ({
  enterprise_id: id,
  name: `企业${id}`,
  county,
  chain_node,
});

async function loadFixture(): Promise<void> {
  await loadRows(db, 'parks', PARK_FIELDS, [
    ['KA', 'A园', '县A', 'county', 'C1', 10],
    ['KD', 'D园', '区D', 'municipal', 'C1;C2', 20],
    ['KB', 'B园', '县B', 'county', 'C2', 3],
    ['KC', 'C园', '县C', 'county', 'C1', 5],
  ], [
    // The loader's label-point columns (unused here).
    { name: 'cx', sqlType: 'DOUBLE' },
    { name: 'cy', sqlType: 'DOUBLE' },
  ], () => [null, null]);
  await loadRows(db, 'chain_nodes', CHAIN_NODE_FIELDS, [
    ['C1', '一号链', 'U1', '原料', 'upstream'],
    ['C1', '一号链', 'G1', '芯片', 'upstream'],
    ['C1', '一号链', 'M1', '部件', 'midstream'],
    ['C1', '一号链', 'D1', '整机', 'downstream'],
    ['C2', '二号链', 'X1', '外链部件', 'midstream'],
  ]);
  await loadRows(db, 'chain_links', CHAIN_LINK_FIELDS, [
    ['U1', 'M1'],
    ['G1', 'M1'],
    ['M1', 'D1'],
    ['X1', 'D1'],
  ]);
  await loadRows(
    db,
    'enterprises',
    ENTERPRISE_FIELDS,
    table(ENTERPRISE_FIELDS, [
      ent('E1', '县A', 'U1'),
      ent('E2', '县A', 'U1'),
      ent('E3', '县A', 'M1'),
      ent('E4', '区D', 'M1'),
      ent('E5', '区D', 'D1'),
      ent('E6', '区D', 'D1'),
      ent('E7', '区D', 'D1'),
      ent('E8', '县C', 'D1'),
      ent('E9', '县B', 'X1'),
    ]),
  );
  await loadParcels(db, [
    /* pidx 0 */ { county: '县A', park_id: 'KA', chain_node: 'U1', area_m2: 30000, annual_output_wan: 100 },
    /* pidx 1 */ { county: '区D', park_id: 'KD', chain_node: 'M1', area_m2: 30000, annual_output_wan: 200 },
    /* pidx 2 */ { county: '区D', park_id: 'KD', chain_node: 'D1', area_m2: 60000, annual_output_wan: 300, agreed_annual_output_wan: 450 },
    /* pidx 3 */ { county: '县A', park_id: 'KA', chain_node: 'X1', area_m2: 10000, annual_output_wan: 50 },
    /* pidx 4 */ { county: '县A', park_id: 'KA', area_m2: 20000 },
    // 县B's park is full (3 ha planned, 3 ha producing): no land to offer.
    /* pidx 5 */ { county: '县B', park_id: 'KB', chain_node: 'X1', area_m2: 30000, annual_output_wan: 80 },
  ]);
  await runLandRules(db, '2026-03-31', DEFAULT_SETTINGS);
  await buildSiteCandidates(db, { asOf: '2026-03-31', parks: [], shapes: null });
}

beforeAll(async () => {
  db = await openNodeDb();
  await loadFixture();
});

afterAll(() => {
  db?.close();
});

describe('chain list and chain map', () => {
  it('lists chains with node, gap and enterprise counts', async () => {
    expect(await listChains(db)).toEqual([
      { chain_id: 'C1', chain_name: '一号链', nodes: 4, gapNodes: 1, enterprises: 8 },
      { chain_id: 'C2', chain_name: '二号链', nodes: 1, gapNodes: 0, enterprises: 1 },
    ]);
  });

  it('nodes in stage order with enterprises, parcel output, counties and parcel counts', async () => {
    const m = (await chainMap(db, 'C1'))!;
    expect(m.chain_name).toBe('一号链');
    expect(m.nodes.map((n) => [n.node_id, n.stage, n.enterprises, n.output_wan, n.counties, n.parcelsCount, n.isGap])).toEqual([
      ['G1', 'upstream', 0, 0, [], 0, true],
      ['U1', 'upstream', 2, 100, ['县A'], 1, false],
      ['M1', 'midstream', 2, 200, ['区D', '县A'], 1, false],
      ['D1', 'downstream', 4, 300, ['区D', '县C'], 1, false],
    ]);
    expect(await chainMap(db, 'NOPE')).toBeNull();
  });

  it('each node names its parks (firms or parcels there) and sums actual and agreed output', async () => {
    const m = (await chainMap(db, 'C1'))!;
    expect(m.nodes.map((n) => [n.node_id, n.parkIds])).toEqual([
      ['G1', []],
      ['U1', ['KA']],
      ['M1', ['KD']],
      ['D1', ['KD']],
    ]);
    const d1 = m.nodes.find((n) => n.node_id === 'D1')!;
    expect([d1.output_wan, d1.agreed_output_wan]).toEqual([300, 450]);
  });

  it('links touching the chain, cross-chain ones flagged', async () => {
    const m = (await chainMap(db, 'C1'))!;
    expect(m.links.map((l) => [l.from_node, l.to_node, l.crossChain])).toEqual([
      ['G1', 'M1', false],
      ['M1', 'D1', false],
      ['U1', 'M1', false],
      ['X1', 'D1', true],
    ]);
  });

  it('gap nodes (no enterprise) with parks declaring the chain, most available land first', async () => {
    const m = (await chainMap(db, 'C1'))!;
    expect(m.gaps.map((g) => g.node_id)).toEqual(['G1']);
    const [g] = m.gaps;
    // Named, not by id: the panel says 「下游：部件」, never 「下游：M1」.
    expect(g.feeds).toEqual([{ node_id: 'M1', node_name: '部件' }]);
    expect(g.fedBy).toEqual([]);
    // KD 200,000 − 90,000 m² = 165 亩; KC 50,000 m² = 75 亩; KA 100,000 − 60,000 m² = 60 亩.
    expect(g.candidateParks.map((p) => p.park_id)).toEqual(['KD', 'KC', 'KA']);
    expect(g.candidateParks.map((p) => p.availableAreaMu)).toEqual([
      expect.closeTo(165, 9),
      expect.closeTo(75, 9),
      expect.closeTo(60, 9),
    ]);
    expect((await chainMap(db, 'C2'))!.gaps).toEqual([]);
  });

  it('lists the parcel indexes of a node (none for a gap) and of each node of a chain, for the map highlight', async () => {
    expect(Array.from(await nodePidx(db, 'U1'))).toEqual([0]);
    expect(Array.from(await nodePidx(db, 'X1'))).toEqual([3, 5]);
    expect(await nodePidx(db, 'G1')).toEqual(new Int32Array(0));
    const byNode = await chainPidx(db, 'C1');
    expect(Object.fromEntries([...byNode].map(([k, v]) => [k, Array.from(v)]))).toEqual({ D1: [2], M1: [1], U1: [0] });
  });
});

describe('park match: declared vs actual chains', () => {
  it('shares of chain-tagged parcel area, undeclared and absent chains', async () => {
    const byId = Object.fromEntries((await parkMatch(db)).map((p) => [p.park_id, p]));
    // KA: C1 30,000 m², C2 10,000 m² (not declared), 20,000 m² untagged.
    expect(byId.KA.declared).toEqual(['C1']);
    expect(byId.KA.actual.map((a) => [a.chain_id, a.share, a.declared])).toEqual([
      ['C1', 0.75, true],
      ['C2', 0.25, false],
    ]);
    expect(byId.KA.matchShare).toBeCloseTo(0.75, 12);
    expect(byId.KA.undeclaredChains).toEqual(['C2']);
    expect(byId.KA.taggedShare).toBeCloseTo(2 / 3, 12);
    expect(byId.KA.parcelAreaMu).toBeCloseTo(90, 9);
    // KD declares C1 and C2 but only C1 is built.
    expect(byId.KD.matchShare).toBe(1);
    expect(byId.KD.declaredAbsent).toEqual(['C2']);
    expect(byId.KD.undeclaredChains).toEqual([]);
    // KC has no parcels: nothing to match.
    expect(byId.KC).toMatchObject({ matchShare: null, taggedShare: null, actual: [], declaredAbsent: ['C1'] });
  });
});

describe('long/short chain layout', () => {
  it('counties × stages with enterprise counts, districts first', async () => {
    const l = await chainLayout(db, 'C1', ['区D']);
    expect(l.counties).toEqual([
      { county: '区D', isDistrict: true, enterprises: 4 },
      { county: '县A', isDistrict: false, enterprises: 3 },
      { county: '县C', isDistrict: false, enterprises: 1 },
    ]);
    expect(l.cells.map((row) => row.map((c) => c.enterprises))).toEqual([
      [0, 1, 3],
      [2, 1, 0],
      [0, 0, 1],
    ]);
    expect(l.cells[0][2].nodes).toEqual([{ node_id: 'D1', node_name: '整机', enterprises: 3 }]);
  });

  it('pairs a district node with a county node over a chain link, both directions, only where the county has land', async () => {
    const s = await layoutSuggestions(db, ['区D']);
    expect(s.map((x) => [x.district, x.districtNode, x.county, x.countyNode, x.direction, x.strength])).toEqual([
      ['区D', 'D1', '县A', 'M1', 'county_supplies_district', 3],
      ['区D', 'M1', '县A', 'U1', 'county_supplies_district', 2],
      ['区D', 'M1', '县C', 'D1', 'district_supplies_county', 1],
    ]);
    // 县B holds X1 → D1 but its park has no land left.
    expect(s.some((x) => x.county === '县B')).toBe(false);
    expect(s[0]).toMatchObject({ from_node: 'M1', to_node: 'D1', districtNodeName: '整机', countyNodeName: '部件' });
    expect(s[0].countyAvailableAreaMu).toBeCloseTo(60, 9);
    expect(s[0].textZh).toBe('区D「整机」带动 县A「部件」：县A部件为区D整机配套供货；县A园区可用地 60 亩');
    expect(s[2].textZh).toContain('区D部件为县C整机供货');
    // No districts → no suggestions; a chain filter keeps links with an end in that chain.
    expect(await layoutSuggestions(db, [])).toEqual([]);
    expect(await layoutSuggestions(db, ['区D'], 'C2')).toEqual([]);
  });
});

describe('韶关 demo', () => {
  it('suggests 市区「电子信息终端」带动 始兴县「PCB」 (SG-ELE-02 → SG-ELE-04)', async () => {
    const loaded = await loadRegionFiles(db, readDemoFiles('shaoguan'));
    await runLandRules(db, '2026-03-31', DEFAULT_SETTINGS);
    await buildSiteCandidates(db, { asOf: '2026-03-31', parks: parkShapesFromBatch(loaded.parks), shapes: null });
    const districts = regionById('shaoguan')!.districts;
    expect([...districts].sort()).toEqual(['曲江区', '武江区', '浈江区'].sort());
    const s = await layoutSuggestions(db, districts, 'SG-ELE');
    const pcb = s.filter((x) => x.countyNode === 'SG-ELE-02' && x.districtNode === 'SG-ELE-04');
    expect(pcb.map((x) => x.district).sort()).toEqual(['曲江区', '武江区', '浈江区'].sort());
    for (const x of pcb) {
      expect(x).toMatchObject({ county: '始兴县', from_node: 'SG-ELE-02', to_node: 'SG-ELE-04', direction: 'county_supplies_district' });
      expect(x.countyAvailableAreaMu).toBeGreaterThan(0);
    }
    const [top] = groupLayoutSuggestions(s);
    expect(top).toMatchObject({ county: '始兴县', countyNode: 'SG-ELE-02', districtNode: 'SG-ELE-04' });
    expect(top.districts.sort()).toEqual(['曲江区', '武江区', '浈江区'].sort());

    const m = (await chainMap(db, 'SG-ELE'))!;
    expect(m.gaps.map((g) => g.node_id)).toEqual(['SG-ELE-01']);
  });
});
