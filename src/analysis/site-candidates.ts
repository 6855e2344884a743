// Candidate sites (可供地 as places a project could go), one row each in the DuckDB table
// `site_candidates`, which matching, the park panel, exports and brochures read:
//   U:<park_id>:<n>  unsupplied land: a piece of the park polygon no supplied parcel covers
//                    (unsupplied-land.ts), largest first; a park without a usable polygon has one
//                    piece, its planned area minus its supplied parcels (the product model's fallback);
//   R:<parcel_id>    returning land: a supplied parcel coming back — disposal 无偿收回 (recovery) or
//                    协议处置 (negotiate) at the as-of date, or latest tracking stage 已收回;
//   F:<factory_id>   a standard factory with vacant floor (m² of floor, never added to land).
//
// "Supplied" (data contract v2, as-of rules): a parcel in the ledger whose supply_date is on or
// before the as-of date, or which has no supply_date — being in the land ledger means the land
// was granted, the date is merely unrecorded. A parcel supplied after the as-of date is not yet
// supplied: its land is still unsupplied park land.
//
// A park uses its polygon only when it has one and every supplied parcel that names it has a
// shape: a parcel known only by its area cannot be cut out of the polygon, and ignoring it would
// offer land that is already granted. Such parks use the fallback too, and `park_land` says why.
//
// Run after the land rules (parcel_findings, at the view's as-of date). The table holds every
// site; JS keeps the unsupplied pieces and the factories (`SiteCandidates`: a few hundred rows,
// with the pieces' rings for the map). Returning parcels can be a tenth of all parcels (100,000 at
// 1,000,000): turning them all into objects took seconds on the page, so they stay in the table,
// and `siteShapes` gives the rings of any sites asked for.

import type { Position } from 'geojson';
import type { TypedColumn } from '../data/arrow-columns';
import { replaceTableFromColumns } from '../data/arrow-load';
import { type Db, rows } from '../data/db';
import type { ParcelShapes } from '../data/parcel-shapes';
import { type Query, ident, join, sql } from '../data/sql';
import { DISPOSALS } from '../vocab/codes';
import type { SiteKind, SiteReadiness } from '../vocab/sites';
import { codeSql } from './findings-codes';
import { NARROW_FINDINGS_TABLE } from './land-rules';
import type { ParkShape } from './park-distance';
import { ENSURE_TRACKING_TABLE, latestTrackingQuery } from './tracking-summary';
import { type Bbox, type UnsuppliedLand, SLIVER_M2, bboxOfGeometry, ringsMeeting, unsuppliedLand } from './unsupplied-land';

export const SITE_CANDIDATES_TABLE = 'site_candidates';
export const PARK_LAND_TABLE = 'park_land';

/** One row of `site_candidates` (the seam every part reading candidate sites shares). */
export interface SiteCandidate {
  site_id: string;
  kind: SiteKind;
  park_id: string | null;
  county: string | null;
  /** Land area, m²; null for a factory. */
  area_m2: number | null;
  /** Vacant floor of a factory, m²; null otherwise. */
  vacant_floor_m2: number | null;
  readiness: SiteReadiness;
  parcel_id: string | null;
  factory_id: string | null;
  /** A point inside the site, WGS84. */
  cx: number | null;
  cy: number | null;
}

/**
 * How a park's unsupplied land was measured: `polygon` (polygon minus supplied parcels),
 * `planned` (planned area minus supplied parcel area: no polygon), `unshaped` (as `planned`: some
 * supplied parcel of the park has no shape), `unknown` (neither: no polygon and no planned area).
 */
export type UnsuppliedMethod = 'polygon' | 'planned' | 'unshaped' | 'unknown';

export interface SupplyInput {
  asOf: string;
  /** Park outlines (geometry null when a park has none). */
  parks: readonly ParkShape[];
  /** The parcels' shapes as the map holds them, indexed by pidx; null when there are none. */
  shapes: ParcelShapes | null;
  /** Awaited between parks, so a long run lets the page paint (e.g. a zero-delay timeout). */
  pause?: () => Promise<void>;
}

export interface SiteCandidates {
  /** The unsupplied pieces and the factories (returning parcels: the table, see above). */
  candidates: SiteCandidate[];
  /** Polygons (each a ring list) of the unsupplied pieces, by site_id. */
  shapes: Map<string, Position[][][]>;
}

const asOfSql = (asOf: string) => sql`CAST(${asOf} AS DATE)`;

/** The parcels table's rows supplied at the as-of date (see above). */
const suppliedSql = (alias: string, asOf: string): Query =>
  sql`NOT COALESCE(${ident(alias)}.supply_date > ${asOfSql(asOf)}, FALSE)`;

const ENSURE_FACTORIES: Query = sql`CREATE TABLE IF NOT EXISTS factories (factory_id VARCHAR, park_id VARCHAR,
  floor_area_m2 DOUBLE, vacant_area_m2 DOUBLE, status VARCHAR, cx DOUBLE, cy DOUBLE)`;

async function intColumn(db: Db, q: Query): Promise<number[]> {
  return rows<{ v: number }>(await db.query(q)).map((r) => Number(r.v));
}

