// Everything the app keeps between visits, as one versioned document: preferences (language,
// last region) and all settings (rule thresholds, park-cluster and county-overlap parameters,
// site-matching weights).
// The same reader checks the browser's copy and the CLI's `--settings` file, so both accept
// exactly the same documents and refuse the same mistakes.
//
// Versions (product model, "Saved state rules": validate on read, migrate, never discard):
//   1  localStorage `parkatlas:view` {version:1, lang, region, settings:{version:1, …rules}},
//      or a bare rule-settings object {version:1?, …rules} (settings panel / CLI files).
//   2  {version:2, lang?, region?, rules?, clusters?, overlap?}.
//   3  version 2 plus `basemaps?` — the basemap opted into per region or workspace
//      (basemap-choice.ts; never a key). A version 2 document has none: offline everywhere.
//   4  version 3 plus `matching?` — the 项目选址 weights and partner distance (match-settings.ts).
//      A version 3 document has none: the defaults apply.
// A version above SAVED_STATE_VERSION was written by a newer app: it is refused, not guessed at.

import {
  CLUSTER_SETTING_META,
  type ClusterSettings,
  DEFAULT_CLUSTER_SETTINGS,
  DEFAULT_OVERLAP_SETTINGS,
  OVERLAP_SETTING_META,
  type OverlapSettings,
} from '../analysis/review-settings';
import { DEFAULT_SETTINGS, type RuleSettings, type SettingMeta, mergeSettings } from '../analysis/settings';
import { DEFAULT_MATCH_SETTINGS, MATCH_SETTING_META, type MatchSettings, mergeMatchSettings } from '../analysis/match-settings';
import { type PlaceId, DEFAULT_REGION, placeIdOf } from '../data/regions';
import type { Lang } from '../i18n/dict';
import { type BasemapChoices, readBasemaps } from './basemap-choice';
import type { Notice } from './notice';

export const SAVED_STATE_VERSION = 4;

export interface SavedState {
  version: typeof SAVED_STATE_VERSION;
  lang: Lang;
  region: PlaceId;
  rules: RuleSettings;
  clusters: ClusterSettings;
  overlap: OverlapSettings;
  basemaps: BasemapChoices;
  matching: MatchSettings;
}

export const DEFAULT_SAVED_STATE: SavedState = {
  version: SAVED_STATE_VERSION,
  lang: 'zh',
  region: DEFAULT_REGION,
  rules: DEFAULT_SETTINGS,
  clusters: DEFAULT_CLUSTER_SETTINGS,
  overlap: DEFAULT_OVERLAP_SETTINGS,
  basemaps: {},
  matching: DEFAULT_MATCH_SETTINGS,
};

