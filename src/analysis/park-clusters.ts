// Park clusters (园区组团): DBSCAN over the region's parks. Parks close enough to share
// suppliers, labour and logistics are candidates for joint promotion (组团招商), especially
// when the group crosses county lines.
//
// Two parts: how much land each park still has to offer is a SQL query over `parks` and
// `parcel_findings` (so it follows the rule settings), and the clustering runs in TS on the
// small park array, because it needs polygon geometry that lives in the parks GeoJSON, not
// in DuckDB.

import {
  booleanIntersects,
  centroid,
  convex,
  distance,
  featureCollection,
  lineString,
  point,
  pointToLineDistance,
} from '@turf/turf';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { MU_PER_M2_SQL } from '../vocab/units';
import { PARK_FIELDS } from '../data/contract';
import { type Db, rows } from '../data/db';
import type { PolygonGeometry } from '../data/geometry';
import type { RecordsBatch } from '../data/records-import';
import { type Query, sql } from '../data/sql';
import type { SettingMeta } from './settings';

// ---------------------------------------------------------------------------------------
// Settings

export type ClusterDistanceMethod = 'boundary' | 'centroid';

export interface ClusterSettings {
  /** Neighbourhood radius: parks at most this far apart (km) are neighbours (≤, inclusive). */
  epsKm: number;
  /** A park with at least this many parks within epsKm (itself included) seeds a cluster. */
  minParks: number;
  /** `boundary`: shortest distance between park outlines; `centroid`: between centroids. */
  method: ClusterDistanceMethod;
}

// 30 km: under half an hour by expressway/provincial road between park gates, the radius
// within which parks can share a supplier base, a labour market and a logistics hub. On the
// 德州 demo it joins the 宁津–乐陵–庆云 belt (gaps ≤ 24 km) without reaching 德城区 (≥ 43 km);
// at 35 km the western parks chain step by step into one 8-county group too loose to promote.
// minParks 2: a 组团 is any two or more parks; with 2, DBSCAN is single linkage at epsKm.
// Boundary distance: large parks' centroids are far apart even when their edges touch.
export const DEFAULT_CLUSTER_SETTINGS: ClusterSettings = { epsKm: 30, minParks: 2, method: 'boundary' };

export type ClusterSettingMeta = Omit<SettingMeta, 'key'> & { key: 'epsKm' | 'minParks' };

export const CLUSTER_SETTING_META: readonly ClusterSettingMeta[] = [
  {
    key: 'epsKm', labelZh: '组团距离阈值', labelEn: 'Cluster distance', unitZh: '公里', unitEn: 'km',
    min: 1, max: 100, step: 1,
    sourceZh: '约半小时车程：园区间可共享配套企业、劳动力与物流枢纽；距离不超过阈值即为相邻（含等于）',
    sourceEn: 'About half an hour by road: parks can share suppliers, labour and logistics; parks at most this far apart are neighbours',
  },
  {
    key: 'minParks', labelZh: '组团最少园区数', labelEn: 'Minimum parks per cluster', unitZh: '个', unitEn: 'parks',
    min: 2, max: 10, step: 1, integer: true,
    sourceZh: '两个及以上园区即可组团；阈值内园区数（含自身）达到该值的园区作为组团核心',
    sourceEn: 'Two or more parks make a cluster; a park with this many parks within the distance (itself included) is a core park',
  },
];

export const CLUSTER_METHOD_META: readonly { value: ClusterDistanceMethod; labelZh: string; labelEn: string }[] = [
  { value: 'boundary', labelZh: '边界最近距离', labelEn: 'Nearest boundary distance' },
  { value: 'centroid', labelZh: '中心点距离', labelEn: 'Centroid distance' },
];

// ---------------------------------------------------------------------------------------
// Park availability (SQL)

