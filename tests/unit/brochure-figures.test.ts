// Brochure figures on a tiny region with obvious answers. Park K1 (宁津县) plans 10 公顷 = 150 亩
// and holds P1 45 亩 (企业E1), P2 30 亩 idle since 2020 (企业E2, tracked), P3 15 亩 idle (no
// record) and P4 15 亩 (企业E3): 105 亩 of parcels, 45 亩 unsupplied, 45 亩 idle, 90 亩 available.
// Park K2 (乐陵市) has no plan and no parcels. Chain C1: 原料 (firm in 乐陵市), 部件 (firm in
// 宁津县), 整机 (no firm anywhere).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brochureFigures, classShares, gapTargetsQuery, parkFiguresQuery } from '../../src/analysis/brochure-figures';
import { runLandRules } from '../../src/analysis/run-land-rules';
import { buildSiteCandidates } from '../../src/analysis/site-candidates';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import { loadTracking } from '../../src/analysis/tracking-summary';
import { CHAIN_NODE_FIELDS } from '../../src/data/contract';
import { type Db, rows } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { loadRows } from '../../src/data/import/store';
import { sql } from '../../src/data/sql';
import { loadEnterprises, loadParks } from './helpers/enterprises';
import { loadParcels } from './helpers/parcels';

const AS_OF = '2026-06-30';
let db: Db & { close(): void };

beforeAll(async () => {
  db = await openNodeDb();
  await loadParks(db, [
    { park_id: 'K1', name: '宁津经开区', county: '宁津县', planned_area_ha: 10, leading_chains: 'C1' },
    { park_id: 'K2', name: '乐陵园', county: '乐陵市', leading_chains: 'C1' },
  ]);
  await loadParcels(db, [
    { park_id: 'K1', area_m2: 30000, enterprise_id: 'E1' },
    { park_id: 'K1', area_m2: 20000, enterprise_id: 'E2', status: 'not_started', agreed_start_date: '2020-01-01' },
    { park_id: 'K1', area_m2: 10000, status: 'not_started', agreed_start_date: '2021-03-01' },
    { park_id: 'K1', area_m2: 10000, enterprise_id: 'E3' },
    // Outside every park: counts nowhere.
    { area_m2: 90000, status: 'not_started', agreed_start_date: '2020-01-01' },
  ]);
  await loadEnterprises(db, [
    { enterprise_id: 'E1', county: '乐陵市', chain_node: 'N1' },
    { enterprise_id: 'E2', county: '宁津县', chain_node: 'N2' },
    { enterprise_id: 'E3', county: '宁津县' },
  ]);
  await loadRows(db, 'chain_nodes', CHAIN_NODE_FIELDS, [
    ['C1', '健身器材', 'N3', '整机', 'downstream'],
    ['C1', '健身器材', 'N1', '原料', 'upstream'],
    ['C1', '健身器材', 'N2', '部件', 'midstream'],
  ]);
  await runLandRules(db, AS_OF, DEFAULT_SETTINGS);
  const rec = (parcel_id: string, date: string) => ({ id: `${parcel_id}-${date}`, region: 'dezhou', parcel_id, stage: 'interviewed' as const, date, person: '', note: '', recorded_at: `${date}T08:00:00Z` });
  // P2 tracked before the date; P3 only after it (not yet under way at the as-of date).
  await loadTracking(db, [rec('P2', '2026-03-01'), rec('P3', '2026-08-01')]);
  // No outlines: unsupplied land is planned area minus supplied parcels.
  await buildSiteCandidates(db, { asOf: AS_OF, parks: [], shapes: null });
});

afterAll(() => db?.close());

