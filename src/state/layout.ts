// State of the park-layout review (组团、同质化、补链): computed when the layout view is open,
// refreshed whenever the region or the rules' findings change.

import { type ChainLayout, type GroupedSuggestion, chainLayout, groupLayoutSuggestions, layoutSuggestions } from '../analysis/chain-roles';
import { type ChainMap, type ChainSummary, type ParkMatch, chainMap, listChains, nodePidx, parkMatch } from '../analysis/chains';
import {
  type CountyOverlap,
  type CountyPairDetail,
  type CountyProfiles,
  countyOverlap,
  countyPairDetail,
  loadCountyProfiles,
} from '../analysis/county-overlap';
import { type ParkAvailability, parkAvailability } from '../analysis/park-availability';
import { type ParkClusterResult, parkClusters } from '../analysis/park-clusters';
import { parkShapesFromGeoJson } from '../analysis/park-distance';
import { type ClusterSettings, DEFAULT_CLUSTER_SETTINGS, DEFAULT_OVERLAP_SETTINGS } from '../analysis/review-settings';
import { regionById } from '../data/regions';
import { runDb, store } from './app';
import { createStore } from './store';

export interface LayoutState {
  clusterSettings: ClusterSettings;
  clusters: ParkClusterResult | null;
  selectedCluster: number | null;
  overlapThreshold: number;
  profiles: CountyProfiles | null;
  overlap: CountyOverlap | null;
  pair: CountyPairDetail | null;
  chains: ChainSummary[];
  chainId: string | null;
  chain: ChainMap | null;
  chainLayout: ChainLayout | null;
  suggestions: GroupedSuggestion[];
  selectedNode: string | null;
  /** Per pidx: 1 for parcels of the selected chain node (map highlight). */
  highlight: Uint8Array | null;
  parkMatch: ParkMatch[];
  availability: ParkAvailability[];
  /** Bumped when `highlight` changes. */
  revision: number;
}

export const layoutStore = createStore<LayoutState>({
  clusterSettings: DEFAULT_CLUSTER_SETTINGS,
  clusters: null,
  selectedCluster: null,
  overlapThreshold: DEFAULT_OVERLAP_SETTINGS.highOverlap,
  profiles: null,
  overlap: null,
  pair: null,
  chains: [],
  chainId: null,
  chain: null,
  chainLayout: null,
  suggestions: [],
  selectedNode: null,
  highlight: null,
  parkMatch: [],
  availability: [],
  revision: 0,
});

function districts(): readonly string[] {
  return regionById(store.get().region)?.districts ?? [];
}

/** Parks the map's county/park filter keeps (all when the filter is empty). */
function parkKept(): (parkId: string) => boolean {
  const { filter, parkOptions } = store.get();
  const county = new Map(parkOptions.map((p) => [p.park_id, p.county]));
  return (id) =>
    (filter.counties.length === 0 || filter.counties.includes(county.get(id) ?? '')) &&
    (filter.parkIds.length === 0 || filter.parkIds.includes(id));
}

/** The overlap matrix restricted to the filtered counties (when two or more are chosen). */
function filteredOverlap(profiles: CountyProfiles, threshold: number): CountyOverlap {
  const full = countyOverlap(profiles, threshold);
  const chosen = store.get().filter.counties;
  if (chosen.length < 2) return full;
  const keep = full.counties.map((c, i) => [c, i] as const).filter(([c]) => chosen.includes(c));
  return {
    ...full,
    counties: keep.map(([c]) => c),
    index: keep.map(([, i]) => keep.map(([, j]) => full.index[i][j])),
    highPairs: full.highPairs.filter((p) => chosen.includes(p.a) && chosen.includes(p.b)),
  };
}

async function refreshClusters(): Promise<void> {
  const parks = store.get().parks;
  if (!parks) return;
  const clusters = await runDb((db) =>
    parkClusters(db, parkShapesFromGeoJson(parks), layoutStore.get().clusterSettings, parkKept()),
  );
  layoutStore.set({ clusters, selectedCluster: null });
}

