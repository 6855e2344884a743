// The offline basemap: a plain background and the region's real county boundaries. No tiles,
// glyphs or sprites are fetched; labels are drawn by deck.gl's TextLayer from system fonts.

import type { FeatureCollection } from 'geojson';
import type { Map as MlMap, StyleSpecification } from 'maplibre-gl';

export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      counties: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#e9eef2' } },
      {
        id: 'county-fill',
        type: 'fill',
        source: 'counties',
        paint: { 'fill-color': ['case', ['boolean', ['feature-state', 'dim'], false], '#eef1f3', '#fbfaf6'], 'fill-opacity': 1 },
      },
      { id: 'county-line', type: 'line', source: 'counties', paint: { 'line-color': '#8d9ba6', 'line-width': 1.2 } },
    ],
  };
}

export function setCounties(map: MlMap, counties: FeatureCollection): void {
  const src = map.getSource('counties') as { setData(d: FeatureCollection): void } | undefined;
  src?.setData(counties);
}
