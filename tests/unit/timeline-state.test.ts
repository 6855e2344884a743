// The time bar in the state: opening, moving and closing it change only the bar's date; its
// intervals and series are wanted only while it is open in the idle-land view with the place
// loaded, and are recomputed when what the rules read changes (as-of date, settings, tracking).

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import { type AppState, initialState, viewOf } from '../../src/state/app-state';
import { regionData } from '../../src/state/map-derivations';
import { DEFAULT_SAVED_STATE } from '../../src/state/saved-state';
import { timelineData, timelineShown } from '../../src/state/timeline';
import { type AppEvent, update } from '../../src/state/updaters';
import { DEFAULT_VIEW } from '../../src/state/view';

const base = initialState({ ...DEFAULT_VIEW, asOf: '2026-06-30' }, DEFAULT_SAVED_STATE, '2026-07-01', null, []);
const apply = (s: AppState, ...events: AppEvent[]) => events.reduce(update, s);
/** The place's tables loaded (the key the rules and the bar depend on). */
const loaded: AppState = { ...base, regionKey: regionData.wanted(base) };

describe('the time bar in the state', () => {
  it('opens, moves and closes through its date, which the view (and so the address) carries', () => {
    const open = apply(loaded, { type: 'timelineSet', date: '2021-12-31' });
    expect(open.timeline).toBe('2021-12-31');
    expect(viewOf(open).timeline).toBe('2021-12-31');
    // The as-of date the figures use does not move.
    expect(open.asOf).toBe('2026-06-30');
    // An impossible date is refused; closing clears the date.
    expect(apply(open, { type: 'timelineSet', date: '2021-02-30' }).timeline).toBe('2021-12-31');
    expect(apply(open, { type: 'timelineSet', date: null }).timeline).toBeNull();
  });

  it('wants its data only while open in the idle view with the place loaded, keyed by what the rules read', () => {
    expect(timelineData.wanted(loaded)).toBeNull();
    const open = apply(loaded, { type: 'timelineSet', date: '2021-12-31' });
    const key = timelineData.wanted(open);
    expect(key).not.toBeNull();
    expect(timelineData.wanted({ ...open, regionKey: null })).toBeNull();
    expect(timelineData.wanted(apply(open, { type: 'modeSet', mode: 'workbench' }))).toBeNull();
    // Moving the slider needs no new data: the map is coloured from the same intervals.
    expect(timelineData.wanted(apply(open, { type: 'timelineSet', date: '2019-03-31' }))).toBe(key);
    // A new as-of date, rule setting or tracking step does.
    expect(timelineData.wanted(apply(open, { type: 'asOfSet', asOf: '2025-12-31', today: '2026-07-01' }))).not.toBe(key);
    expect(timelineData.wanted({ ...open, settings: { ...DEFAULT_SETTINGS, idleYears: 2 } })).not.toBe(key);
    expect(timelineData.wanted(apply(open, { type: 'trackingStored' }))).not.toBe(key);
  });

  it('colours the map by the bar only once its intervals are there', () => {
    const open = apply(loaded, { type: 'timelineSet', date: '2021-12-31' });
    expect(timelineShown(open)).toBe(false);
    const z = new Int32Array(1);
    const withData = { ...open, time: { intervals: { nsFrom: z, nsTo: z, nsRec: z, stFrom: z, stRec: z, gov: new Uint8Array(1) }, series: null, key: 'k' } };
    expect(timelineShown(withData)).toBe(true);
    expect(timelineShown(apply(withData, { type: 'modeSet', mode: 'layout' }))).toBe(false);
  });
});
