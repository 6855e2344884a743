// Synthetic planning limits (规划管控) for a demo region, so the 招商选址 mode shows what imported
// limits do: every park gets a 控规 industrial class, the urban development boundary wraps the
// established parks (a young park is left outside it, as happens while a boundary is being
// revised), and one park each meets an ecological red line and permanent farmland along an edge.
// Like all demo data these are 示例数据, not the real 三区三线.

import { bbox, buffer, featureCollection, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { RegionId } from '../../src/data/regions';
import { splitChains } from '../../src/analysis/park-availability';
import type { Row } from './types';

// GB 50137-2011 M classes by chain: smelting and petrochemicals are 三类 (M3); data centres
// disturb little (M1); the other manufacturing chains of the demo are 二类 (M2).
const HEAVY = new Set(['PCH', 'NFM']);
const LIGHT = new Set(['IDC']);

/** The park whose east edge meets the red line and the one whose west edge meets farmland. */
const EDGES: Record<RegionId, { redline: string; farmland: string }> = {
  dezhou: { redline: '禹城高新技术产业开发区', farmland: '夏津经济开发区' },
  shaoguan: { redline: '翁源经济开发区', farmland: '乐昌产业转移工业园' },
  lanzhou: { redline: '榆中生物医药产业园', farmland: '皋兰县三川口工业园' },
};

function landClass(chainIds: string[]): 'M1' | 'M2' | 'M3' {
  // Chain ids carry the region's prefix (SG-NFM): the spec's code is the last part.
  const chains = chainIds.map((id) => id.split('-').at(-1)!);
  if (chains.some((c) => HEAVY.has(c))) return 'M3';
  if (chains.length > 0 && chains.every((c) => LIGHT.has(c))) return 'M1';
  return 'M2';
}

const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});

type ZoneFeature = Feature<Polygon | MultiPolygon, Row>;

function zone(zone_id: string, kind: string, land_class: string | null, name: string, geometry: Polygon | MultiPolygon): ZoneFeature {
  return { type: 'Feature', properties: { zone_id, kind, land_class, name }, geometry };
}

const round = (g: Polygon | MultiPolygon): Polygon | MultiPolygon =>
  JSON.parse(JSON.stringify(g, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v))) as Polygon | MultiPolygon;

/**
 * `young`: names of parks left outside the urban development boundary.
 */
export function demoPlanningZones(region: RegionId, parks: FeatureCollection<Polygon, Row>, young: ReadonlySet<string>): FeatureCollection<Polygon | MultiPolygon, Row> {
  const out: ZoneFeature[] = [];
  for (const p of parks.features) {
    const id = String(p.properties.park_id);
    const cls = landClass(splitChains(p.properties.leading_chains as string | null));
    out.push(zone(`KG-${id}`, 'regulatory_plan', cls, `${p.properties.name}控规（示例）`, p.geometry));
  }
  // The boundary: established parks with 500 m around them, merged where they meet.
  const inside = parks.features.filter((p) => !young.has(String(p.properties.name)));
  const buffered = inside.map((p) => buffer(p, 0.5, { units: 'kilometers' })!);
  const merged = buffered.length > 1 ? union(featureCollection(buffered)) : buffered[0];
  const pieces = merged ? (merged.geometry.type === 'Polygon' ? [merged.geometry.coordinates] : merged.geometry.coordinates) : [];
  pieces.forEach((coords, i) => out.push(zone(`KB-${i + 1}`, 'urban_boundary', null, `城镇开发边界（示例）${i + 1}`, { type: 'Polygon', coordinates: coords })));
  // A strip over one park's east 30 % (red line) and another's west 25 % (farmland), reaching 1 km beyond.
  const edge = EDGES[region];
  const byName = (n: string) => parks.features.find((p) => p.properties.name === n);
  const red = byName(edge.redline);
  if (red) {
    const [x0, y0, x1, y1] = bbox(red);
    out.push(zone('HX-1', 'eco_redline', null, `${red.properties.county}生态保护红线（示例）`, rect(x1 - 0.3 * (x1 - x0), y0 - 0.005, x1 + 0.01, y1 + 0.005)));
  }
  const farm = byName(edge.farmland);
  if (farm) {
    const [x0, y0, x1, y1] = bbox(farm);
    out.push(zone('NT-1', 'permanent_farmland', null, `${farm.properties.county}永久基本农田（示例）`, rect(x0 - 0.01, y0 - 0.005, x0 + 0.25 * (x1 - x0), y1 + 0.005)));
  }
  return { type: 'FeatureCollection', features: out.map((f) => ({ ...f, geometry: round(f.geometry) })) };
}