export interface ParkAvailability {
  park_id: string;
  name: string;
  county: string;
  level: string;
  leading_chains: string | null;
  planned_area_ha: number | null;
  /** Label point (inside the park), from the loader. */
  cx: number | null;
  cy: number | null;
  /** Area of all parcels in the park. */
  parcelAreaMu: number;
  /** Idle parcels (any idle_type but none): land the rules say can be taken back. */
  idleAreaMu: number;
  /** Planned area not yet covered by parcels, floored at 0; null when planned_area_ha is empty. */
  unsuppliedAreaMu: number | null;
  /** idleAreaMu + unsuppliedAreaMu (an unknown planned area adds nothing). */
  availableAreaMu: number;
}

const MU_PER_M2 = MU_PER_M2_SQL; // m² → 亩, src/vocab/units.ts

/** One row per park with its land still on offer, in 亩. Reads `parcel_findings`, so run the land rules first. */
export function parkAvailabilityQuery(): Query {
  return sql`
WITH f AS (
  SELECT park_id,
    sum(area_m2) AS parcel_m2,
    sum(area_m2) FILTER (WHERE idle_type <> 'none') AS idle_m2
  FROM parcel_findings
  WHERE park_id IS NOT NULL
  GROUP BY park_id
),
a AS (
  SELECT k.park_id, k.name, k.county, k.level, k.leading_chains, k.planned_area_ha, k.cx, k.cy,
    COALESCE(f.parcel_m2, 0) * ${MU_PER_M2} AS "parcelAreaMu",
    COALESCE(f.idle_m2, 0) * ${MU_PER_M2} AS "idleAreaMu",
    -- 公顷 → m². An unknown planned area stays unknown (greatest() alone would skip the NULL and say 0).
    CASE WHEN k.planned_area_ha IS NOT NULL
      THEN greatest(k.planned_area_ha * 10000.0 - COALESCE(f.parcel_m2, 0), 0) * ${MU_PER_M2}
    END AS "unsuppliedAreaMu"
  FROM parks k LEFT JOIN f ON f.park_id = k.park_id
)
SELECT *, "idleAreaMu" + COALESCE("unsuppliedAreaMu", 0) AS "availableAreaMu"
FROM a
ORDER BY park_id`;
}

export async function parkAvailability(db: Db): Promise<ParkAvailability[]> {
  return rows<ParkAvailability>(await db.query(parkAvailabilityQuery()));
}

/** `leading_chains` is `;`-separated; a full-width `；` from hand-edited sheets is accepted too. */
export function splitChains(s: string | null | undefined): string[] {
  if (!s) return [];
  return [...new Set(s.split(/[;；]/).map((c) => c.trim()).filter((c) => c.length > 0))];
}

// ---------------------------------------------------------------------------------------
// Geometry

export interface ParkShape {
  park_id: string;
  geometry: PolygonGeometry | null;
}

/** Park outlines from the parks GeoJSON the app already holds. */
export function parkShapesFromGeoJson(fc: FeatureCollection): ParkShape[] {
  return fc.features.map((f) => {
    const g = f.geometry;
    return {
      park_id: String(f.properties?.park_id ?? ''),
      geometry: g && (g.type === 'Polygon' || g.type === 'MultiPolygon') ? g : null,
    };
  });
}

const PARK_ID = PARK_FIELDS.findIndex((f) => f.name === 'park_id');

/** Park outlines from a validated import batch (LoadedRegion.parks). */
export function parkShapesFromBatch(batch: RecordsBatch): ParkShape[] {
  return batch.rows.map((r, i) => ({ park_id: String(r[PARK_ID]), geometry: batch.geometries[i] ?? null }));
}

