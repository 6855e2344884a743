// The pure updaters and the derivation keys: each event changes exactly what it should, and a
// change of inputs changes the keys of exactly the results that depend on them.

import { EMPTY_PLACE_WORK } from '../../src/state/place-work';
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../src/analysis/filters';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import { type AppState, initialState, promotionGroups } from '../../src/state/app-state';
import { filtered, findings, placeShapes, regionData, selection } from '../../src/state/map-derivations';
import { chain, clusters, reviewBase } from '../../src/state/review';
import { selectOverlap } from '../../src/state/review-selectors';
import { DEFAULT_SAVED_STATE } from '../../src/state/saved-state';
import { type AppEvent, update } from '../../src/state/updaters';
import { DEFAULT_VIEW } from '../../src/state/view';
import { figures, history, scores } from '../../src/state/workbench';
import { supply } from '../../src/state/supply';

const base = initialState({ ...DEFAULT_VIEW, asOf: '2026-06-30' }, DEFAULT_SAVED_STATE, '2026-07-01', null, []);

const apply = (s: AppState, ...events: AppEvent[]) => events.reduce(update, s);
/** Stores a derivation's result as if its job had finished. */
const derived = (s: AppState, d: { name: string; wanted(s: AppState): string | null }, result: unknown) =>
  update(s, { type: 'derived', name: d.name, key: d.wanted(s)!, result });

const REGION = {
  boundaries: { type: 'FeatureCollection', features: [] },
  parks: { type: 'FeatureCollection', features: [] },
  parkOptions: [{ park_id: 'K1', name: '园区', county: '宁津县' }],
  countyOptions: ['宁津县', '乐陵市'],
  shapes: null,
  dataGroups: [{ group_id: 'G', name: '宁乐组团', counties: ['宁津县', '乐陵市'] }],
  work: EMPTY_PLACE_WORK,
  workReadOnly: false,
  workIssues: [],
};

/** The place painted (no database) and its tables loaded, in that order. */
const placed = (s: AppState) => derived(derived(s, placeShapes, REGION), regionData, { hover: null });
const FIGURES = { mask: new Uint8Array(3), totals: null, byCounty: [], byPark: [], list: [], bySupplyYear: [] };

/** A state with the region, findings and figures current. */
function ready(s: AppState = base): AppState {
  const r = placed(s);
  const f = derived(r, findings, new Uint8Array([1, 2, 0]));
  return derived(f, filtered, FIGURES);
}

describe('settings', () => {
  it('applies the valid values of a patch, reports the refused one, and asks for a recomputation', () => {
    const s = ready();
    const before = findings.wanted(s);
    const next = update(s, { type: 'settingsPatched', patch: { idleYears: 2, minPlotRatio: 99 } });
    expect(next.settings.idleYears).toBe(2);
    expect(next.settings.minPlotRatio).toBe(DEFAULT_SETTINGS.minPlotRatio);
    expect(next.settingsErrors).toHaveLength(1);
    expect(next.settingsErrors[0]).toContain('minPlotRatio');
    // The findings are no longer current: the runtime recomputes them.
    expect(findings.wanted(next)).not.toBe(before);
    expect(findings.current(next)).toBe(before);
  });

  it('a fully refused patch changes no key, so nothing is recomputed', () => {
    const s = ready();
    const next = update(s, { type: 'settingsPatched', patch: { minPlotRatio: 99 } });
    expect(findings.wanted(next)).toBe(findings.current(next));
    expect(next.settingsErrors[0]).toContain('minPlotRatio');
  });

  it('re-scores 亩均 classes for a 亩均 setting, not for an idle rule', () => {
    const s = apply(ready(), { type: 'modeSet', mode: 'workbench' });
    const k = scores.wanted(s);
    expect(k).not.toBeNull();
    expect(scores.wanted(update(s, { type: 'settingsPatched', patch: { idleYears: 2 } }))).toBe(k);
    expect(scores.wanted(update(s, { type: 'settingsPatched', patch: { mujunRatioCap: 2 } }))).not.toBe(k);
  });
});

