// Columnar map data (data/parcel-shapes.ts, analysis/findings-columns.ts) and the Arrow readers under it (columns.ts).
// Four parcels from a CSV with a WKT geometry column:
//   pidx 0  P1  MULTIPOLYGON: a square (drawn CCW, closed) and a smaller square drawn
//               clockwise and left open, which the importer must close and turn CCW
//   pidx 1  P2  square, CCW, closed
//   pidx 2  P3  no geometry (CSV row with an empty cell) → no ring, NaN label point
//   pidx 3  P4  triangle, CCW, closed

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listColumn, numericColumn } from '../../src/data/columns';
import type { Db } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { importParcels } from '../../src/data/import/parcels';
import { sql } from '../../src/data/sql';
import { loadParcelBatch } from '../../src/data/import/store';
import { EMPTY_FILTER, type ParcelFilter } from '../../src/analysis/filters';
import { IDLE_CATEGORY } from '../../src/analysis/land-rules';
import { readCategories, readFilterMask } from '../../src/analysis/findings-columns';
import { readParcelShapes } from '../../src/data/parcel-shapes';
import { runLandRules } from '../../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import { type ParcelInput, parcelsCsv } from './helpers/parcels';

let db: Db & { close(): void };

// Decimals that are not exact in binary, so any text round-trip loss would show.
const SQUARE_A = [116.1, 37.1, 116.3, 37.1, 116.3, 37.3, 116.1, 37.3, 116.1, 37.1];
// Four corners (the contract's minimum), clockwise and not closed.
const QUAD_B_CW_OPEN = [116.51, 37.51, 116.51, 37.57, 116.57, 37.57, 116.57, 37.51];
const QUAD_B_EXPECTED = [116.51, 37.51, 116.57, 37.51, 116.57, 37.57, 116.51, 37.57, 116.51, 37.51];
const SQUARE_2 = [117.01, 38.01, 117.03, 38.01, 117.03, 38.03, 117.01, 38.03, 117.01, 38.01];
const TRIANGLE_4 = [118.123456789, 39.1, 118.2, 39.1, 118.15, 39.2, 118.123456789, 39.1];

const pts = (xy: number[]) => {
  const out: string[] = [];
  for (let i = 0; i < xy.length; i += 2) out.push(`${xy[i]} ${xy[i + 1]}`);
  return `(${out.join(', ')})`;
};

const PARCELS: { p: ParcelInput; wkt: string }[] = [
  {
    p: { park_id: 'K1', county: '榆中县', status: 'not_started', agreed_start_date: '2020-01-01', supply_date: '2019-05-01' },
    wkt: `MULTIPOLYGON((${pts(SQUARE_A)}), (${pts(QUAD_B_CW_OPEN)}))`,
  },
  {
    p: { park_id: 'K2', county: '榆中县', status: 'not_started', agreed_start_date: '2025-01-01', land_price_wan: 10 },
    wkt: `POLYGON(${pts(SQUARE_2)})`,
  },
  // No park, no geometry: a government delay makes it negotiate.
  { p: { county: '皋兰县', status: 'not_started', agreed_start_date: '2020-01-01', government_delay: true }, wkt: '' },
  { p: { park_id: 'K1', county: '皋兰县', status: 'producing', actual_start_date: '2015-01-01' }, wkt: `POLYGON(${pts(TRIANGLE_4)})` },
];

beforeAll(async () => {
  db = await openNodeDb();
  const lines = parcelsCsv(PARCELS.map((x) => x.p)).trimEnd().split('\n');
  const csv = [`${lines[0]},geometry`, ...lines.slice(1).map((l, i) => `${l},"${PARCELS[i].wkt}"`)].join('\n');
  const r = importParcels('layers.csv', csv);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  await loadParcelBatch(db, r.batch);
  await runLandRules(db, '2026-06-30', DEFAULT_SETTINGS);
});

afterAll(() => db?.close());

describe('readParcelShapes', () => {
  it('returns every outer ring exactly, closed and CCW, in pidx order', async () => {
    const s = await readParcelShapes(db);
    expect(s.length).toBe(4);
    expect(Array.from(s.pidx)).toEqual([0, 0, 1, 3]);
    // parcel_shapes has no ring number, so the order of P1's two rings rests on DuckDB keeping
    // insertion order among equal pidx; it does here, and a change would show up in this line.
    expect(Array.from(s.positions)).toEqual([...SQUARE_A, ...QUAD_B_EXPECTED, ...SQUARE_2, ...TRIANGLE_4]);
    // Ring starts are in vertices (pairs), not in coordinates.
    expect(Array.from(s.startIndices)).toEqual([0, 5, 10, 15, 19]);
    expect(s.positions.length).toBe(s.startIndices[s.length] * 2);
  });

  it('every ring is closed and counter-clockwise', async () => {
    const s = await readParcelShapes(db);
    for (let r = 0; r < s.length; r++) {
      const xy = s.positions.subarray(s.startIndices[r] * 2, s.startIndices[r + 1] * 2);
      expect([xy[0], xy[1]]).toEqual([xy[xy.length - 2], xy[xy.length - 1]]);
      let twiceArea = 0;
      for (let i = 0; i + 3 < xy.length; i += 2) twiceArea += xy[i] * xy[i + 3] - xy[i + 2] * xy[i + 1];
      expect(twiceArea).toBeGreaterThan(0);
    }
  });

  it('label points are interleaved by pidx; NaN for the parcel without geometry', async () => {
    const s = await readParcelShapes(db);
    expect(s.parcelCount).toBe(4);
    expect(s.centers.length).toBe(8);
    // P1: centre of its larger part, the square.
    expect(s.centers[0]).toBeCloseTo(116.2, 9);
    expect(s.centers[1]).toBeCloseTo(37.2, 9);
    expect(s.centers[2]).toBeCloseTo(117.02, 9);
    expect(s.centers[3]).toBeCloseTo(38.02, 9);
    expect(Number.isNaN(s.centers[4])).toBe(true);
    expect(Number.isNaN(s.centers[5])).toBe(true);
    // Triangle centroid = mean of its three corners.
    expect(s.centers[6]).toBeCloseTo((118.123456789 + 118.2 + 118.15) / 3, 9);
    expect(s.centers[7]).toBeCloseTo((39.1 + 39.1 + 39.2) / 3, 9);
  });
});

