// The offline basemap: a plain background and the region's real county boundaries. No tiles,
// glyphs or sprites are fetched; labels are drawn by deck.gl's TextLayer from system fonts.
// A tiled basemap is added under the boundaries only when the planner opts into one.

import type { FeatureCollection } from 'geojson';
import type { Map as MlMap, StyleSpecification } from 'maplibre-gl';
import { BASEMAP } from './palette';
import { type TileFetcher, protocolUrl, registerTiles, unregisterTiles } from './tile-protocol';

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

// ---- Basemaps the planner opts into ---------------------------------------------------------

/** The drawn basemap: one raster layer per tile layer, under the county boundaries. */
export interface BasemapTiles {
  /** Changes with every new choice, so MapLibre never reuses the previous source's tiles. */
  generation: number;
  layers: { id: string; fetch: TileFetcher; gcj: boolean; minZoom?: number; maxZoom?: number }[];
  opacity: number;
}

const BASEMAP_PREFIX = 'basemap-';
/** County fill over a basemap: enough to tell the region apart, light enough to read the map. */
const COUNTY_FILL_OVER_BASEMAP = 0.25;

/** Whether a MapLibre source id is one of the basemap's (for its error events). */
export const isBasemapSource = (id: string | undefined): boolean => !!id && id.startsWith(BASEMAP_PREFIX);

/** Replaces the basemap (null: offline, nothing requested). */
export function showBasemap(map: MlMap, tiles: BasemapTiles | null): void {
  const style = map.getStyle();
  for (const l of style.layers) if (l.id.startsWith(BASEMAP_PREFIX)) map.removeLayer(l.id);
  for (const id of Object.keys(style.sources)) {
    if (id.startsWith(BASEMAP_PREFIX)) {
      map.removeSource(id);
      unregisterTiles(id);
    }
  }
  map.setPaintProperty('county-fill', 'fill-opacity', tiles ? COUNTY_FILL_OVER_BASEMAP : 1);
  if (!tiles) return;
  for (const layer of tiles.layers) {
    const id = `${BASEMAP_PREFIX}${tiles.generation}-${layer.id}`;
    registerTiles(id, layer.fetch, layer.gcj);
    map.addSource(id, {
      type: 'raster',
      tiles: [protocolUrl(id)],
      tileSize: 256,
      ...(layer.minZoom !== undefined ? { minzoom: layer.minZoom } : {}),
      ...(layer.maxZoom !== undefined ? { maxzoom: layer.maxZoom } : {}),
    });
    map.addLayer({ id, type: 'raster', source: id, paint: { 'raster-opacity': tiles.opacity, 'raster-fade-duration': 0 } }, 'county-fill');
  }
}

export function setBasemapOpacity(map: MlMap, opacity: number): void {
  for (const l of map.getStyle().layers) if (l.id.startsWith(BASEMAP_PREFIX)) map.setPaintProperty(l.id, 'raster-opacity', opacity);
}