/** pidx of the parcels with no shape (all of them when there are no shapes). */
function unshapedPidx(shapes: ParcelShapes | null, parcelCount: number): Int32Array {
  const has = new Uint8Array(parcelCount);
  if (shapes) for (let r = 0; r < shapes.length; r++) if (shapes.pidx[r] < parcelCount) has[shapes.pidx[r]] = 1;
  const out: number[] = [];
  for (let i = 0; i < parcelCount; i++) if (!has[i]) out.push(i);
  return Int32Array.from(out);
}

interface ParkRow {
  park_id: string;
  unshaped: number;
}

/** Measures each park's unsupplied land and writes `park_land` and `site_candidates`. */
export async function buildSiteCandidates(db: Db, input: SupplyInput): Promise<SiteCandidates> {
  const { asOf } = input;
  await db.query(ENSURE_TRACKING_TABLE);
  await db.query(ENSURE_FACTORIES);
  const parcelCount = (await intColumn(db, sql`SELECT CAST(count(*) AS INTEGER) AS v FROM parcels`))[0] ?? 0;
  const unshaped = unshapedPidx(input.shapes, parcelCount);
  // Usually every parcel has a shape: then no park needs the check below.
  let parkRows: ParkRow[];
  if (unshaped.length === 0) {
    parkRows = rows<ParkRow>(await db.query(sql`SELECT park_id, CAST(0 AS INTEGER) AS unshaped FROM parks ORDER BY park_id`));
  } else {
    await replaceTableFromColumns(db, '_supply_unshaped', { pidx: { type: 'integer', values: unshaped } });
    parkRows = rows<ParkRow>(
      await db.query(sql`
SELECT k.park_id, CAST(count(p.pidx) AS INTEGER) AS unshaped
FROM parks k LEFT JOIN (
  SELECT q.park_id, q.pidx FROM parcels q JOIN _supply_unshaped u ON u.pidx = q.pidx WHERE ${suppliedSql('q', asOf)}
) p ON p.park_id = k.park_id
GROUP BY k.park_id ORDER BY k.park_id`),
    );
    await db.query(sql`DROP TABLE IF EXISTS _supply_unshaped`);
  }

  const outline = new Map(input.parks.filter((p) => p.geometry).map((p) => [p.park_id, p.geometry!]));
  const polygonParks = parkRows.filter((p) => outline.has(p.park_id) && p.unshaped === 0).map((p) => p.park_id);
  const notYet = new Set(await intColumn(db, sql`SELECT pidx AS v FROM parcels WHERE supply_date > ${asOfSql(asOf)}`));
  const boxes: Bbox[] = polygonParks.map((id) => bboxOfGeometry(outline.get(id)!));
  const rings = input.shapes ? ringsMeeting(input.shapes, boxes, (i) => !notYet.has(i)) : boxes.map(() => []);
  const land = new Map<string, UnsuppliedLand>();
  for (let k = 0; k < polygonParks.length; k++) {
    land.set(polygonParks[k], unsuppliedLand(outline.get(polygonParks[k])!, rings[k]));
    if (input.pause) await input.pause();
  }

  const shapes = new Map<string, Position[][][]>();
  const piece = { site_id: [] as string[], park_id: [] as string[], area: [] as number[], cx: [] as number[], cy: [] as number[] };
  for (const [parkId, l] of land) {
    l.pieces.forEach((p, i) => {
      const id = `U:${parkId}:${i + 1}`;
      shapes.set(id, [p.rings]);
      piece.site_id.push(id);
      piece.park_id.push(parkId);
      piece.area.push(p.area_m2);
      piece.cx.push(p.cx);
      piece.cy.push(p.cy);
    });
  }
  const str = (v: (string | null)[]): TypedColumn => ({ type: 'string', values: v });
  const num = (v: number[]): TypedColumn => ({ type: 'number', values: Float64Array.from(v) });
  await replaceTableFromColumns(db, '_supply_pieces', {
    site_id: str(piece.site_id),
    park_id: str(piece.park_id),
    area_m2: num(piece.area),
    cx: num(piece.cx),
    cy: num(piece.cy),
  });
  const method = (p: ParkRow): UnsuppliedMethod => (land.has(p.park_id) ? 'polygon' : p.unshaped > 0 && outline.has(p.park_id) ? 'unshaped' : 'planned');
  await replaceTableFromColumns(db, PARK_LAND_TABLE, {
    park_id: str(parkRows.map((p) => p.park_id)),
    method: str(parkRows.map(method)),
    polygon_m2: num(parkRows.map((p) => land.get(p.park_id)?.area_m2 ?? Number.NaN)),
    sliver_m2: num(parkRows.map((p) => land.get(p.park_id)?.sliver_m2 ?? Number.NaN)),
  });
  await db.query(siteCandidatesQuery(asOf));
  await db.query(sql`DROP TABLE IF EXISTS _supply_pieces`);

  const candidates = rows<SiteCandidate>(await db.query(sql`SELECT * FROM site_candidates WHERE kind <> 'returning' ORDER BY site_id`));
  return { candidates, shapes };
}

