// Tile addresses of the basemaps a planner can opt into. Every tile is requested through
// tile-protocol.ts, which fills these templates itself, so one syntax serves XYZ services,
// WMTS KVP GetTile addresses and 天地图 alike:
//   {z} {x} {y}                     XYZ (OSM/Google scheme, y from the north)
//   {-y}                            TMS row (y from the south: 2^z − 1 − y)
//   {TileMatrix} {TileRow} {TileCol} WMTS (OGC 07-057r7 §7.2.4.6; for the GoogleMapsCompatible /
//                                   EPSG:3857 matrix set these are z, y and x)
//   {s}                             one of the source's subdomains, the same for a tile every time
//   {key} (or {tk})                 the key kept in this browser (state/basemap-keys.ts)

import type { BasemapChoice, TiandituLayer } from '../state/basemap-choice';

export interface TileLayerSpec {
  /** Unique within a basemap; the MapLibre source and layer ids derive from it. */
  id: string;
  template: string;
  subdomains: readonly string[];
}

/** 天地图 serves each layer from t0 … t7 (天地图 Web 服务 API, WMTS 地址说明). */
const TIANDITU_SUBDOMAINS = ['0', '1', '2', '3', '4', '5', '6', '7'];

/**
 * 天地图 WMTS in Web Mercator (`_w` services, TILEMATRIXSET=w): `vec`/`img` the map, `cva`/`cia`
 * the matching annotation (place and road names) drawn over it.
 */
export function tiandituTemplate(layer: 'vec' | 'cva' | 'img' | 'cia'): string {
  return (
    `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}` +
    '&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}&tk={key}'
  );
}

const TIANDITU_PAIRS: Record<TiandituLayer, ['vec' | 'img', 'cva' | 'cia']> = { vec: ['vec', 'cva'], img: ['img', 'cia'] };

/** The tile layers of a choice, bottom first (none for a local file: see tile-protocol.ts). */
export function tileLayers(choice: BasemapChoice): TileLayerSpec[] {
  switch (choice.kind) {
    case 'tianditu':
      return TIANDITU_PAIRS[choice.layer].map((l) => ({ id: l, template: tiandituTemplate(l), subdomains: TIANDITU_SUBDOMAINS }));
    case 'xyz':
    case 'wmts':
      return [{ id: 'custom', template: choice.url, subdomains: subdomainsOf(choice.url) }];
    case 'pmtiles':
      return [];
  }
}

/** `{s}` of a custom address stands for a, b, c (the usual convention of XYZ services). */
function subdomainsOf(template: string): string[] {
  return template.includes('{s}') ? ['a', 'b', 'c'] : [];
}

/** The address of tile (z, x, y) from a template. */
export function tileUrl(layer: Pick<TileLayerSpec, 'template' | 'subdomains'>, z: number, x: number, y: number, key = ''): string {
  const s = layer.subdomains.length ? layer.subdomains[(x + y) % layer.subdomains.length] : '';
  const values: Record<string, string> = {
    z: String(z),
    x: String(x),
    y: String(y),
    '-y': String(2 ** z - 1 - y),
    TileMatrix: String(z),
    TileRow: String(y),
    TileCol: String(x),
    s,
    key: encodeURIComponent(key),
    tk: encodeURIComponent(key),
  };
  return layer.template.replace(/\{(-y|[A-Za-z]+)\}/g, (m, name: string) => values[name] ?? m);
}

/** Whether a template asks for a key ({key} or {tk}). */
export const needsKey = (template: string): boolean => /\{(key|tk)\}/.test(template);
