// The application state: plain typed data, replaced (never mutated) by the updaters in
// updaters.ts. It holds the view (what is on screen, mirrored in the address bar), the saved
// settings, the loaded region and every derived result together with the key of the inputs
// it was computed from (see derivation.ts).

import type { FeatureCollection } from 'geojson';
import type { ParcelFilter } from '../analysis/filters';
import type { HoverColumns } from '../analysis/hover-facts';
import type { ParcelShapes } from '../data/parcel-shapes';
import type { ClusterSettings } from '../analysis/review-settings';
import type { OverlapSettings } from '../analysis/review-settings';
import type { RuleSettings } from '../analysis/settings';
import type { GroupSummary, YearDisposalRow } from '../analysis/group-summary';
import type { ListedParcel, ParcelDetail } from '../analysis/parcel-lookup';
import type { PlaceId } from '../data/regions';
import type { Lang } from '../i18n/dict';
import type { Notice } from './notice';
import type { Camera, Viewport } from './camera';
import { type ReviewState, INITIAL_REVIEW } from './review-state';
import type { BasemapChoices } from './basemap-choice';
import { SAVED_STATE_VERSION, type SavedState } from './saved-state';
import { type AsOf, type Mode, type View, effectiveAsOf } from './view';
import type { LayerVisibility } from './layers';
import { type WorkbenchState, INITIAL_WORKBENCH } from './workbench-state';
import { type TimelineState, INITIAL_TIMELINE } from './timeline-state';
import type { PromotionGroup } from '../analysis/promotion-groups';
import { EMPTY_PLACE_WORK, type PlaceWork } from './place-work';
import { INITIAL_SUPPLY, type SupplyState } from './supply-state';
import { INITIAL_SITING, type SitingState } from './siting-state';
import type { Project } from '../analysis/projects';

// Types components need from the layers below, so that the UI imports only from state.
export type { GroupSummary, ListedParcel, ParcelDetail, ParcelFilter, ParcelShapes, YearDisposalRow };
export type { NumericSettingKey, RuleSettings, SettingMeta } from '../analysis/settings';

export interface ParkOption {
  park_id: string;
  name: string;
  county: string;
}

/** What the workspace menu shows of a stored workspace. */
export interface WorkspaceSummaryView {
  id: string;
  name: string;
  city: string;
  /** Division code of its city (for the import dialog's default), empty when unknown. */
  adcode: string;
  updatedAt: string;
  /** When its data was last imported (the latest table import), empty when unknown: map pictures name it. */
  importedAt: string;
  bytes: number;
  parcels: number;
}

export interface AppState {
  // The view (view.ts); viewOf() collects it.
  mode: Mode;
  lang: Lang;
  region: PlaceId;
  asOf: AsOf;
  filter: ParcelFilter;
  /** parcel_id of the selected parcel. */
  parcel: string | null;
  wall: boolean;
  /** group_id of the promotion group shown (its counties outlined), or null. */
  group: string | null;
  layers: LayerVisibility;
  /** The time bar's date, or null when it is closed (view.ts). */
  timeline: string | null;
  /** Presenter mode (演示): the index of the scene on screen, or null. */
  presenting: number | null;
  /** Where the map looks (reported by the map after every move); null = the whole place. */
  camera: Camera | null;
  /**
   * Bumped when the state, not the map, changed the camera (a navigation, Back/Forward): the map
   * then moves to `camera`. Moves the map reports itself leave it alone.
   */
  cameraSeq: number;
  /** Whether the map animates to the next `camera` (a navigation) or jumps (a restored view). */
  cameraAnimate: boolean;
  /** The map's size in CSS pixels, for fitting extents (0 × 0 until the map reports it). */
  viewport: Viewport;
  /** `?scale=N`: the demo tiled N times (benchmarks), or null. */
  scale: number | null;
  /** Save time of the shown workspace (empty for a demo region): a re-import reloads the map. */
  workspaceStamp: string;
  /** The user's workspaces, for the workspace menu. */
  workspaces: WorkspaceSummaryView[];
  /** The clock's date, for an as-of date of "today". */
  today: string;

  // Saved settings (saved-state.ts).
  settings: RuleSettings;
  clusterSettings: ClusterSettings;
  overlapSettings: OverlapSettings;
  /** The basemap opted into per region/workspace id; none = offline (basemap-choice.ts). */
  basemaps: BasemapChoices;
  /** Why the last settings change was partly refused (Chinese, from mergeSettings). */
  settingsErrors: string[];
  /** Messages for the planner: refused saved state, corrected address parameters… */
  notices: Notice[];

  phase: 'loading' | 'ready' | 'error';
  message: string | null;
  /** Jobs queued or running on the database; the header shows a busy mark while > 0. */
  pending: number;

