// Candidate sites and available land on a hand-built layout near 德州 (116°E, 37°N), where every
// area has a closed form: on Turf's sphere (R = 6,371,008.8 m) a box between two meridians and
// two parallels has area R² · Δλ · (sin φ2 − sin φ1).
//
// Park A is the box [0, 0.01]° × [0, 0.01]° from (116, 37). Parcel P1 crosses it from south to
// north at x ∈ [0.004, 0.005] and so splits the rest into a west and an east piece; P2 is a
// box inside the east piece (a hole). Park B has no polygon (fallback).

import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Polygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSupplyTables } from '../../src/analysis/export-supply';
import { parkAvailability } from '../../src/analysis/park-availability';
import { type SiteCandidate, buildSiteCandidates, siteShapes } from '../../src/analysis/site-candidates';
import { rows } from '../../src/data/db';
import { sql } from '../../src/data/sql';
import { loadTracking } from '../../src/analysis/tracking-summary';
import { runLandRules } from '../../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import { SLIVER_M2, unsuppliedLand } from '../../src/analysis/unsupplied-land';
import { FACTORY_FIELDS, PARK_FIELDS } from '../../src/data/contract';
import type { Db } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { loadRows } from '../../src/data/import/store';
import type { ParcelShapes } from '../../src/data/parcel-shapes';
import { readWorkspaceFile } from '../../src/data/workspace/workspace-file';
import { type ParcelInput, loadParcels } from './helpers/parcels';

let db: Db & { close(): void };
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(() => db?.close());

const X0 = 116;
const Y0 = 37;
const R = 6371008.8;
const RAD = Math.PI / 180;

/** Closed-form area of the box [x1, x2] × [y1, y2] (degrees from X0, Y0), m². */
const boxM2 = (x1: number, y1: number, x2: number, y2: number) => R * R * (x2 - x1) * RAD * (Math.sin((Y0 + y2) * RAD) - Math.sin((Y0 + y1) * RAD));

const ring = (x1: number, y1: number, x2: number, y2: number): Position[] => [
  [X0 + x1, Y0 + y1],
  [X0 + x2, Y0 + y1],
  [X0 + x2, Y0 + y2],
  [X0 + x1, Y0 + y2],
  [X0 + x1, Y0 + y1],
];
const box = (x1: number, y1: number, x2: number, y2: number): Polygon => ({ type: 'Polygon', coordinates: [ring(x1, y1, x2, y2)] });

const PARK_A = box(0, 0, 0.01, 0.01);
const P1: [number, number, number, number] = [0.004, 0, 0.005, 0.01];
const P2: [number, number, number, number] = [0.006, 0.002, 0.008, 0.004];

/** Parcel shapes as the map holds them: one outer ring per parcel, pidx in order. */
function shapesOf(boxes: ([number, number, number, number] | null)[]): ParcelShapes {
  const positions: number[] = [];
  const starts: number[] = [0];
  const pidx: number[] = [];
  boxes.forEach((b, i) => {
    if (!b) return;
    for (const [x, y] of ring(...b)) positions.push(x, y);
    starts.push(positions.length / 2);
    pidx.push(i);
  });
  return {
    length: pidx.length,
    positions: Float64Array.from(positions),
    startIndices: Uint32Array.from(starts),
    pidx: Int32Array.from(pidx),
    parcelCount: boxes.length,
    centers: new Float64Array(boxes.length * 2).fill(Number.NaN),
  };
}

async function setup(opts: {
  parcels: ParcelInput[];
  boxes: ([number, number, number, number] | null)[];
  asOf?: string;
  factories?: (string | number | null)[][];
}) {
  const asOf = opts.asOf ?? '2026-03-31';
  await loadRows(db, 'parks', PARK_FIELDS, [
    ['A', '园区A', '宁津县', 'county', null, 1],
    ['B', '园区B', '乐陵市', 'county', null, 10],
  ], [
    { name: 'cx', sqlType: 'DOUBLE' },
    { name: 'cy', sqlType: 'DOUBLE' },
  ], (i) => [X0 + 0.5 * i, Y0]);
  await loadParcels(db, opts.parcels);
  await loadRows(db, 'factories', FACTORY_FIELDS, opts.factories ?? [], [
    { name: 'cx', sqlType: 'DOUBLE' },
    { name: 'cy', sqlType: 'DOUBLE' },
  ], () => [X0 + 0.001, Y0 + 0.001]);
  await runLandRules(db, asOf, DEFAULT_SETTINGS);
  return buildSiteCandidates(db, {
    asOf,
    parks: [
      { park_id: 'A', geometry: PARK_A },
      { park_id: 'B', geometry: null },
    ],
    shapes: shapesOf(opts.boxes),
  });
}

