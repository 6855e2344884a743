// Park clusters (园区组团) on square parks placed on a known grid along the equator, where
// every distance is easy to state, plus the 德州 demo's 宁津–乐陵–庆云 belt.

import { readFileSync } from 'node:fs';
import { bbox, lineString, pointToLineDistance } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parkAvailability, splitChains } from '../../src/analysis/park-availability';
import { parkClusters } from '../../src/analysis/park-clusters';
import { buildSiteCandidates } from '../../src/analysis/site-candidates';
import { type ParkShape, boundaryDistanceKm, parkShapesFromBatch, parkShapesFromGeoJson } from '../../src/analysis/park-distance';
import { CLUSTER_SETTING_META, type ClusterSettings, DEFAULT_CLUSTER_SETTINGS } from '../../src/analysis/review-settings';
import { runLandRules } from '../../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import { PARK_FIELDS } from '../../src/data/contract';
import { readDemoFiles } from '../../src/data/demo-files-node';
import type { Db } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { loadRegionFiles } from '../../src/data/import/region';
import { loadRows } from '../../src/data/import/store';
import { loadParcels } from './helpers/parcels';

let db: Db & { close(): void };

beforeAll(async () => {
  db = await openNodeDb();
});

afterAll(() => {
  db?.close();
});

const SIDE = 0.01; // degrees, ≈ 1.1 km

/** A square park with its south-west corner at (x, 0). */
function square(x: number, side = SIDE): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x, 0],
        [x + side, 0],
        [x + side, side],
        [x, side],
        [x, 0],
      ],
    ],
  };
}

interface ParkSpec {
  park_id: string;
  county: string;
  x: number;
  planned_area_ha?: number | null;
  leading_chains?: string;
}

/** Loads parks (table + outlines) and the given parcels, then runs the land rules. */
async function setup(parks: ParkSpec[], parcels: Parameters<typeof loadParcels>[1] = []): Promise<ParkShape[]> {
  const rows = parks.map((p) => [p.park_id, `园区${p.park_id}`, p.county, 'county', p.leading_chains ?? null, p.planned_area_ha ?? null]);
  await loadRows(db, 'parks', PARK_FIELDS, rows, [
    { name: 'cx', sqlType: 'DOUBLE' },
    { name: 'cy', sqlType: 'DOUBLE' },
  ], (i) => [parks[i].x + SIDE / 2, SIDE / 2]);
  // A table needs at least the one parcel; park-less parcels do not touch park figures.
  await loadParcels(db, parcels.length > 0 ? parcels : [{ park_id: null }]);
  await runLandRules(db, '2026-03-31', DEFAULT_SETTINGS);
  // No outlines: the parcels here have no shapes, so available land uses the planned-area measure.
  await buildSiteCandidates(db, { asOf: '2026-03-31', parks: [], shapes: null });
  return parks.map((p) => ({ park_id: p.park_id, geometry: square(p.x) }));
}

// Facing edges of the squares at x = 0 and x = 0.1: the gap is 0.09°. The closest points are
// corners (meridians converge away from the equator), measured here with Turf directly.
const facing = (x0: number, x1: number) => {
  const right = x0 + SIDE;
  const ds = [
    pointToLineDistance([right, 0], lineString([[x1, 0], [x1, SIDE]]), { units: 'kilometers' }),
    pointToLineDistance([right, SIDE], lineString([[x1, 0], [x1, SIDE]]), { units: 'kilometers' }),
    pointToLineDistance([x1, 0], lineString([[right, 0], [right, SIDE]]), { units: 'kilometers' }),
    pointToLineDistance([x1, SIDE], lineString([[right, 0], [right, SIDE]]), { units: 'kilometers' }),
  ];
  return Math.min(...ds);
};
const GAP_KM = facing(0, 0.1);

const settings = (s: Partial<ClusterSettings>): ClusterSettings => ({ ...DEFAULT_CLUSTER_SETTINGS, ...s });

