// 项目选址 in the state: the form's pure updaters, what a need resolves to (free text, a
// promotion group's counties), a need from a pipeline project, and the match derivation's key.

import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCH_SETTINGS } from '../../src/analysis/match-settings';
import { foldText, resolveNodes } from '../../src/analysis/site-match-nodes';
import { type AppState, initialState } from '../../src/state/app-state';
import { findings, placeShapes, regionData } from '../../src/state/map-derivations';
import { EMPTY_PLACE_WORK } from '../../src/state/place-work';
import { DEFAULT_SAVED_STATE } from '../../src/state/saved-state';
import { siteMatch, sitingNodes, sitingUpdate } from '../../src/state/siting';
import { supply } from '../../src/state/supply';
import { createSitingActions } from '../../src/state/siting-actions';
import { matchInputOf, needCounties, needFromProject, needIssues } from '../../src/state/siting-need';
import { EMPTY_NEED, INITIAL_SITING } from '../../src/state/siting-state';
import { createStore } from '../../src/state/store';
import { type AppEvent, update } from '../../src/state/updaters';
import { DEFAULT_VIEW } from '../../src/state/view';

const NODES = [
  { chain_id: 'C1', chain_name: '电子信息', node_id: 'N1', node_name: '印制电路板（PCB）', stage: 'midstream' },
  { chain_id: 'C1', chain_name: '电子信息', node_id: 'N2', node_name: '覆铜板', stage: 'upstream' },
  { chain_id: 'C2', chain_name: '健身器材', node_id: 'N3', node_name: '整机', stage: 'downstream' },
];
const GROUPS = [{ group_id: 'G', name: '宁乐庆组团', counties: ['宁津县', '乐陵市', '庆云县'] }];

describe('the need', () => {
  it('free text matches node names first (full-width and case folded), then chain names', () => {
    expect(foldText('ＰＣＢ （板）')).toBe('pcb(板)');
    expect(resolveNodes(NODES, null, 'pcb')).toEqual({ nodes: [NODES[0]], by: 'node_name' });
    expect(resolveNodes(NODES, null, '电子')).toEqual({ nodes: [NODES[0], NODES[1]], by: 'chain_name' });
    expect(resolveNodes(NODES, null, '汽车')).toEqual({ nodes: [], by: 'none' });
    // A chosen node wins over the text.
    expect(resolveNodes(NODES, 'N3', 'pcb')).toEqual({ nodes: [NODES[2]], by: 'node' });
  });

  it('a promotion group brings every member county into scope, with the preferred ones, each once', () => {
    const need = { ...EMPTY_NEED, counties: ['乐陵市', '德城区'], groupId: 'G' };
    expect(needCounties(need, GROUPS)).toEqual(['乐陵市', '德城区', '宁津县', '庆云县']);
    const input = matchInputOf({ ...need, text: 'PCB', muMin: 10 }, resolveNodes(NODES, null, 'PCB'), GROUPS, DEFAULT_MATCH_SETTINGS);
    expect(input).toMatchObject({ nodeIds: ['N1'], counties: ['乐陵市', '德城区', '宁津县', '庆云县'], distanceKm: 15, muMin: 10 });
  });

  it('names the field of each problem', () => {
    expect(needIssues(EMPTY_NEED).map((i) => i.field)).toEqual(['text']);
    const bad = { ...EMPTY_NEED, text: 'PCB', muMin: 30, muMax: 20, investmentWan: -1, distanceKm: 0 };
    expect(needIssues(bad).map((i) => i.field)).toEqual(['muMax', 'investmentWan', 'distanceKm']);
    expect(needIssues(bad)[0].zh).toBe('用地上限 20 亩小于下限 30 亩');
  });

  it('a pipeline project becomes a need: node, land, use, investment, responsible county', () => {
    const need = needFromProject({
      project_id: 'P-7', chain_node: 'N1', land_need_mu_min: 20, land_need_mu_max: 40, land_use: 'warehouse', investment_wan: 30000, county: '始兴县',
    });
    expect(need).toEqual({ ...EMPTY_NEED, nodeId: 'N1', muMin: 20, muMax: 40, landUse: 'warehouse', investmentWan: 30000, counties: ['始兴县'], projectId: 'P-7' });
    // An unknown land use keeps the form's default rather than passing a code nobody knows.
    expect(needFromProject({ land_use: '工业' }).landUse).toBe('industrial');
  });
});

