// State of the park-layout review (园区布局: 组团、同质化、补链). The overlap matrix and the
// chosen pair's detail are pure functions of the county profiles: review-selectors.ts derives
// them on read instead of storing copies that would have to be kept in step.

import type { ChainLayout, GroupedSuggestion } from '../analysis/chain-roles';
import type { ChainMap, ChainNodeInfo, ChainSummary, ParkMatch } from '../analysis/chains';
import type { CountyOverlap, CountyPairDetail, CountyProfiles } from '../analysis/county-overlap';
import type { ParkAvailability } from '../analysis/park-availability';
import type { ParkCluster, ParkClusterResult } from '../analysis/park-clusters';
import type { ClusterSettings } from '../analysis/review-settings';

export type {
  ChainLayout,
  ChainMap,
  ChainNodeInfo,
  ParkCluster,
  ChainSummary,
  ClusterSettings,
  CountyOverlap,
  CountyPairDetail,
  CountyProfiles,
  GroupedSuggestion,
  ParkAvailability,
  ParkClusterResult,
  ParkMatch,
};

export interface ReviewState {
  availability: ParkAvailability[];
  profiles: CountyProfiles | null;
  chains: ChainSummary[];
  parkMatch: ParkMatch[];
  clusters: ParkClusterResult | null;
  selectedCluster: number | null;
  /** The promotion group (组团) chosen in the group panel: its counties are outlined on the map. */
  /** The county pair chosen in the overlap matrix. */
  pairCounties: readonly [string, string] | null;
  /** The chain the planner picked; null = the first chain of the region. */
  chainChoice: string | null;
  /** The chain shown (its map, layout grid and suggestions below). */
  chainId: string | null;
  chain: ChainMap | null;
  chainLayout: ChainLayout | null;
  suggestions: GroupedSuggestion[];
  selectedNode: string | null;
  /** Per pidx: 1 for parcels of the selected chain node (map highlight). */
  highlight: Uint8Array | null;
  /** Bumped when `highlight` changes. */
  revision: number;
  // Keys of the inputs each result was computed from (derivation.ts).
  baseKey: string | null;
  clustersKey: string | null;
  chainKey: string | null;
  highlightKey: string | null;
}

export const INITIAL_REVIEW: ReviewState = {
  availability: [],
  profiles: null,
  chains: [],
  parkMatch: [],
  clusters: null,
  selectedCluster: null,
  pairCounties: null,
  chainChoice: null,
  chainId: null,
  chain: null,
  chainLayout: null,
  suggestions: [],
  selectedNode: null,
  highlight: null,
  revision: 0,
  baseKey: null,
  clustersKey: null,
  chainKey: null,
  highlightKey: null,
};
