// The 组团招商 candidate rule on tiny tables: parks in different counties are a candidate only
// when they share a main chain or their main chains meet in a supplier → customer link.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jointPromotion, loadParkHoldings } from '../../src/analysis/cluster-promotion';
import { CHAIN_LINK_FIELDS, CHAIN_NODE_FIELDS, ENTERPRISE_FIELDS, PARK_FIELDS } from '../../src/data/contract';
import type { Db } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import type { Cell } from '../../src/data/import/cells';
import { loadRows } from '../../src/data/import/store';
import { loadParcels } from './helpers/parcels';

let db: Db & { close(): void };

const ent = (id: string, county: string, park: string, node: string): Cell[] => {
  const o: Record<string, Cell> = { enterprise_id: id, name: `企业${id}`, county, park_id: park, chain_node: node };
  return ENTERPRISE_FIELDS.map((f) => o[f.name] ?? null);
};

beforeAll(async () => {
  db = await openNodeDb();
  await loadRows(db, 'parks', PARK_FIELDS, [
    ['KA', 'A园', '甲县', 'county', 'C1', 10],
    ['KB', 'B园', '乙县', 'county', 'C1', 10],
    ['KC', 'C园', '丙县', 'county', 'C2', 10],
    ['KD', 'D园', '丁县', 'county', 'C1;C3', 10],
    ['KE', 'E园', '甲县', 'county', 'C3', 10],
  ], [
    { name: 'cx', sqlType: 'DOUBLE' },
    { name: 'cy', sqlType: 'DOUBLE' },
  ], () => [null, null]);
  await loadRows(db, 'chain_nodes', CHAIN_NODE_FIELDS, [
    ['C1', '一号链', 'U1', '钢材', 'upstream'],
    ['C1', '一号链', 'D1', '整机', 'downstream'],
    ['C2', '二号链', 'M2', '电机', 'midstream'],
    ['C3', '三号链', 'U3', '面粉', 'upstream'],
    ['C4', '四号链', 'U4', '纸箱', 'upstream'],
  ]);
  await loadRows(db, 'chain_links', CHAIN_LINK_FIELDS, [['M2', 'D1'], ['U1', 'D1']]);
  await loadRows(db, 'enterprises', ENTERPRISE_FIELDS, [
    ent('E1', '甲县', 'KA', 'U1'),
    ent('E2', '乙县', 'KB', 'D1'),
    ent('E3', '丙县', 'KC', 'M2'),
    // D园: nine 纸箱 firms and one stray 钢材 firm (10 %): 一号链 is not its main industry.
    ...Array.from({ length: 9 }, (_, i) => ent(`F${i}`, '丁县', 'KD', 'U4')),
    ent('E4', '丁县', 'KD', 'U1'),
  ]);
  // E园 has no registered firm: its built parcel on 面粉 stands for it.
  await loadParcels(db, [{ county: '甲县', park_id: 'KE', chain_node: 'U3' }]);
});

afterAll(() => db?.close());

const cluster = (parks: [string, string][]) => ({ parkIds: parks.map((p) => p[0]), parkCounties: parks.map((p) => p[1]) });

describe('组团招商 candidates', () => {
  it('a cross-county cluster with no shared main chain and no link between them is NOT a candidate', async () => {
    const h = await loadParkHoldings(db);
    // 甲县 E园 (面粉) next to 丙县 C园 (电机): nothing to buy from each other.
    expect(jointPromotion(cluster([['KE', '甲县'], ['KC', '丙县']]), h)).toEqual({ candidate: false, sharedChains: [], links: [] });
  });

  it('a cross-county cluster sharing a main chain IS a candidate, naming the chain and its counties', async () => {
    const h = await loadParkHoldings(db);
    const p = jointPromotion(cluster([['KA', '甲县'], ['KB', '乙县'], ['KE', '甲县']]), h);
    expect(p.candidate).toBe(true);
    expect(p.sharedChains).toEqual([{ chain_id: 'C1', chain_name: '一号链', counties: ['甲县', '乙县'] }]);
    // U1 → D1 lies inside 一号链: already said by the shared chain, not repeated as a link.
    expect(p.links).toEqual([]);
  });

  it('a supplier → customer link between two chains across counties IS a candidate', async () => {
    const h = await loadParkHoldings(db);
    const p = jointPromotion(cluster([['KC', '丙县'], ['KB', '乙县']]), h);
    expect(p.candidate).toBe(true);
    expect(p.sharedChains).toEqual([]);
    expect(p.links).toEqual([{ fromName: '电机', toName: '整机', fromCounties: ['丙县'], toCounties: ['乙县'] }]);
  });

  it('one stray firm on a chain is not a main industry, until the share threshold is lowered', async () => {
    const h = await loadParkHoldings(db);
    const ab = cluster([['KA', '甲县'], ['KD', '丁县']]);
    expect(jointPromotion(ab, h, 0.25).candidate).toBe(false);
    expect(jointPromotion(ab, h, 0.1).sharedChains.map((c) => c.chain_id)).toEqual(['C1']);
  });

  it('parks of one county sharing a main chain are not a cross-county candidate', async () => {
    const h = await loadParkHoldings(db);
    expect(jointPromotion(cluster([['KA', '甲县'], ['KE', '甲县']]), h).candidate).toBe(false);
  });

  it('declared leading chains do not count: D园 declares 一号链 but its firms are on 纸箱', async () => {
    const h = await loadParkHoldings(db);
    expect(jointPromotion(cluster([['KB', '乙县'], ['KD', '丁县']]), h).candidate).toBe(false);
  });
});