export interface ReadResult {
  /** Always usable: what could be read, defaults for the rest. */
  state: SavedState;
  /** One per refused value or document, naming the field. Empty when everything was read. */
  issues: Notice[];
  /** True when the whole document was refused (newer version, not JSON, not an object). */
  refused: boolean;
  /** Set when refused because a newer app wrote it: such a document must not be overwritten. */
  newerVersion?: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A rule-settings message from mergeSettings (written in Chinese) with its field named. */
function ruleIssue(message: string, where: Notice): Notice {
  return { zh: `${where.zh}：${message}`, en: `${where.en}: ${message}` };
}

function readNumbers<T extends object>(
  raw: unknown,
  metas: readonly (Omit<SettingMeta, 'key'> & { key: string })[],
  base: T,
  where: Notice,
  issues: Notice[],
): T {
  const out = { ...base } as Record<string, unknown>;
  if (raw === undefined) return base;
  if (!isObj(raw)) {
    issues.push({ zh: `${where.zh} 应为对象，已用默认值`, en: `${where.en} must be an object; defaults are used` });
    return base;
  }
  for (const [key, value] of Object.entries(raw)) {
    const meta = metas.find((m) => m.key === key);
    if (!meta) {
      if (!(key in out)) issues.push({ zh: `${where.zh}：未知的设置项 “${key}”`, en: `${where.en}: unknown setting "${key}"` });
      continue;
    }
    const ok = typeof value === 'number' && Number.isFinite(value) && value >= meta.min && value <= meta.max;
    if (!ok || (meta.integer && !Number.isInteger(value))) {
      issues.push({
        zh: `${where.zh}：“${key}”（${meta.labelZh}）应为 ${meta.min}–${meta.max} 之间的${meta.integer ? '整数' : '数'}，实际为 ${JSON.stringify(value)}，未采用`,
        en: `${where.en}: "${key}" (${meta.labelEn}) must be a ${meta.integer ? 'whole ' : ''}number from ${meta.min} to ${meta.max}, got ${JSON.stringify(value)}; it was not used`,
      });
      continue;
    }
    out[key] = value;
  }
  return out as T;
}

function readClusters(raw: unknown, where: Notice, issues: Notice[], base = DEFAULT_CLUSTER_SETTINGS): ClusterSettings {
  const c = readNumbers(raw, CLUSTER_SETTING_META, base, where, issues);
  const method = isObj(raw) ? raw.method : undefined;
  if (method !== undefined && method !== 'boundary' && method !== 'centroid') {
    issues.push({
      zh: `${where.zh}：“method” 应为 boundary 或 centroid，实际为 ${JSON.stringify(method)}，未采用`,
      en: `${where.en}: "method" must be boundary or centroid, got ${JSON.stringify(method)}; it was not used`,
    });
    return { ...c, method: base.method };
  }
  return method === undefined ? c : { ...c, method };
}

function readRules(raw: unknown, where: Notice, issues: Notice[]): RuleSettings {
  if (raw === undefined) return DEFAULT_SETTINGS;
  const { settings, errors } = mergeSettings(raw);
  for (const e of errors) issues.push(ruleIssue(e, where));
  return settings;
}

function readPreferences(doc: Obj, issues: Notice[]): Pick<SavedState, 'lang' | 'region'> {
  const lang = doc.lang === 'en' || doc.lang === 'zh' ? doc.lang : DEFAULT_SAVED_STATE.lang;
  if (doc.lang !== undefined && doc.lang !== lang) {
    issues.push({ zh: `语言 ${JSON.stringify(doc.lang)} 无效，已用中文`, en: `Language ${JSON.stringify(doc.lang)} is not valid; Chinese is used` });
  }
  const region = typeof doc.region === 'string' ? placeIdOf(doc.region) : undefined;
  if (doc.region !== undefined && !region) {
    issues.push({ zh: `地区 ${JSON.stringify(doc.region)} 未知，已用默认地区`, en: `Region ${JSON.stringify(doc.region)} is unknown; the default region is used` });
  }
  return { lang, region: region ?? DEFAULT_SAVED_STATE.region };
}

const PANEL = { zh: '设置', en: 'Settings' };

/**
 * A change from the layout review's panels, checked like the saved state: refused values keep
 * their current value and are reported. (The rule settings have mergeSettings.)
 */
export function mergeClusterSettings(patch: Partial<ClusterSettings>, base: ClusterSettings): { settings: ClusterSettings; issues: Notice[] } {
  const issues: Notice[] = [];
  return { settings: readClusters(patch, PANEL, issues, base), issues };
}

export function mergeOverlapSettings(patch: Partial<OverlapSettings>, base: OverlapSettings): { settings: OverlapSettings; issues: Notice[] } {
  const issues: Notice[] = [];
  return { settings: readNumbers(patch, OVERLAP_SETTING_META, base, PANEL, issues), issues };
}

/** Version 1 → 2: the saved view, or a bare rule-settings object, becomes a version 2 document. */
export function migrateV1(doc: Obj): Obj {
  if ('settings' in doc || 'lang' in doc || 'region' in doc) {
    const { version: _v, settings, ...prefs } = doc;
    const rules = isObj(settings) ? (({ version: _sv, ...r }) => r)(settings) : settings;
    return { ...prefs, version: 2, ...(rules === undefined ? {} : { rules }) };
  }
  const { version: _v, ...rules } = doc;
  return { version: 2, rules };
}

/** Version 2 → 3: nothing moves; version 2 had no basemaps (the app was offline only). */
export function migrateV2(doc: Obj): Obj {
  return { ...doc, version: 3 };
}

/** Version 3 → 4: nothing moves; version 3 had no matching settings (the defaults apply). */
export function migrateV3(doc: Obj): Obj {
  return { ...doc, version: 4 };
}

const V4_KEYS = ['version', 'lang', 'region', 'rules', 'clusters', 'overlap', 'basemaps', 'matching'];

/** The matching settings of a document: each value checked like the rest, then the weights as a whole. */
function readMatching(raw: unknown, where: Notice, issues: Notice[]): MatchSettings {
  const read = readNumbers(raw, MATCH_SETTING_META, DEFAULT_MATCH_SETTINGS, where, issues);
  const { settings, errors } = mergeMatchSettings(read, DEFAULT_MATCH_SETTINGS);
  for (const e of errors) issues.push(ruleIssue(e, where));
  return settings;
}

/**
 * Reads a saved-state document of any known version. `where` names the source in messages
 * (the browser's copy, or the CLI's file name).
 */
export function readSavedState(raw: unknown, where: Notice): ReadResult {
  const issues: Notice[] = [];
  const refuse = (n: Notice): ReadResult => ({ state: DEFAULT_SAVED_STATE, issues: [n], refused: true });
  if (!isObj(raw)) {
    return refuse({ zh: `${where.zh} 应为 JSON 对象，未读取`, en: `${where.en} must be a JSON object; it was not read` });
  }
  const version = raw.version ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuse({ zh: `${where.zh} 的版本 ${JSON.stringify(raw.version)} 无效，未读取`, en: `${where.en} has an invalid version ${JSON.stringify(raw.version)}; it was not read` });
  }
  if (version > SAVED_STATE_VERSION) {
    return {
      ...refuse({
        zh: `${where.zh} 由更新版本的程序保存（版本 ${version}，本程序最高支持版本 ${SAVED_STATE_VERSION}），未读取；请升级后再打开`,
        en: `${where.en} was saved by a newer version of the app (version ${version}; this one reads up to ${SAVED_STATE_VERSION}); it was not read — please upgrade`,
      }),
      newerVersion: version,
    };
  }
  const v2 = version === 1 ? migrateV1(raw) : raw;
  const v3 = version <= 2 ? migrateV2(v2) : v2;
  const doc = version <= 3 ? migrateV3(v3) : v3;
  for (const key of Object.keys(doc)) {
    if (!V4_KEYS.includes(key)) issues.push({ zh: `${where.zh}：未知的项 “${key}”`, en: `${where.en}: unknown entry "${key}"` });
  }
  const state: SavedState = {
    version: SAVED_STATE_VERSION,
    ...readPreferences(doc, issues),
    rules: readRules(doc.rules, where, issues),
    clusters: readClusters(doc.clusters, { zh: `${where.zh}·组团参数`, en: `${where.en} (clusters)` }, issues),
    overlap: readNumbers(doc.overlap, OVERLAP_SETTING_META, DEFAULT_OVERLAP_SETTINGS, { zh: `${where.zh}·同质化参数`, en: `${where.en} (overlap)` }, issues),
    basemaps: readBasemaps(doc.basemaps, { zh: `${where.zh}·底图`, en: `${where.en} (basemaps)` }, issues),
    matching: readMatching(doc.matching, { zh: `${where.zh}·选址权重`, en: `${where.en} (site matching)` }, issues),
  };
  return { state, issues, refused: false };
}