/**
 * The polygons of the sites `ids` (WGS84): an unsupplied piece from `built`, a returning parcel
 * from the parcel shapes; a factory (a point) has none. Reads `site_candidates`.
 */
export async function siteShapes(db: Db, built: SiteCandidates, parcels: ParcelShapes | null, ids: readonly string[]): Promise<Map<string, Position[][][]>> {
  const out = new Map<string, Position[][][]>();
  for (const id of ids) {
    const p = built.shapes.get(id);
    if (p) out.set(id, p);
  }
  const returning = ids.filter((id) => id.startsWith('R:'));
  if (parcels && returning.length > 0) {
    const r = rows<{ site_id: string; pidx: number }>(
      await db.query(sql`SELECT c.site_id, p.pidx FROM site_candidates c JOIN parcels p ON p.parcel_id = c.parcel_id
        WHERE c.kind = 'returning' AND c.site_id IN (${join(returning.map((id) => sql`${id}`), ', ')})`),
    );
    addParcelShapes(parcels, new Map(r.map((x) => [Number(x.pidx), x.site_id])), out);
  }
  return out;
}

/** The outer rings of the parcels in `sites` (pidx → site_id), added to `out`. */
function addParcelShapes(s: ParcelShapes, sites: Map<number, string>, out: Map<string, Position[][][]>): void {
  if (sites.size === 0) return;
  for (let r = 0; r < s.length; r++) {
    const id = sites.get(s.pidx[r]);
    if (id === undefined) continue;
    const ring: Position[] = [];
    for (let v = s.startIndices[r]; v < s.startIndices[r + 1]; v++) ring.push([s.positions[2 * v], s.positions[2 * v + 1]]);
    const list = out.get(id) ?? [];
    list.push([ring]);
    out.set(id, list);
  }
}

/**
 * The statement creating `site_candidates` from `_supply_pieces` (the polygon pieces), `park_land`,
 * `parks`, `parcels`, the narrow findings (land rules at `asOf`), `tracking` and `factories`.
 */
export function siteCandidatesQuery(asOf: string): Query {
  const RECOVERY = codeSql(DISPOSALS, 'recovery');
  const NEGOTIATE = codeSql(DISPOSALS, 'negotiate');
  return sql`
CREATE OR REPLACE TABLE site_candidates AS
WITH t AS (SELECT parcel_id, stage FROM ${latestTrackingQuery(asOf)}),
supplied AS (
  SELECT park_id, sum(area_m2) AS m2 FROM parcels q WHERE park_id IS NOT NULL AND ${suppliedSql('q', asOf)} GROUP BY park_id
),
-- Planned area (公顷 → m²) minus supplied parcel area, for parks measured without a polygon.
planned AS (
  SELECT k.park_id, k.county, k.cx, k.cy, greatest(k.planned_area_ha * 10000.0 - COALESCE(s.m2, 0), 0) AS m2
  FROM parks k JOIN park_land l ON l.park_id = k.park_id LEFT JOIN supplied s ON s.park_id = k.park_id
  WHERE l.method <> 'polygon' AND k.planned_area_ha IS NOT NULL
)
SELECT u.site_id, 'unsupplied' AS kind, u.park_id, k.county, u.area_m2, CAST(NULL AS DOUBLE) AS vacant_floor_m2,
  'ready' AS readiness, CAST(NULL AS VARCHAR) AS parcel_id, CAST(NULL AS VARCHAR) AS factory_id, u.cx, u.cy
FROM _supply_pieces u JOIN parks k ON k.park_id = u.park_id
UNION ALL
-- The same sliver rule as the polygon pieces (unsupplied-land.ts SLIVER_M2).
SELECT 'U:' || park_id || ':1', 'unsupplied', park_id, county, m2, NULL, 'ready', NULL, NULL, cx, cy
FROM planned WHERE m2 >= ${SLIVER_M2}
UNION ALL
-- From the narrow findings (the map category is the disposal code, land-rules.ts), not the
-- parcel_findings view, whose decoding of every column is most of the cost at scale.
SELECT 'R:' || p.parcel_id, 'returning', k.park_id, p.county, p.area_m2, NULL,
  CASE WHEN t.stage = 'recovered' THEN 'recovered' WHEN n.category = ${RECOVERY} THEN 'recovering' ELSE 'disputed' END,
  p.parcel_id, NULL, p.cx, p.cy
FROM parcels p JOIN ${ident(NARROW_FINDINGS_TABLE)} n ON n.pidx = p.pidx
LEFT JOIN t ON t.parcel_id = p.parcel_id LEFT JOIN parks k ON k.park_id = p.park_id
WHERE ${suppliedSql('p', asOf)} AND (n.category IN (${RECOVERY}, ${NEGOTIATE}) OR t.stage = 'recovered')
UNION ALL
SELECT 'F:' || f.factory_id, 'factory', k.park_id, k.county, NULL, f.vacant_area_m2, 'ready', NULL, f.factory_id, f.cx, f.cy
FROM factories f LEFT JOIN parks k ON k.park_id = f.park_id
WHERE f.vacant_area_m2 > 0`;
}
