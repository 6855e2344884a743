// Actions that do more than forward an event: the settings panel's one-field change keeps the
// 亩均 class shares summing to 100, and a tracking step is validated before it is stored.

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MUJUN_SHARE_KEYS } from '../../src/analysis/settings';
import { MemoryTrackingStore } from '../../src/data/tracking';
import { createActions } from '../../src/state/actions';
import { type AppState, initialState } from '../../src/state/app-state';
import type { Effects } from '../../src/state/effects';
import { DEFAULT_SAVED_STATE } from '../../src/state/saved-state';
import { createStore } from '../../src/state/store';
import { update } from '../../src/state/updaters';
import { DEFAULT_VIEW } from '../../src/state/view';

function actions() {
  const store = createStore<AppState>(initialState(DEFAULT_VIEW, DEFAULT_SAVED_STATE, '2026-06-30', null, []));
  const tracking = new MemoryTrackingStore();
  const fx = { tracking, today: () => '2026-06-30' } as unknown as Effects;
  const a = createActions({
    store,
    dispatch: (e) => store.replace(update(store.get(), e)),
    enqueue: () => Promise.reject(new Error('no database in this test')),
    fx,
  });
  return { a, store, tracking };
}

describe('actions', () => {
  it('a class share from the panel rebalances the others so the four still sum to 100', () => {
    const { a, store } = actions();
    expect(a.setSetting('mujunShareA', 30)).toEqual([]);
    const s = store.get().settings;
    expect(s.mujunShareA).toBe(30);
    expect(MUJUN_SHARE_KEYS.reduce((t, k) => t + s[k], 0)).toBe(100);
    expect(s.mujunShareB).toBe(DEFAULT_SETTINGS.mujunShareB - 5);
  });

  it('a value typed out of range reaches the state and is reported, not silently dropped', () => {
    const { a, store } = actions();
    const errors = a.setSetting('minPlotRatio', 9);
    expect(errors.join()).toContain('minPlotRatio');
    expect(store.get().settingsErrors).toEqual(errors);
    expect(store.get().settings.minPlotRatio).toBe(DEFAULT_SETTINGS.minPlotRatio);
  });

  it('stores a valid tracking step for the current region and refuses an invalid one', async () => {
    const { a, store, tracking } = actions();
    const bad = await a.addTrackingStep({ parcel_id: 'P1', stage: 'interviewed', date: '2026-13-01', person: '张', note: '' });
    expect(bad.length).toBeGreaterThan(0);
    expect(await tracking.all('dezhou')).toEqual([]);
    const ok = await a.addTrackingStep({ parcel_id: 'P1', stage: 'interviewed', date: '2026-06-01', person: '张', note: '' });
    expect(ok).toEqual([]);
    expect((await tracking.all('dezhou')).map((r) => r.parcel_id)).toEqual(['P1']);
    expect(store.get().workbench).toMatchObject({ error: null, trackingRevision: 1 });
  });
});