// A, B, C in a row 0.1° apart; D, E further east; C–D gap 0.29°.
const ROW: ParkSpec[] = [
  { park_id: 'A', county: '甲县', x: 0, planned_area_ha: 10, leading_chains: 'C1;C2' },
  { park_id: 'B', county: '甲县', x: 0.1, planned_area_ha: 20, leading_chains: 'C2' },
  { park_id: 'C', county: '乙县', x: 0.2, planned_area_ha: 5, leading_chains: 'C3' },
  { park_id: 'D', county: '丙县', x: 0.5 },
  { park_id: 'E', county: '丙县', x: 0.6 },
];

describe('boundary distance', () => {
  it('is the Turf distance between facing edges (≈ 0.09° of longitude)', () => {
    expect(GAP_KM).toBeCloseTo(0.09 * 111.195, 1);
    expect(boundaryDistanceKm(square(0), square(0.1))).toBeCloseTo(GAP_KM, 9);
    expect(boundaryDistanceKm(square(0.1), square(0))).toBeCloseTo(GAP_KM, 9);
  });

  it('is 0 for parks that overlap or touch', () => {
    expect(boundaryDistanceKm(square(0), square(0.005))).toBe(0);
    expect(boundaryDistanceKm(square(0), square(SIDE))).toBe(0);
  });

  it('works for a multipolygon (nearest part counts)', () => {
    const multi = { type: 'MultiPolygon' as const, coordinates: [square(0.3).coordinates, square(0.1).coordinates] };
    expect(boundaryDistanceKm(square(0), multi)).toBeCloseTo(GAP_KM, 9);
  });
});

describe('DBSCAN clusters', () => {
  it('a park exactly at epsKm is a neighbour; a metre less and it is not', async () => {
    const shapes = await setup(ROW);
    const at = await parkClusters(db, shapes, settings({ epsKm: GAP_KM }));
    expect(at.clusters.map((c) => c.parkIds)).toEqual([['A', 'B', 'C'], ['D', 'E']]);
    expect(at.noise).toEqual([]);

    const below = await parkClusters(db, shapes, settings({ epsKm: GAP_KM - 0.001 }));
    expect(below.clusters).toEqual([]);
    expect(below.noise.map((n) => n.park_id)).toEqual(['A', 'B', 'C', 'D', 'E']);
    const a = below.noise.find((n) => n.park_id === 'A')!;
    expect(a.nearestParkId).toBe('B');
    expect(a.nearestKm).toBeCloseTo(GAP_KM, 9);
  });

  it('joins C and D once epsKm covers their 0.29° gap', async () => {
    const shapes = await setup(ROW);
    const gapCD = facing(0.2, 0.5);
    const r = await parkClusters(db, shapes, settings({ epsKm: gapCD }));
    expect(r.clusters.map((c) => c.parkIds)).toEqual([['A', 'B', 'C', 'D', 'E']]);
  });

  it('minParks: a pair clusters at 2 but not at 3; a row of three clusters at 3 (B core, A and C border)', async () => {
    const shapes = await setup(ROW);
    const two = await parkClusters(db, shapes, settings({ epsKm: GAP_KM, minParks: 2 }));
    expect(two.clusters.map((c) => c.parkIds)).toContainEqual(['D', 'E']);
    const three = await parkClusters(db, shapes, settings({ epsKm: GAP_KM, minParks: 3 }));
    expect(three.clusters.map((c) => c.parkIds)).toEqual([['A', 'B', 'C']]);
    expect(three.noise.map((n) => n.park_id)).toEqual(['D', 'E']);
    const four = await parkClusters(db, shapes, settings({ epsKm: GAP_KM, minParks: 4 }));
    expect(four.clusters).toEqual([]);
  });

  it('flags clusters spanning several counties and lists distinct counties', async () => {
    const shapes = await setup(ROW);
    const r = await parkClusters(db, shapes, settings({ epsKm: GAP_KM }));
    const [abc, de] = r.clusters;
    expect(abc).toMatchObject({ id: 1, counties: ['甲县', '乙县'], multiCounty: true, labelZh: '甲县·乙县组团' });
    expect(de).toMatchObject({ id: 2, counties: ['丙县'], multiCounty: false });
    expect(abc.parkNames).toEqual(['园区A', '园区B', '园区C']);
    expect(abc.leadingChains).toEqual(['C1', 'C2', 'C3']);
    expect(abc.plannedAreaHa).toBe(35);
    expect(abc.edges.map((e) => [e.a, e.b])).toEqual([
      ['A', 'B'],
      ['B', 'C'],
    ]);
  });

  it('the hull is the convex hull of all park vertices', async () => {
    const shapes = await setup(ROW);
    const r = await parkClusters(db, shapes, settings({ epsKm: GAP_KM }));
    const de = r.clusters[1];
    expect(de.hull?.type).toBe('Polygon');
    const [x0, y0, x1, y1] = bbox(de.hull!);
    expect([x0, y0, x1, y1]).toEqual([0.5, 0, 0.6 + SIDE, SIDE]);
    const corners = new Set(de.hull!.coordinates[0].map((p: Position) => p.join(',')));
    expect(corners).toEqual(new Set(['0.5,0', '0.61,0', '0.61,0.01', '0.5,0.01']));
  });

  it('centroid method measures between centroids (0.1° apart, more than the edge gap)', async () => {
    const shapes = await setup(ROW);
    const byEdge = await parkClusters(db, shapes, settings({ epsKm: GAP_KM + 0.5 }));
    expect(byEdge.clusters.map((c) => c.parkIds)).toEqual([['A', 'B', 'C'], ['D', 'E']]);
    const byCentroid = await parkClusters(db, shapes, settings({ epsKm: GAP_KM + 0.5, method: 'centroid' }));
    expect(byCentroid.clusters).toEqual([]);
    const wide = await parkClusters(db, shapes, settings({ epsKm: 0.1 * 111.2, method: 'centroid' }));
    expect(wide.clusters.map((c) => c.parkIds)).toEqual([['A', 'B', 'C'], ['D', 'E']]);
  });
});

