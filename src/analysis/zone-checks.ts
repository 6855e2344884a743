// Planning limits (规划管控) checked against each candidate site, for site matching: is the site
// outside the 城镇开发边界, does it touch 永久基本农田 or the 生态保护红线, and which 控规 land class
// covers it. Geometry is done here in TypeScript with Turf (DuckDB-WASM has no spatial extension
// offline); the answers go to DuckDB as the `site_zone_checks` table the matching query joins.
//
// A check of a kind no imported zone has is NULL ("not checked"), never false: without a farmland
// layer nobody knows whether a site is clear of farmland.

import { area, bbox as turfBbox, booleanPointInPolygon, featureCollection, intersect, polygon as turfPolygon, multiPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { NULL_BOOL, type TypedColumn } from '../data/arrow-columns';
import { replaceTableFromColumns } from '../data/arrow-load';
import { type Db, rows } from '../data/db';
import type { ParcelShapes } from '../data/parcel-shapes';
import { sql } from '../data/sql';
import { type SiteCandidates, siteShapes } from './site-candidates';
import type { PolygonGeometry } from '../data/geometry';
import { tableToFeatureCollection } from '../data/workspace/to-geojson';
import type { TableData } from '../data/workspace/tables';
import { ZONE_KINDS, type ZoneKind } from '../vocab/codes';

export interface Zone {
  kind: ZoneKind;
  /** GB 50137-2011 code of a 控规 plot, upper-cased (M1, M2, W1…); null for the control lines. */
  landClass: string | null;
  geometry: PolygonGeometry;
  bbox: [number, number, number, number];
}

/** A candidate site: its land as a polygon, or a point (a standard factory located by coordinates). */
export interface SiteShape {
  site_id: string;
  geometry: PolygonGeometry | null;
  point: [number, number] | null;
}

export interface ZoneCheck {
  site_id: string;
  /** More of the site than the tolerance lies outside every 城镇开发边界 polygon. */
  outside_urban: boolean | null;
  in_farmland: boolean | null;
  in_redline: boolean | null;
  /** The 控规 class covering most of the site; '' when 控规 is imported but none covers it. */
  land_class: string | null;
}

/**
 * Share of a site's area an overlap must exceed to count. Layers surveyed separately rarely share
 * their boundaries exactly, so a sliver along an edge is drawing noise, not an encroachment. This
 * is ParkAtlas's choice (1 %, and at least 1 m²), not a rule of the 三条控制线 guidance.
 */
export const OVERLAP_TOLERANCE = 0.01;

const isZoneKind = (v: unknown): v is ZoneKind => typeof v === 'string' && (ZONE_KINDS as readonly string[]).includes(v);

/** The zones of an imported planning_zones table; rows without a shape or kind are left out (the import reported them). */
export function zonesFromTable(t: TableData | undefined): Zone[] {
  return t?.shapes ? zonesFromFeatures(tableToFeatureCollection(t, ['kind', 'land_class'])) : [];
}

/** The zones of planning_zones outlines (features with `kind` and `land_class` properties). */
export function zonesFromFeatures(fc: FeatureCollection | null): Zone[] {
  if (!fc) return [];
  const out: Zone[] = [];
  for (const f of fc.features) {
    const kind = f.properties?.kind;
    const cls = f.properties?.land_class;
    if (!isZoneKind(kind)) continue;
    const geometry = f.geometry as PolygonGeometry;
    out.push({
      kind,
      landClass: typeof cls === 'string' && cls.trim() !== '' ? cls.trim().toUpperCase() : null,
      geometry,
      bbox: turfBbox(geometry) as [number, number, number, number],
    });
  }
  return out;
}

function feature(g: PolygonGeometry): Feature<Polygon | MultiPolygon> {
  return g.type === 'Polygon' ? turfPolygon(g.coordinates) : multiPolygon(g.coordinates);
}

const boxesMeet = (a: readonly number[], b: readonly number[]) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Every vertex of the site's outer rings, for the quick test below. */
function vertices(g: PolygonGeometry): [number, number][] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.flatMap((p) => p[0] as [number, number][]);
}

/**
 * m² of the site inside zone z (0 when they only touch). A site whose corners all lie inside the
 * zone is taken as wholly inside without clipping: parcels are small beside an urban boundary or a
 * red line, and clipping 100,000 returning parcels one by one would take minutes.
 */
function overlapM2(site: Feature<Polygon | MultiPolygon>, siteBox: readonly number[], z: Zone, total: number): number {
  if (!boxesMeet(siteBox, z.bbox)) return 0;
  if (vertices(site.geometry).every((v) => pointIn(v, z))) return total;
  const common = intersect(featureCollection([site, feature(z.geometry)]));
  return common ? area(common) : 0;
}

