// Every basemap tile goes through one MapLibre protocol (`pa-basemap://<source>/<z>/<x>/<y>`),
// so the app fills the templates itself (tile-url.ts), reads local .pmtiles files, and shifts
// GCJ-02 tiles onto WGS84 (gcj-tiles.ts) — a tile is then an ImageBitmap drawn from the GCJ-02
// tiles covering its shifted extent. Nothing is requested until a source is registered, which
// only happens when the planner picks a basemap.

import maplibregl from 'maplibre-gl';
import { FileSource, PMTiles, TileType } from 'pmtiles';
import { TILE_SIZE, gcjTilePlan } from './gcj-tiles';
import { type TileLayerSpec, tileUrl } from './tile-url';

export const PROTOCOL = 'pa-basemap';

/** Returns the decoded tile, or null where the source has none (drawn transparent). */
export type TileFetcher = (z: number, x: number, y: number, signal: AbortSignal) => Promise<ImageBitmap | null>;

interface Registered {
  fetch: TileFetcher;
  gcj: boolean;
}

const sources = new Map<string, Registered>();
let installed = false;

export function registerTiles(id: string, fetch: TileFetcher, gcj: boolean): void {
  install();
  sources.set(id, { fetch, gcj });
}

export function unregisterTiles(id: string): void {
  sources.delete(id);
}

export const protocolUrl = (id: string): string => `${PROTOCOL}://${id}/{z}/{x}/{y}`;

function install(): void {
  if (installed) return;
  installed = true;
  maplibregl.addProtocol(PROTOCOL, async (params, abort) => {
    const m = /^[\w-]+:\/\/([^/]+)\/(\d+)\/(\d+)\/(\d+)$/.exec(params.url);
    const src = m ? sources.get(m[1]) : undefined;
    if (!m || !src) throw new Error(`unknown basemap tile ${params.url}`);
    const [z, x, y] = [Number(m[2]), Number(m[3]), Number(m[4])];
    const tile = src.gcj ? await shiftedTile(src.fetch, z, x, y, abort.signal) : await src.fetch(z, x, y, abort.signal);
    return { data: tile ?? (await emptyTile()) };
  });
}

/** The WGS84 tile drawn from the GCJ-02 tiles under it; tiles the source lacks stay transparent. */
async function shiftedTile(fetch: TileFetcher, z: number, x: number, y: number, signal: AbortSignal): Promise<ImageBitmap | null> {
  const plan = gcjTilePlan(z, x, y);
  const images = await Promise.all(plan.map((d) => fetch(d.z, d.x, d.y, signal)));
  if (images.every((i) => i === null)) return null;
  const canvas = new OffscreenCanvas(TILE_SIZE, TILE_SIZE);
  const ctx = canvas.getContext('2d')!;
  plan.forEach((d, i) => {
    const img = images[i];
    if (img) ctx.drawImage(img, d.dx, d.dy, d.width, d.height);
    img?.close();
  });
  return canvas.transferToImageBitmap();
}

function emptyTile(): Promise<ImageBitmap> {
  return createImageBitmap(new ImageData(1, 1));
}

/** Tiles of a template over HTTP. A failed tile rejects (MapLibre reports it; the map shows a notice). */
export function httpFetcher(layer: TileLayerSpec, key: string): TileFetcher {
  return async (z, x, y, signal) => {
    const url = tileUrl(layer, z, x, y, key);
    // No cookies. The referrer stays the browser default (the page's origin cross-site): 天地图
    // "浏览器端" keys are bound to the domains listed for them and checked against it.
    const res = await fetch(url, { signal, credentials: 'omit' });
    if (res.status === 404 || res.status === 204) return null;
    if (!res.ok) throw new Error(`HTTP ${res.status} ${new URL(url).host}`);
    return createImageBitmap(await res.blob());
  };
}

export interface LocalArchive {
  name: string;
  minZoom: number;
  maxZoom: number;
  fetch: TileFetcher;
}

/** Why a .pmtiles file cannot be a raster basemap, or null. */
export type ArchiveProblem = 'vector' | 'unknownType' | 'unreadable';

const RASTER_TYPES = new Set([TileType.Png, TileType.Jpeg, TileType.Webp, TileType.Avif]);

/** Opens a .pmtiles file picked by the planner: read in place by byte ranges, never uploaded. */
export async function openArchive(file: File): Promise<LocalArchive | { problem: ArchiveProblem; detail?: string }> {
  const archive = new PMTiles(new FileSource(file));
  let header;
  try {
    header = await archive.getHeader();
  } catch (e) {
    return { problem: 'unreadable', detail: (e as Error).message };
  }
  if (header.tileType === TileType.Mvt || header.tileType === TileType.Mlt) return { problem: 'vector' };
  if (!RASTER_TYPES.has(header.tileType)) return { problem: 'unknownType' };
  return {
    name: file.name,
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    fetch: async (z, x, y, signal) => {
      const r = await archive.getZxy(z, x, y, signal);
      return r ? createImageBitmap(new Blob([r.data])) : null;
    },
  };
}