describe('available land per park (亩)', () => {
  // Returning land is idle land under 无偿收回 or 协议处置 (product model): the idle parcels here are
  // idle over two years (无偿收回), so the figures are those of the former idle-land measure.
  it('returning parcels plus unsupplied planned area, floored at 0; unknown planned area adds nothing', async () => {
    const shapes = await setup(
      [
        { park_id: 'A', county: '甲县', x: 0, planned_area_ha: 10 },
        { park_id: 'B', county: '甲县', x: 0.1, planned_area_ha: 2 },
        { park_id: 'C', county: '乙县', x: 0.2, planned_area_ha: null },
      ],
      [
        // A: 15,000 m² idle (not started since 2020) + 30,000 m² producing, planned 100,000 m².
        { park_id: 'A', area_m2: 15000, status: 'not_started', agreed_start_date: '2020-01-01' },
        { park_id: 'A', area_m2: 30000 },
        // B: parcels (30,000 m²) exceed the planned 20,000 m².
        { park_id: 'B', area_m2: 30000 },
        // C: idle parcel, planned area unknown.
        { park_id: 'C', area_m2: 6000, status: 'not_started', agreed_start_date: '2020-01-01' },
      ],
    );
    const av = await parkAvailability(db);
    const byId = Object.fromEntries(av.map((p) => [p.park_id, p]));
    expect(byId.A.returningAreaMu).toBeCloseTo(22.5, 9);
    expect(byId.A.unsuppliedAreaMu).toBeCloseTo(82.5, 9); // 55,000 m²
    expect(byId.A.availableAreaMu).toBeCloseTo(105, 9);
    expect(byId.A.parcelAreaMu).toBeCloseTo(67.5, 9);
    expect(byId.B).toMatchObject({ returningAreaMu: 0, unsuppliedAreaMu: 0, availableAreaMu: 0 });
    expect(byId.C.unsuppliedAreaMu).toBeNull();
    expect(byId.C.availableAreaMu).toBeCloseTo(9, 9);

    const r = await parkClusters(db, shapes, settings({ epsKm: GAP_KM }));
    expect(r.clusters[0].availableAreaMu).toBeCloseTo(114, 9);
    expect(r.clusters[0].plannedAreaHa).toBe(12);
  });
});

