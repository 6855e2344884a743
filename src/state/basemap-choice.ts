// The basemap a planner opted into for a workspace or demo region, as saved (saved-state.ts,
// version 3). The app is offline by default: a region without an entry has no basemap and the
// map requests nothing. Keys (天地图 tk, a token in a custom address) are never part of a
// choice — they stay in this browser (basemap-keys.ts) — so workspace files and share links
// built from the saved state cannot carry them.

import type { Notice } from './notice';

/** Coordinates of the tiles: WGS84/CGCS2000 (天地图, most 政务地图) or GCJ-02 (高德/腾讯-style). */
export type TileCrs = 'wgs84' | 'gcj02';

export type TiandituLayer = 'vec' | 'img';

export type BasemapChoice =
  | { kind: 'tianditu'; layer: TiandituLayer; crs: TileCrs; opacity: number }
  /** `url`: an XYZ template ({z} {x} {y}, optional {-y} {s} {key}). */
  | { kind: 'xyz'; url: string; crs: TileCrs; opacity: number; attribution: string }
  /** `url`: a WMTS KVP GetTile template ({TileMatrix} {TileRow} {TileCol}, optional {key}). */
  | { kind: 'wmts'; url: string; crs: TileCrs; opacity: number; attribution: string }
  /** A `.pmtiles` file picked in this browser; only its name is saved (files are read, never uploaded). */
  | { kind: 'pmtiles'; fileName: string; crs: TileCrs; opacity: number; attribution: string };

export type BasemapKind = BasemapChoice['kind'];

/** Region or workspace id → its basemap. */
export type BasemapChoices = Readonly<Record<string, BasemapChoice>>;

export const DEFAULT_OPACITY = 1;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Query parameters that carry a key or token; their values are moved out of saved addresses. */
const SECRET_PARAMS = /([?&](?:tk|key|token|access_token|apikey|api_key)=)([^&#{]+)/gi;

/**
 * An address with its key taken out: the value of a tk/key/token parameter becomes `{key}`
 * and is returned apart, to be kept in this browser only.
 */
export function withoutSecret(url: string): { url: string; secret: string | null } {
  let secret: string | null = null;
  const cleaned = url.replace(SECRET_PARAMS, (_m, name: string, value: string) => {
    secret ??= decodeURIComponent(value);
    return `${name}{key}`;
  });
  return { url: cleaned, secret };
}

/** A template MapLibre can request tiles with: http(s), with all three tile numbers. */
export function templateProblem(kind: 'xyz' | 'wmts', url: string): Notice | null {
  if (!/^https?:\/\//i.test(url)) {
    return { zh: '地址应以 http 或 https 协议开头', en: 'The address must use the http or https scheme' };
  }
  const needed = kind === 'xyz' ? ['{z}', '{x}', ['{y}', '{-y}']] : ['{TileMatrix}', '{TileRow}', '{TileCol}'];
  const missing = needed.filter((n) => (Array.isArray(n) ? !n.some((m) => url.includes(m)) : !url.includes(n))).map((n) => (Array.isArray(n) ? n[0] : n));
  if (missing.length) {
    return { zh: `地址中缺少 ${missing.join('、')}`, en: `The address lacks ${missing.join(', ')}` };
  }
  return null;
}

function readOne(raw: unknown, where: Notice): { choice: BasemapChoice | null; issue: Notice | null } {
  const bad = (zh: string, en: string) => ({ choice: null, issue: { zh: `${where.zh}：${zh}，未采用`, en: `${where.en}: ${en}; it was not used` } });
  if (!isObj(raw)) return bad('应为对象', 'must be an object');
  const crs = raw.crs ?? 'wgs84';
  if (crs !== 'wgs84' && crs !== 'gcj02') return bad(`坐标系 “crs” 应为 wgs84 或 gcj02，实际为 ${JSON.stringify(raw.crs)}`, `"crs" must be wgs84 or gcj02, got ${JSON.stringify(raw.crs)}`);
  const opacity = raw.opacity ?? DEFAULT_OPACITY;
  if (typeof opacity !== 'number' || !(opacity >= 0 && opacity <= 1)) {
    return bad(`不透明度 “opacity” 应为 0–1 之间的数，实际为 ${JSON.stringify(raw.opacity)}`, `"opacity" must be a number from 0 to 1, got ${JSON.stringify(raw.opacity)}`);
  }
  const attribution = typeof raw.attribution === 'string' ? raw.attribution : '';
  switch (raw.kind) {
    case 'tianditu':
      if (raw.layer !== 'vec' && raw.layer !== 'img') return bad(`天地图图层 “layer” 应为 vec 或 img，实际为 ${JSON.stringify(raw.layer)}`, `the Tianditu "layer" must be vec or img, got ${JSON.stringify(raw.layer)}`);
      return { choice: { kind: 'tianditu', layer: raw.layer, crs, opacity }, issue: null };
    case 'xyz':
    case 'wmts': {
      if (typeof raw.url !== 'string') return bad('缺少瓦片地址 “url”', 'the tile address "url" is missing');
      const problem = templateProblem(raw.kind, raw.url);
      if (problem) return bad(`瓦片地址 “url”：${problem.zh}`, `the tile address "url": ${problem.en}`);
      // A key pasted into an address never stays in a saved document.
      return { choice: { kind: raw.kind, url: withoutSecret(raw.url).url, crs, opacity, attribution }, issue: null };
    }
    case 'pmtiles':
      if (typeof raw.fileName !== 'string' || raw.fileName === '') return bad('缺少文件名 “fileName”', 'the file name "fileName" is missing');
      return { choice: { kind: 'pmtiles', fileName: raw.fileName, crs, opacity, attribution }, issue: null };
    default:
      return bad(`未知的底图类型 “kind” ${JSON.stringify(raw.kind)}`, `unknown basemap "kind" ${JSON.stringify(raw.kind)}`);
  }
}

/** The `basemaps` entry of a saved document: each region's choice checked on its own. */
export function readBasemaps(raw: unknown, where: Notice, issues: Notice[]): BasemapChoices {
  if (raw === undefined) return {};
  if (!isObj(raw)) {
    issues.push({ zh: `${where.zh} 应为对象，已忽略`, en: `${where.en} must be an object; it was ignored` });
    return {};
  }
  const out: Record<string, BasemapChoice> = {};
  for (const [region, value] of Object.entries(raw)) {
    const { choice, issue } = readOne(value, { zh: `${where.zh}·${region}`, en: `${where.en} (${region})` });
    if (choice) out[region] = choice;
    if (issue) issues.push(issue);
  }
  return out;
}