const supplied: ParcelInput = { park_id: 'A', supply_date: '2020-01-01', area_m2: 1 };

describe('unsupplied land: park polygon minus supplied parcels', () => {
  it('splits into pieces whose areas are exact to 1 m²', async () => {
    const r = await setup({ parcels: [supplied, supplied], boxes: [P1, P2] });
    const u = r.candidates.filter((c) => c.kind === 'unsupplied' && c.park_id === 'A');
    const east = boxM2(0.005, 0, 0.01, 0.01) - boxM2(...P2);
    const west = boxM2(0, 0, 0.004, 0.01);
    expect(u.map((c) => c.site_id)).toEqual(['U:A:1', 'U:A:2']);
    expect(Math.abs(u[0].area_m2! - east)).toBeLessThan(1);
    expect(Math.abs(u[1].area_m2! - west)).toBeLessThan(1);
    // The whole: park − parcels.
    expect(Math.abs(u[0].area_m2! + u[1].area_m2! - (boxM2(0, 0, 0.01, 0.01) - boxM2(...P1) - boxM2(...P2)))).toBeLessThan(1);
    // The east piece's point lies inside it: east of P1, and not in the hole P2.
    expect(u[0].cx! - X0).toBeGreaterThan(0.005);
    const inHole = u[0].cx! - X0 > P2[0] && u[0].cx! - X0 < P2[2] && u[0].cy! - Y0 > P2[1] && u[0].cy! - Y0 < P2[3];
    expect(inHole).toBe(false);
    expect(r.shapes.get('U:A:1')![0]).toHaveLength(2); // outer ring + the hole P2
    const [a] = await parkAvailability(db);
    expect(a.unsuppliedMethod).toBe('polygon');
    expect(Math.abs(a.unsuppliedAreaMu! - ((east + west) * 15) / 10000)).toBeLessThan(15 / 10000);
  });

  it('counts a parcel supplied after the as-of date as unsupplied', async () => {
    const r = await setup({ parcels: [supplied, { ...supplied, supply_date: '2026-06-01' }], boxes: [P1, P2] });
    const east = r.candidates.find((c) => c.site_id === 'U:A:1')!;
    expect(Math.abs(east.area_m2! - boxM2(0.005, 0, 0.01, 0.01))).toBeLessThan(1);
    // At a later date it is supplied again.
    const later = await setup({ parcels: [supplied, { ...supplied, supply_date: '2026-06-01' }], boxes: [P1, P2], asOf: '2026-06-01' });
    expect(Math.abs(later.candidates.find((c) => c.site_id === 'U:A:1')!.area_m2! - (boxM2(0.005, 0, 0.01, 0.01) - boxM2(...P2)))).toBeLessThan(1);
  });

  it('a parcel without supply_date but in the ledger is supplied', async () => {
    const r = await setup({ parcels: [supplied, { ...supplied, supply_date: null }], boxes: [P1, P2] });
    expect(Math.abs(r.candidates.find((c) => c.site_id === 'U:A:1')!.area_m2! - (boxM2(0.005, 0, 0.01, 0.01) - boxM2(...P2)))).toBeLessThan(1);
  });

  it('drops slivers under 1 亩 and reports their area', () => {
    // A parcel covering the park but a 0.00001° (≈ 0.9 m) strip along its 555 m west edge (≈ 495 m²).
    const strip = boxM2(0, 0, 0.00001, 0.005);
    expect(strip).toBeLessThan(SLIVER_M2);
    const park = box(0, 0, 0.01, 0.005);
    const r = unsuppliedLand(park, [[ring(0.00001, 0, 0.01, 0.005)]]);
    expect(r.pieces).toEqual([]);
    expect(Math.abs(r.sliver_m2 - strip)).toBeLessThan(1);
  });

  it('lots sharing edges and lots overlapping a neighbour are cut out once', () => {
    const lots: [number, number, number, number][] = [
      [0.001, 0.001, 0.002, 0.002],
      [0.002, 0.001, 0.003, 0.002], // shares an edge with the first
      [0.0025, 0.0015, 0.0035, 0.0025], // overlaps the second
      [0.0015, 0.003, 0.0025, 0.004], // apart from the others
      P1, // on the park boundary
    ];
    const r = unsuppliedLand(PARK_A, lots.map((b) => [ring(...b)]));
    const expected =
      boxM2(0, 0, 0.01, 0.01) - lots.reduce((a, b) => a + boxM2(...b), 0) + boxM2(0.0025, 0.0015, 0.003, 0.002);
    expect(r.pieces).toHaveLength(2);
    expect(Math.abs(r.area_m2 - expected)).toBeLessThan(1);
    expect(r.sliver_m2).toBe(0);
  });

  it('uses planned area minus supplied parcel area where a park has no polygon, or a parcel has no shape', async () => {
    const r = await setup({
      parcels: [supplied, { park_id: 'B', area_m2: 30000, supply_date: '2020-01-01' }, { park_id: 'B', area_m2: 5000, supply_date: '2027-01-01' }],
      boxes: [P1, null, null],
    });
    const b = r.candidates.filter((c) => c.park_id === 'B');
    // 10 公顷 = 100,000 m² − 30,000 m² supplied (the parcel of 2027 is not yet supplied).
    expect(b).toEqual([expect.objectContaining({ site_id: 'U:B:1', kind: 'unsupplied', area_m2: 70000, readiness: 'ready', cx: X0 + 0.5 })]);
    const av = await parkAvailability(db);
    expect(av.find((p) => p.park_id === 'B')).toMatchObject({ unsuppliedMethod: 'planned', unsuppliedAreaMu: 105 });
    // Park A's supplied parcel P2 has no shape: A falls back too (1 公顷 − 1 m² − 1 m²).
    const unshaped = await setup({ parcels: [supplied, supplied], boxes: [P1, null] });
    expect(unshaped.candidates.find((c) => c.park_id === 'A')).toMatchObject({ site_id: 'U:A:1', area_m2: 9998 });
    expect((await parkAvailability(db)).find((p) => p.park_id === 'A')!.unsuppliedMethod).toBe('unshaped');
  });
});

