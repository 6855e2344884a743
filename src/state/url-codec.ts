// The view ⇄ the address bar's query string. Encoding is canonical (same view, same string), so
// comparing strings tells whether the address must change. Decoding never fails: a parameter
// that is unknown or invalid is replaced by the nearest valid value and reported, so a mistyped
// or outdated link still opens a usable view.
//
// Parameters: region, lang, asOf (YYYY-MM-DD; absent = today), mode (idle|workbench|layout),
// county, park, status, idle, disposal, year, quality (filters; repeated for several values),
// parcel (selected parcel id), wall=1 (大屏), at=lng,lat,zoom[,bearing,pitch] (the camera),
// group (promotion group), cluster (park cluster id), chain and node (layout review), hide
// (layers hidden, comma-separated), t (the time bar's date, YYYY-MM-DD; absent = bar closed)
// and scale=N (tiles the demo N times, benchmarks).
// Ids that only the loaded data can check (group, chain, node, cluster) are checked when it is
// loaded, and dropped there with a note when the place lacks them.

import { type ParcelFilter, EMPTY_FILTER } from '../analysis/filters';
import { DISPOSALS, IDLE_TYPES, PARCEL_STATUSES } from '../data/contract';
import { placeIdOf } from '../data/regions';
import { cameraFromParam, cameraToParam } from './camera';
import type { Notice } from './notice';
import { type View, DEFAULT_VIEW, MODES, isIsoDate } from './view';
import { ALL_LAYERS, LAYER_KEYS } from './layers';

/** Address parameters that are not part of the view but must survive its rewrites. */
export interface UrlExtras {
  /** `?scale=N`, 2–1000, or null. */
  scale: number | null;
}

export const NO_EXTRAS: UrlExtras = { scale: null };

type ListKey = Exclude<keyof ParcelFilter, 'supplyYears'>;

/** Filter fields and their URL names; a null vocabulary means "checked against the loaded data". */
const LIST_PARAMS: readonly { key: ListKey; param: string; allowed: readonly string[] | null }[] = [
  { key: 'counties', param: 'county', allowed: null },
  { key: 'parkIds', param: 'park', allowed: null },
  { key: 'statuses', param: 'status', allowed: PARCEL_STATUSES },
  { key: 'idleTypes', param: 'idle', allowed: IDLE_TYPES },
  { key: 'disposals', param: 'disposal', allowed: DISPOSALS },
  { key: 'quality', param: 'quality', allowed: ['missing'] },
];

export function viewToSearch(view: View, extras: UrlExtras = NO_EXTRAS): string {
  const p = new URLSearchParams();
  p.set('region', view.region);
  p.set('lang', view.lang);
  if (view.asOf !== 'today') p.set('asOf', view.asOf);
  if (view.mode !== 'idle') p.set('mode', view.mode);
  for (const { key, param } of LIST_PARAMS) for (const v of view.filter[key]) p.append(param, v);
  for (const y of view.filter.supplyYears) p.append('year', String(y));
  if (view.parcel !== null) p.set('parcel', view.parcel);
  if (view.wall) p.set('wall', '1');
  if (view.camera !== null) p.set('at', cameraToParam(view.camera));
  if (view.group !== null) p.set('group', view.group);
  if (view.cluster !== null) p.set('cluster', String(view.cluster));
  if (view.chain !== null) p.set('chain', view.chain);
  if (view.node !== null) p.set('node', view.node);
  const hidden = LAYER_KEYS.filter((k) => !view.layers[k]);
  if (hidden.length > 0) p.set('hide', hidden.join(','));
  if (view.timeline !== null) p.set('t', view.timeline);
  if (extras.scale !== null) p.set('scale', String(extras.scale));
  return `?${p.toString()}`;
}

export interface DecodedUrl {
  /** The whole view: an absent parameter means its default (no filter, today, idle view…). */
  view: View;
  extras: UrlExtras;
  /** One per parameter that was replaced by a valid value. */
  issues: Notice[];
}

function refused(param: string, value: string, insteadZh: string, insteadEn: string): Notice {
  return {
    zh: `地址参数 ${param}=“${value}” 无效，已改为${insteadZh}`,
    en: `Address parameter ${param}="${value}" is not valid; ${insteadEn} is shown instead`,
  };
}

/**
 * Reads a query string. Region and language, when absent or invalid, come from `fallback`
 * (the saved preferences); every other absent parameter takes its default.
 */