describe('results and their keys', () => {
  it('wants figures only once findings are current, and findings only once the region is', () => {
    expect(findings.wanted(base)).toBeNull();
    const r = placed(base);
    expect(findings.wanted(r)).not.toBeNull();
    expect(filtered.wanted(r)).toBeNull();
    const f = derived(r, findings, new Uint8Array(3));
    expect(filtered.wanted(f)).not.toBeNull();
  });

  it('paints the place before the database has it: findings wait for both, in either order', () => {
    const painted = derived(base, placeShapes, REGION);
    expect(painted.countyOptions).toEqual(['宁津县', '乐陵市']);
    expect(findings.wanted(painted)).toBeNull();
    const loadedFirst = derived(base, regionData, { hover: null });
    expect(findings.wanted(loadedFirst)).toBeNull();
    expect(findings.wanted(derived(loadedFirst, placeShapes, REGION))).not.toBeNull();
  });

  it('a newer place forgets the colours computed for the previous one before they can be drawn on it', () => {
    const s = ready();
    expect(s.categories).not.toBeNull();
    const moved = update(s, { type: 'regionChosen', region: 'lanzhou' });
    const painted = derived(moved, placeShapes, REGION);
    expect(painted.categories).toBeNull();
    expect(painted.mask).toBeNull();
    expect(findings.wanted(painted)).toBeNull();
  });

  it('drops a result whose inputs changed while it was computed', () => {
    const s = placed(base);
    const staleKey = findings.wanted(s)!;
    const moved = update(s, { type: 'asOfSet', asOf: '2025-01-01', today: '2026-07-01' });
    const after = update(moved, { type: 'derived', name: 'findings', key: staleKey, result: new Uint8Array([9]) });
    expect(after).toBe(moved);
    expect(after.categories).toBeNull();
  });

  it('completes loading with the first figures, and only then', () => {
    const s = derived(placed(base), findings, new Uint8Array(3));
    expect(s.phase).toBe('loading');
    expect(derived(s, filtered, FIGURES).phase).toBe('ready');
  });

  it('a job rewriting tables forgets the stored key, so returning to the old inputs recomputes', () => {
    const s = ready();
    const original = findings.wanted(s);
    const changed = update(s, { type: 'settingsPatched', patch: { idleYears: 2 } });
    const writing = update(changed, { type: 'invalidated', names: ['findings'] });
    const back = update(writing, { type: 'settingsPatched', patch: { idleYears: 1 } });
    expect(findings.wanted(back)).toBe(original);
    expect(findings.current(back)).toBeNull();
  });

  it('a failed map result stops the page with its message and is not retried for the same inputs', () => {
    const s = placed(base);
    const k = findings.wanted(s)!;
    const failed = update(s, { type: 'jobFailed', name: 'findings', key: k, message: '规则执行失败', fatal: true });
    expect(failed).toMatchObject({ phase: 'error', message: '规则执行失败', failed: { findings: k } });
  });
});

describe('the view', () => {
  it('choosing another region clears filter and selection and starts loading', () => {
    const s = apply(
      ready(),
      { type: 'filterPatched', patch: { counties: ['宁津县'] } },
      { type: 'parcelSelected', parcel: 'P1' },
    );
    const next = update(s, { type: 'regionChosen', region: 'lanzhou' });
    expect(next).toMatchObject({ region: 'lanzhou', filter: EMPTY_FILTER, parcel: null, selected: null, phase: 'loading' });
    expect(findings.wanted(next)).toBeNull();
  });

  it('a restored view keeps its own filter, even for another region', () => {
    const view = { ...DEFAULT_VIEW, region: 'shaoguan' as const, filter: { ...EMPTY_FILTER, counties: ['始兴县'] }, mode: 'layout' as const };
    const next = update(ready(), { type: 'viewRestored', view, issues: [] });
    expect(next).toMatchObject({ region: 'shaoguan', mode: 'layout', phase: 'loading', filter: view.filter });
  });

  it('drops counties and parks the loaded region does not have, and says which', () => {
    const s = update(base, { type: 'filterPatched', patch: { counties: ['宁津县', '始兴县'], parkIds: ['K9'] } });
    const loaded = placed(s);
    expect(loaded.filter.counties).toEqual(['宁津县']);
    expect(loaded.filter.parkIds).toEqual([]);
    expect(loaded.notices.at(-1)!.zh).toContain('始兴县、K9');
  });

  it('a selected parcel the region lacks is cleared with a message', () => {
    const s = update(ready(), { type: 'parcelSelected', parcel: 'NOPE' });
    expect(selection.wanted(s)).not.toBeNull();
    const next = derived(s, selection, null);
    expect(next.parcel).toBeNull();
    expect(next.notices.at(-1)!.en).toContain('NOPE');
  });

  it('ignores an as-of date that is not a calendar date', () => {
    const s = ready();
    expect(update(s, { type: 'asOfSet', asOf: '2026-02-30', today: '2026-07-01' })).toBe(s);
    expect(update(s, { type: 'asOfSet', asOf: 'today', today: '2026-07-01' }).asOf).toBe('today');
  });

  it('an as-of date of "today" follows the clock', () => {
    const s = update(ready(), { type: 'asOfSet', asOf: 'today', today: '2026-07-01' });
    const k = findings.wanted(s);
    expect(findings.wanted(update(s, { type: 'asOfSet', asOf: 'today', today: '2026-07-02' }))).not.toBe(k);
  });
});

