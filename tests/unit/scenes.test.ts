// Scenes: a saved view with a title and caption, stored per place; presenter mode moves through
// them, and a scene whose park has gone opens the nearest valid view with a notice.

import { describe, expect, it } from 'vitest';
import { type AppState, initialState, viewOf } from '../../src/state/app-state';
import { DEFAULT_SAVED_STATE } from '../../src/state/saved-state';
import { createStore } from '../../src/state/store';
import { type AppEvent, update } from '../../src/state/updaters';
import { DEFAULT_VIEW } from '../../src/state/view';
import { EMPTY_PLACE_WORK, loadPlaceWork } from '../../src/state/place-work';
import { createWorkActions } from '../../src/state/work-actions';
import { createSceneActions } from '../../src/state/scene-actions';
import { placeShapes } from '../../src/state/map-derivations';
import { moveItem, sceneView } from '../../src/state/presentation';
import type { Effects } from '../../src/state/effects';

const PLACE = {
  boundaries: { type: 'FeatureCollection', features: [] },
  parks: { type: 'FeatureCollection', features: [] },
  parkOptions: [
    { park_id: 'K1', name: '宁津经济开发区', county: '宁津县' },
    { park_id: 'K2', name: '乐陵经济开发区', county: '乐陵市' },
  ],
  countyOptions: ['宁津县', '乐陵市', '庆云县'],
  shapes: null,
  dataGroups: [{ group_id: 'NLQ', name: '宁乐庆组团', counties: ['宁津县', '乐陵市', '庆云县'] }],
  work: EMPTY_PLACE_WORK,
  workReadOnly: false,
  workIssues: [],
};

function setup() {
  const m = new Map<string, string>();
  const storage = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  const start = initialState({ ...DEFAULT_VIEW, asOf: '2026-06-30' }, DEFAULT_SAVED_STATE, '2026-07-01', null, []);
  const placed = update(start, { type: 'derived', name: placeShapes.name, key: placeShapes.wanted(start)!, result: PLACE });
  const store = createStore<AppState>(placed);
  const dispatch = (e: AppEvent) => store.replace(update(store.get(), e));
  const fx = { storage } as unknown as Effects;
  const work = createWorkActions({ store, dispatch, fx });
  let n = 0;
  const scenes = createSceneActions({ store, dispatch, setWork: work.setWork, newId: () => `s${++n}` });
  return { store, dispatch, scenes, storage };
}

describe('scenes', () => {
  it('saves three views, survives a reload of the stored work, and presents them in order with their cameras', () => {
    const { store, dispatch, scenes, storage } = setup();
    const cams = [
      { lng: 116.8, lat: 37.65, zoom: 10 },
      { lng: 117.2, lat: 37.7, zoom: 11.5, bearing: 20, pitch: 30 },
      { lng: 117.4, lat: 37.77, zoom: 12 },
    ];
    dispatch({ type: 'cameraMoved', camera: cams[0] });
    dispatch({ type: 'groupSelected', id: 'NLQ' });
    scenes.addScene('宁乐庆组团', '三县园区一张图');
    dispatch({ type: 'modeSet', mode: 'layout' });
    dispatch({ type: 'cameraMoved', camera: cams[1] });
    dispatch({ type: 'filterPatched', patch: { parkIds: ['K2'] } });
    scenes.addScene('乐陵', '');
    dispatch({ type: 'cameraMoved', camera: cams[2] });
    dispatch({ type: 'layersSet', layers: { parcels: true, parks: false, labels: true, basemap: true, available: true } });
    scenes.addScene('庆云', '');
    expect(loadPlaceWork(storage, 'dezhou').work.scenes.map((s) => s.title)).toEqual(['宁乐庆组团', '乐陵', '庆云']);

    scenes.present();
    expect(store.get().presenting).toBe(0);
    expect(store.get().camera).toEqual(cams[0]);
    expect(store.get().group).toBe('NLQ');
    expect(store.get().mode).toBe('idle');
    scenes.presentNext();
    expect(store.get().camera).toEqual(cams[1]);
    expect(store.get().mode).toBe('layout');
    expect(store.get().filter.parkIds).toEqual(['K2']);
    scenes.presentLast();
    expect(store.get().presenting).toBe(2);
    expect(store.get().layers.parks).toBe(false);
    scenes.presentNext(); // past the end: stays on the last
    expect(store.get().presenting).toBe(2);
    scenes.presentFirst();
    scenes.presentPrevious(); // before the first: stays on the first
    expect(store.get().presenting).toBe(0);
    expect(store.get().layers.parks).toBe(true);
    scenes.stopPresenting();
    expect(store.get().presenting).toBeNull();
  });

  it('renames, reorders, duplicates and deletes', () => {
    const { store, scenes } = setup();
    const a = scenes.addScene('A', '')!;
    const b = scenes.addScene('B', '')!;
    scenes.editScene(a, { title: '  全市  ', caption: '说明' });
    scenes.editScene(b, { title: '   ' }); // an empty title keeps the old one
    expect(store.get().work.scenes.map((s) => [s.title, s.caption])).toEqual([['全市', '说明'], ['B', '']]);
    scenes.moveScene(b, 0);
    expect(store.get().work.scenes.map((s) => s.title)).toEqual(['B', '全市']);
    const c = scenes.duplicateScene(a)!;
    expect(store.get().work.scenes.map((s) => s.title)).toEqual(['B', '全市', '全市（副本）']);
    expect(store.get().work.scenes[2].view).toBe(store.get().work.scenes[1].view);
    scenes.deleteScene(b);
    expect(store.get().work.scenes.map((s) => s.id)).toEqual([a, c]);
  });

  it('opens a scene whose park has gone without it, and says so', () => {
    const { store, scenes, dispatch } = setup();
    dispatch({ type: 'filterPatched', patch: { parkIds: ['K1'] } });
    scenes.addScene('宁津', '');
    // The scene as saved by an older data set: a park id this place no longer has.
    const old = { ...store.get().work.scenes[0], view: store.get().work.scenes[0].view.replace('park=K1', 'park=K9') };
    dispatch({ type: 'workChanged', work: { ...store.get().work, scenes: [old] } });
    scenes.present(0);
    expect(store.get().filter.parkIds).toEqual([]);
    expect(store.get().notices.at(-1)?.zh).toContain('K9');
    expect(store.get().presenting).toBe(0);
  });

  it('copies a scene as a link to the place on screen, region first, with its view', () => {
    const { scenes, dispatch } = setup();
    dispatch({ type: 'modeSet', mode: 'layout' });
    const id = scenes.addScene('布局', '')!;
    const link = scenes.sceneLink(id)!;
    expect(link.startsWith('?region=dezhou&')).toBe(true);
    expect(new URLSearchParams(link).get('mode')).toBe('layout');
    expect(new URLSearchParams(link).getAll('region')).toEqual(['dezhou']);
  });

  it('keeps the view in link form without region or 大屏', () => {
    const { store, dispatch } = setup();
    dispatch({ type: 'wallSet', wall: true });
    const v = sceneView(store.get());
    expect(v).not.toContain('region=');
    expect(v).not.toContain('wall=');
    expect(viewOf(store.get()).wall).toBe(true);
  });

  it('moves list items and clamps out-of-range places', () => {
    expect(moveItem([1, 2, 3], 0, 2)).toEqual([2, 3, 1]);
    expect(moveItem([1, 2, 3], 2, -5)).toEqual([3, 1, 2]);
  });
});
