// The running state layer in Node: DuckDB-WASM for Node, tiny regions with known answers
// (helpers/tiny-regions.ts) and fake storage, address bar and tracking store. Checks the
// sequencing: the last of fast changes wins and no result from stale inputs is ever shown.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/data/duckdb-node';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import type { AppState } from '../../src/state/app-state';
import { type App, createApp } from '../../src/state/runtime';
import { LEGACY_STORAGE_KEY, STORAGE_KEY } from '../../src/state/saved-state';
import { type FakeEffects, type FakeOptions, fakeEffects } from './helpers/fake-effects';
import { tinyRegion } from './helpers/tiny-regions';

// One database for the file: every app loads its region first, which replaces all its tables.
let db: Awaited<ReturnType<typeof openNodeDb>>;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(() => db?.close());

let open: FakeEffects[] = [];
afterEach(() => {
  for (const fx of open) fx.close();
  open = [];
});

async function boot(opts: FakeOptions = {}): Promise<{ app: App; fx: FakeEffects; seen: AppState[] }> {
  const fx = fakeEffects({ files: tinyRegion, search: '?asOf=2026-06-30', db, ...opts });
  open.push(fx);
  const app = createApp(fx);
  const seen: AppState[] = [];
  app.store.subscribe(() => seen.push(app.store.get()));
  await app.start();
  await app.settled();
  return { app, fx, seen };
}

const ids = (s: AppState) => s.list.map((p) => `${p.parcel_id}:${p.disposal}`).sort();
const saved = (fx: FakeEffects) => JSON.parse(fx.stored.get(STORAGE_KEY) ?? '{}');

describe('start-up', () => {
  it('loads the region from the address, computes the figures and writes the canonical address', async () => {
    const { app, fx } = await boot();
    const s = app.store.get();
    expect(s.phase).toBe('ready');
    expect(ids(s)).toEqual(['P1:fee', 'P2:recovery', 'P3:none']);
    expect(s.totals).toMatchObject({ parcels: 3, idle: 2, inefficient: 1 });
    expect(fx.address.search()).toBe('?region=dezhou&lang=zh&asOf=2026-06-30');
    expect(fx.address.pushes).toBe(0);
    expect(fx.marks.filter((m) => m !== 'pa:place-ready')).toEqual(['pa:duckdb-ready', 'pa:data-loaded', 'pa:rules-start', 'pa:rules-done', 'pa:figures-start', 'pa:filter-mask', 'pa:figures-done']);
    expect(fx.marks.filter((m) => m === 'pa:place-ready')).toHaveLength(1);
    expect(s.pending).toBe(0);
  });

  it('migrates version 1 settings from localStorage and applies them', async () => {
    const v1 = { version: 1, lang: 'en', region: 'dezhou', settings: { ...DEFAULT_SETTINGS, idleYears: 2 } };
    const { app } = await boot({ stored: { [LEGACY_STORAGE_KEY]: JSON.stringify(v1) } });
    const s = app.store.get();
    expect(s.lang).toBe('en');
    expect(s.settings.idleYears).toBe(2);
    // P1 has been idle 1.5 years: not idle at two.
    expect(ids(s)).toEqual(['P1:none', 'P2:recovery', 'P3:none']);
    expect(s.notices).toEqual([]);
  });

  it('refuses saved state from a newer version, says so, and does not overwrite it', async () => {
    const newer = JSON.stringify({ version: 9, rules: { idleYears: 3 } });
    const { app, fx } = await boot({ stored: { [STORAGE_KEY]: newer } });
    const s = app.store.get();
    expect(s.settings).toEqual(DEFAULT_SETTINGS);
    expect(s.notices.map((n) => n.zh).join()).toContain('更新版本');
    app.actions.setSettings({ minTaxPerMu: 8 });
    await app.settled();
    expect(fx.stored.get(STORAGE_KEY)).toBe(newer);
  });
});

