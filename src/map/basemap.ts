// The offline basemap: a plain background and the region's real county boundaries. No tiles,
// glyphs or sprites are fetched; labels are drawn by deck.gl's TextLayer from system fonts.

import type { FeatureCollection } from 'geojson';
import type { Map as MlMap, StyleSpecification } from 'maplibre-gl';
import { BASEMAP } from './palette';

export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      counties: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASEMAP.background } },
      {
        id: 'county-fill',
        type: 'fill',
        source: 'counties',
        paint: { 'fill-color': ['case', ['boolean', ['feature-state', 'dim'], false], BASEMAP.countyFillDim, BASEMAP.countyFill], 'fill-opacity': 1 },
      },
      { id: 'county-line', type: 'line', source: 'counties', paint: { 'line-color': BASEMAP.countyLine, 'line-width': 1.2 } },
    ],
  };
}

export function setCounties(map: MlMap, counties: FeatureCollection): void {
  const src = map.getSource('counties') as { setData(d: FeatureCollection): void } | undefined;
  src?.setData(counties);
}