  // The place on the map (derivation "place", no database) and its tables in the database
  // (derivation "region").
  placeKey: string | null;
  regionKey: string | null;
  boundaries: FeatureCollection | null;
  parks: FeatureCollection | null;
  /** Imported planning limits (规划管控), one feature per zone with zone_id, kind, land_class, name; null = none. */
  zones: FeatureCollection | null;
  parkOptions: ParkOption[];
  countyOptions: string[];
  shapes: ParcelShapes | null;
  hover: HoverColumns | null;

  // Findings (derivation "findings").
  findingsKey: string | null;
  categories: Uint8Array | null;

  // Figures under the filter (derivation "filtered").
  filteredKey: string | null;
  mask: Uint8Array | null;
  totals: GroupSummary | null;
  byCounty: GroupSummary[];
  byPark: GroupSummary[];
  list: ListedParcel[];
  bySupplyYear: YearDisposalRow[];
  /** Bumped whenever `mask` changes (the map re-reads its colour tables). */
  revision: number;

  // The selected parcel's detail (derivation "selection").
  selectedKey: string | null;
  selected: ParcelDetail | null;

  /** Derivation name → key whose computation failed (not retried until its inputs change). */
  failed: Record<string, string>;

  workbench: WorkbenchState;
  review: ReviewState;
  /** Idle land over time: the intervals and the chart's series (timeline.ts). */
  time: TimelineState;
  /** Candidate sites and available land (derivation "supply", state/supply.ts). */
  supply: SupplyState;

  /** The place's scenes, edited promotion groups and brochure details (place-work.ts). */
  work: PlaceWork;
  /** Saved by a newer app: shown empty and never written back. */
  workReadOnly: boolean;
  /** Promotion groups of the place's data (its promotion_groups table); `work.groups` overrides them. */
  dataGroups: PromotionGroup[];
  /** 项目选址: the project described, the sites ranked for it (siting-state.ts). */
  siting: SitingState;
  /** Projects of the place's data (its projects table); `work.projects` overrides them. */
  dataProjects: Project[];
  /** project_id of the pipeline project shown in the 招商选址 detail panel, or null. */
  project: string | null;
}

/** The pipeline in force: the user's, else the place's data. */
export function pipelineProjects(s: Pick<AppState, 'work' | 'dataProjects'>): Project[] {
  return s.work.projects ?? s.dataProjects;
}

/** The promotion groups in force: the user's, else the place's data. */
export function promotionGroups(s: Pick<AppState, 'work' | 'dataGroups'>): PromotionGroup[] {
  return s.work.groups ?? s.dataGroups;
}

export function viewOf(s: AppState): View {
  return {
    mode: s.mode,
    region: s.region,
    asOf: s.asOf,
    lang: s.lang,
    filter: s.filter,
    parcel: s.parcel,
    wall: s.wall,
    camera: s.camera,
    group: s.group,
    cluster: s.review.selectedCluster,
    chain: s.review.chainChoice,
    node: s.review.selectedNode,
    layers: s.layers,
    timeline: s.timeline,
  };
}

export function savedOf(s: AppState): SavedState {
  return {
    version: SAVED_STATE_VERSION,
    lang: s.lang,
    region: s.region,
    rules: s.settings,
    clusters: s.clusterSettings,
    overlap: s.overlapSettings,
    basemaps: s.basemaps,
    matching: s.siting.settings,
  };
}

/** The date the rules are judged at. */
export function asOfDate(s: AppState): string {
  return effectiveAsOf(s.asOf, s.today);
}

export function initialState(view: View, saved: SavedState, today: string, scale: number | null, notices: Notice[]): AppState {
  const { cluster, chain, node, ...rest } = view;
  return {
    ...rest,
    presenting: null,
    scale,
    cameraSeq: 0,
    cameraAnimate: false,
    viewport: { width: 0, height: 0 },
    workspaceStamp: '',
    workspaces: [],
    today,
    settings: saved.rules,
    clusterSettings: saved.clusters,
    overlapSettings: saved.overlap,
    basemaps: saved.basemaps,
    settingsErrors: [],
    notices,
    phase: 'loading',
    message: null,
    pending: 0,
    placeKey: null,
    regionKey: null,
    boundaries: null,
    parks: null,
    zones: null,
    parkOptions: [],
    countyOptions: [],
    shapes: null,
    hover: null,
    findingsKey: null,
    categories: null,
    filteredKey: null,
    mask: null,
    totals: null,
    byCounty: [],
    byPark: [],
    list: [],
    bySupplyYear: [],
    revision: 0,
    selectedKey: null,
    selected: null,
    failed: {},
    workbench: INITIAL_WORKBENCH,
    time: INITIAL_TIMELINE,
    supply: INITIAL_SUPPLY,
    review: { ...INITIAL_REVIEW, selectedCluster: cluster, chainChoice: chain, selectedNode: node },
    work: EMPTY_PLACE_WORK,
    workReadOnly: false,
    dataGroups: [],
    siting: { ...INITIAL_SITING, settings: saved.matching },
    dataProjects: [],
    project: null,
  };
}