describe('paint first, compute after', () => {
  it('has the place shapes, parks and counties while the engine is still starting, and colours once it is there', async () => {
    let openEngine!: () => void;
    const fx = fakeEffects({ files: tinyRegion, search: '?asOf=2026-06-30', db, engineGate: new Promise((r) => (openEngine = r)) });
    open.push(fx);
    const app = createApp(fx);
    const started = app.start();
    const until = async (ok: () => boolean) => {
      for (let i = 0; i < 400 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
    };
    await until(() => app.store.get().shapes !== null);
    let s = app.store.get();
    expect(s.shapes?.parcelCount).toBe(3);
    expect(s.parkOptions.length).toBeGreaterThan(0);
    expect(s.categories).toBeNull();
    expect(s.phase).toBe('loading');
    expect(fx.marks).toEqual(['pa:place-ready']);
    expect(fx.queries).toEqual([]);

    openEngine();
    await started;
    await app.settled();
    s = app.store.get();
    expect(s.phase).toBe('ready');
    expect(Array.from(s.categories ?? [])).toHaveLength(3);
    expect(ids(s)).toEqual(['P1:fee', 'P2:recovery', 'P3:none']);
    expect(fx.marks).toEqual(['pa:place-ready', 'pa:duckdb-ready', 'pa:data-loaded', 'pa:rules-start', 'pa:rules-done', 'pa:figures-start', 'pa:filter-mask', 'pa:figures-done']);
  });
});

describe('settings', () => {
  it('a patch with one refused value applies the rest, recomputes, saves and reports it', async () => {
    const { app, fx } = await boot();
    const errors = app.actions.setSettings({ idleYears: 2, minPlotRatio: 99 });
    expect(errors.join()).toContain('minPlotRatio');
    await app.settled();
    const s = app.store.get();
    expect(s.settings.idleYears).toBe(2);
    expect(s.settings.minPlotRatio).toBe(DEFAULT_SETTINGS.minPlotRatio);
    expect(ids(s)).toEqual(['P1:none', 'P2:recovery', 'P3:none']);
    expect(s.settingsErrors.join()).toContain('minPlotRatio');
    expect(saved(fx).rules).toMatchObject({ idleYears: 2, minPlotRatio: DEFAULT_SETTINGS.minPlotRatio });
  });

  it('after fast changes the last wins, and no figures from an abandoned value are shown', async () => {
    const { app, fx, seen } = await boot();
    const rulesRun = () => fx.queries.filter((q) => /CREATE OR REPLACE TABLE "parcel_findings_narrow"/i.test(q)).length;
    const runsBefore = rulesRun();
    const from = seen.length;
    app.actions.setSettings({ idleYears: 2 });
    app.actions.setSettings({ idleYears: 3, recoveryYears: 3 });
    app.actions.setSettings({ idleYears: 4, recoveryYears: 4 });
    await app.settled();
    const s = app.store.get();
    expect(s.settings).toMatchObject({ idleYears: 4, recoveryYears: 4 });
    // Not idle for four years yet: nothing idle.
    expect(ids(s)).toEqual(['P1:none', 'P2:none', 'P3:none']);
    // Every published set of figures belongs to the settings shown with it.
    const published = seen.slice(from).filter((x, i, a) => i === 0 || x.totals !== a[i - 1].totals);
    for (const x of published) expect(x.totals?.idle, JSON.stringify(x.settings.idleYears)).toBe(x.settings.idleYears >= 4 ? 0 : 2);
    // The rules ran once, for the last value: the first two were dropped before starting.
    expect(rulesRun() - runsBefore).toBe(1);
  });

  it('returning to the previous settings while the rules run recomputes them (the tables were replaced)', async () => {
    const { app, fx } = await boot();
    const release = fx.holdQuery(/CREATE OR REPLACE TABLE "parcel_findings_narrow"/i);
    app.actions.setSettings({ idleYears: 2 });
    // The rule job has started and is about to replace the findings.
    await new Promise((r) => setTimeout(r, 50));
    app.actions.setSettings({ idleYears: 1 });
    release();
    await app.settled();
    // Figures read afresh from the database are the idleYears 1 ones, not the abandoned 2.
    app.actions.setFilter({ counties: ['宁津县'] });
    await app.settled();
    expect(ids(app.store.get())).toEqual(['P1:fee', 'P2:recovery']);
  });
});

describe('regions', () => {
  it('after fast region changes the last wins and the overtaken region is never shown', async () => {
    const { app, fx, seen } = await boot();
    fx.hold('shaoguan');
    app.actions.setRegion('shaoguan');
    app.actions.setRegion('lanzhou');
    fx.release('shaoguan');
    await app.settled();
    const s = app.store.get();
    expect(s.region).toBe('lanzhou');
    expect(s.countyOptions).toEqual(['榆中县']);
    expect(ids(s)).toEqual(['L1:none']);
    expect(seen.some((x) => x.countyOptions.includes('始兴县') || x.list.some((p) => p.parcel_id.startsWith('S')))).toBe(false);
    // Each region choice is a navigation: two history entries.
    expect(fx.address.entries).toEqual([
      '?region=dezhou&lang=zh&asOf=2026-06-30',
      '?region=shaoguan&lang=zh&asOf=2026-06-30',
      '?region=lanzhou&lang=zh&asOf=2026-06-30',
    ]);
  });

  it('returning to the loaded region while another loads ends with the first region’s data', async () => {
    const { app, fx } = await boot();
    fx.hold('shaoguan');
    app.actions.setRegion('shaoguan');
    // Let the shaoguan job start and wait on its files.
    await new Promise((r) => setTimeout(r, 50));
    app.actions.setRegion('dezhou');
    fx.release('shaoguan');
    await app.settled();
    const s = app.store.get();
    expect(s.region).toBe('dezhou');
    expect(ids(s)).toEqual(['P1:fee', 'P2:recovery', 'P3:none']);
    // The figures are read from the database again, and they are dezhou's.
    app.actions.setFilter({ counties: ['宁津县'] });
    await app.settled();
    expect(ids(app.store.get())).toEqual(['P1:fee', 'P2:recovery']);
  });
});

describe('the address bar', () => {
  it('back and forward restore the view, and the figures follow', async () => {
    const { app, fx } = await boot();
    app.actions.setFilter({ counties: ['乐陵市'] });
    await app.settled();
    expect(fx.address.search()).toBe('?region=dezhou&lang=zh&asOf=2026-06-30&county=%E4%B9%90%E9%99%B5%E5%B8%82');
    app.actions.selectParcelId('P3');
    await app.settled();
    expect(app.store.get().selected?.parcel_id).toBe('P3');
    app.actions.setMode('workbench');
    await app.settled();
    // The filter replaced the entry; the selection and the mode were navigations.
    expect(fx.address.entries).toHaveLength(3);
    fx.address.go(-1);
    await app.settled();
    expect(app.store.get()).toMatchObject({ mode: 'idle', parcel: 'P3' });
    fx.address.go(-1);
    await app.settled();
    const s = app.store.get();
    expect(s).toMatchObject({ mode: 'idle', parcel: null, selected: null, filter: { counties: ['乐陵市'] } });
    expect(ids(s)).toEqual(['P3:none']);
    fx.address.go(2);
    await app.settled();
    expect(app.store.get()).toMatchObject({ mode: 'workbench', parcel: 'P3' });
  });

  it('a pasted link with invalid parameters opens the nearest valid view and corrects the address', async () => {
    const { app, fx } = await boot({ search: '?region=dezhou&asOf=2026-06-31&county=火星县&parcel=NOPE&mode=x' });
    const s = app.store.get();
    expect(s).toMatchObject({ phase: 'ready', asOf: 'today', mode: 'idle', parcel: null, filter: { counties: [] } });
    expect(s.notices.length).toBe(4);
    expect(fx.address.search()).toBe('?region=dezhou&lang=zh');
  });
});

describe('hover', () => {
  it('answers from memory, without a database query or a busy mark', async () => {
    const { app, fx } = await boot();
    const queries = fx.queries.length;
    const pidx = app.actions.locateParcel('P1')!.pidx;
    const info = app.actions.hoverInfo(pidx);
    expect(info).toMatchObject({ parcel_id: 'P1', park_name: '宁津县园区', holder: '甲公司', area_m2: 20000, disposal: 'fee' });
    const p3 = app.actions.hoverInfo(app.actions.locateParcel('P3')!.pidx);
    expect(p3).toMatchObject({ parcel_id: 'P3', park_name: null, holder: null, disposal: 'none' });
    expect(app.actions.hoverInfo(99)).toBeNull();
    expect(fx.queries.length).toBe(queries);
    expect(app.store.get().pending).toBe(0);
  });

  it('shows the new disposal after a recomputation', async () => {
    const { app } = await boot();
    const pidx = app.actions.locateParcel('P1')!.pidx;
    app.actions.setSettings({ idleYears: 2 });
    await app.settled();
    expect(app.actions.hoverInfo(pidx)?.disposal).toBe('none');
  });
});

describe('workbench', () => {
  it('the map is ready before the workbench is scored', async () => {
    const { app, seen } = await boot({ search: '?asOf=2026-06-30&mode=workbench' });
    const firstReady = seen.find((x) => x.phase === 'ready')!;
    expect(firstReady.totals).not.toBeNull();
    expect(firstReady.workbench.scoresKey).toBeNull();
    expect(app.store.get().workbench.scoresKey).not.toBeNull();
  });

  it('a stored tracking step reaches the history and the stage counts', async () => {
    const { app } = await boot({ search: '?asOf=2026-06-30&mode=workbench' });
    app.actions.selectParcelId('P2');
    await app.settled();
    const bad = await app.actions.addTrackingStep({ parcel_id: 'P2', stage: 'nope', date: '2026-06-01', person: '张', note: '' });
    expect(bad.length).toBeGreaterThan(0);
    expect(app.store.get().workbench.error).not.toBeNull();
    const ok = await app.actions.addTrackingStep({ parcel_id: 'P2', stage: 'interviewed', date: '2026-06-01', person: '张科长', note: '' });
    expect(ok).toEqual([]);
    await app.settled();
    const w = app.store.get().workbench;
    expect(w.error).toBeNull();
    expect(w.history.map((r) => r.stage)).toEqual(['interviewed']);
    expect(w.stages.find((x) => x.stage === 'interviewed')).toMatchObject({ parcels: 1 });
  });
});