describe('settings', () => {
  it('every numeric cluster setting has one metadata entry whose range holds its default', () => {
    const numeric = Object.entries(DEFAULT_CLUSTER_SETTINGS).filter(([, v]) => typeof v === 'number');
    expect(CLUSTER_SETTING_META.map((m) => m.key).sort()).toEqual(numeric.map(([k]) => k).sort());
    for (const m of CLUSTER_SETTING_META) {
      const v = DEFAULT_CLUSTER_SETTINGS[m.key];
      expect(v, m.key).toBeGreaterThanOrEqual(m.min);
      expect(v, m.key).toBeLessThanOrEqual(m.max);
    }
  });

  it('splits leading chains on ; (and full-width ；)', () => {
    expect(splitChains('A; B；A;')).toEqual(['A', 'B']);
    expect(splitChains(null)).toEqual([]);
  });
});

describe('德州 demo', () => {
  it('宁津、乐陵、庆云 parks form one multi-county cluster at the defaults, without 德城区', async () => {
    const loaded = await loadRegionFiles(db, readDemoFiles('dezhou'));
    await runLandRules(db, '2026-03-31', DEFAULT_SETTINGS);
    const outlines = parkShapesFromBatch(loaded.parks);
    await buildSiteCandidates(db, { asOf: '2026-03-31', parks: outlines, shapes: null });
    const r = await parkClusters(db, outlines);
    const av = await parkAvailability(db);
    const county = Object.fromEntries(av.map((p) => [p.park_id, p.county]));
    const belt = av.filter((p) => ['宁津县', '乐陵市', '庆云县'].includes(p.county)).map((p) => p.park_id);
    expect(belt.length).toBeGreaterThanOrEqual(3);
    const cluster = r.clusters.find((c) => c.parkIds.includes(belt[0]))!;
    expect(cluster).toBeDefined();
    expect(cluster.parkIds).toEqual(expect.arrayContaining(belt));
    expect(cluster.multiCounty).toBe(true);
    expect(cluster.counties).toEqual(expect.arrayContaining(['宁津县', '乐陵市', '庆云县']));
    expect(cluster.parkIds.some((id) => county[id] === '德城区')).toBe(false);
    expect(cluster.availableAreaMu).toBeGreaterThan(0);
    expect(cluster.hull?.type).toBe('Polygon');
  });
});

describe('parkClusters with a park filter', () => {
  it('clusters only the parks kept, e.g. the counties being compared', async () => {
    const db = await openNodeDb();
    const { loadRegionFiles } = await import('../../src/data/import/region');
    const f = (n: string) => ({ name: n, text: readFileSync(`data/demo/dezhou/${n}`, 'utf8') });
    const files = { parks: f('parks.geojson'), parcels: f('parcels.geojson') };
    await loadRegionFiles(db, files);
    await runLandRules(db, '2026-06-30', DEFAULT_SETTINGS);
    const fc = JSON.parse(files.parks.text);
    await buildSiteCandidates(db, { asOf: '2026-06-30', parks: parkShapesFromGeoJson(fc), shapes: null });
    const county = new Map<string, string>(fc.features.map((x: any) => [x.properties.park_id, x.properties.county]));
    const chosen = ['宁津县', '乐陵市', '庆云县'];
    const r = await parkClusters(db, parkShapesFromGeoJson(fc), DEFAULT_CLUSTER_SETTINGS, (id) => chosen.includes(county.get(id)!));
    expect(r.clusters).toHaveLength(1);
    expect(new Set(r.clusters[0].counties)).toEqual(new Set(chosen));
    expect(r.noise.every((n) => chosen.includes(n.county))).toBe(true);
  });
});
