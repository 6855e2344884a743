// State of 项目选址 (project–site matching): the project as the planner describes it (SiteNeed),
// the need last submitted, the chain nodes to choose from, the ranked sites and the site chosen.

import type { ChainNodeOption, ResolvedNodes } from '../analysis/site-match-nodes';
import type { MatchResult } from '../analysis/site-match';
import type { IndustrialClass, MatchInput } from '../analysis/site-match-need';
import { DEFAULT_MATCH_SETTINGS, type MatchSettings } from '../analysis/match-settings';
import type { LandUse, ParkLevel } from '../vocab';

export type { ChainNodeOption, IndustrialClass, MatchResult, MatchSettings };

/** A project as the form describes it. Numbers are null while not given. */
export interface SiteNeed {
  /** A chain node chosen from the list; null = use `text`. */
  nodeId: string | null;
  /** Free text matched to node names, then chain names ("PCB"). */
  text: string;
  /** Land needed, 亩. */
  muMin: number | null;
  muMax: number | null;
  landUse: LandUse | null;
  /** 万元. */
  investmentWan: number | null;
  /** Preferred counties; empty = anywhere. */
  counties: string[];
  /** Park levels; empty = any. */
  levels: ParkLevel[];
  /** A promotion group (组团): its member counties are all in scope. */
  groupId: string | null;
  /** Distance for suppliers and customers, km; null = the setting's default. */
  distanceKm: number | null;
  /** The project's industrial class (GB 50137-2011); null = any. */
  industrialClass: IndustrialClass | null;
  /** project_id of the 招商项目库 project this need was filled from, so a site can be linked back to it. */
  projectId: string | null;
}

export const EMPTY_NEED: SiteNeed = {
  nodeId: null,
  text: '',
  muMin: null,
  muMax: null,
  landUse: 'industrial',
  investmentWan: null,
  counties: [],
  levels: [],
  groupId: null,
  distanceKm: null,
  industrialClass: null,
  projectId: null,
};

/** A matching result with what it was computed for. */
export interface SiteMatchView {
  input: MatchInput;
  resolved: ResolvedNodes;
  /** Names of the project's chains, for the explanations. */
  chainNames: string[];
  result: MatchResult;
}

export interface SitingState {
  need: SiteNeed;
  /** The need last submitted for matching; null before the first. */
  submitted: SiteNeed | null;
  nodes: ChainNodeOption[];
  nodesKey: string | null;
  match: SiteMatchView | null;
  matchKey: string | null;
  /** site_id of the candidate shown in the detail panel. */
  selectedSite: string | null;
  settings: MatchSettings;
  /** Why the last settings change was partly refused (Chinese). */
  settingsErrors: string[];
  /** The left panel's tab: describe a project and rank sites, or the project pipeline. */
  tab: SitingTab;
}

export type SitingTab = 'match' | 'pipeline';

export const INITIAL_SITING: SitingState = {
  need: EMPTY_NEED,
  submitted: null,
  nodes: [],
  nodesKey: null,
  match: null,
  matchKey: null,
  selectedSite: null,
  settings: DEFAULT_MATCH_SETTINGS,
  settingsErrors: [],
  tab: 'match',
};
