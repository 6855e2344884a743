// The binary path (typed columns → Arrow → DuckDB) loads the demo so that the rules, the map
// shapes and the park table come out exactly as from the file path the app used so far.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TypedColumn } from '../../src/data/arrow-columns';
import { NULL_BOOL, NULL_DAY } from '../../src/data/arrow-columns';
import { type FieldSpec, PARCEL_FIELDS, PARK_FIELDS } from '../../src/data/contract';
import { type Db, rows } from '../../src/data/db';
import { readDemoFiles } from '../../src/data/demo-files-node';
import { openNodeDb } from '../../src/data/duckdb-node';
import { type ParsedRegion, parseRegionFiles, storeRegion } from '../../src/data/region-loader';
import type { Cell } from '../../src/data/table-import';
import { loadWorkspaceTables } from '../../src/data/workspace/load-db';
import type { PolygonSet } from '../../src/data/workspace/polygons';
import type { TableData, WorkspaceTables } from '../../src/data/workspace/tables';
import { reportRows, runLandRules } from '../../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import { outerRings, type PolygonGeometry } from '../../src/data/geometry';

const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

function typed(fields: readonly FieldSpec[], cells: Cell[][]): Record<string, TypedColumn> {
  const out: Record<string, TypedColumn> = {};
  fields.forEach((f, c) => {
    const col = cells.map((r) => r[c]);
    if (f.type === 'number') out[f.name] = { type: 'number', values: Float64Array.from(col, (v) => (v === null ? Number.NaN : (v as number))) };
    else if (f.type === 'date') out[f.name] = { type: 'date', values: Int32Array.from(col, (v) => (v === null ? NULL_DAY : day(v as string))) };
    else if (f.type === 'boolean') out[f.name] = { type: 'boolean', values: Uint8Array.from(col, (v) => (v === null ? NULL_BOOL : v ? 1 : 0)) };
    else out[f.name] = { type: 'string', values: col.map((v) => (v === null ? null : String(v))) };
  });
  return out;
}

/** Shells only, as the file path keeps them. */
function shapes(rings: { feature: number; xy: number[] }[], n: number): PolygonSet {
  const coords: number[] = [];
  const ringOffsets = [0];
  const featureOffsets = [0];
  for (let f = 0, k = 0; f < n; f++) {
    while (k < rings.length && rings[k].feature === f) {
      coords.push(...rings[k].xy);
      ringOffsets.push(coords.length / 2);
      k++;
    }
    featureOffsets.push(ringOffsets.length - 1);
  }
  return {
    coords: Float64Array.from(coords),
    ringOffsets: Uint32Array.from(ringOffsets),
    polygonOffsets: Uint32Array.from({ length: ringOffsets.length }, (_, i) => i),
    featureOffsets: Uint32Array.from(featureOffsets),
  };
}

function asTables(p: ParsedRegion): WorkspaceTables {
  // Areas the file path computed from geometry are left empty, for the binary path to compute.
  const area = PARCEL_FIELDS.findIndex((f) => f.name === 'area_m2');
  const cells = p.parcels.rows.map((r, i) => (p.parcels.areaFromGeometry[i] ? r.map((v, c) => (c === area ? null : v)) : r));
  const parcels: TableData = {
    count: p.parcels.count,
    columns: typed(PARCEL_FIELDS, cells),
    shapes: shapes(p.parcels.rings.map((r) => ({ feature: r.pidx, xy: r.xy })), p.parcels.count),
  };
  const parkRings = p.parks.geometries.flatMap((g, i) => (g ? outerRings(g as PolygonGeometry).map((xy) => ({ feature: i, xy })) : []));
  const parks: TableData = { count: p.parks.rows.length, columns: typed(PARK_FIELDS, p.parks.rows), shapes: shapes(parkRings, p.parks.rows.length) };
  const out: WorkspaceTables = { parcels, parks };
  for (const o of p.others) {
    if (o.batch) (out as unknown as Record<string, TableData>)[o.table] = { count: o.batch.rows.length, columns: typed(o.fields, o.batch.rows) };
  }
  return out;
}

let fileDb: Db & { close(): void };
let binDb: Db & { close(): void };
beforeAll(async () => {
  [fileDb, binDb] = await Promise.all([openNodeDb(), openNodeDb()]);
  const parsed = parseRegionFiles(readDemoFiles('dezhou'));
  await storeRegion(fileDb, parsed);
  await loadWorkspaceTables(binDb, asTables(parsed));
});
afterAll(() => {
  fileDb.close();
  binDb.close();
});

describe('loadWorkspaceTables on the 德州 demo', () => {
  it('gives the same report as the file path at two as-of dates', async () => {
    for (const asOf of ['2026-06-30', '2019-12-31']) {
      await runLandRules(fileDb, asOf, DEFAULT_SETTINGS);
      await runLandRules(binDb, asOf, DEFAULT_SETTINGS);
      expect(await reportRows(binDb)).toEqual(await reportRows(fileDb));
    }
  });
  it('stores every parcel column with the same values and types', async () => {
    const q = `SELECT * EXCLUDE (cx, cy) FROM parcels ORDER BY pidx`;
    const [a, b] = [rows(await fileDb.query(q)), rows(await binDb.query(q))];
    expect(b.length).toBe(a.length);
    expect(b).toEqual(a);
    const types = `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'parcels' ORDER BY column_name`;
    expect(rows(await binDb.query(types))).toEqual(rows(await fileDb.query(types)));
  });
  it('draws the same shells and label points', async () => {
    const q = `SELECT pidx, xy FROM parcel_shapes ORDER BY pidx, xy[1], xy[2]`;
    expect(rows(await binDb.query(q))).toEqual(rows(await fileDb.query(q)));
    const pts = `SELECT pidx, round(cx, 9) x, round(cy, 9) y FROM parcels ORDER BY pidx`;
    expect(rows(await binDb.query(pts))).toEqual(rows(await fileDb.query(pts)));
  });
  it('loads parks, enterprises and chains like the file path', async () => {
    for (const t of ['parks', 'enterprises', 'chain_nodes', 'chain_links']) {
      const q = `SELECT * FROM ${t} ORDER BY ALL`;
      const [a, b] = [rows(await fileDb.query(q)), rows(await binDb.query(q))];
      expect(b.map((r) => JSON.stringify(r, (_, v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)))).toEqual(
        a.map((r) => JSON.stringify(r, (_, v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v))),
      );
    }
  });
});
