// Choosing a promotion group: its member counties are outlined (the map's feature list) and the
// camera fits them; the parks of a group come in the members' order.

import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type AppState, initialState } from '../../src/state/app-state';
import { createBrochureActions, parksOfGroup } from '../../src/state/brochure-actions';
import { selectedGroup, selectedGroupCounties } from '../../src/state/group-selectors';
import { DEFAULT_SAVED_STATE } from '../../src/state/saved-state';
import { createStore } from '../../src/state/store';
import { update } from '../../src/state/updaters';
import { DEFAULT_VIEW } from '../../src/state/view';

const square = (county: string, x: number): FeatureCollection['features'][number] => ({
  type: 'Feature',
  properties: { county },
  geometry: { type: 'Polygon', coordinates: [[[x, 37], [x + 1, 37], [x + 1, 38], [x, 38], [x, 37]]] },
});

function setup() {
  const boundaries: FeatureCollection = { type: 'FeatureCollection', features: [square('宁津县', 116), square('乐陵市', 117), square('德城区', 115)] };
  const base = initialState(DEFAULT_VIEW, DEFAULT_SAVED_STATE, '2026-06-30', null, []);
  const store = createStore<AppState>({
    ...base,
    boundaries,
    viewport: { width: 1000, height: 800 },
    dataGroups: [{ group_id: 'NLQ', name: '宁乐组团', counties: ['宁津县', '乐陵市'] }],
  });
  const a = createBrochureActions({ store, dispatch: (e) => store.replace(update(store.get(), e)), enqueue: () => Promise.reject(new Error('no database')) });
  return { a, store };
}

describe('group on the map', () => {
  it('outlines the members only and fits the camera to them; clearing keeps the camera', () => {
    const { a, store } = setup();
    expect(selectedGroupCounties(store.get())).toBeUndefined();
    a.selectGroup('NLQ');
    const s = store.get();
    expect(selectedGroup(s)?.name).toBe('宁乐组团');
    const fc = selectedGroupCounties(s)!;
    expect(fc.features.map((f) => f.properties?.county)).toEqual(['宁津县', '乐陵市']);
    // Same inputs, same object: the map is not redrawn for nothing.
    expect(selectedGroupCounties(store.get())).toBe(fc);
    expect(s.camera!.lng).toBeCloseTo(117, 3);
    a.selectGroup(null);
    expect(selectedGroupCounties(store.get())).toBeUndefined();
    expect(store.get().camera).toEqual(s.camera);
  });

  it('a deleted group is no longer chosen', () => {
    const { a, store } = setup();
    a.selectGroup('NLQ');
    store.replace({ ...store.get(), work: { ...store.get().work, groups: [] } });
    expect(selectedGroup(store.get())).toBeNull();
  });

  it('parks of a group in the members order, then by name', () => {
    const parks = [
      { park_id: 'K3', name: '乙园', county: '乐陵市' },
      { park_id: 'K1', name: '甲园', county: '德城区' },
      { park_id: 'K2', name: '丙园', county: '宁津县' },
      { park_id: 'K4', name: '丁园', county: '宁津县' },
    ];
    expect(parksOfGroup(parks, { group_id: 'G', name: 'g', counties: ['宁津县', '乐陵市'] }).map((p) => p.park_id)).toEqual(['K2', 'K4', 'K3']);
  });
});
