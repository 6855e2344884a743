// From a saved basemap choice to the tile layers drawn (basemap.ts): 天地图 and custom services
// over HTTP with the browser's key, a picked .pmtiles file from memory. A file cannot be saved
// with the choice, so after a reload the planner is asked to pick it again.

import type { BasemapChoice } from '../state/basemap-choice';
import type { BasemapTiles } from './basemap';
import { type LocalArchive, httpFetcher } from './tile-protocol';
import { tileLayers } from './tile-url';

/** 天地图 and most services stop at zoom 18; MapLibre enlarges their tiles beyond. */
const ONLINE_MAX_ZOOM = 18;

let archive: LocalArchive | null = null;
let generation = 0;

/** The .pmtiles file picked in this page (kept for the page's lifetime only). */
export function setLocalArchive(a: LocalArchive | null): void {
  archive = a;
}

export type TilesProblem = 'noKey' | 'fileMissing';

export function basemapTiles(choice: BasemapChoice, keyOf: (name: 'tianditu' | 'custom') => string): BasemapTiles | { problem: TilesProblem } {
  const gcj = choice.crs === 'gcj02';
  generation += 1;
  if (choice.kind === 'pmtiles') {
    if (!archive || archive.name !== choice.fileName) return { problem: 'fileMissing' };
    return { generation, opacity: choice.opacity, layers: [{ id: 'file', fetch: archive.fetch, gcj, minZoom: archive.minZoom, maxZoom: archive.maxZoom }] };
  }
  const key = keyOf(choice.kind === 'tianditu' ? 'tianditu' : 'custom');
  if (choice.kind === 'tianditu' && !key) return { problem: 'noKey' };
  return {
    generation,
    opacity: choice.opacity,
    layers: tileLayers(choice).map((l) => ({ id: l.id, fetch: httpFetcher(l, key), gcj, maxZoom: ONLINE_MAX_ZOOM })),
  };
}
