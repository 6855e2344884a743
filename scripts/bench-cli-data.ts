// Parcels CSV files for the command-line report at scale: a demo region tiled side by side the
// way src/data/scale-up.ts tiles it in SQL (copy k keeps the rows in order, its ids get `~k`,
// its positions move by a grid step of 0.08°), written row by row so that a 10,000,000-row file
// never sits in memory. The copies are synthetic twice over.
//
// Each row has the data contract's parcel columns plus `lon`/`lat` (the mean of the outer ring's
// vertices): a position column the report reads and checks but does not need for its findings.
// A demo parcel without `area_m2` (the app takes it from the shape) gets the shape's area here,
// rounded to 0.1 m², since a points file has no shape to take it from.

import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { PARCEL_FIELDS } from '../src/data/contract';
import { toCsv } from '../src/data/csv';
import { geometryAreaM2 } from '../src/data/geometry';

interface DemoFeature {
  properties: Record<string, string | number | boolean | null>;
  geometry: { type: string; coordinates: number[][][] | number[][][][] } | null;
}

function outerRing(g: DemoFeature['geometry']): number[][] {
  if (!g) return [];
  return (g.type === 'MultiPolygon' ? (g.coordinates as number[][][][])[0][0] : (g.coordinates as number[][][])[0]) ?? [];
}

function meanPosition(ring: number[][]): [number, number] {
  // The closing vertex repeats the first one.
  const n = ring.length > 1 ? ring.length - 1 : ring.length;
  let x = 0;
  let y = 0;
  for (let i = 0; i < n; i++) {
    x += ring[i][0];
    y += ring[i][1];
  }
  return n > 0 ? [x / n, y / n] : [Number.NaN, Number.NaN];
}

export const TILED_HEADER = [...PARCEL_FIELDS.map((f) => f.name), 'lon', 'lat'];

/** Writes `rows` parcels (the demo's, tiled) to `file`; returns the number of copies used. */
const idAt = PARCEL_FIELDS.findIndex((c) => c.name === 'parcel_id');
const areaAt = PARCEL_FIELDS.findIndex((c) => c.name === 'area_m2');

export async function writeTiledParcelsCsv(file: string, rows: number, region = 'dezhou', stepDeg = 0.08): Promise<number> {
  const features = (JSON.parse(readFileSync(`data/demo/${region}/parcels.geojson`, 'utf8')) as { features: DemoFeature[] }).features;
  const base = features.map((f) => {
    const values = PARCEL_FIELDS.map((c) => f.properties[c.name] ?? null);
    if (values[areaAt] === null && f.geometry) values[areaAt] = Math.round(geometryAreaM2(f.geometry as never) * 10) / 10;
    return { values, at: meanPosition(outerRing(f.geometry)) };
  });
  const factor = Math.ceil(rows / base.length);
  const side = Math.ceil(Math.sqrt(factor));
  const out = createWriteStream(file);
  let written = 0;
  const headerLine = toCsv(TILED_HEADER, []);
  let chunk = headerLine;
  for (let k = 0; k < factor && written < rows; k++) {
    const dx = (k % side) * stepDeg;
    const dy = Math.floor(k / side) * -stepDeg;
    const copy: (string | number | boolean | null)[][] = [];
    for (const b of base) {
      if (written >= rows) break;
      const v = b.values.slice();
      if (k > 0) v[idAt] = `${v[idAt]}~${k}`;
      v.push(Number.isFinite(b.at[0]) ? (b.at[0] + dx).toFixed(6) : null, Number.isFinite(b.at[1]) ? (b.at[1] + dy).toFixed(6) : null);
      copy.push(v);
      written++;
    }
    // toCsv writes the header line first; keep only the rows.
    chunk += toCsv(TILED_HEADER, copy).slice(headerLine.length);
    if (chunk.length > 1 << 20 || k === factor - 1 || written >= rows) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end();
  await once(out, 'finish');
  return factor;
}

/**
 * SHA-256 of the report's `--out` CSV (`--as-of 2026-06-30`, default settings), recorded with the
 * whole-file reader and DuckDB-WASM before the report was streamed (commit 89b8bd5), so that
 * the streamed report and either engine can be held to byte-identical output. `csv` is the
 * region written by writeTiledParcelsCsv with one copy (read with `--crs wgs84`), `geojson` the
 * demo file itself; `tiled1m` is Dezhou tiled ×758 (1,001,318 rows).
 */
export const BASELINE_SHA256 = {
  dezhou: '8863831fa6052348669c17b74d1315429321bb31e9a7775392150259cbc0773a',
  shaoguan: '946259c8241a4b15a47948fed83bf548f9689ba1aa834fbc47485854b7bc7310',
  lanzhou: '633007863c6cdd7f8d7a7012ab6912bac69673a59bd8f1388f06e31fe3882ba5',
  tiled1m: 'e41eb23e7b75fcf9ca469c5c682de4c5df4d0b8f2292be66deda5bb5ca8cec70',
} as const;

/** Rows in the 1M tiled set: Dezhou's 1,321 parcels × 758 copies. */
export const TILED_1M_ROWS = 1_001_318;
