// Dashboard figures and parcel look-ups (group-summary.ts, parcel-lookup.ts) over seven
// hand-made parcels judged at 2026-06-30. Areas are chosen so that 亩 (m² × 15 / 10000) come
// out round: 6000 m² = 9 亩, 10000 m² = 15 亩, 6666.67 m² ≈ 10 亩, 20000 m² = 30 亩,
// 4000 m² = 6 亩, 2000 m² = 3 亩, 3000 m² = 4.5 亩.
//
//  id  county  park       m²     status              finding                         exit  ineff  missing         supply
//  P1  宁津县  K1 甲园    6000   not_started 25-03-01 idle 486 d, fee 20 (price 100)  E1    -      -               2024
//  P2  宁津县  K1 甲园   10000   not_started 22-05-01 idle 1521 d, recovery           E1    -      -               2021
//  P3  乐陵市  K2 乙园  6666.67  halted 24-03-15      stalled 837 d, negotiate (gov)   -     -      -               2018
//  P4  乐陵市  K2 乙园   20000   producing, plot 0.4  not idle                         -     L1     -               2015
//  P5  宁津县  (none)     4000   producing, no tax    not idle                         E5    -      annual_tax_wan  2016
//  P6  宁津县  K1 甲园    2000   not_started 25-05-01 idle 425 d, fee, no price        E1    -      land_price_wan  2024
//  P7  乐陵市  K1 甲园    3000   under_construction   not idle                         -     -      -               2024
//
// P7 lies in 乐陵市 but in a park of 宁津县: a county filter must use the parcel's county.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARK_FIELDS } from '../../src/data/contract';
import type { Db } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { loadRows } from '../../src/data/import/store';
import { EMPTY_FILTER, type ParcelFilter } from '../../src/analysis/filters';
import { runLandRules } from '../../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import {
  type GroupSummary,
  countySummaryQuery,
  groupSummaries,
  idleBySupplyYear,
  parkSummaryQuery,
  totalsQuery,
} from '../../src/analysis/group-summary';
import { findPidx, parcelCenter, parcelDetail, parcelList } from '../../src/analysis/parcel-lookup';
import { loadEnterprises } from './helpers/enterprises';
import { type ParcelInput, parcelsCsv } from './helpers/parcels';
import { importParcels } from '../../src/data/import/parcels';
import { loadParcelBatch } from '../../src/data/import/store';

let db: Db & { close(): void };

// Far-off completion date keeps E2 and the missing-completion-date check quiet.
const DONE = { agreed_completion_date: '2030-01-01' };
const PRODUCING = { status: 'producing', actual_start_date: '2015-06-01', agreed_annual_output_wan: 1000, annual_output_wan: 1000 };

const PARCELS: ParcelInput[] = [
  { ...DONE, park_id: 'K1', area_m2: 6000, status: 'not_started', agreed_start_date: '2025-03-01', land_price_wan: 100, supply_date: '2024-06-01' },
  { ...DONE, park_id: 'K1', area_m2: 10000, status: 'not_started', agreed_start_date: '2022-05-01', supply_date: '2021-05-01' },
  {
    ...DONE, county: '乐陵市', park_id: 'K2', area_m2: 6666.67, status: 'halted', actual_start_date: '2019-01-01',
    halted_since: '2024-03-15', developed_area_m2: 1000, government_delay: true, supply_date: '2018-06-01',
  },
  {
    ...DONE, ...PRODUCING, county: '乐陵市', park_id: 'K2', area_m2: 20000, floor_area_m2: 8000, actual_investment_wan: 6000,
    annual_tax_wan: 300, enterprise_id: 'E1', holder: '乐陵某公司', supply_date: '2015-01-01',
  },
  {
    ...DONE, ...PRODUCING, area_m2: 4000, floor_area_m2: 8000, actual_investment_wan: 3000, policy_compliant: false,
    supply_date: '2016-03-01',
  },
  { ...DONE, park_id: 'K1', area_m2: 2000, status: 'not_started', agreed_start_date: '2025-05-01', supply_date: '2024-09-01' },
  {
    ...DONE, county: '乐陵市', park_id: 'K1', area_m2: 3000, status: 'under_construction', actual_start_date: '2024-03-01',
    supply_date: '2024-02-01',
  },
];

