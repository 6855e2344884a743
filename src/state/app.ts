// Application state and the actions the UI calls. Components never build SQL: they call these
// actions, which run analyses on the database and publish plain results to the store.

import type { FeatureCollection } from 'geojson';
import { type ParcelFilter, EMPTY_FILTER } from '../analysis/filters';
import { readCategories, readFilterMask } from '../analysis/findings-columns';
import { runLandRules } from '../analysis/run-land-rules';
import { DEFAULT_SETTINGS, type RuleSettings, mergeSettings } from '../analysis/settings';
import {
  type GroupSummary,
  type YearDisposalRow,
  countySummaryQuery,
  groupSummaries,
  idleBySupplyYear,
  parkSummaryQuery,
  totalsQuery,
} from '../analysis/group-summary';
import { type ListedParcel, type ParcelDetail, findPidx, parcelCenter, parcelDetail, parcelList } from '../analysis/parcel-lookup';
import type { Db } from '../data/db';
import { type ParcelShapes, readParcelShapes } from '../data/parcel-shapes';
import { type RegionId, DEFAULT_REGION, regionById } from '../data/regions';
import { ImportFailed, formatIssue } from '../data/import/issues';
import { type RegionFiles, parseRegionFiles, storeRegion } from '../data/import/region';
import { warmUpEngine } from '../analysis/warm-up';
import { scaleUpParcels } from '../data/scale-up';
import type { Lang } from '../i18n/dict';
import { createStore } from './store';

export const VIEW_VERSION = 1;

/** What is saved in the browser between visits. */
export interface SavedView {
  version: typeof VIEW_VERSION;
  lang: Lang;
  region: RegionId;
  settings: RuleSettings;
}

export interface ParkOption {
  park_id: string;
  name: string;
  county: string;
}

export type Mode = 'idle' | 'workbench' | 'layout';

export interface AppState {
  mode: Mode;
  lang: Lang;
  region: RegionId;
  asOf: string;
  settings: RuleSettings;
  filter: ParcelFilter;
  phase: 'loading' | 'ready' | 'error';
  message: string | null;
  boundaries: FeatureCollection | null;
  parks: FeatureCollection | null;
  parkOptions: ParkOption[];
  countyOptions: string[];
  shapes: ParcelShapes | null;
  categories: Uint8Array | null;
  mask: Uint8Array | null;
  revision: number;
  totals: GroupSummary | null;
  byCounty: GroupSummary[];
  byPark: GroupSummary[];
  list: ListedParcel[];
  bySupplyYear: YearDisposalRow[];
  selected: ParcelDetail | null;
  /** Database jobs queued or running; the UI shows a busy mark while > 0. */
  pending: number;
  /** Why the last settings change was refused, if it was. */
  settingsErrors: string[];
}

const STORAGE_KEY = 'parkatlas:view';

export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function readSaved(): Partial<SavedView> {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return {};
    const v = JSON.parse(raw) as Partial<SavedView>;
    if (v.version !== VIEW_VERSION) return {};
    return v;
  } catch {
    return {};
  }
}

function initialState(): AppState {
  const saved = readSaved();
  const params = new URLSearchParams(location.search);
  const region = (regionById(params.get('region') ?? '')?.id ?? regionById(saved.region ?? '')?.id ?? DEFAULT_REGION) as RegionId;
  const langParam = params.get('lang');
  const lang: Lang = langParam === 'en' || langParam === 'zh' ? langParam : saved.lang === 'en' ? 'en' : 'zh';
  const asOfParam = params.get('asOf');
  const asOf = asOfParam && /^\d{4}-\d{2}-\d{2}$/.test(asOfParam) ? asOfParam : todayIso();
  const modeParam = params.get('mode');
  const mode: Mode = modeParam === 'workbench' || modeParam === 'layout' ? modeParam : 'idle';
  return {
    mode,
    lang,
    region,
    asOf,
    settings: mergeSettings(saved.settings ?? {}).settings,
    filter: EMPTY_FILTER,
    phase: 'loading',
    message: null,
    boundaries: null,
    parks: null,
    parkOptions: [],
    countyOptions: [],
    shapes: null,
    categories: null,
    mask: null,
    revision: 0,
    totals: null,
    byCounty: [],
    byPark: [],
    list: [],
    bySupplyYear: [],
    selected: null,
    pending: 0,
    settingsErrors: [],
  };
}

