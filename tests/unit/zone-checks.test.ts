// Planning limits against candidate sites: hand-built squares whose overlaps are known shares of
// the site, so each answer follows from the layout.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { type Db, rows } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { readAnyFile } from '../../src/data/ingest/read-file';
import { buildImport, guessTable, prepareTable } from '../../src/data/ingest/import-table';
import { type SiteShape, type Zone, checkSites, loadZoneChecks, zonesFromTable } from '../../src/analysis/zone-checks';

// 0.001° squares near 始兴 (lat 25): the site spans x 114.000–114.001.
const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});
const zone = (kind: Zone['kind'], g: Polygon, landClass: string | null = null): Zone => ({
  kind,
  landClass,
  geometry: g,
  bbox: [g.coordinates[0][0][0], g.coordinates[0][0][1], g.coordinates[0][2][0], g.coordinates[0][2][1]],
});
const site = (id: string, g: Polygon): SiteShape => ({ site_id: id, geometry: g, point: null });
const SITE = box(114, 25, 114.001, 25.001);

describe('checkSites', () => {
  it('says "not checked" (null) for every kind no zone has', () => {
    expect(checkSites([site('a', SITE)], [])).toEqual([{ site_id: 'a', outside_urban: null, in_farmland: null, in_redline: null, land_class: null }]);
  });

  it('finds a site outside the urban development boundary only beyond the tolerance', () => {
    // Boundary covers the left half, then 99.5 % of the site (a 0.5 % strip is boundary noise).
    const half = checkSites([site('a', SITE)], [zone('urban_boundary', box(113.99, 24.99, 114.0005, 25.01))]);
    expect(half[0].outside_urban).toBe(true);
    const nearly = checkSites([site('a', SITE)], [zone('urban_boundary', box(113.99, 24.99, 114.000995, 25.01))]);
    expect(nearly[0].outside_urban).toBe(false);
    // Two boundary pieces that together cover the site leave nothing outside.
    const split = checkSites(
      [site('a', SITE)],
      [zone('urban_boundary', box(113.99, 24.99, 114.0005, 25.01)), zone('urban_boundary', box(114.0005, 24.99, 114.01, 25.01))],
    );
    expect(split[0].outside_urban).toBe(false);
  });

  it('counts farmland and the red line when more than 1 % of the site lies in them', () => {
    const zones = [zone('permanent_farmland', box(114.00095, 24.99, 114.01, 25.01)), zone('eco_redline', box(114.0009, 24.99, 114.01, 25.01))];
    // Farmland covers the site's right 5 %, the red line its right 10 %.
    const [c] = checkSites([site('a', SITE)], zones);
    expect(c.in_farmland).toBe(true);
    expect(c.in_redline).toBe(true);
    const sliver = checkSites([site('a', SITE)], [zone('permanent_farmland', box(114.000995, 24.99, 114.01, 25.01))]);
    expect(sliver[0].in_farmland).toBe(false);
    // Touching along an edge is no overlap.
    const touching = checkSites([site('a', SITE)], [zone('eco_redline', box(114.001, 24.99, 114.01, 25.01))]);
    expect(touching[0].in_redline).toBe(false);
  });

  it('takes the 控规 class covering most of the site, and says when 控规 covers none of it', () => {
    // 70 % M2, 30 % M1.
    const plan = [zone('regulatory_plan', box(113.99, 24.99, 114.0007, 25.01), 'M2'), zone('regulatory_plan', box(114.0007, 24.99, 114.01, 25.01), 'M1')];
    const far = site('far', box(115, 26, 115.001, 26.001));
    const out = checkSites([site('a', SITE), far], plan);
    expect(out.map((c) => c.land_class)).toEqual(['M2', '']);
    // The other way round: 30 % M2, 70 % M1.
    const flipped = checkSites([site('a', SITE)], [zone('regulatory_plan', box(113.99, 24.99, 114.0003, 25.01), 'M2'), zone('regulatory_plan', box(114.0003, 24.99, 114.01, 25.01), 'M1')]);
    expect(flipped[0].land_class).toBe('M1');
  });

  it('checks a factory located by a point', () => {
    const zones = [zone('eco_redline', box(114, 25, 114.001, 25.001)), zone('urban_boundary', box(113, 24, 113.5, 24.5))];
    const inside: SiteShape = { site_id: 'F:1', geometry: null, point: [114.0005, 25.0005] };
    const outside: SiteShape = { site_id: 'F:2', geometry: null, point: [114.1, 25.1] };
    const [a, b] = checkSites([inside, outside], zones);
    expect([a.in_redline, a.outside_urban, a.in_farmland]).toEqual([true, true, null]);
    expect([b.in_redline, b.outside_urban]).toEqual([false, true]);
  });
});