describe('returning land and factories', () => {
  it('recovery, negotiation and a recovered tracking stage; factory floor kept apart from land', async () => {
    const idle = { park_id: 'A', supply_date: '2018-01-01', status: 'not_started', agreed_start_date: '2020-01-01' };
    await loadTracking(db, []);
    const parcels: ParcelInput[] = [
      { ...idle, area_m2: 1000 }, // idle > 2 years → 无偿收回
      { ...idle, area_m2: 2000, government_delay: true }, // → 协议处置
      { ...supplied, area_m2: 4000 }, // producing, but recorded 已收回 below
      { ...supplied, area_m2: 8000 }, // producing: not returning
    ];
    const opts = { parcels, boxes: [P1, P2, null, null], factories: [['F1', 'A', 5000, 1200, '部分空置'], ['F2', 'A', 3000, 0, '满租']] };
    await setup(opts);
    await loadTracking(db, [
      { id: 't1', region: 'x', parcel_id: 'P3', stage: 'recovered', date: '2026-01-10', person: '张', note: '', recorded_at: '2026-01-10T00:00:00Z' },
      // After the as-of date: not yet happened.
      { id: 't2', region: 'x', parcel_id: 'P4', stage: 'recovered', date: '2026-05-10', person: '张', note: '', recorded_at: '2026-05-10T00:00:00Z' },
    ]);
    const r = await setup(opts);
    const table = rows<SiteCandidate>(await db.query(sql`SELECT * FROM site_candidates ORDER BY site_id`));
    const returning = table.filter((c) => c.kind === 'returning').map((c) => [c.site_id, c.readiness, c.area_m2]);
    expect(returning).toEqual([
      ['R:P1', 'recovering', 1000],
      ['R:P2', 'disputed', 2000],
      ['R:P3', 'recovered', 4000],
    ]);
    // JS keeps the pieces and factories; the table has every site.
    expect(r.candidates.map((c) => c.site_id)).toEqual(table.filter((c) => c.kind !== 'returning').map((c) => c.site_id));
    expect(r.candidates.filter((c) => c.kind === 'factory')).toEqual([
      expect.objectContaining({ site_id: 'F:F1', park_id: 'A', county: '宁津县', area_m2: null, vacant_floor_m2: 1200, factory_id: 'F1' }),
    ]);
    const shapes = await siteShapes(db, r, shapesOf(opts.boxes), ['R:P1', 'R:P3', 'U:A:1', 'F:F1']);
    expect(shapes.get('R:P1')).toEqual([[ring(...P1)]]);
    expect(shapes.has('R:P3')).toBe(false); // no shape on record
    expect(shapes.get('U:A:1')).toBe(r.shapes.get('U:A:1'));
    expect(shapes.has('F:F1')).toBe(false);
    const a = (await parkAvailability(db)).find((p) => p.park_id === 'A')!;
    expect(a.returningAreaMu).toBeCloseTo((7000 * 15) / 10000, 9);
    expect(a.vacantFloorM2).toBe(1200);
    expect(a.availableAreaMu).toBeCloseTo(a.unsuppliedAreaMu! + a.returningAreaMu, 9);
    await loadTracking(db, []);
  });

  it('the 可供地 workbook sheets: park figures and candidate sites in words, with units in the headers', async () => {
    const idle = { park_id: 'A', supply_date: '2018-01-01', status: 'not_started', agreed_start_date: '2020-01-01' };
    await loadTracking(db, []);
    await setup({ parcels: [{ ...idle, area_m2: 2000 }, supplied], boxes: [P1, P2], factories: [['F1', 'A', 5000, 1200, '部分空置']] });
    const [parks, sites] = await readSupplyTables(db, 'zh', ['A']);
    expect(parks.rows).toHaveLength(1);
    const row = Object.fromEntries(parks.headers.map((h, i) => [h, parks.rows[0][i]]));
    expect(row).toMatchObject({ 园区编号: 'A', 未供应土地测算方式: '园区边界减已供宗地', '回收中土地(亩)': 3, 回收中宗数: 1, '标准厂房空置(m²建筑面积)': 1200 });
    const east = boxM2(0.005, 0, 0.01, 0.01) - boxM2(...P2);
    const west = boxM2(0, 0, 0.004, 0.01);
    expect(row['未供应土地(亩)']).toBeCloseTo(Math.round(((east + west) * 15) / 100) / 100, 2);
    const kinds = sites.rows.map((r) => [r[0], r[1], r[6]]);
    expect(kinds).toEqual([
      ['F:F1', '标准厂房空置', '可即供'],
      ['R:P1', '回收中土地', '收回中'],
      ['U:A:1', '未供应土地', '可即供'],
      ['U:A:2', '未供应土地', '可即供'],
    ]);
    const [en] = await readSupplyTables(db, 'en', ['A']);
    expect(en.headers).toContain('Vacant factory floor (m² of floor)');
    expect(en.rows[0]).toContain('Outline minus supplied parcels');
  });

  it('site ids are unique across kinds and parks', async () => {
    const idle = { supply_date: '2018-01-01', status: 'not_started', agreed_start_date: '2020-01-01' };
    await setup({
      parcels: [{ ...idle, park_id: 'A' }, supplied, { ...idle, park_id: 'B' }],
      boxes: [P1, P2, null],
      factories: [['F1', 'A', 5000, 1200, '部分空置'], ['F2', 'B', 3000, 300, '部分空置']],
    });
    const ids = rows<{ site_id: string }>(await db.query(sql`SELECT site_id FROM site_candidates ORDER BY site_id`)).map((c) => c.site_id);
    expect(ids).toEqual(['F:F1', 'F:F2', 'R:P1', 'R:P3', 'U:A:1', 'U:A:2', 'U:B:1']);
  });
});

