// County overlap (同质化) and complementarity on counties whose profiles are chosen so the
// cosine is obvious: identical shapes → 1, no node in common → 0, (3, 4) against (5, 0) → 0.6.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CountyProfiles,
  cosineSimilarity,
  countyOverlap,
  countyPairDetail,
  loadCountyProfiles,
} from '../../src/analysis/county-overlap';
import { CHAIN_LINK_FIELDS, CHAIN_NODE_FIELDS, PARK_FIELDS } from '../../src/data/contract';
import type { Db } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { loadRows } from '../../src/data/import/store';
import { loadParcels } from './helpers/parcels';

let db: Db & { close(): void };
let profiles: CountyProfiles;

beforeAll(async () => {
  db = await openNodeDb();
  await loadRows(db, 'parks', PARK_FIELDS, [
    ['K1', '甲一园', '甲县', 'county', 'C1', 100],
    ['K2', '甲二园', '甲县', 'county', 'C1', 100],
    ['K3', '乙园', '乙县', 'county', 'C1', 100],
    ['K4', '丙园', '丙县', 'county', 'C2', 100],
  ]);
  await loadRows(db, 'chain_nodes', CHAIN_NODE_FIELDS, [
    ['C1', '甲链', 'N1', '原料', 'upstream'],
    ['C1', '甲链', 'N2', '整机', 'midstream'],
    ['C2', '乙链', 'N3', '部件', 'midstream'],
  ]);
  // N1 → N3 → N2: 甲 and 丁 hold N1, 丙 holds N3, 甲 holds N2.
  await loadRows(db, 'chain_links', CHAIN_LINK_FIELDS, [
    ['N1', 'N3'],
    ['N3', 'N2'],
  ]);
  await loadParcels(db, [
    // 甲县 (3, 4): the zero-output parcel on N2 adds nothing (output basis).
    { county: '甲县', park_id: 'K1', chain_node: 'N1', annual_output_wan: 300 },
    { county: '甲县', park_id: 'K1', chain_node: 'N2', annual_output_wan: 100 },
    { county: '甲县', park_id: 'K2', chain_node: 'N2', annual_output_wan: 300 },
    { county: '甲县', park_id: 'K2', chain_node: 'N2', annual_output_wan: 0, status: 'not_started' },
    // 乙县 (6, 8): same shape as 甲 at twice the scale.
    { county: '乙县', park_id: 'K3', chain_node: 'N1', annual_output_wan: 600 },
    { county: '乙县', park_id: 'K3', chain_node: 'N2', annual_output_wan: 800 },
    // 丙县: only N3.
    { county: '丙县', park_id: 'K4', chain_node: 'N3', annual_output_wan: 500 },
    // 丁县 (5, 0), outside any park.
    { county: '丁县', chain_node: 'N1', annual_output_wan: 500 },
    // 戊县: no output anywhere → area basis, 30,000 : 40,000 m² = (3, 4).
    { county: '戊县', chain_node: 'N1', area_m2: 30000, status: 'under_construction' },
    { county: '戊县', chain_node: 'N2', area_m2: 40000, annual_output_wan: 0, status: 'under_construction' },
    // 己县: nothing on a chain node → no profile.
    { county: '己县', annual_output_wan: 900 },
  ]);
  profiles = await loadCountyProfiles(db);
});

afterAll(() => {
  db?.close();
});

const at = (o: ReturnType<typeof countyOverlap>, a: string, b: string) =>
  o.index[o.counties.indexOf(a)][o.counties.indexOf(b)];

describe('county profiles', () => {
  it('weights by output, falls back to area for a county with no output, and skips untagged counties', () => {
    expect([...profiles.counties].sort()).toEqual(['丁县', '丙县', '乙县', '戊县', '甲县'].sort());
    expect(profiles.basis).toEqual({ 甲县: 'output', 乙县: 'output', 丙县: 'output', 丁县: 'output', 戊县: 'area' });
    expect(Object.fromEntries(profiles.weights.get('甲县')!)).toEqual({ N1: 300, N2: 400 });
    expect(Object.fromEntries(profiles.weights.get('戊县')!)).toEqual({ N1: 30000, N2: 40000 });
  });
});

