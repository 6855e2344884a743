// The binary path (typed columns → Arrow → DuckDB) loads the demo so that the rules, the map
// shapes and the park table come out exactly as from the file path the app used so far.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, rows } from '../../src/data/db';
import { readDemoFiles } from '../../src/data/demo-files-node';
import { openNodeDb } from '../../src/data/duckdb-node';
import { parseRegionFiles, storeRegion } from '../../src/data/import/region';
import { loadWorkspaceTables } from '../../src/data/workspace/load-db';
import { reportRows, runLandRules } from '../../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import { asTables } from './helpers/workspace';

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

describe('a data set without any shape', () => {
  it('loads parcels located by points and reads an empty shape set with their label points', async () => {
    const { readParcelShapes } = await import('../../src/data/parcel-shapes');
    const db = await openNodeDb();
    try {
      await loadWorkspaceTables(db, {
        parcels: { count: 2, columns: { parcel_id: { type: 'string', values: ['a', 'b'] }, area_m2: { type: 'number', values: Float64Array.of(1, 2) } }, points: Float64Array.of(116, 37, 116.1, 37.1) },
        parks: { count: 0, columns: {} },
      });
      const s = await readParcelShapes(db);
      expect([s.length, s.parcelCount, Array.from(s.centers)]).toEqual([0, 2, [116, 37, 116.1, 37.1]]);
    } finally {
      db.close();
    }
  });
});