describe('park figures', () => {
  // P2 and P3 are idle over two years (无偿收回): they are the land coming back.
  it('areas, unsupplied (planned − parcels), idle land and tracked idle parcels, exact', async () => {
    const f = await brochureFigures(db, { parkIds: ['K1', 'K2'], gapCounties: (p) => [p.county], asOf: AS_OF, settings: DEFAULT_SETTINGS });
    const k1 = f.parks.find((p) => p.park_id === 'K1')!;
    expect(k1.plannedMu).toBeCloseTo(150, 9);
    expect(k1.parcels).toBe(4);
    expect(k1.parcelMu).toBeCloseTo(105, 9);
    expect(k1.unsuppliedMu).toBeCloseTo(45, 9);
    expect([k1.idleParcels, k1.idleTracked]).toEqual([2, 1]);
    expect(k1.idleMu).toBeCloseTo(45, 9);
    expect(k1.returningMu).toBeCloseTo(45, 9);
    expect(k1.unsuppliedMethod).toBe('planned');
    expect(k1.availableMu).toBeCloseTo(90, 9);
    // No factory on record: unknown, not zero.
    expect(k1.vacantFactoryM2).toBeNull();
    const k2 = f.parks.find((p) => p.park_id === 'K2')!;
    expect([k2.parcels, k2.parcelMu, k2.unsuppliedMu, k2.availableMu]).toEqual([0, 0, null, 0]);
  });

  it('补链 targets: leading-chain nodes without a firm in the counties given, upstream first', async () => {
    const own = await brochureFigures(db, { parkIds: ['K1'], gapCounties: (p) => [p.county], asOf: AS_OF, settings: DEFAULT_SETTINGS });
    expect(own.gaps.K1.map((g) => g.node_name)).toEqual(['原料', '整机']);
    expect(own.chainNames).toEqual({ C1: '健身器材' });
    // The group 宁津县 + 乐陵市 has the 原料 firm: only 整机 is missing.
    const group = await brochureFigures(db, { parkIds: ['K1'], gapCounties: () => ['宁津县', '乐陵市'], asOf: AS_OF, settings: DEFAULT_SETTINGS });
    expect(group.gaps.K1.map((g) => g.node_id)).toEqual(['N3']);
    expect(rows(await db.query(gapTargetsQuery([], ['宁津县'])))).toEqual([]);
  });

  it('亩均 class mix by land area of the park parcels, from enterprise_mujun', async () => {
    await db.query(sql`CREATE OR REPLACE TABLE enterprise_mujun AS
      SELECT * FROM (VALUES ('E1', 'A'), ('E2', 'C'), ('E3', NULL)) v(enterprise_id, class)`);
    await db.query(sql`CREATE OR REPLACE TABLE factories AS
      SELECT *, '' AS status, 116.0 AS cx, 37.0 AS cy
      FROM (VALUES ('F1', 'K1', 5000.0, 1200.0), ('F2', 'K1', 3000.0, 300.0), ('F3', 'K2', 1000.0, 0.0)) v(factory_id, park_id, floor_area_m2, vacant_area_m2)`);
    await buildSiteCandidates(db, { asOf: AS_OF, parks: [], shapes: null });
    const r = rows<Record<string, number>>(await db.query(parkFiguresQuery(['K1', 'K2'], AS_OF)));
    const k1 = r.find((x) => x.park_id === ('K1' as never))!;
    expect([k1.a_mu, k1.b_mu, k1.c_mu, k1.d_mu, k1.un_mu].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([45, 0, 30, 0, 15]);
    expect(k1.vacantFactoryM2).toBe(1500);
    // K2's one factory is let in full: 0 m² vacant, not unknown.
    expect(r.find((x) => x.park_id === ('K2' as never))!.vacantFactoryM2).toBe(0);
    await db.query(sql`DELETE FROM factories`);
    await buildSiteCandidates(db, { asOf: AS_OF, parks: [], shapes: null });
  });
});

describe('class shares', () => {
  it('shares of the classed land only; nothing classed → all zero', () => {
    expect(classShares({ A: 45, B: 0, C: 30, D: 0, unclassed: 15 })).toEqual({ A: 0.6, B: 0, C: 0.4, D: 0 });
    expect(classShares({ A: 0, B: 0, C: 0, D: 0, unclassed: 15 })).toEqual({ A: 0, B: 0, C: 0, D: 0 });
  });
});
