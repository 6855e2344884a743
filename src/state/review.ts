// The park-layout review's derived results (computed only while the layout view is open),
// keyed by their inputs:
//   base      ← findings                       park availability, county profiles, chains, park match
//   clusters  ← base, cluster settings, county/park filter
//   chain     ← base, shown chain              chain map, layout grid, suggestions
//   highlight ← region, selected chain node    map highlight per pidx

import { type ChainLayout, type GroupedSuggestion, chainLayout, groupLayoutSuggestions, layoutSuggestions } from '../analysis/chain-roles';
import { type ChainMap, type ChainSummary, type ParkMatch, chainMap, listChains, nodePidx, parkMatch } from '../analysis/chains';
import { type CountyProfiles, loadCountyProfiles } from '../analysis/county-overlap';
import { type ParkAvailability, parkAvailability } from '../analysis/park-availability';
import { type ParkClusterResult, assessedParkClusters } from '../analysis/park-clusters';
import { parkShapesFromGeoJson } from '../analysis/park-distance';
import { regionById } from '../data/regions';
import type { AppState } from './app-state';
import { type Derivation, isCurrent, key } from './derivation';
import { regionData } from './map-derivations';
import { supply } from './supply';
import type { ReviewState } from './review-state';

const open = (s: AppState) => s.mode === 'layout';

export function withReview(s: AppState, patch: Partial<ReviewState>): AppState {
  return { ...s, review: { ...s.review, ...patch } };
}

/** Parks the map's county/park filter keeps (all when the filter is empty). */
export function parkKept(s: Pick<AppState, 'filter' | 'parkOptions'>): (parkId: string) => boolean {
  const { filter, parkOptions } = s;
  const county = new Map(parkOptions.map((p) => [p.park_id, p.county]));
  return (id) =>
    (filter.counties.length === 0 || filter.counties.includes(county.get(id) ?? '')) &&
    (filter.parkIds.length === 0 || filter.parkIds.includes(id));
}

/** The chain on screen: the one picked if this region has it, else the region's first. */
export function shownChain(s: AppState): string | null {
  const { chains, chainChoice } = s.review;
  return chains.some((c) => c.chain_id === chainChoice) ? chainChoice : (chains[0]?.chain_id ?? null);
}

interface Base {
  availability: ParkAvailability[];
  profiles: CountyProfiles;
  chains: ChainSummary[];
  parkMatch: ParkMatch[];
}

export const reviewBase: Derivation<Base> = {
  name: 'review-base',
  fatal: false,
  // Available land is read from the candidate sites (state/supply.ts).
  wanted: (s) => (open(s) && isCurrent(supply, s) ? key(s.findingsKey, s.supply.key) : null),
  current: (s) => s.review.baseKey,
  async run(_s, { db }) {
    return {
      availability: await parkAvailability(db),
      profiles: await loadCountyProfiles(db),
      chains: await listChains(db),
      parkMatch: await parkMatch(db),
    };
  },
  apply: (s, r) => withReview(s, { ...r, pairCounties: null, baseKey: reviewBase.wanted(s) }),
};

export const clusters: Derivation<ParkClusterResult | null> = {
  name: 'clusters',
  fatal: false,
  wanted: (s) =>
    open(s) && isCurrent(reviewBase, s) && s.parks
      ? key(s.review.baseKey, s.clusterSettings, s.filter.counties, s.filter.parkIds)
      : null,
  current: (s) => s.review.clustersKey,
  run: (s, { db }) => assessedParkClusters(db, parkShapesFromGeoJson(s.parks!), s.clusterSettings, parkKept(s)),
  // A chosen cluster stays chosen while the new result still has it (a restored view names it
  // before the clusters are computed); otherwise the choice goes.
  apply: (s, r) =>
    withReview(s, {
      clusters: r,
      selectedCluster: r?.clusters.some((c) => c.id === s.review.selectedCluster) ? s.review.selectedCluster : null,
      clustersKey: clusters.wanted(s),
    }),
};

interface Chain {
  chainId: string;
  chain: ChainMap | null;
  chainLayout: ChainLayout;
  suggestions: GroupedSuggestion[];
}

export const chain: Derivation<Chain> = {
  name: 'chain',
  fatal: false,
  wanted: (s) => {
    const id = shownChain(s);
    return open(s) && isCurrent(reviewBase, s) && id !== null ? key(s.review.baseKey, id) : null;
  },
  current: (s) => s.review.chainKey,
  async run(s, { db }) {
    const chainId = shownChain(s)!;
    const districts = regionById(s.region)?.districts ?? [];
    const availability = s.review.availability;
    return {
      chainId,
      chain: await chainMap(db, chainId, availability),
      chainLayout: await chainLayout(db, chainId, districts),
      suggestions: groupLayoutSuggestions(await layoutSuggestions(db, districts, chainId, availability)),
    };
  },
  apply(s, r) {
    // Another chain: its nodes differ, so the node selection and highlight go — unless the node
    // chosen is one of the new chain's (a restored view names both before the chain is read).
    const keeps = r.chain?.nodes.some((n) => n.node_id === s.review.selectedNode) ?? false;
    const other = r.chainId !== s.review.chainId && !keeps;
    return withReview(s, {
      ...r,
      chainKey: chain.wanted(s),
      ...(other ? { selectedNode: null, highlight: null, highlightKey: null, revision: s.review.revision + 1 } : {}),
    });
  },
};

export const highlight: Derivation<Uint8Array> = {
  name: 'highlight',
  fatal: false,
  wanted: (s) =>
    open(s) && s.review.selectedNode !== null && isCurrent(regionData, s) ? key(s.regionKey, s.review.selectedNode) : null,
  current: (s) => s.review.highlightKey,
  async run(s, { db }) {
    const pidx = await nodePidx(db, s.review.selectedNode!);
    const n = s.shapes?.parcelCount ?? 0;
    const h = new Uint8Array(n);
    for (const i of pidx) if (i < n) h[i] = 1;
    return h;
  },
  apply: (s, h) => withReview(s, { highlight: h, highlightKey: highlight.wanted(s), revision: s.review.revision + 1 }),
};

export const REVIEW_DERIVATIONS = [reviewBase, clusters, chain, highlight] as const;
