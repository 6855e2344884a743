// The 闲置预警 derivations and the days-until-idle legend: the list is recomputed when a line's
// date or the window can change and only then; the bins only while the map is coloured by them;
// the legend counts the bins the map draws.

import { describe, expect, it } from 'vitest';
import { type AppState, initialState } from '../../src/state/app-state';
import { regionData } from '../../src/state/map-derivations';
import { DEFAULT_SAVED_STATE } from '../../src/state/saved-state';
import { type AppEvent, update } from '../../src/state/updaters';
import { DEFAULT_VIEW } from '../../src/state/view';
import { daysToIdle, warningList } from '../../src/state/warnings';
import { legendModel } from '../../src/ui/legend-model';
import { mapHeading } from '../../src/ui/title-model';

const initial = initialState({ ...DEFAULT_VIEW, asOf: '2026-06-30', mode: 'workbench' }, DEFAULT_SAVED_STATE, '2026-07-01', null, []);
// The region's tables are loaded.
const base: AppState = { ...initial, regionKey: regionData.wanted(initial) };
const apply = (s: AppState, ...events: AppEvent[]) => events.reduce(update, s);
const patch = (p: Record<string, number>): AppEvent => ({ type: 'settingsPatched', patch: p });

describe('warning list key', () => {
  it('changes with the as-of date, the window and the idle periods, not with a 亩均 weight', () => {
    const k = warningList.wanted(base);
    expect(k).not.toBeNull();
    expect(warningList.wanted(apply(base, patch({ warningWindowDays: 30 })))).not.toBe(k);
    expect(warningList.wanted(apply(base, patch({ recoveryYears: 3 })))).not.toBe(k);
    expect(warningList.wanted(apply(base, { type: 'asOfSet', asOf: '2026-05-31', today: '2026-07-01' }))).not.toBe(k);
    expect(warningList.wanted(apply(base, patch({ mujunTaxWeight: 0.4, mujunValueAddedWeight: 0.2 })))).toBe(k);
  });

  it('is not wanted outside the workbench or before the region is loaded', () => {
    expect(warningList.wanted({ ...base, mode: 'idle' })).toBeNull();
    expect(warningList.wanted(initial)).toBeNull();
  });
});

describe('days until idle', () => {
  const coloured = apply(base, { type: 'colorBySet', colorBy: 'days_to_idle' });

  it('is computed only while the map is coloured by it, and ignores the window', () => {
    expect(daysToIdle.wanted(base)).toBeNull();
    const k = daysToIdle.wanted(coloured);
    expect(k).not.toBeNull();
    expect(daysToIdle.wanted(apply(coloured, patch({ warningWindowDays: 30 })))).toBe(k);
    expect(daysToIdle.wanted(apply(coloured, patch({ idleYears: 2, recoveryYears: 3 })))).not.toBe(k);
  });

  it('stores the bins and moves the map’s colour revision on', () => {
    const bins = new Uint8Array([1, 5, 5, 6]);
    const s = update(coloured, { type: 'derived', name: daysToIdle.name, key: daysToIdle.wanted(coloured)!, result: bins });
    expect(s.workbench.warnings.bins).toBe(bins);
    expect(s.workbench.revision).toBe(coloured.workbench.revision + 1);
    const legend = legendModel(s, 'zh');
    expect(legend.title).toBe('距认定闲置天数');
    expect(legend.rows.map((r) => `${r.testId} ${r.count}`)).toEqual([
      'days-within_30 1', 'days-within_60 0', 'days-within_90 0', 'days-later 0', 'days-idle 2', 'days-none 1',
    ]);
    expect(mapHeading(s, 'en')).toContain('Days until idle');
  });
});
