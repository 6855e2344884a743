// The search box's query on tiny tables: ids match case-insensitively, Chinese names match by
// any substring of their characters, exact and prefix matches come first, hits are grouped by
// kind, and the typed text is a bound value (quotes and LIKE wildcards are just characters).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseParcels, searchPlaces, searchQuery } from '../../src/analysis/search';
import type { Db } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { loadEnterprises, loadParks } from './helpers/enterprises';
import { loadParcels } from './helpers/parcels';

let db: Db & { close(): void };
beforeAll(async () => {
  db = await openNodeDb();
  await loadParks(db, [
    { park_id: 'K1', name: '宁津经济开发区' },
    { park_id: 'K2', name: '乐陵高新区', county: '乐陵市' },
    { park_id: 'K3', name: '有限责任配套产业园区', county: '乐陵市' },
  ]);
  await loadEnterprises(db, [{ enterprise_id: 'E1', name: '德州华宇机械有限公司' }]);
  await loadParcels(db, [
    { parcel_id: 'DZ-000418', holder: '宁津县鑫源化工有限公司', area_m2: 20000 },
    { parcel_id: 'DZ-000429', holder: '宁津县鑫源化工有限公司', area_m2: 50000 },
    { parcel_id: 'DZ-004180', county: '乐陵市' },
    { parcel_id: 'LL-7', enterprise_id: 'E1', holder: '', area_m2: 9000 },
    { parcel_id: "O'Brien_%", holder: '100%_股份' },
  ]);
});
afterAll(() => db?.close());

const labels = (hits: { label: string }[]) => hits.map((h) => h.label);

describe('search', () => {
  it('finds parcel ids whatever their case, the exact id before longer ones', async () => {
    expect(labels(await searchPlaces(db, '0041'))).toEqual(['DZ-000418', 'DZ-004180']);
    expect(labels(await searchPlaces(db, 'll-'))).toEqual(['LL-7']);
    const exact = await searchPlaces(db, ' dz-000418 ');
    expect(exact[0]).toMatchObject({ kind: 'parcel', label: 'DZ-000418', parcelId: 'DZ-000418', pidxs: [0] });
  });

  it('finds holders by a middle part of their Chinese name, with all their parcels, largest first', async () => {
    const [hit, ...rest] = await searchPlaces(db, '鑫源');
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ kind: 'holder', label: '宁津县鑫源化工有限公司', pidxs: [1, 0], parcelId: 'DZ-000429', detail: '宁津县' });
  });

  it('finds an enterprise linked to a parcel by its id, though the ledger names no holder', async () => {
    const hits = await searchPlaces(db, '华宇');
    expect(hits).toEqual([
      { kind: 'holder', label: '德州华宇机械有限公司', key: '德州华宇机械有限公司', detail: '宁津县', pidxs: [3], parcelId: 'LL-7' },
    ]);
  });

  it('finds parks by name and groups hits by kind: parcels, holders, parks', async () => {
    const hits = await searchPlaces(db, '宁津');
    expect(hits.map((h) => `${h.kind}:${h.label}`)).toEqual(['holder:宁津县鑫源化工有限公司', 'park:宁津经济开发区']);
    expect(hits[1]).toMatchObject({ key: 'K1', pidxs: [], parcelId: null });
  });

  it('keeps the best hits when more match than the list shows', async () => {
    const hits = await searchPlaces(db, 'DZ', 2);
    expect(labels(hits)).toEqual(['DZ-000418', 'DZ-000429']);
  });

  it('lets kinds take turns, so many holders do not hide a park', async () => {
    // Two holders and a park with a longer name contain 有限; with room for two, the park keeps its place.
    const hits = await searchPlaces(db, '有限', 2);
    expect(labels(hits)).toEqual(['德州华宇机械有限公司', '有限责任配套产业园区']);
    // Only holders match: the list fills with them.
    expect(labels(await searchPlaces(db, '公司', 2))).toEqual(['德州华宇机械有限公司', '宁津县鑫源化工有限公司']);
  });

  it('treats quotes, % and _ as plain characters and never splices the text into the SQL', async () => {
    const text = "O'Brien_%";
    expect(searchQuery(text).text).not.toContain('Brien');
    expect(labels(await searchPlaces(db, text))).toEqual([text]);
    // "%" alone matches only names that contain a percent sign, not everything.
    expect(labels(await searchPlaces(db, '%'))).toEqual(["O'Brien_%", '100%_股份']);
    expect(await searchPlaces(db, "'; DROP TABLE parcels; --")).toEqual([]);
    expect(await searchPlaces(db, '   ')).toEqual([]);
  });

  it('lists an enterprise’s parcels for the 亩均 ranking', async () => {
    expect(await enterpriseParcels(db, 'E1')).toEqual([{ pidx: 3, parcel_id: 'LL-7' }]);
    expect(await enterpriseParcels(db, 'nobody')).toEqual([]);
  });
});