function polygonsOf(g: PolygonGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function verticesOf(g: PolygonGeometry): Position[] {
  // Every ring's vertices (the closing vertex repeats the first; harmless).
  return polygonsOf(g).flat(2);
}

function ringsOf(g: PolygonGeometry): Position[][] {
  return polygonsOf(g).flat(1);
}

// Mean Earth radius as Turf uses it, so the screening below is on Turf's scale.
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEG = (EARTH_RADIUS_KM * Math.PI) / 180;

function bboxOf(g: PolygonGeometry): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of verticesOf(g)) {
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

/** Planar distance from p to segment ab, all in km of a local projection. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const vx = bx - ax;
  const vy = by - ay;
  const len2 = vx * vx + vy * vy;
  let t = len2 > 0 ? ((px - ax) * vx + (py - ay) * vy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

/**
 * Shortest distance in km between two park outlines; 0 when they touch or overlap.
 *
 * For two disjoint polygons the closest pair of points always has a vertex of one polygon at
 * one end (two segments that do not cross are closest at an endpoint), so the minimum over
 * every vertex of A to every edge of B, and the other way round, is the boundary distance.
 * Holes are rings too, so a park inside another's hole gets the distance to the hole's edge.
 *
 * Turf's geodesic point-to-segment distance is exact but slow (~20 µs a call), so every
 * vertex/edge combination is first measured in a local equirectangular projection (on the
 * three demo regions it is within 0.02 % of Turf), and Turf measures only the combinations
 * within 0.5 % + 20 m of the planar minimum. The result is Turf's geodesic distance of the
 * closest combination. Results are memoised per pair of geometry objects, so moving the
 * distance slider over the same parks GeoJSON does not measure again.
 */
export function boundaryDistanceKm(a: PolygonGeometry, b: PolygonGeometry): number {
  const known = memo.get(a)?.get(b);
  if (known !== undefined) return known;
  const d = measureBoundaryDistance(a, b);
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    let m = memo.get(x);
    if (!m) memo.set(x, (m = new WeakMap()));
    m.set(y, d);
  }
  return d;
}

const memo = new WeakMap<PolygonGeometry, WeakMap<PolygonGeometry, number>>();

function measureBoundaryDistance(a: PolygonGeometry, b: PolygonGeometry): number {
  const ba = bboxOf(a);
  const bb = bboxOf(b);
  const boxesMeet = ba[0] <= bb[2] && bb[0] <= ba[2] && ba[1] <= bb[3] && bb[1] <= ba[3];
  if (boxesMeet && booleanIntersects(a, b)) return 0;

  const lat0 = ((ba[1] + ba[3] + bb[1] + bb[3]) / 4) * (Math.PI / 180);
  const kx = KM_PER_DEG * Math.cos(lat0);
  const pairs = [
    [verticesOf(a), ringsOf(b)],
    [verticesOf(b), ringsOf(a)],
  ] as const;
  const each = (visit: (v: Position, p: Position, q: Position, d: number) => void) => {
    for (const [vertices, rings] of pairs) {
      for (const v of vertices) {
        const px = v[0] * kx;
        const py = v[1] * KM_PER_DEG;
        for (const r of rings) {
          for (let k = 0; k + 1 < r.length; k++) {
            const p = r[k];
            const q = r[k + 1];
            visit(v, p, q, segmentDistance(px, py, p[0] * kx, p[1] * KM_PER_DEG, q[0] * kx, q[1] * KM_PER_DEG));
          }
        }
      }
    }
  };
  let planarMin = Infinity;
  each((_v, _p, _q, d) => {
    if (d < planarMin) planarMin = d;
  });
  const cutoff = planarMin * 1.005 + 0.02;
  let best = Infinity;
  each((v, p, q, d) => {
    if (d > cutoff) return;
    const g = pointToLineDistance(v, lineString([p, q]), { units: 'kilometers' });
    if (g < best) best = g;
  });
  return best;
}

/** Geodesic distance in km between two points [lon, lat]. */
export function pointDistanceKm(a: Position, b: Position): number {
  return distance(point(a), point(b), { units: 'kilometers' });
}

// ---------------------------------------------------------------------------------------
// DBSCAN

/** Neighbour test tolerance: 1 mm, so a park reported at exactly epsKm is a neighbour despite float noise. */
const EPS_TOLERANCE_KM = 1e-6;

