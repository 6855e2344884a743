// Planning limits (规划管控) on the map: one GeoJSON layer of outlines and light fills, under the
// parks and parcels so candidate sites stay readable on top of them.

import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';
import { zoneColors } from './palette';

// 控规 plots first, then farmland and the red line, the urban boundary line last (on top).
const ORDER: Record<string, number> = { regulatory_plan: 0, permanent_farmland: 1, eco_redline: 2, urban_boundary: 3 };

export function zonesLayer(zones: FeatureCollection): GeoJsonLayer {
  const data = [...zones.features].sort((a, b) => (ORDER[String(a.properties?.kind)] ?? 0) - (ORDER[String(b.properties?.kind)] ?? 0));
  return new GeoJsonLayer({
    id: 'planning-zones',
    data: { type: 'FeatureCollection', features: data },
    filled: true,
    stroked: true,
    getFillColor: (f: Feature) => zoneColors(f.properties?.kind, f.properties?.land_class).fill,
    getLineColor: (f: Feature) => zoneColors(f.properties?.kind, f.properties?.land_class).line,
    lineWidthUnits: 'pixels',
    getLineWidth: (f: Feature) => (f.properties?.kind === 'urban_boundary' ? 2.5 : 1.5),
    pickable: false,
  });
}