describe('workbench and layout review', () => {
  it('computes workbench figures only while the workbench is open', () => {
    const idle = ready();
    expect(scores.wanted(idle)).toBeNull();
    expect(figures.wanted(idle)).toBeNull();
    expect(scores.wanted(update(idle, { type: 'modeSet', mode: 'workbench' }))).not.toBeNull();
  });

  it('re-reads the tracking history after a stored step', () => {
    const s = update(ready(), { type: 'parcelSelected', parcel: 'P1' });
    const k = history.wanted(s);
    expect(k).not.toBeNull();
    expect(history.wanted(update(s, { type: 'trackingStored' }))).not.toBe(k);
  });

  it('builds the candidate sites only in 园区布局 and 招商选址, anew when the findings change', () => {
    const s = ready();
    expect(s.mode).toBe('idle');
    expect(supply.wanted(s)).toBeNull();
    expect(supply.wanted(update(s, { type: 'modeSet', mode: 'workbench' }))).toBeNull();
    const layout = update(s, { type: 'modeSet', mode: 'layout' });
    const k = supply.wanted(layout);
    expect(k).not.toBeNull();
    expect(supply.wanted(update(s, { type: 'modeSet', mode: 'siting' }))).toBe(k);
    expect(supply.wanted({ ...layout, findingsKey: 'another' })).toBeNull(); // findings not current yet
  });

  it('filters the clusters and the overlap matrix, and forgets the chosen pair, when the county filter changes', () => {
    const w = (entries: [string, number][]) => new Map(entries);
    const profiles: NonNullable<AppState['review']['profiles']> = {
      counties: ['乐陵市', '宁津县', '庆云县'],
      basis: { 乐陵市: 'output', 宁津县: 'output', 庆云县: 'output' },
      weights: new Map([
        ['乐陵市', w([['N1', 1]])],
        ['宁津县', w([['N1', 1]])],
        ['庆云县', w([['N2', 1]])],
      ]),
      parks: new Map(),
      parkNames: new Map(),
      nodes: new Map(),
      links: [],
    };
    // Available land (the candidate sites) comes first: the review's figures read it.
    const layout = derived(update(ready(), { type: 'modeSet', mode: 'layout' }), supply, { candidates: [], shapes: new Map() });
    const withBase = derived(layout, reviewBase, { availability: [], profiles, chains: [{ chain_id: 'C1', chain_name: '链', nodes: 1, gapNodes: 0, enterprises: 0 }], parkMatch: [] });
    const k = clusters.wanted({ ...withBase, parks: REGION.parks as never });
    expect(chain.wanted(withBase)).toContain('C1');
    const paired = update(withBase, { type: 'pairSelected', pair: ['宁津县', '乐陵市'] });
    const narrowed = update(paired, { type: 'filterPatched', patch: { counties: ['宁津县', '乐陵市'] } });
    expect(narrowed.review.pairCounties).toBeNull();
    expect(clusters.wanted({ ...narrowed, parks: REGION.parks as never })).not.toBe(k);
    expect(selectOverlap(withBase)?.counties).toEqual(['乐陵市', '宁津县', '庆云县']);
    expect(selectOverlap(narrowed)?.counties).toEqual(['乐陵市', '宁津县']);
  });
});

describe('layout review settings', () => {
  it('applies valid cluster and overlap values, keeps the current ones for refused values and says why', () => {
    const s = update(ready(), { type: 'clusterSettingsPatched', patch: { epsKm: 12 } });
    expect(s.clusterSettings.epsKm).toBe(12);
    const bad = update(s, { type: 'clusterSettingsPatched', patch: { epsKm: 500, minParks: 2.5 } });
    expect(bad.clusterSettings).toEqual(s.clusterSettings);
    expect(bad.notices.map((n) => n.zh).join()).toMatch(/epsKm.*minParks|minParks.*epsKm/s);
    expect(update(s, { type: 'overlapThresholdSet', threshold: 0.5 }).overlapSettings.highOverlap).toBe(0.5);
    const refused = update(s, { type: 'overlapThresholdSet', threshold: 1.5 });
    expect(refused.overlapSettings).toEqual(s.overlapSettings);
    expect(refused.notices.at(-1)!.en).toContain('highOverlap');
  });
});

describe('promotion groups and saved work', () => {
  it('takes the groups of the place data until the user saves a list of their own', () => {
    const s = placed(base);
    expect(promotionGroups(s).map((g) => g.group_id)).toEqual(['G']);
    const own = { ...EMPTY_PLACE_WORK, groups: [{ group_id: 'U', name: '自定', counties: ['宁津县', '乐陵市'] }] };
    const edited = apply(s, { type: 'workChanged', work: own });
    expect(promotionGroups(edited).map((g) => g.group_id)).toEqual(['U']);
    expect(promotionGroups(apply(edited, { type: 'workChanged', work: EMPTY_PLACE_WORK })).map((g) => g.group_id)).toEqual(['G']);
  });

  it('never changes work saved by a newer version', () => {
    const s = { ...placed(base), workReadOnly: true };
    expect(apply(s, { type: 'workChanged', work: { ...EMPTY_PLACE_WORK, groups: [] } })).toBe(s);
  });
});
