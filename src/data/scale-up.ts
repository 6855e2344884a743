// Scales the loaded parcels up by tiling copies side by side, entirely inside DuckDB, so the
// benchmark and the browser's `?scale=` mode exercise the 1,000,000-parcel path with the same
// realistic mix of statuses and dates as the demo. The copies are synthetic twice over.

import { type Db, transaction } from './db';
import { sql } from './sql';
import type { ParcelShapes } from './parcel-shapes';

/** Replaces `parcels` and `parcel_shapes` with `factor` tiled copies; returns the new count. */
export async function scaleUpParcels(db: Db, factor: number, stepDeg = 0.08): Promise<number> {
  if (!Number.isInteger(factor) || factor < 1) throw new Error('factor must be a positive integer');
  const side = Math.ceil(Math.sqrt(factor));
  await db.query(sql`CREATE OR REPLACE TEMP TABLE _tiles AS
    SELECT k, (k % CAST(${side} AS BIGINT)) * ${stepDeg} AS dx, (k // CAST(${side} AS BIGINT)) * ${-stepDeg} AS dy FROM range(CAST(${factor} AS BIGINT)) r(k)`);
  await db.query(sql`CREATE OR REPLACE TEMP TABLE _n AS SELECT CAST(count(*) AS BIGINT) AS n FROM parcels`);
  await db.query(sql`CREATE OR REPLACE TABLE parcels__scaled AS
    SELECT p.* REPLACE (
      CASE WHEN t.k = 0 THEN p.parcel_id ELSE p.parcel_id || '~' || CAST(t.k AS VARCHAR) END AS parcel_id,
      CAST(t.k * n.n + p.pidx AS INTEGER) AS pidx,
      p.cx + t.dx AS cx, p.cy + t.dy AS cy)
    FROM parcels p, _tiles t, _n n ORDER BY t.k, p.pidx`);
  await db.query(sql`CREATE OR REPLACE TABLE parcel_shapes__scaled AS
    SELECT CAST(t.k * n.n + s.pidx AS INTEGER) AS pidx,
      list_transform(s.xy, (v, i) -> v + CASE WHEN i % 2 = 1 THEN t.dx ELSE t.dy END) AS xy
    FROM parcel_shapes s, _tiles t, _n n ORDER BY 1`);
  await transaction(db, async () => {
    await db.query(sql`DROP TABLE parcels`);
    await db.query(sql`ALTER TABLE parcels__scaled RENAME TO parcels`);
    await db.query(sql`DROP TABLE parcel_shapes`);
    await db.query(sql`ALTER TABLE parcel_shapes__scaled RENAME TO parcel_shapes`);
  });
  await db.query(sql`DROP TABLE IF EXISTS _tiles`);
  await db.query(sql`DROP TABLE IF EXISTS _n`);
  const t = await db.query(sql`SELECT CAST(count(*) AS INTEGER) AS n FROM parcels`);
  return Number(t.getChild('n')!.get(0));
}

/**
 * The same tiling applied to the map's shapes in memory, so `?scale=` paints before the engine
 * has started: tile k is shifted by the offsets scaleUpParcels uses and its parcels are numbered
 * k × parcelCount + pidx, as there.
 */
export function tileShapes(s: ParcelShapes, factor: number, stepDeg = 0.08): ParcelShapes {
  if (!Number.isInteger(factor) || factor < 1) throw new Error('factor must be a positive integer');
  const side = Math.ceil(Math.sqrt(factor));
  const n = s.parcelCount;
  const vertices = s.positions.length;
  const positions = new Float64Array(vertices * factor);
  const startIndices = new Uint32Array(s.length * factor + 1);
  const pidx = new Int32Array(s.length * factor);
  const centers = new Float64Array(s.centers.length * factor);
  for (let k = 0; k < factor; k++) {
    const dx = (k % side) * stepDeg;
    const dy = Math.floor(k / side) * -stepDeg;
    const v0 = k * vertices;
    for (let i = 0; i < vertices; i += 2) {
      positions[v0 + i] = s.positions[i] + dx;
      positions[v0 + i + 1] = s.positions[i + 1] + dy;
    }
    for (let r = 0; r < s.length; r++) {
      startIndices[k * s.length + r] = s.startIndices[r] + v0 / 2;
      pidx[k * s.length + r] = k * n + s.pidx[r];
    }
    for (let i = 0; i < s.centers.length; i += 2) {
      centers[k * s.centers.length + i] = s.centers[i] + dx;
      centers[k * s.centers.length + i + 1] = s.centers[i + 1] + dy;
    }
  }
  startIndices[s.length * factor] = (vertices * factor) / 2;
  return { length: s.length * factor, positions, startIndices, pidx, parcelCount: n * factor, centers };
}