/** Reads a document from JSON text (a file may start with a UTF-8 BOM). */
export function parseSavedState(text: string, where: Notice): ReadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return {
      state: DEFAULT_SAVED_STATE,
      issues: [{ zh: `${where.zh} 不是有效的 JSON：${(e as Error).message}`, en: `${where.en} is not valid JSON: ${(e as Error).message}` }],
      refused: true,
    };
  }
  return readSavedState(raw, where);
}

export function savedStateToJson(s: SavedState): string {
  return JSON.stringify(s);
}

/** The part of Web Storage the app uses (localStorage satisfies it; tests pass a Map-backed one). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const STORAGE_KEY = 'parkatlas:state';
/** Where version 1 was kept; read once when nothing newer is stored. */
export const LEGACY_STORAGE_KEY = 'parkatlas:view';

export const BROWSER_SOURCE = { zh: '浏览器中保存的设置', en: 'the settings saved in this browser' } as const;

/** Reads what this browser saved (the newest key, else the version 1 key). */
export function loadSavedState(storage: KeyValueStorage): ReadResult {
  let text: string | null = null;
  try {
    text = storage.getItem(STORAGE_KEY) ?? storage.getItem(LEGACY_STORAGE_KEY);
  } catch {
    // Storage blocked (private mode, policy): start from defaults.
  }
  if (text === null) return { state: DEFAULT_SAVED_STATE, issues: [], refused: false };
  return parseSavedState(text, BROWSER_SOURCE);
}

/** Saves; returns false when the browser refused (full or blocked storage). */
export function storeSavedState(storage: KeyValueStorage, s: SavedState): boolean {
  try {
    storage.setItem(STORAGE_KEY, savedStateToJson(s));
    return true;
  } catch {
    return false;
  }
}