describe('updaters', () => {
  it('matching a pipeline project submits its need and shows the sites tab, remembering the project', () => {
    const onPipeline = sitingUpdate(INITIAL_SITING, { type: 'sitingTabSet', tab: 'pipeline' });
    expect(onPipeline.tab).toBe('pipeline');
    const need = needFromProject({ project_id: 'P-7', chain_node: 'N1', land_need_mu_min: 20 });
    const s = sitingUpdate(onPipeline, { type: 'projectMatched', need });
    expect([s.tab, s.submitted?.projectId, s.selectedSite]).toEqual(['match', 'P-7', null]);
    // A need with a problem is kept for correction but not matched, and the form is shown to correct it.
    const bad = sitingUpdate(onPipeline, { type: 'projectMatched', need: { ...need, muMin: -1 } });
    expect([bad.tab, bad.submitted, bad.need.muMin]).toEqual(['match', null, -1]);
  });

  it('typing text drops a node chosen before; submitting keeps a need with issues unsubmitted', () => {
    let s = sitingUpdate(INITIAL_SITING, { type: 'needPatched', patch: { nodeId: 'N1' } });
    s = sitingUpdate(s, { type: 'needPatched', patch: { text: 'PCB' } });
    expect(s.need.nodeId).toBeNull();
    s = sitingUpdate(s, { type: 'needPatched', patch: { muMin: 30, muMax: 20 } });
    expect(sitingUpdate(s, { type: 'needSubmitted' }).submitted).toBeNull();
    s = sitingUpdate(s, { type: 'needPatched', patch: { muMax: 40 } });
    expect(sitingUpdate(s, { type: 'needSubmitted' }).submitted).toEqual(s.need);
  });

  it('refuses matching weights out of range and keeps the rest', () => {
    const s = sitingUpdate(INITIAL_SITING, { type: 'matchSettingsPatched', patch: { matchLandWeight: 2, matchDistanceKm: 20 } });
    expect([s.settings.matchLandWeight, s.settings.matchDistanceKm]).toEqual([0.25, 20]);
    expect(s.settingsErrors).toHaveLength(1);
    const zero = sitingUpdate(INITIAL_SITING, {
      type: 'matchSettingsPatched',
      patch: { matchChainWeight: 0, matchLandWeight: 0, matchReadinessWeight: 0, matchLevelWeight: 0, matchMujunWeight: 0 },
    });
    expect(zero.settings).toEqual(DEFAULT_MATCH_SETTINGS);
  });
});

describe('actions and keys', () => {
  const base = initialState({ ...DEFAULT_VIEW, asOf: '2026-06-30' }, DEFAULT_SAVED_STATE, '2026-07-01', null, []);
  const derived = (s: AppState, d: { name: string; wanted(s: AppState): string | null }, result: unknown) =>
    update(s, { type: 'derived', name: d.name, key: d.wanted(s)!, result });
  const REGION = {
    boundaries: { type: 'FeatureCollection', features: [] }, parks: { type: 'FeatureCollection', features: [] },
    parkOptions: [], countyOptions: ['始兴县'],
    // The candidate sites are built only where there are parcel shapes; none are read here.
    shapes: { parcelCount: 0 }, dataGroups: GROUPS, work: EMPTY_PLACE_WORK, workReadOnly: false, workIssues: [],
  };

  it('matchProject opens the siting mode, fills the form and submits it; the match is wanted once findings and nodes are in', () => {
    const store = createStore<AppState>(base);
    const dispatch = (e: AppEvent) => store.replace(update(store.get(), e));
    const actions = createSitingActions({ store, dispatch, fx: {} as never });
    actions.matchProject({ chain_node: 'N1', land_need_mu_min: 20, land_need_mu_max: 40, county: '始兴县' });
    let s = store.get();
    expect([s.mode, s.siting.need.nodeId, s.siting.submitted?.counties]).toEqual(['siting', 'N1', ['始兴县']]);
    expect(siteMatch.wanted(s)).toBeNull();
    s = derived(derived(s, placeShapes, REGION), regionData, { hover: null });
    s = derived(s, findings, new Uint8Array(0));
    expect(siteMatch.wanted(s)).toBeNull(); // the candidate sites are not built yet
    s = derived(s, supply, { candidates: [], shapes: new Map() });
    expect(siteMatch.wanted(s)).toBeNull(); // nor the node list read
    s = derived(s, sitingNodes, NODES);
    const k = siteMatch.wanted(s);
    expect(k).not.toBeNull();
    // A weight changes the key; leaving the mode stops wanting a result.
    const heavier = update(s, { type: 'siting', event: { type: 'matchSettingsPatched', patch: { matchLandWeight: 0.5 } } });
    expect(siteMatch.wanted(heavier)).not.toBe(k);
    expect(siteMatch.wanted(update(s, { type: 'modeSet', mode: 'idle' }))).toBeNull();
  });

  it('a node list of another region drops the node and counties it does not have', () => {
    let s = update(base, { type: 'modeSet', mode: 'siting' });
    s = update(s, { type: 'siting', event: { type: 'needPatched', patch: { nodeId: 'GONE', counties: ['始兴县', '宁津县'] } } });
    s = derived(derived(s, placeShapes, REGION), regionData, { hover: null });
    s = derived(s, sitingNodes, NODES);
    expect([s.siting.need.nodeId, s.siting.need.counties]).toEqual([null, ['始兴县']]);
  });
});