export function viewFromSearch(search: string, fallback: Pick<View, 'region' | 'lang'>): DecodedUrl {
  const p = new URLSearchParams(search);
  const view: View = { ...DEFAULT_VIEW, region: fallback.region, lang: fallback.lang, filter: { ...EMPTY_FILTER } };
  const issues: Notice[] = [];

  const region = p.get('region');
  if (region !== null) {
    const r = placeIdOf(region);
    if (r) view.region = r;
    else issues.push(refused('region', region, '上次使用的地区', 'the last used region'));
  }
  const lang = p.get('lang');
  if (lang !== null) {
    if (lang === 'zh' || lang === 'en') view.lang = lang;
    else issues.push(refused('lang', lang, '上次使用的语言', 'the last used language'));
  }
  const asOf = p.get('asOf');
  if (asOf !== null) {
    if (isIsoDate(asOf)) view.asOf = asOf;
    else {
      view.asOf = 'today';
      if (asOf !== 'today') issues.push(refused('asOf', asOf, '今天', 'today'));
    }
  }
  const mode = p.get('mode');
  if (mode !== null) {
    const m = MODES.find((x) => x === mode);
    if (m) view.mode = m;
    else issues.push(refused('mode', mode, '闲置用地', 'the idle-land view'));
  }

  const filter = view.filter;
  for (const { key, param, allowed } of LIST_PARAMS) {
    const values = p.getAll(param).filter((v) => v !== '');
    const kept = allowed ? values.filter((v) => allowed.includes(v)) : values;
    for (const v of values) if (!kept.includes(v)) issues.push(refused(param, v, '不按此项筛选', 'no filter on it'));
    filter[key] = [...new Set(kept)];
  }
  const years: number[] = [];
  for (const y of p.getAll('year')) {
    const n = Number(y);
    if (/^\d{4}$/.test(y) && Number.isInteger(n)) years.push(n);
    else issues.push(refused('year', y, '不按此项筛选', 'no filter on it'));
  }
  filter.supplyYears = [...new Set(years)];

  const parcel = p.get('parcel');
  if (parcel !== null && parcel !== '') view.parcel = parcel;
  view.wall = p.get('wall') === '1';
  const at = p.get('at');
  if (at !== null && at !== '') {
    view.camera = cameraFromParam(at);
    if (!view.camera) issues.push(refused('at', at, '整个地区的视图', 'the whole region'));
  }

  const text = (k: string) => {
    const v = p.get(k);
    return v !== null && v.trim() !== '' ? v : null;
  };
  view.group = text('group');
  view.chain = text('chain');
  view.node = text('node');
  const cluster = text('cluster');
  if (cluster !== null) {
    const n = Number(cluster);
    if (Number.isInteger(n) && n >= 1) view.cluster = n;
    else issues.push(refused('cluster', cluster, '不选组团', 'no cluster'));
  }
  const hide = text('hide');
  if (hide !== null) {
    const layers = { ...ALL_LAYERS };
    for (const h of hide.split(',')) {
      const k = LAYER_KEYS.find((x) => x === h.trim());
      if (k) layers[k] = false;
      else issues.push(refused('hide', h, '显示该图层', 'the layer shown'));
    }
    view.layers = layers;
  }

  const t = text('t');
  if (t !== null) {
    if (isIsoDate(t)) view.timeline = t;
    else issues.push(refused('t', t, '不打开时间轴', 'the time bar closed'));
  }

  let scale: number | null = null;
  const s = p.get('scale');
  if (s !== null) {
    const n = Number(s);
    // The 1,000,000-parcel benchmark is 777 × the 德州 demo; 1000 bounds the memory used.
    if (Number.isInteger(n) && n >= 2 && n <= 1000) scale = n;
    else if (s !== '1') issues.push(refused('scale', s, '原始数据（不平铺）', 'the data as loaded (no tiling)'));
  }
  return { view, extras: { scale }, issues };
}

/**
 * How the address follows a view change: a navigation (another mode, region or selected
 * parcel) gets its own history entry so Back returns to it; a continuous change (date,
 * filters, language, wall screen) replaces the current entry.
 */
export function historyMode(prev: View, next: View): 'push' | 'replace' {
  return prev.mode !== next.mode || prev.region !== next.region || prev.parcel !== next.parcel || prev.group !== next.group ? 'push' : 'replace';
}