export const store = createStore<AppState>(initialState());

function save(): void {
  const s = store.get();
  const view: SavedView = { version: VIEW_VERSION, lang: s.lang, region: s.region, settings: s.settings };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(view));
  } catch {
    // Private mode or full storage: the app works, it just will not remember.
  }
}

export interface Services {
  openDb(): Promise<Db>;
  fetchBoundaries(region: RegionId): Promise<FeatureCollection>;
  fetchDemoFiles(region: RegionId): Promise<RegionFiles>;
}

let services: Services;
let db: Db;
/** Serialises database work so results are applied in the order actions were taken. */
let queue: Promise<unknown> = Promise.resolve();
let generation = 0;

function enqueue<T>(job: () => Promise<T>): Promise<T> {
  store.set({ pending: store.get().pending + 1 });
  const run = queue.then(job, job).finally(() => store.set({ pending: store.get().pending - 1 }));
  queue = run.catch(() => undefined);
  return run;
}

function fail(e: unknown): void {
  const message =
    e instanceof ImportFailed ? e.issues.slice(0, 20).map(formatIssue).join('\n') : e instanceof Error ? e.message : String(e);
  console.error(e);
  store.set({ phase: 'error', message });
}

async function refreshFiltered(): Promise<void> {
  const s = store.get();
  const [mask, totals, byCounty, byPark, list] = [
    await readFilterMask(db, s.filter),
    await groupSummaries(db, totalsQuery(s.filter)),
    await groupSummaries(db, countySummaryQuery(s.filter)),
    await groupSummaries(db, parkSummaryQuery(s.filter)),
    await parcelList(db, s.filter),
  ];
  const bySupplyYear = await idleBySupplyYear(db, s.filter);
  const selected = s.selected ? await parcelDetail(db, s.selected.pidx) : null;
  store.set({
    mask,
    totals: totals[0] ?? null,
    byCounty,
    byPark,
    list,
    bySupplyYear,
    selected,
    revision: store.get().revision + 1,
  });
}

async function recompute(): Promise<void> {
  const s = store.get();
  await runLandRules(db, s.asOf, s.settings);
  const categories = await readCategories(db);
  store.set({ categories });
  await refreshFiltered();
}

async function loadRegion(
  region: RegionId,
  prefetched?: Promise<[FeatureCollection, RegionFiles]>,
  warm?: Promise<void>,
): Promise<void> {
  const gen = ++generation;
  store.set({ phase: 'loading', message: null, selected: null });
  const [boundaries, files] = await (prefetched ??
    Promise.all([services.fetchBoundaries(region), services.fetchDemoFiles(region)]));
  // Validation runs on the main thread while the database worker warms up.
  const parsed = parseRegionFiles(files);
  await warm;
  await storeRegion(db, parsed);
  if (gen !== generation) return;
  // `?scale=N` tiles the demo N times (benchmarks of the 1,000,000-parcel path).
  const scale = Number(new URLSearchParams(location.search).get('scale') ?? '1');
  if (Number.isInteger(scale) && scale > 1 && scale <= 1000) await scaleUpParcels(db, scale);
  performance.mark('pa:data-loaded');
  const parks = JSON.parse(files.parks.text) as FeatureCollection;
  const parkOptions = parks.features
    .map((f) => ({
      park_id: String(f.properties?.park_id ?? ''),
      name: String(f.properties?.name ?? ''),
      county: String(f.properties?.county ?? ''),
    }))
    .sort((a, b) => a.county.localeCompare(b.county, 'zh') || a.name.localeCompare(b.name, 'zh'));
  const countyOptions = boundaries.features.map((f) => String(f.properties?.county ?? f.properties?.name ?? ''));
  const shapes = await readParcelShapes(db);
  store.set({ region, boundaries, parks, parkOptions, countyOptions, shapes, filter: EMPTY_FILTER });
  await recompute();
  performance.mark('pa:rules-done');
  store.set({ phase: 'ready' });
}