describe('readCategories and readFilterMask (indexed by pidx)', () => {
  it('one disposal category per parcel', async () => {
    const c = await readCategories(db);
    expect(c).toBeInstanceOf(Uint8Array);
    // P1 idle since 2020 → recovery; P2 idle since 2025 → fee; P3 government delay → negotiate.
    expect(Array.from(c)).toEqual([IDLE_CATEGORY.recovery, IDLE_CATEGORY.fee, IDLE_CATEGORY.negotiate, IDLE_CATEGORY.none]);
  });

  const mask = async (f: Partial<ParcelFilter>) => Array.from(await readFilterMask(db, { ...EMPTY_FILTER, ...f }));

  it('an empty filter shows everything', async () => {
    const m = await readFilterMask(db, EMPTY_FILTER);
    expect(m).toBeInstanceOf(Uint8Array);
    expect(Array.from(m)).toEqual([1, 1, 1, 1]);
  });

  it('a park filter hides the parcel with no park (NULL → 0, not NULL)', async () => {
    expect(await mask({ parkIds: ['K1'] })).toEqual([1, 0, 0, 1]);
    expect(await mask({ parkIds: ['K2'] })).toEqual([0, 1, 0, 0]);
  });

  it('a supply-year filter hides parcels without a supply date', async () => {
    expect(await mask({ supplyYears: [2019] })).toEqual([1, 0, 0, 0]);
  });

  it('county and disposal filters narrow the mask, and fields combine with AND', async () => {
    expect(await mask({ counties: ['皋兰县'] })).toEqual([0, 0, 1, 1]);
    expect(await mask({ disposals: ['fee', 'negotiate'] })).toEqual([0, 1, 1, 0]);
    expect(await mask({ counties: ['榆中县'], idleTypes: ['not_started'], disposals: ['recovery'] })).toEqual([1, 0, 0, 0]);
  });
});

describe('columns.ts across several record batches', () => {
  // JS numbers bind as DOUBLE, hence the casts to BIGINT for range().
  const N = 5000;

  it('numericColumn concatenates every batch', async () => {
    const t = await db.query(sql`SELECT CAST(i AS INTEGER) AS a, CAST(i AS DOUBLE) * 0.5 AS b, CAST(i % 256 AS UTINYINT) AS c
      FROM range(CAST(${N} AS BIGINT)) r(i) ORDER BY i`);
    // b is cast to DOUBLE on purpose: a DECIMAL (i * 0.5) is not a Float64 buffer, and
    // numericColumn does not check the Arrow type it is given.
    // DuckDB hands results over in chunks of 2048 rows; make sure this test really spans several.
    expect(t.batches.length).toBeGreaterThan(1);
    const a = numericColumn(t, 'a', Int32Array);
    const b = numericColumn(t, 'b', Float64Array);
    const c = numericColumn(t, 'c', Uint8Array);
    expect(a.length).toBe(N);
    for (let i = 0; i < N; i++) {
      if (a[i] !== i || b[i] !== i * 0.5 || c[i] !== i % 256) throw new Error(`row ${i}: ${a[i]} ${b[i]} ${c[i]}`);
    }
  });

  it('listColumn concatenates variable-length lists (including empty ones) across batches', async () => {
    // Row i holds i % 4 values: i + 0, i + 1, … (so row lengths cycle 0, 1, 2, 3).
    const t = await db.query(sql`SELECT list_transform(range(i % 4), x -> CAST(x + i AS DOUBLE)) AS xs
      FROM range(CAST(${N} AS BIGINT)) r(i) ORDER BY i`);
    expect(t.batches.length).toBeGreaterThan(1);
    const { values, starts } = listColumn(t, 'xs');
    const expected: number[] = [];
    const expectedStarts: number[] = [];
    for (let i = 0; i < N; i++) {
      expectedStarts.push(expected.length);
      for (let k = 0; k < i % 4; k++) expected.push(i + k);
    }
    expectedStarts.push(expected.length);
    expect(starts.length).toBe(N + 1);
    expect(Array.from(starts)).toEqual(expectedStarts);
    expect(Array.from(values)).toEqual(expected);
  });

  it('throws on an unknown column', async () => {
    const t = await db.query(sql`SELECT 1 AS a`);
    expect(() => numericColumn(t, 'b', Int32Array)).toThrow(/no column b/);
  });
});