function pointIn(p: [number, number], z: Zone): boolean {
  const [x, y] = p;
  return x >= z.bbox[0] && x <= z.bbox[2] && y >= z.bbox[1] && y <= z.bbox[3] && booleanPointInPolygon(p, z.geometry);
}

/** Each site against the zones; one check per site, in the sites' order. */
export function checkSites(sites: readonly SiteShape[], zones: readonly Zone[]): ZoneCheck[] {
  const of = (k: ZoneKind) => zones.filter((z) => z.kind === k);
  const urban = of('urban_boundary');
  const farmland = of('permanent_farmland');
  const redline = of('eco_redline');
  const plan = zones.filter((z) => z.kind === 'regulatory_plan' && z.landClass !== null);
  return sites.map((s) => {
    if (s.geometry) {
      const site = feature(s.geometry);
      const box = turfBbox(site);
      const total = area(site);
      const tol = Math.max(total * OVERLAP_TOLERANCE, 1);
      // Zones of one kind may overlap each other; capping at the site's area keeps a sum of overlaps meaningful.
      const covered = (zs: readonly Zone[]) => Math.min(total, zs.reduce((acc, z) => acc + overlapM2(site, box, z, total), 0));
      const byClass = new Map<string, number>();
      for (const z of plan) {
        const a = overlapM2(site, box, z, total);
        if (a > 0) byClass.set(z.landClass!, (byClass.get(z.landClass!) ?? 0) + a);
      }
      let best = '';
      let bestArea = tol;
      for (const [c, a] of byClass) if (a > bestArea) [best, bestArea] = [c, a];
      return {
        site_id: s.site_id,
        outside_urban: urban.length ? total - covered(urban) > tol : null,
        in_farmland: farmland.length ? covered(farmland) > tol : null,
        in_redline: redline.length ? covered(redline) > tol : null,
        land_class: plan.length ? best : null,
      };
    }
    const p = s.point;
    const inAny = (zs: readonly Zone[]) => (p ? zs.some((z) => pointIn(p, z)) : false);
    return {
      site_id: s.site_id,
      outside_urban: urban.length && p ? !inAny(urban) : null,
      in_farmland: farmland.length && p ? inAny(farmland) : null,
      in_redline: redline.length && p ? inAny(redline) : null,
      land_class: plan.length && p ? (plan.find((z) => pointIn(p, z))?.landClass ?? '') : null,
    };
  });
}

/** The candidate sites as shapes to check: their polygons (site-candidates.ts keeps them in JS), else their point. */
export function siteShapesOf(sites: { candidates: readonly { site_id: string; cx: number | null; cy: number | null }[]; shapes: ReadonlyMap<string, Position[][][]> }): SiteShape[] {
  return sites.candidates.map((c) => {
    const polys = sites.shapes.get(c.site_id);
    const geometry: PolygonGeometry | null = polys && polys.length > 0 ? (polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys }) : null;
    return { site_id: c.site_id, geometry, point: c.cx !== null && c.cy !== null ? [c.cx, c.cy] : null };
  });
}

const bools = (xs: (boolean | null)[]): TypedColumn => ({
  type: 'boolean',
  values: Uint8Array.from(xs, (b) => (b === null ? NULL_BOOL : b ? 1 : 0)),
});

/** Replaces `site_zone_checks` (site_id, outside_urban, in_farmland, in_redline, land_class). */
export async function loadZoneChecks(db: Db, checks: readonly ZoneCheck[]): Promise<void> {
  await replaceTableFromColumns(db, 'site_zone_checks', {
    site_id: { type: 'string', values: checks.map((c) => c.site_id) },
    outside_urban: bools(checks.map((c) => c.outside_urban)),
    in_farmland: bools(checks.map((c) => c.in_farmland)),
    in_redline: bools(checks.map((c) => c.in_redline)),
    land_class: { type: 'string', values: checks.map((c) => c.land_class) },
  });
}

/**
 * Checks every candidate site against the zones and writes `site_zone_checks`. Without zones
 * nothing is checked and the table says so (all NULL); with them the returning parcels, which
 * stay in the table (site-candidates.ts), are fetched with their shapes too.
 */
export async function checkSiteZones(db: Db, sites: SiteCandidates, parcels: ParcelShapes | null, zones: readonly Zone[]): Promise<ZoneCheck[]> {
  let shapes = siteShapesOf(sites);
  if (zones.length > 0) {
    const returning = rows<{ site_id: string; cx: number | null; cy: number | null }>(
      await db.query(sql`SELECT site_id, cx, cy FROM site_candidates WHERE kind = 'returning' ORDER BY site_id`),
    );
    const rings = await siteShapes(db, sites, parcels, returning.map((r) => r.site_id));
    shapes = [...shapes, ...siteShapesOf({ candidates: returning, shapes: rings })];
  }
  const checks = checkSites(shapes, zones);
  await loadZoneChecks(db, checks);
  return checks;
}
