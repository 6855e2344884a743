// The basemap a planner opts into: remembered per region in the saved state (version 3, migrated
// from 2), checked on read, and its keys kept in this browser only — never in the saved
// document (which workspace files embed) nor in the address bar.

import { describe, expect, it } from 'vitest';
import { initialState, savedOf, viewOf } from '../../src/state/app-state';
import { createBasemapActions } from '../../src/state/basemap-actions';
import { type BasemapChoice, templateProblem, withoutSecret } from '../../src/state/basemap-choice';
import { BASEMAP_KEYS_STORAGE } from '../../src/state/basemap-keys';
import type { Effects } from '../../src/state/effects';
import { DEFAULT_SAVED_STATE, type KeyValueStorage, SAVED_STATE_VERSION, STORAGE_KEY, loadSavedState, readSavedState, savedStateToJson } from '../../src/state/saved-state';
import { createStore } from '../../src/state/store';
import { type AppEvent, update } from '../../src/state/updaters';
import { type View, DEFAULT_VIEW } from '../../src/state/view';
import { EMPTY_FILTER } from '../../src/analysis/filters';
import { viewToSearch } from '../../src/state/url-codec';

const SRC = { zh: '测试文件', en: 'test file' };

function memoryStorage(init: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(init));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const XYZ: BasemapChoice = { kind: 'xyz', url: 'http://10.0.0.5/tiles/{z}/{x}/{y}.png', crs: 'gcj02', opacity: 0.6, attribution: '市政务地图' };

describe('saved basemaps', () => {
  it('migrates a version 2 document to the current version with no basemap anywhere (offline, as version 2 was)', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: JSON.stringify({ version: 2, region: 'shaoguan', lang: 'en' }) });
    const r = loadSavedState(storage);
    expect(r.issues).toEqual([]);
    expect(r.state).toMatchObject({ version: SAVED_STATE_VERSION, region: 'shaoguan', lang: 'en', basemaps: {} });
  });

  it('reads each region’s choice back as written', () => {
    const doc = { version: 3, basemaps: { dezhou: XYZ, lanzhou: { kind: 'tianditu', layer: 'img', crs: 'wgs84', opacity: 1 } } };
    const r = readSavedState(JSON.parse(savedStateToJson({ ...DEFAULT_SAVED_STATE, ...(doc as object) } as never)), SRC);
    expect(r.issues).toEqual([]);
    expect(r.state.basemaps).toEqual(doc.basemaps);
  });

  it('refuses a bad entry, naming the region and the field, and keeps the good ones', () => {
    const r = readSavedState(
      {
        version: 3,
        basemaps: {
          dezhou: XYZ,
          shaoguan: { ...XYZ, crs: 'bd09' },
          lanzhou: { kind: 'wmts', url: 'ftp://x/{TileMatrix}', crs: 'wgs84', opacity: 1 },
          ws1: { kind: 'tianditu', layer: 'img', opacity: 7 },
        },
      },
      SRC,
    );
    expect(Object.keys(r.state.basemaps)).toEqual(['dezhou']);
    expect(r.issues.map((i) => i.en)).toEqual([
      'test file (basemaps) (shaoguan): "crs" must be wgs84 or gcj02, got "bd09"; it was not used',
      'test file (basemaps) (lanzhou): the tile address "url": The address must use the http or https scheme; it was not used',
      'test file (basemaps) (ws1): "opacity" must be a number from 0 to 1, got 7; it was not used',
    ]);
    expect(r.issues[0].zh).toContain('测试文件·底图·shaoguan');
  });

  it('takes a key out of a saved address even when a file was edited by hand', () => {
    const r = readSavedState({ version: 3, basemaps: { dezhou: { ...XYZ, url: 'https://t0.example/{z}/{x}/{y}?tk=SECRET' } } }, SRC);
    expect(JSON.stringify(r.state)).not.toContain('SECRET');
    expect((r.state.basemaps.dezhou as { url: string }).url).toBe('https://t0.example/{z}/{x}/{y}?tk={key}');
  });

  it('splits a key out of an address, whatever the parameter is called, and leaves other parameters', () => {
    expect(withoutSecret('https://a.example/{z}/{x}/{y}.png?style=7&Tk=abc%20d&x=1')).toEqual({ url: 'https://a.example/{z}/{x}/{y}.png?style=7&Tk={key}&x=1', secret: 'abc d' });
    expect(withoutSecret('https://a.example/wmts?TILEMATRIX={TileMatrix}&access_token=zz')).toEqual({ url: 'https://a.example/wmts?TILEMATRIX={TileMatrix}&access_token={key}', secret: 'zz' });
    expect(withoutSecret('https://a.example/{z}/{x}/{y}.png?tk={key}')).toEqual({ url: 'https://a.example/{z}/{x}/{y}.png?tk={key}', secret: null });
  });

  it('names what a template lacks', () => {
    expect(templateProblem('xyz', 'https://a/{z}/{x}.png')?.en).toBe('The address lacks {y}');
    expect(templateProblem('xyz', 'https://a/{z}/{x}/{-y}.png')).toBeNull();
    expect(templateProblem('wmts', 'https://a/wmts?TILEMATRIX={TileMatrix}')?.zh).toBe('地址中缺少 {TileRow}、{TileCol}');
  });
});

describe('keys stay in this browser', () => {
  function setup() {
    const storage = memoryStorage();
    const view: View = { ...DEFAULT_VIEW, mode: 'idle', region: 'dezhou', asOf: 'today', lang: 'zh', filter: EMPTY_FILTER, parcel: null, wall: false, camera: null };
    const store = createStore(initialState(view, DEFAULT_SAVED_STATE, '2026-06-30', null, []));
    const dispatch = (e: AppEvent) => store.replace(update(store.get(), e));
    const actions = createBasemapActions({ store, dispatch, fx: { storage } as unknown as Effects });
    return { storage, store, actions, dispatch };
  }

  it('a 天地图 key and a token pasted into a custom address never reach the saved document or the address bar', () => {
    const { storage, store, actions, dispatch } = setup();
    actions.setBasemapKey('tianditu', 'TDT-KEY-1234');
    actions.setBasemap({ kind: 'tianditu', layer: 'vec', crs: 'wgs84', opacity: 1 });
    expect(store.get().basemaps.dezhou).toEqual({ kind: 'tianditu', layer: 'vec', crs: 'wgs84', opacity: 1 });
    const saved = savedStateToJson(savedOf(store.get()));
    expect(saved).not.toContain('TDT-KEY-1234');
    dispatch({ type: 'regionChosen', region: 'lanzhou' });
    actions.setBasemap({ ...XYZ, url: 'https://gis.example.gov.cn/t/{z}/{x}/{y}.png?token=ZW-TOKEN-9' });
    const all = savedStateToJson(savedOf(store.get())) + viewToSearch(viewOf(store.get()));
    expect(all).not.toContain('TDT-KEY-1234');
    expect(all).not.toContain('ZW-TOKEN-9');
    expect(all).toContain('token={key}');
    // Both are in this browser's key store, and only there.
    expect(actions.basemapKey('tianditu')).toBe('TDT-KEY-1234');
    expect(actions.basemapKey('custom')).toBe('ZW-TOKEN-9');
    expect([...storage.data.keys()]).toEqual([BASEMAP_KEYS_STORAGE]);
  });

  it('choosing no basemap removes the region’s entry (offline again)', () => {
    const { store, actions } = setup();
    actions.setBasemap(XYZ);
    actions.setBasemap(null);
    expect(store.get().basemaps).toEqual({});
  });
});

