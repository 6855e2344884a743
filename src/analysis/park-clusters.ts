// Park clusters (园区组团): DBSCAN over the region's parks. Parks close enough to share
// suppliers, labour and logistics are candidates for joint promotion (组团招商), especially
// when the group crosses county lines.
//
// This module assembles clusters from three parts: each park's available land
// (park-availability.ts, SQL, so it follows the rule settings), distances between park
// outlines (park-distance.ts) and a generic DBSCAN (dbscan.ts).

import { convex, featureCollection, point } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import type { Db } from '../data/db';
import type { PolygonGeometry } from '../data/geometry';
import { type JointPromotion, type ParkHoldings, jointPromotion, loadParkHoldings } from './cluster-promotion';
import { dbscan } from './dbscan';
import { countyName } from '../vocab';
import { type ParkAvailability, parkAvailability, splitChains } from './park-availability';
import { type ParkShape, parkAnchor, parkDistanceMatrix, verticesOf } from './park-distance';
import { type ClusterSettings, DEFAULT_CLUSTER_SETTINGS } from './review-settings';

/** Neighbour test tolerance: 1 mm, so a park reported at exactly epsKm is a neighbour despite float noise. */
const EPS_TOLERANCE_KM = 1e-6;

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
  /** County of each park, parallel to parkIds. */
  parkCounties: string[];
  /** Distinct counties, in the order their first park appears. */
  counties: string[];
  /** Parks in more than one county. */
  multiCounty: boolean;
  /** Whether the cluster is a 组团招商 candidate and why (cluster-promotion.ts); null until assessed. */
  promotion: JointPromotion | null;
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

/** Pure clustering of parks that already carry availability and geometry. */
export function clusterParks(input: readonly ClusterInputPark[], settings: ClusterSettings = DEFAULT_CLUSTER_SETTINGS): ParkClusterResult {
  const parks = [...input].sort((a, b) => (a.park_id < b.park_id ? -1 : a.park_id > b.park_id ? 1 : 0));
  const dist = parkDistanceMatrix(parks, settings.method);
  const labels = dbscan(dist, settings.epsKm + EPS_TOLERANCE_KM, settings.minParks);

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
      const a = parkAnchor(p);
      return a ? [a] : [];
    });
    const hullFeature = vertices.length >= 3 ? (convex(featureCollection(vertices.map((v) => point(v)))) as Feature<Polygon> | null) : null;
    return {
      id: k + 1,
      parkIds: ps.map((p) => p.park_id),
      parkNames: ps.map((p) => p.name),
      parkCounties: ps.map((p) => p.county),
      counties,
      multiCounty: counties.length > 1,
      promotion: null,
      labelZh: `${counties.join('·')}组团`,
      labelEn: `${counties.map((c) => countyName(c, 'en')).join(' · ')} cluster`,
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

/** The clusters with their 组团招商 assessment filled in. */
export function withPromotion(result: ParkClusterResult, holdings: ParkHoldings): ParkClusterResult {
  return { ...result, clusters: result.clusters.map((c) => ({ ...c, promotion: jointPromotion(c, holdings, result.settings.mainChainShare) })) };
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

/** parkClusters, then the 组团招商 assessment (needs the chain tables). */
export async function assessedParkClusters(
  db: Db,
  shapes: readonly ParkShape[],
  settings: ClusterSettings = DEFAULT_CLUSTER_SETTINGS,
  keep: (parkId: string) => boolean = () => true,
): Promise<ParkClusterResult> {
  return withPromotion(await parkClusters(db, shapes, settings, keep), await loadParkHoldings(db));
}