async function refreshChain(chainId: string | null): Promise<void> {
  if (!chainId) {
    layoutStore.set({ chainId: null, chain: null, chainLayout: null, selectedNode: null, highlight: null });
    return;
  }
  const availability = layoutStore.get().availability;
  const [chain, grid, raw] = await runDb(async (db) => [
    await chainMap(db, chainId, availability),
    await chainLayout(db, chainId, districts()),
    await layoutSuggestions(db, districts(), chainId, availability),
  ] as const);
  layoutStore.set({ chainId, chain, chainLayout: grid, suggestions: groupLayoutSuggestions(raw), selectedNode: null, highlight: null });
}

/** Recomputes everything for the current region and findings. */
export async function refreshLayout(): Promise<void> {
  const [availability, profiles, chains, match] = await runDb(async (db) => [
    await parkAvailability(db),
    await loadCountyProfiles(db),
    await listChains(db),
    await parkMatch(db),
  ] as const);
  const threshold = layoutStore.get().overlapThreshold;
  const keepChain = chains.some((c) => c.chain_id === layoutStore.get().chainId);
  layoutStore.set({
    availability,
    profiles,
    overlap: filteredOverlap(profiles, threshold),
    pair: null,
    chains,
    parkMatch: match,
  });
  await refreshClusters();
  await refreshChain(keepChain ? layoutStore.get().chainId : (chains[0]?.chain_id ?? null));
}

export function setClusterSettings(patch: Partial<ClusterSettings>): Promise<void> {
  layoutStore.set({ clusterSettings: { ...layoutStore.get().clusterSettings, ...patch } });
  return refreshClusters();
}

export function selectCluster(id: number | null): void {
  layoutStore.set({ selectedCluster: id });
}

export function setOverlapThreshold(threshold: number): void {
  const { profiles, pair } = layoutStore.get();
  layoutStore.set({ overlapThreshold: threshold, overlap: profiles ? filteredOverlap(profiles, threshold) : null, pair });
}

export function selectPair(a: string | null, b?: string): void {
  const { profiles } = layoutStore.get();
  layoutStore.set({ pair: a && b && profiles && a !== b ? countyPairDetail(profiles, a, b) : null });
}

export function selectChain(chainId: string): Promise<void> {
  return refreshChain(chainId);
}

export async function selectNode(nodeId: string | null): Promise<void> {
  if (!nodeId) {
    layoutStore.set({ selectedNode: null, highlight: null, revision: layoutStore.get().revision + 1 });
    return;
  }
  const pidx = await runDb((db) => nodePidx(db, nodeId));
  const n = store.get().shapes?.parcelCount ?? 0;
  const highlight = new Uint8Array(n);
  for (const i of pidx) if (i < n) highlight[i] = 1;
  layoutStore.set({ selectedNode: nodeId, highlight, revision: layoutStore.get().revision + 1 });
}

/** Keeps the layout in step with the app: region loads, rule re-runs and entering the view. */
export function initLayout(): void {
  // Every rule run (region load, as-of or settings change) publishes a new categories array,
  // so its identity says whether the findings the layout was computed from are still current.
  let seen: Uint8Array | null = null;
  let seenFilter: unknown = null;
  store.subscribe(() => {
    const s = store.get();
    if (s.mode !== 'layout' || s.phase !== 'ready' || !s.categories) return;
    if (s.categories !== seen) {
      seen = s.categories;
      seenFilter = s.filter;
      refreshLayout().catch((e) => console.error(e));
    } else if (s.filter !== seenFilter) {
      // The county/park filter narrows the clusters and the overlap matrix.
      seenFilter = s.filter;
      const { profiles, overlapThreshold } = layoutStore.get();
      if (profiles) layoutStore.set({ overlap: filteredOverlap(profiles, overlapThreshold), pair: null });
      refreshClusters().catch((e) => console.error(e));
    }
  });
}