export async function start(s: Services): Promise<void> {
  services = s;
  try {
    const region = store.get().region;
    // Fetch the demo while DuckDB-WASM instantiates; neither needs the other.
    const prefetched = Promise.all([s.fetchBoundaries(region), s.fetchDemoFiles(region)]);
    prefetched.catch(() => undefined);
    db = await s.openDb();
    performance.mark('pa:duckdb-ready');
    const warm = warmUpEngine(db).catch((e) => console.warn('warm-up failed', e));
    await enqueue(() => loadRegion(region, prefetched, warm));
  } catch (e) {
    fail(e);
  }
}

export function setRegion(region: RegionId): Promise<void> {
  store.set({ region });
  save();
  return enqueue(() => loadRegion(region)).catch(fail);
}

export function setAsOf(asOf: string): Promise<void> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return Promise.resolve();
  store.set({ asOf });
  return enqueue(recompute).catch(fail);
}

/** Applies a settings change; returns the reasons it was refused (Chinese), empty when applied. */
export function setSettings(patch: Partial<RuleSettings>): Promise<string[]> {
  const { settings, errors } = mergeSettings(patch, store.get().settings);
  store.set({ settings, settingsErrors: errors });
  if (errors.length > 0 && JSON.stringify(settings) === JSON.stringify(store.get().settings)) {
    return Promise.resolve(errors);
  }
  save();
  return enqueue(recompute)
    .then(() => errors)
    .catch((e) => {
      fail(e);
      return errors;
    });
}

export function resetSettings(): Promise<void> {
  store.set({ settings: DEFAULT_SETTINGS, settingsErrors: [] });
  save();
  return enqueue(recompute).catch(fail);
}

export function setFilter(patch: Partial<ParcelFilter>): Promise<void> {
  store.set({ filter: { ...store.get().filter, ...patch } });
  return enqueue(refreshFiltered).catch(fail);
}

export function clearFilter(): Promise<void> {
  return setFilter(EMPTY_FILTER);
}

export function setLang(lang: Lang): void {
  store.set({ lang });
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  save();
}

export function selectParcel(pidx: number | null): Promise<void> {
  if (pidx === null) {
    store.set({ selected: null });
    return Promise.resolve();
  }
  return enqueue(async () => {
    store.set({ selected: await parcelDetail(db, pidx) });
  }).catch(fail);
}

export function selectParcelById(parcelId: string): Promise<boolean> {
  return enqueue(async () => {
    const pidx = await findPidx(db, parcelId);
    store.set({ selected: pidx === null ? null : await parcelDetail(db, pidx) });
    return pidx !== null;
  });
}

/** Short facts for the hover tooltip. */
export function hoverInfo(pidx: number): Promise<ParcelDetail | null> {
  return enqueue(() => parcelDetail(db, pidx));
}

/** Label point of a parcel (for tests and “zoom to parcel”). */
export function locateParcel(parcelId: string): Promise<{ pidx: number; cx: number; cy: number } | null> {
  return enqueue(() => parcelCenter(db, parcelId));
}

export function setMode(mode: Mode): void {
  store.set({ mode });
}

/** Runs a database job in order with the app's own (for other state modules). */
export function runDb<T>(job: (db: Db) => Promise<T>): Promise<T> {
  return enqueue(() => job(db));
}
