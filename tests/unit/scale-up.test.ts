// scaleUpParcels tiles copies of the loaded parcels side by side. With factor 3 the tiles sit on
// a 2 × 2 grid (side = ceil(√3) = 2): copy 0 in place, copy 1 one step east (x + step),
// copy 2 one step south (y − step). Two parcels in → six out.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, rows } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { importParcels } from '../../src/data/import/parcels';
import { scaleUpParcels, tileShapes } from '../../src/data/scale-up';
import { loadParcelBatch } from '../../src/data/import/store';
import { readCategories } from '../../src/analysis/findings-columns';
import { readParcelShapes } from '../../src/data/parcel-shapes';
import { runLandRules } from '../../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import { IDLE_CATEGORY } from '../../src/analysis/land-rules';
import { parcelsCsv } from './helpers/parcels';

let db: Db & { close(): void };

const STEP = 0.08;
const RING_1 = [103.81, 36.01, 103.83, 36.01, 103.83, 36.03, 103.81, 36.03, 103.81, 36.01];
const RING_2 = [103.9, 36.1, 103.95, 36.1, 103.95, 36.17, 103.9, 36.1];

const wkt = (xy: number[]) => {
  const out: string[] = [];
  for (let i = 0; i < xy.length; i += 2) out.push(`${xy[i]} ${xy[i + 1]}`);
  return `"POLYGON((${out.join(', ')}))"`;
};

/** P1 idle since 2020 (recovery), P2 producing (not idle); both with a square/triangle. */
async function loadTwo(): Promise<void> {
  const lines = parcelsCsv([
    { county: '榆中县', status: 'not_started', agreed_start_date: '2020-01-01', area_m2: 10000 },
    { county: '榆中县', status: 'producing', actual_start_date: '2015-01-01', area_m2: 20000 },
  ])
    .trimEnd()
    .split('\n');
  const rings = [RING_1, RING_2];
  const csv = [`${lines[0]},geometry`, ...lines.slice(1).map((l, i) => `${l},${wkt(rings[i])}`)].join('\n');
  const r = importParcels('scale.csv', csv);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  await loadParcelBatch(db, r.batch);
}

const count = async () => rows<{ n: number }>(await db.query('SELECT CAST(count(*) AS INTEGER) AS n FROM parcels'))[0].n;

beforeAll(async () => {
  db = await openNodeDb();
});

afterAll(() => db?.close());

describe('scaleUpParcels', () => {
  it('factor 1 keeps the table as it is', async () => {
    await loadTwo();
    expect(await scaleUpParcels(db, 1)).toBe(2);
    const ids = rows<{ parcel_id: string; pidx: number }>(await db.query('SELECT parcel_id, pidx FROM parcels ORDER BY pidx'));
    expect(ids).toEqual([
      { parcel_id: 'P1', pidx: 0 },
      { parcel_id: 'P2', pidx: 1 },
    ]);
  });

  it('rejects a factor that is not a positive integer, leaving the table alone', async () => {
    await loadTwo();
    await expect(scaleUpParcels(db, 0)).rejects.toThrow(/positive integer/);
    await expect(scaleUpParcels(db, 1.5)).rejects.toThrow(/positive integer/);
    await expect(scaleUpParcels(db, -2)).rejects.toThrow(/positive integer/);
    await expect(scaleUpParcels(db, Number.NaN)).rejects.toThrow(/positive integer/);
    expect(await count()).toBe(2);
  });

  describe('factor 3 on two parcels', () => {
    let before: Awaited<ReturnType<typeof readParcelShapes>>;
    let columnsBefore: string[];

    beforeAll(async () => {
      await loadTwo();
      before = await readParcelShapes(db);
      columnsBefore = (await db.query('SELECT * FROM parcels LIMIT 0')).schema.fields.map((f) => f.name);
      expect(await scaleUpParcels(db, 3)).toBe(6);
    });

    it('six parcels, unique ids, contiguous pidx 0..5, same columns', async () => {
      const r = rows<{ parcel_id: string; pidx: number }>(await db.query('SELECT parcel_id, pidx FROM parcels ORDER BY pidx'));
      expect(r.map((x) => x.pidx)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(r.map((x) => x.parcel_id)).toEqual(['P1', 'P2', 'P1~1', 'P2~1', 'P1~2', 'P2~2']);
      expect(new Set(r.map((x) => x.parcel_id)).size).toBe(6);
      expect((await db.query('SELECT * FROM parcels LIMIT 0')).schema.fields.map((f) => f.name)).toEqual(columnsBefore);
    });

    it('copies keep every attribute but the id, pidx and label point', async () => {
      const r = rows<{ pidx: number; area_m2: number; status: string }>(
        await db.query('SELECT pidx, area_m2, status FROM parcels ORDER BY pidx'),
      );
      expect(r.map((x) => [x.area_m2, x.status])).toEqual([
        [10000, 'not_started'],
        [20000, 'producing'],
        [10000, 'not_started'],
        [20000, 'producing'],
        [10000, 'not_started'],
        [20000, 'producing'],
      ]);
    });

    it('shapes of copy 1 are shifted by exactly one step in x, copy 2 by one step down in y', async () => {
      const s = await readParcelShapes(db);
      expect(s.length).toBe(6);
      expect(Array.from(s.pidx)).toEqual([0, 1, 2, 3, 4, 5]);
      const ring = (i: number) => Array.from(s.positions.subarray(s.startIndices[i] * 2, s.startIndices[i + 1] * 2));
      const shift = (xy: number[], dx: number, dy: number) => xy.map((v, i) => (i % 2 === 0 ? v + dx : v + dy));
      expect(ring(0)).toEqual(RING_1);
      expect(ring(1)).toEqual(RING_2);
      expect(ring(2)).toEqual(shift(RING_1, STEP, 0));
      expect(ring(3)).toEqual(shift(RING_2, STEP, 0));
      expect(ring(4)).toEqual(shift(RING_1, 0, -STEP));
      expect(ring(5)).toEqual(shift(RING_2, 0, -STEP));
    });

    it('label points move with their shapes', async () => {
      const s = await readParcelShapes(db);
      expect(s.parcelCount).toBe(6);
      for (const [k, dx, dy] of [
        [1, STEP, 0],
        [2, 0, -STEP],
      ]) {
        for (const p of [0, 1]) {
          const i = k * 2 + p;
          expect(s.centers[i * 2]).toBeCloseTo(before.centers[p * 2] + dx, 12);
          expect(s.centers[i * 2 + 1]).toBeCloseTo(before.centers[p * 2 + 1] + dy, 12);
        }
      }
    });

    it('tiling the map shapes in memory gives exactly what the database holds after scaling', async () => {
      // `?scale=` paints from the in-memory tiling before the engine has scaled its tables.
      const tiled = tileShapes(before, 3);
      const s = await readParcelShapes(db);
      expect(tiled.length).toBe(s.length);
      expect(tiled.parcelCount).toBe(s.parcelCount);
      expect(Array.from(tiled.pidx)).toEqual(Array.from(s.pidx));
      expect(Array.from(tiled.startIndices)).toEqual(Array.from(s.startIndices));
      expect(Array.from(tiled.positions)).toEqual(Array.from(s.positions));
      expect(Array.from(tiled.centers)).toEqual(Array.from(s.centers));
    });

    it('the rules still run and judge every copy like its original', async () => {
      await runLandRules(db, '2026-06-30', DEFAULT_SETTINGS);
      const c = Array.from(await readCategories(db));
      const { recovery, none } = IDLE_CATEGORY;
      expect(c).toEqual([recovery, none, recovery, none, recovery, none]);
    });
  });
});