/**
 * DBSCAN over n items given their distance matrix. An item is core when at least `minPts`
 * items (itself included) lie within `eps` (inclusive). Clusters grow from core items in index
 * order, so the result is deterministic; a border item joins the first cluster that reaches
 * it. Returns a cluster label per item, -1 for noise.
 */
export function dbscan(dist: readonly (readonly number[])[], eps: number, minPts: number): Int32Array {
  const n = dist.length;
  const labels = new Int32Array(n).fill(-2); // -2 unvisited, -1 noise
  const neighbours = (i: number) => {
    const out: number[] = [];
    for (let j = 0; j < n; j++) if (dist[i][j] <= eps + EPS_TOLERANCE_KM) out.push(j);
    return out;
  };
  let next = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] !== -2) continue;
    const seeds = neighbours(i);
    if (seeds.length < minPts) {
      labels[i] = -1;
      continue;
    }
    const c = next++;
    labels[i] = c;
    const queue = seeds.filter((j) => j !== i);
    while (queue.length > 0) {
      const j = queue.shift()!;
      if (labels[j] === -1) labels[j] = c; // noise reached from a core item is a border item
      if (labels[j] !== -2) continue;
      labels[j] = c;
      const nj = neighbours(j);
      if (nj.length >= minPts) queue.push(...nj);
    }
  }
  return labels;
}

// ---------------------------------------------------------------------------------------
// Clusters

export interface ClusterEdge {
  a: string;
  b: string;
  km: number;
}

export interface ParkCluster {
  /** 1-based, clusters ordered by number of parks (desc), then first park id. */
  id: number;
  parkIds: string[];
  parkNames: string[];
  /** Distinct counties, in the order their first park appears. */
  counties: string[];
  /** Parks in more than one county → candidate for 组团招商 across county lines. */
  multiCounty: boolean;
  /** e.g. 宁津县·乐陵市·庆云县组团 */
  labelZh: string;
  labelEn: string;
  /** Convex hull of every park vertex (label points for parks without geometry). */
  hull: Polygon | null;
  plannedAreaHa: number;
  availableAreaMu: number;
  /** Union of the parks' declared leading chains, in first-seen order. */
  leadingChains: string[];
  /** Neighbour pairs (distance ≤ epsKm) inside the cluster, for drawing links. */
  edges: ClusterEdge[];
}

export interface NoisePark {
  park_id: string;
  name: string;
  county: string;
  availableAreaMu: number;
  /** Nearest other park and its distance (by the chosen method); null when it is the only park. */
  nearestParkId: string | null;
  nearestKm: number | null;
}

export interface ParkClusterResult {
  settings: ClusterSettings;
  clusters: ParkCluster[];
  noise: NoisePark[];
  /** Parks with no outline: their distances use label points whatever the method. */
  parksWithoutGeometry: string[];
}

export type ClusterInputPark = ParkAvailability & { geometry: PolygonGeometry | null };

function anchor(p: ClusterInputPark): Position | null {
  if (p.geometry) return centroid(p.geometry).geometry.coordinates;
  if (p.cx !== null && p.cy !== null && Number.isFinite(p.cx) && Number.isFinite(p.cy)) return [p.cx, p.cy];
  return null;
}

/** Distance matrix (km) between parks by the chosen method; Infinity when a park has no location at all. */
export function parkDistanceMatrix(parks: readonly ClusterInputPark[], method: ClusterDistanceMethod): number[][] {
  const n = parks.length;
  const anchors = parks.map(anchor);
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const gi = parks[i].geometry;
      const gj = parks[j].geometry;
      const ai = anchors[i];
      const aj = anchors[j];
      let d: number;
      if (method === 'boundary' && gi && gj) d = boundaryDistanceKm(gi, gj);
      else if (ai && aj) d = pointDistanceKm(ai, aj);
      else d = Infinity;
      m[i][j] = d;
      m[j][i] = d;
    }
  }
  return m;
}