/** Adds a WKT square to P4 only, so parcelCenter has a label point to return. */
function csvWithGeometry(): string {
  const csv = parcelsCsv(PARCELS).trimEnd().split('\n');
  const square = '"POLYGON((116 37, 116.002 37, 116.002 37.002, 116 37.002, 116 37))"';
  return [`${csv[0]},geometry`, ...csv.slice(1).map((line, i) => `${line},${i === 3 ? square : ''}`)].join('\n');
}

beforeAll(async () => {
  db = await openNodeDb();
  const r = importParcels('summary.csv', csvWithGeometry());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  await loadParcelBatch(db, r.batch);
  // parks carries its own county column (K1 in 宁津县, K2 in 乐陵市) and label point, as the app loads it.
  await loadRows(
    db,
    'parks',
    PARK_FIELDS,
    [
      ['K1', '甲园', '宁津县', 'provincial', null, 100],
      ['K2', '乙园', '乐陵市', 'county', null, 50],
    ],
    [
      { name: 'cx', sqlType: 'DOUBLE' },
      { name: 'cy', sqlType: 'DOUBLE' },
    ],
    (i) => [116 + i, 37],
  );
  await loadEnterprises(db, [{ enterprise_id: 'E1', name: '乐陵精工机械有限公司', county: '乐陵市' }]);
  await runLandRules(db, '2026-06-30', DEFAULT_SETTINGS);
});

afterAll(() => db?.close());

const filter = (f: Partial<ParcelFilter>): ParcelFilter => ({ ...EMPTY_FILTER, ...f });

async function totals(f: Partial<ParcelFilter> = {}): Promise<GroupSummary | undefined> {
  return (await groupSummaries(db, totalsQuery(filter(f))))[0];
}

/** Parcel ids passing a filter, read through the side list (which applies the same filter). */
async function ids(f: Partial<ParcelFilter>): Promise<string[]> {
  return (await parcelList(db, filter(f), 100)).map((p) => p.parcel_id).sort();
}

describe('totals', () => {
  it('counts, 亩 and disposals over all parcels', async () => {
    const t = (await totals())!;
    expect(t).toMatchObject({
      key: 'all',
      parcels: 7,
      idle: 4,
      fee: 2,
      recovery: 1,
      negotiate: 1,
      exitFlagged: 4,
      inefficient: 1,
      missingInputs: 2,
    });
    expect(t.areaMu).toBeCloseTo(77.5, 3);
    expect(t.idleMu).toBeCloseTo(9 + 15 + 10 + 3, 3);
    expect(t.feeMu).toBeCloseTo(9 + 3, 6);
    expect(t.recoveryMu).toBeCloseTo(15, 6);
    expect(t.negotiateMu).toBeCloseTo(10, 3);
    // 20 % of P1's 100 万元; P6 has no land price and adds nothing.
    expect(t.feeWan).toBeCloseTo(20, 9);
  });

  it('6666.67 m² is 10 亩 to within 0.0001', async () => {
    const t = (await totals({ parkIds: ['K2'], idleTypes: ['stalled'] }))!;
    expect(t.parcels).toBe(1);
    expect(Math.abs(t.areaMu - 10)).toBeLessThan(1e-4);
  });

  it('a filter nothing passes still yields one totals row of zeros (KPIs read 0, not —)', async () => {
    const t = (await totals({ counties: ['乐陵市'], idleTypes: ['not_started'] }))!;
    expect(t).toMatchObject({ key: 'all', parcels: 0, idle: 0, areaMu: 0, idleMu: 0, feeWan: 0, exitFlagged: 0 });
  });
});

