// 项目选址 in the state: pure updaters of the siting slice and its two derived results,
// computed only while the 招商选址 mode is open:
//   siting-nodes ← region                                   chain nodes for the form
//   site-match   ← candidate sites (supply, after the land rules), nodes, submitted need,
//                  groups, match settings                   ranked sites

import { chainNodeOptions } from '../analysis/site-match-nodes';
import { matchSites } from '../analysis/site-match';
import { mergeMatchSettings, DEFAULT_MATCH_SETTINGS, type MatchSettings } from '../analysis/match-settings';
import { type AppState, promotionGroups } from './app-state';
import { type Derivation, isCurrent, key } from './derivation';
import { regionData } from './map-derivations';
import { supply } from './supply';
import { matchInputOf, needIssues, resolveNeed } from './siting-need';
import type { ChainNodeOption, SiteMatchView, SiteNeed, SitingState, SitingTab } from './siting-state';

export type SitingEvent =
  | { type: 'needPatched'; patch: Partial<SiteNeed> }
  /** The planner asked for matching: the need as it stands is matched (when it has no issues). */
  | { type: 'needSubmitted' }
  /** A project of the pipeline fills the form and is matched at once. */
  | { type: 'projectMatched'; need: SiteNeed }
  | { type: 'siteSelected'; siteId: string | null }
  | { type: 'sitingTabSet'; tab: SitingTab }
  | { type: 'matchSettingsPatched'; patch: Partial<MatchSettings> }
  | { type: 'matchSettingsReset' };

const submit = (s: SitingState, need: SiteNeed): SitingState =>
  needIssues(need).length > 0 ? { ...s, need } : { ...s, need, submitted: need, selectedSite: null };

export function sitingUpdate(s: SitingState, e: SitingEvent): SitingState {
  switch (e.type) {
    case 'needPatched': {
      const need = { ...s.need, ...e.patch };
      // Typing text means "match by text": a node chosen before no longer applies.
      if (e.patch.text !== undefined && e.patch.nodeId === undefined && e.patch.text !== s.need.text) need.nodeId = null;
      return { ...s, need };
    }
    case 'needSubmitted':
      return submit(s, s.need);
    case 'projectMatched':
      // The sites are what the planner asked for: show them.
      return { ...submit(s, e.need), tab: 'match' };
    case 'sitingTabSet':
      return s.tab === e.tab ? s : { ...s, tab: e.tab };
    case 'siteSelected':
      return e.siteId === s.selectedSite ? s : { ...s, selectedSite: e.siteId };
    case 'matchSettingsPatched': {
      const { settings, errors } = mergeMatchSettings(e.patch, s.settings);
      return { ...s, settings, settingsErrors: errors };
    }
    case 'matchSettingsReset':
      return { ...s, settings: DEFAULT_MATCH_SETTINGS, settingsErrors: [] };
  }
}

export const withSiting = (s: AppState, patch: Partial<SitingState>): AppState => ({ ...s, siting: { ...s.siting, ...patch } });

const open = (s: AppState) => s.mode === 'siting';

export const sitingNodes: Derivation<ChainNodeOption[]> = {
  name: 'siting-nodes',
  fatal: false,
  wanted: (s) => (open(s) && isCurrent(regionData, s) ? key(s.regionKey) : null),
  current: (s) => s.siting.nodesKey,
  run: (_s, { db }) => chainNodeOptions(db),
  // Another region's node or counties mean nothing here: the form drops them.
  apply: (s, nodes) => {
    const need = s.siting.need;
    const nodeId = nodes.some((n) => n.node_id === need.nodeId) ? need.nodeId : null;
    const counties = need.counties.filter((c) => s.countyOptions.includes(c));
    const kept = nodeId === need.nodeId && counties.length === need.counties.length ? need : { ...need, nodeId, counties };
    return withSiting(s, { nodes, nodesKey: sitingNodes.wanted(s), need: kept });
  },
};

/** The analysis input of the submitted need, or null when nothing is submitted. */
export function submittedInput(s: AppState) {
  const need = s.siting.submitted;
  if (!need) return null;
  const resolved = resolveNeed(need, s.siting.nodes);
  return { need, resolved, input: matchInputOf(need, resolved, promotionGroups(s), s.siting.settings) };
}

export const siteMatch: Derivation<SiteMatchView> = {
  name: 'site-match',
  fatal: false,
  wanted: (s) => {
    // The candidates (site_candidates) are built by the supply derivation after the land rules;
    // its key carries the findings' (as-of date, rule settings: the 亩均 classes read them too).
    if (!open(s) || !isCurrent(supply, s) || !isCurrent(sitingNodes, s)) return null;
    const sub = submittedInput(s);
    return sub ? key(s.supply.key, sub.input, s.siting.settings) : null;
  },
  current: (s) => s.siting.matchKey,
  async run(s, { db }) {
    const { resolved, input } = submittedInput(s)!;
    const chainIds = new Set(resolved.nodes.map((n) => n.chain_id));
    const chainNames = [...new Set(s.siting.nodes.filter((n) => chainIds.has(n.chain_id)).map((n) => n.chain_name ?? n.chain_id))];
    const result = await matchSites(db, input, s.siting.settings, s.settings);
    return { input, resolved, chainNames, result };
  },
  apply: (s, match) => {
    const keep = match.result.ranked.some((r) => r.site_id === s.siting.selectedSite);
    return withSiting(s, { match, matchKey: siteMatch.wanted(s), selectedSite: keep ? s.siting.selectedSite : null });
  },
};

export const SITING_DERIVATIONS = [sitingNodes, siteMatch] as const;