/** Pure clustering of parks that already carry availability and geometry. */
export function clusterParks(input: readonly ClusterInputPark[], settings: ClusterSettings = DEFAULT_CLUSTER_SETTINGS): ParkClusterResult {
  const parks = [...input].sort((a, b) => (a.park_id < b.park_id ? -1 : a.park_id > b.park_id ? 1 : 0));
  const dist = parkDistanceMatrix(parks, settings.method);
  const labels = dbscan(dist, settings.epsKm, settings.minParks);

  const members = new Map<number, number[]>();
  labels.forEach((c, i) => {
    if (c < 0) return;
    const list = members.get(c) ?? [];
    list.push(i);
    members.set(c, list);
  });

  const groups = [...members.values()].sort((a, b) => b.length - a.length || (parks[a[0]].park_id < parks[b[0]].park_id ? -1 : 1));
  const clusters: ParkCluster[] = groups.map((idx, k) => {
    const ps = idx.map((i) => parks[i]);
    const counties = [...new Set(ps.map((p) => p.county))];
    const leadingChains = [...new Set(ps.flatMap((p) => splitChains(p.leading_chains)))];
    const edges: ClusterEdge[] = [];
    for (let x = 0; x < idx.length; x++) {
      for (let y = x + 1; y < idx.length; y++) {
        const km = dist[idx[x]][idx[y]];
        if (km <= settings.epsKm + EPS_TOLERANCE_KM) edges.push({ a: parks[idx[x]].park_id, b: parks[idx[y]].park_id, km });
      }
    }
    const vertices = ps.flatMap((p) => {
      if (p.geometry) return verticesOf(p.geometry);
      const a = anchor(p);
      return a ? [a] : [];
    });
    const hullFeature = vertices.length >= 3 ? (convex(featureCollection(vertices.map((v) => point(v)))) as Feature<Polygon> | null) : null;
    return {
      id: k + 1,
      parkIds: ps.map((p) => p.park_id),
      parkNames: ps.map((p) => p.name),
      counties,
      multiCounty: counties.length > 1,
      labelZh: `${counties.join('·')}组团`,
      labelEn: `${counties.join(' · ')} cluster`,
      hull: hullFeature?.geometry ?? null,
      plannedAreaHa: ps.reduce((s, p) => s + (p.planned_area_ha ?? 0), 0),
      availableAreaMu: ps.reduce((s, p) => s + p.availableAreaMu, 0),
      leadingChains,
      edges,
    };
  });

  const noise: NoisePark[] = [];
  labels.forEach((c, i) => {
    if (c >= 0) return;
    let nearest = -1;
    for (let j = 0; j < parks.length; j++) {
      if (j !== i && (nearest < 0 || dist[i][j] < dist[i][nearest])) nearest = j;
    }
    const p = parks[i];
    const ok = nearest >= 0 && Number.isFinite(dist[i][nearest]);
    noise.push({
      park_id: p.park_id,
      name: p.name,
      county: p.county,
      availableAreaMu: p.availableAreaMu,
      nearestParkId: ok ? parks[nearest].park_id : null,
      nearestKm: ok ? dist[i][nearest] : null,
    });
  });

  return {
    settings,
    clusters,
    noise,
    parksWithoutGeometry: parks.filter((p) => !p.geometry).map((p) => p.park_id),
  };
}

/** Reads availability from DuckDB, attaches outlines by park_id and clusters. */
export async function parkClusters(
  db: Db,
  shapes: readonly ParkShape[],
  settings: ClusterSettings = DEFAULT_CLUSTER_SETTINGS,
  /** Parks to cluster (e.g. those of the counties a leader is comparing); all when omitted. */
  keep: (parkId: string) => boolean = () => true,
): Promise<ParkClusterResult> {
  const byId = new Map(shapes.map((s) => [s.park_id, s.geometry]));
  const parks = (await parkAvailability(db))
    .filter((p) => keep(p.park_id))
    .map((p) => ({ ...p, geometry: byId.get(p.park_id) ?? null }));
  return clusterParks(parks, settings);
}