describe('overlap index (cosine)', () => {
  it('identical profiles → 1, disjoint → 0, (3,4)·(5,0) → 0.6; the area-based county compares by shape', () => {
    const o = countyOverlap(profiles);
    expect(at(o, '甲县', '乙县')).toBeCloseTo(1, 12);
    expect(at(o, '甲县', '丙县')).toBe(0);
    expect(at(o, '甲县', '丁县')).toBeCloseTo(0.6, 12);
    expect(at(o, '丁县', '甲县')).toBeCloseTo(0.6, 12);
    expect(at(o, '甲县', '戊县')).toBeCloseTo(1, 12);
    expect(at(o, '丙县', '丁县')).toBe(0);
    for (const c of o.counties) expect(at(o, c, c)).toBe(1);
    expect(o.basis['戊县']).toBe('area');
  });

  it('lists pairs at or above the threshold (here 0.5), highest first', () => {
    const o = countyOverlap(profiles, 0.5);
    const key = (p: { a: string; b: string }) => [p.a, p.b].sort().join('-');
    expect(o.highPairs.map(key).sort()).toEqual(
      [['甲县', '乙县'], ['甲县', '戊县'], ['乙县', '戊县'], ['甲县', '丁县'], ['乙县', '丁县'], ['丁县', '戊县']]
        .map((p) => p.sort().join('-'))
        .sort(),
    );
    expect(o.highPairs.slice(0, 3).every((p) => p.index > 0.999)).toBe(true);
    const strict = countyOverlap(profiles, 0.6000001);
    expect(strict.highPairs).toHaveLength(3);
    expect(countyOverlap(profiles, 0.6).highPairs).toHaveLength(6);
  });

  it('by default (0.7) a pair at 0.6 is not a high overlap, identical profiles are', () => {
    const pairs = countyOverlap(profiles).highPairs;
    expect(pairs).toHaveLength(3);
    expect(pairs.every((p) => p.index > 0.999)).toBe(true);
  });

  it('cosine of empty vectors is 0', () => {
    expect(cosineSimilarity(new Map(), new Map([['x', 1]]))).toBe(0);
  });
});

describe('pair detail', () => {
  it('lists shared nodes with their parks in each county (evidence of 同质化)', () => {
    const d = countyPairDetail(profiles, '甲县', '乙县');
    expect(d.index).toBeCloseTo(1, 12);
    expect(d.basisA).toBe('output');
    expect(d.shared.map((s) => s.node_id).sort()).toEqual(['N1', 'N2']);
    const n2 = d.shared.find((s) => s.node_id === 'N2')!;
    expect(n2).toMatchObject({ node_name: '整机', chain_id: 'C1', weightA: 400, weightB: 800 });
    expect(n2.shareA).toBeCloseTo(4 / 7, 12);
    expect(n2.parksA).toEqual([
      { park_id: 'K1', name: '甲一园' },
      { park_id: 'K2', name: '甲二园' },
    ]);
    expect(n2.parksB).toEqual([{ park_id: 'K3', name: '乙园' }]);
    expect(countyPairDetail(profiles, '甲县', '丙县').shared).toEqual([]);
    // 丁县's parcel lies outside any park: the node is shared, no park listed.
    const dj = countyPairDetail(profiles, '甲县', '丁县');
    expect(dj.shared.map((s) => [s.node_id, s.parksB])).toEqual([['N1', []]]);
  });

  it('complementarity keeps the link direction: supplier county → customer county', () => {
    const d = countyPairDetail(profiles, '甲县', '丙县');
    expect(d.complementary).toEqual([
      { from_node: 'N1', from_name: '原料', to_node: 'N3', to_name: '部件', supplier: '甲县', customer: '丙县', bothWays: false },
      { from_node: 'N3', from_name: '部件', to_node: 'N2', to_name: '整机', supplier: '丙县', customer: '甲县', bothWays: false },
    ]);
    // 丁 holds N1 only: it can supply 丙, but 丙 has no customer for N3 in 丁.
    expect(countyPairDetail(profiles, '丙县', '丁县').complementary).toEqual([
      { from_node: 'N1', from_name: '原料', to_node: 'N3', to_name: '部件', supplier: '丁县', customer: '丙县', bothWays: false },
    ]);
    expect(countyPairDetail(profiles, '甲县', '乙县').complementary).toEqual([]);
  });

  it('a link both counties can serve either way is listed once, marked both ways', () => {
    // 子县 and 丑县 each hold 原料 and 部件; the link 原料 → 部件 is also stored reversed.
    const w = () => new Map([['N1', 1], ['N3', 1]]);
    const twin: CountyProfiles = {
      ...profiles,
      counties: ['子县', '丑县'],
      weights: new Map([['子县', w()], ['丑县', w()]]),
      links: [
        { from_node: 'N1', to_node: 'N3' },
        { from_node: 'N3', to_node: 'N1' },
      ],
    };
    const d = countyPairDetail(twin, '子县', '丑县');
    expect(d.complementary).toEqual([
      { from_node: 'N1', from_name: '原料', to_node: 'N3', to_name: '部件', supplier: '子县', customer: '丑县', bothWays: true },
    ]);
    // One county holding only the supplier end of a one-way link: not marked both ways.
    const oneWay = {
      ...twin,
      weights: new Map([['子县', new Map([['N1', 1]])], ['丑县', new Map([['N3', 1]])]]),
      links: [{ from_node: 'N1', to_node: 'N3' }],
    };
    expect(countyPairDetail(oneWay, '子县', '丑县').complementary).toEqual([
      { from_node: 'N1', from_name: '原料', to_node: 'N3', to_name: '部件', supplier: '子县', customer: '丑县', bothWays: false },
    ]);
  });
});