describe('demo factories', () => {
  it('each region packs its factories as points inside their parks, vacant floor never above floor area', async () => {
    const { packDemoTables } = await import('../../scripts/demo/pack');
    for (const region of ['dezhou', 'shaoguan', 'lanzhou'] as const) {
      const t = await packDemoTables('data/demo', region);
      const f = t.factories!;
      expect(f.count, region).toBeGreaterThanOrEqual(2 * t.parks.count);
      const parks = JSON.parse(readFileSync(`data/demo/${region}/parks.geojson`, 'utf8')).features as Feature<Polygon>[];
      const byId = new Map(parks.map((p) => [String(p.properties!.park_id), p]));
      const col = (n: string) => f.columns[n].values as ArrayLike<unknown>;
      for (let i = 0; i < f.count; i++) {
        const park = byId.get(String(col('park_id')[i]))!;
        expect(booleanPointInPolygon([f.points![2 * i], f.points![2 * i + 1]], park), `${region} ${col('factory_id')[i]}`).toBe(true);
        expect(Number(col('vacant_area_m2')[i])).toBeLessThanOrEqual(Number(col('floor_area_m2')[i]));
      }
      // The committed pack (a workspace file) holds the same factories, points included.
      const opened = readWorkspaceFile(new Uint8Array(readFileSync(`data/demo/${region}/demo.parkatlas`)));
      if (!opened.ok) throw new Error(opened.errorEn);
      const back = opened.workspace.tables.factories!;
      expect(back.count).toBe(f.count);
      expect(Array.from(back.points!)).toEqual(Array.from(f.points!));
      expect(back.columns.vacant_area_m2.values).toEqual(f.columns.vacant_area_m2.values);
    }
  });
});