describe('per county and per park', () => {
  it('county summary, most idle 亩 first', async () => {
    const c = await groupSummaries(db, countySummaryQuery(EMPTY_FILTER));
    expect(c.map((g) => g.key)).toEqual(['宁津县', '乐陵市']);
    const [nj, ll] = c;
    expect(nj).toMatchObject({ name: '宁津县', parcels: 4, idle: 3, fee: 2, recovery: 1, negotiate: 0, exitFlagged: 4, inefficient: 0, missingInputs: 2 });
    expect(nj.areaMu).toBeCloseTo(33, 6);
    expect(nj.idleMu).toBeCloseTo(27, 6);
    expect(nj.feeWan).toBeCloseTo(20, 9);
    expect(ll).toMatchObject({ name: '乐陵市', parcels: 3, idle: 1, fee: 0, recovery: 0, negotiate: 1, exitFlagged: 0, inefficient: 1, missingInputs: 0 });
    expect(ll.areaMu).toBeCloseTo(44.5, 3);
    expect(ll.negotiateMu).toBeCloseTo(10, 3);
    expect(ll.feeWan).toBe(0);
  });

  it('park summary joins park names; parcels outside any park group under an empty key', async () => {
    const p = await groupSummaries(db, parkSummaryQuery(EMPTY_FILTER));
    expect(p.map((g) => [g.key, g.name, g.parcels])).toEqual([
      ['K1', '甲园', 4],
      ['K2', '乙园', 2],
      ['', '', 1],
    ]);
    expect(p[0].areaMu).toBeCloseTo(31.5, 6);
    expect(p[0].idleMu).toBeCloseTo(27, 6);
    expect(p[1].areaMu).toBeCloseTo(40, 3);
    expect(p[2].areaMu).toBeCloseTo(6, 6);
  });

  it('a county filter on the park summary uses the parcel county, not the park county', async () => {
    const p = await groupSummaries(db, parkSummaryQuery(filter({ counties: ['乐陵市'] })));
    // K1 is a 宁津县 park but holds P7, a 乐陵市 parcel.
    expect(p.map((g) => [g.key, g.parcels])).toEqual([
      ['K2', 2],
      ['K1', 1],
    ]);
    expect(p[1].areaMu).toBeCloseTo(4.5, 6);
  });
});

describe('every filter field narrows exactly', () => {
  it('counties', async () => {
    expect(await ids({ counties: ['宁津县'] })).toEqual(['P1', 'P2', 'P5', 'P6']);
    expect(await ids({ counties: ['宁津县', '乐陵市'] })).toHaveLength(7);
    expect(await ids({ counties: ['无此县'] })).toEqual([]);
  });

  it('parkIds (a parcel outside any park passes only with no park filter)', async () => {
    expect(await ids({ parkIds: ['K2'] })).toEqual(['P3', 'P4']);
    expect(await ids({ parkIds: ['K1', 'K2'] })).toEqual(['P1', 'P2', 'P3', 'P4', 'P6', 'P7']);
  });

  it('statuses', async () => {
    expect(await ids({ statuses: ['not_started'] })).toEqual(['P1', 'P2', 'P6']);
    expect(await ids({ statuses: ['producing', 'halted'] })).toEqual(['P3', 'P4', 'P5']);
  });

  it('idleTypes', async () => {
    expect(await ids({ idleTypes: ['stalled'] })).toEqual(['P3']);
    expect(await ids({ idleTypes: ['not_started'] })).toEqual(['P1', 'P2', 'P6']);
    expect(await ids({ idleTypes: ['none'] })).toEqual(['P4', 'P5', 'P7']);
  });

  it('disposals', async () => {
    expect(await ids({ disposals: ['fee'] })).toEqual(['P1', 'P6']);
    expect(await ids({ disposals: ['fee', 'recovery'] })).toEqual(['P1', 'P2', 'P6']);
    expect(await ids({ disposals: ['negotiate'] })).toEqual(['P3']);
  });

  it('supplyYears', async () => {
    expect(await ids({ supplyYears: [2024] })).toEqual(['P1', 'P6', 'P7']);
    expect(await ids({ supplyYears: [2018, 2021] })).toEqual(['P2', 'P3']);
    expect(await ids({ supplyYears: [1999] })).toEqual([]);
  });

  it("quality 'missing'", async () => {
    expect(await ids({ quality: ['missing'] })).toEqual(['P5', 'P6']);
  });

  it('fields combine with AND, also in the totals', async () => {
    expect(await ids({ counties: ['宁津县'], disposals: ['fee'] })).toEqual(['P1', 'P6']);
    expect(await ids({ counties: ['乐陵市'], parkIds: ['K1'] })).toEqual(['P7']);
    const t = (await totals({ counties: ['宁津县'], supplyYears: [2024] }))!;
    expect(t).toMatchObject({ parcels: 2, fee: 2, missingInputs: 1 });
    expect(t.feeWan).toBeCloseTo(20, 9);
  });
});