describe('planning zones from a planner file', () => {
  it('reads Chinese headers and kind words through the import pipeline', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { 图斑编号: 'Z1', 管控类型: '生态保护红线' }, geometry: box(114, 25, 114.001, 25.001) },
        { type: 'Feature', properties: { 图斑编号: 'Z2', 管控类型: '控规', 用地代码: 'm3' }, geometry: box(114.002, 25, 114.003, 25.001) },
        { type: 'Feature', properties: { 图斑编号: 'Z3', 管控类型: '开发边界' }, geometry: box(113.9, 24.9, 114.1, 25.1) },
      ],
    };
    const reading = await readAnyFile('规划管控.geojson', new TextEncoder().encode(JSON.stringify(fc)));
    const { table, proposal } = guessTable(reading.table!);
    expect(table).toBe('planning_zones');
    const prepared = prepareTable(reading.table!, proposal.mapping, null);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
    const built = buildImport(prepared.table);
    expect(built.issues.filter((i) => i.level === 'error')).toEqual([]);
    const zones = zonesFromTable(built.table);
    expect(zones.map((z) => [z.kind, z.landClass])).toEqual([
      ['eco_redline', null],
      ['regulatory_plan', 'M3'],
      ['urban_boundary', null],
    ]);
  });
});

describe('site_zone_checks in DuckDB', () => {
  let db: Db & { close(): void };
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterAll(() => db.close());

  it('keeps "not checked" as NULL and the answers as booleans', async () => {
    await loadZoneChecks(db, [
      { site_id: 'U:P1:1', outside_urban: false, in_farmland: true, in_redline: null, land_class: 'M2' },
      { site_id: 'R:G-7', outside_urban: null, in_farmland: null, in_redline: null, land_class: null },
    ]);
    const got = rows<Record<string, unknown>>(await db.query('SELECT * FROM site_zone_checks ORDER BY site_id'));
    expect(got).toEqual([
      { site_id: 'R:G-7', outside_urban: null, in_farmland: null, in_redline: null, land_class: null },
      { site_id: 'U:P1:1', outside_urban: false, in_farmland: true, in_redline: null, land_class: 'M2' },
    ]);
  });
});

describe('the 韶关 demo with its planning limits (示例数据)', () => {
  let db: Db & { close(): void };
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterAll(() => db.close());

  it('finds the red line over 翁源, the young park outside the boundary, and a 控规 class for every park site', async () => {
    const { readFileSync } = await import('node:fs');
    const { readWorkspaceFile } = await import('../../src/data/workspace/workspace-file');
    const { loadWorkspaceTables } = await import('../../src/data/workspace/load-db');
    const { mapShapesOf } = await import('../../src/data/workspace/map-shapes');
    const { tableToFeatureCollection } = await import('../../src/data/workspace/to-geojson');
    const { parkShapesFromGeoJson } = await import('../../src/analysis/park-distance');
    const { buildSiteCandidates } = await import('../../src/analysis/site-candidates');
    const { runLandRules } = await import('../../src/analysis/run-land-rules');
    const { DEFAULT_SETTINGS } = await import('../../src/analysis/settings');
    const { checkSiteZones } = await import('../../src/analysis/zone-checks');
    const opened = readWorkspaceFile(new Uint8Array(readFileSync('data/demo/shaoguan/demo.parkatlas')));
    if (!opened.ok) throw new Error(opened.errorEn);
    const w = opened.workspace;
    await loadWorkspaceTables(db, w.tables);
    await runLandRules(db, '2026-06-30', DEFAULT_SETTINGS);
    const parksFc = tableToFeatureCollection(w.tables.parks, ['park_id', 'name']);
    const shapes = mapShapesOf(w.tables.parcels);
    const sites = await buildSiteCandidates(db, { asOf: '2026-06-30', parks: parkShapesFromGeoJson(parksFc), shapes });
    const zones = zonesFromTable(w.tables.planning_zones);
    const checks = await checkSiteZones(db, sites, shapes, zones);
    const park = (name: string) => String(parksFc.features.find((f) => f.properties?.name === name)?.properties?.park_id);
    const inPark = (name: string) => checks.filter((c) => c.site_id.startsWith(`U:${park(name)}:`));
    // Every check is of a site in the table, returning parcels included.
    const ids = rows<{ site_id: string }>(await db.query('SELECT site_id FROM site_candidates'));
    expect(checks.map((c) => c.site_id).sort()).toEqual(ids.map((r) => r.site_id).sort());
    expect(checks.some((c) => c.site_id.startsWith('R:'))).toBe(true);
    expect(inPark('翁源经济开发区').some((c) => c.in_redline)).toBe(true);
    expect(inPark('韶关数据中心集群起步区').every((c) => c.outside_urban)).toBe(true);
    expect(inPark('始兴县城南产业园').every((c) => c.outside_urban === false && c.in_redline === false)).toBe(true);
    // Chains decide the 控规 class: 有色金属 (NFM) parks M3, the data centre park M1, 始兴 (电子信息) M2.
    expect(new Set(inPark('仁化有色金属循环经济产业园').map((c) => c.land_class))).toEqual(new Set(['M3']));
    expect(new Set(inPark('韶关数据中心集群起步区').map((c) => c.land_class))).toEqual(new Set(['M1']));
    expect(new Set(inPark('始兴县城南产业园').map((c) => c.land_class))).toEqual(new Set(['M2']));
  });
});