describe('parcel list, detail and look-ups', () => {
  it('lists idle parcels first, longest idle first, then exit-flagged, then by pidx', async () => {
    const list = await parcelList(db, EMPTY_FILTER);
    expect(list.map((p) => [p.parcel_id, p.idle_days])).toEqual([
      ['P2', 1521],
      ['P3', 837],
      ['P1', 486],
      ['P6', 425],
      ['P5', 0],
      ['P4', 0],
      ['P7', 0],
    ]);
    expect(list.map((p) => p.park_name)).toEqual(['甲园', '乙园', '甲园', '甲园', null, '乙园', '甲园']);
    expect(list[5]).toMatchObject({ pidx: 3, county: '乐陵市', holder: '乐陵某公司', status: 'producing', area_m2: 20000, inefficiency: 'L1' });
  });

  it('respects the limit', async () => {
    expect((await parcelList(db, EMPTY_FILTER, 3)).map((p) => p.parcel_id)).toEqual(['P2', 'P3', 'P1']);
    expect((await parcelList(db, filter({ counties: ['乐陵市'] }), 1)).map((p) => p.parcel_id)).toEqual(['P3']);
  });

  it('detail joins the park and enterprise names', async () => {
    const d = (await parcelDetail(db, 3))!;
    expect(d).toMatchObject({ parcel_id: 'P4', park_name: '乙园', enterprise_name: '乐陵精工机械有限公司', inefficiency: 'L1' });
    expect(d.as_of).toBe(Date.UTC(2026, 5, 30));
    const outside = (await parcelDetail(db, 4))!;
    expect(outside).toMatchObject({ parcel_id: 'P5', park_name: null, enterprise_name: null, exit_reasons: 'E5' });
    expect(await parcelDetail(db, 99)).toBeNull();
  });

  it('finds a parcel index and label point by id; unknown ids give null, no geometry gives no point', async () => {
    expect(await findPidx(db, 'P1')).toBe(0);
    expect(await findPidx(db, 'P7')).toBe(6);
    expect(await findPidx(db, 'P99')).toBeNull();
    const c = (await parcelCenter(db, 'P4'))!;
    expect(c.pidx).toBe(3);
    expect(c.cx).toBeCloseTo(116.001, 9);
    expect(c.cy).toBeCloseTo(37.001, 9);
    // A parcel without geometry has no label point.
    expect(await parcelCenter(db, 'P1')).toEqual({ pidx: 0, cx: null, cy: null });
    expect(await parcelCenter(db, 'P99')).toBeNull();
  });
});

describe('idle land by supply year', () => {
  it('groups idle parcels by supply year and disposal', async () => {
    const r = await idleBySupplyYear(db, EMPTY_FILTER);
    expect(r.map((y) => [y.year, y.disposal, y.parcels])).toEqual([
      [2018, 'negotiate', 1],
      [2021, 'recovery', 1],
      [2024, 'fee', 2],
    ]);
    expect(r[0].mu).toBeCloseTo(10, 3);
    expect(r[1].mu).toBeCloseTo(15, 6);
    expect(r[2].mu).toBeCloseTo(12, 6);
  });

  it('applies the filter', async () => {
    const r = await idleBySupplyYear(db, filter({ counties: ['宁津县'], disposals: ['fee', 'negotiate'] }));
    expect(r.map((y) => [y.year, y.disposal, y.parcels])).toEqual([[2024, 'fee', 2]]);
  });
});
