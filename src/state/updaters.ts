// Every change to the application state is an event applied by `update(state, event)`, a pure
// function. Database work is not done here: a change of inputs changes the keys the
// derivations want, and the runtime computes what is missing (runtime.ts).

import { type ParcelFilter, EMPTY_FILTER } from '../analysis/filters';
import type { ClusterSettings } from '../analysis/review-settings';
import { DEFAULT_SETTINGS, type RuleSettings, mergeSettings } from '../analysis/settings';
import { DEFAULT_REGION, type PlaceId, type WorkspaceId } from '../data/regions';
import type { Lang } from '../i18n/dict';
import { type AppState, type WorkspaceSummaryView, pipelineProjects, promotionGroups } from './app-state';
import { derivationNamed } from './derivations';
import type { Notice } from './notice';
import { type Bounds, type Camera, type Viewport, cameraForBounds, isCamera, roundCamera, sameCamera } from './camera';
import { withReview } from './review';
import { mergeClusterSettings, mergeOverlapSettings } from './saved-state';
import type { BasemapChoice } from './basemap-choice';
import { type AsOf, type Mode, type View, isIsoDate } from './view';
import type { ColorBy } from './workbench-state';
import type { PlaceWork } from './place-work';
import { type LayerVisibility, sameLayers } from './layers';
import { fitViewToPlace } from './view-check';
import { type SitingEvent, sitingUpdate } from './siting';

export type AppEvent =
  // The view
  | { type: 'regionChosen'; region: PlaceId }
  | { type: 'asOfSet'; asOf: AsOf; today: string }
  | { type: 'timelineSet'; date: string | null }
  | { type: 'filterPatched'; patch: Partial<ParcelFilter> }
  | { type: 'modeSet'; mode: Mode }
  | { type: 'langSet'; lang: Lang }
  | { type: 'wallSet'; wall: boolean }
  | { type: 'parcelSelected'; parcel: string | null }
  /** Back/forward or an edited address. */
  | { type: 'viewRestored'; view: View; issues: Notice[] }
  /** The map stopped moving (a drag, a zoom, the end of a flight): incidental, never a history entry. */
  | { type: 'cameraMoved'; camera: Camera }
  | { type: 'viewportSized'; viewport: Viewport }
  /**
   * A deliberate navigation (a county, park, parcel, search result, ranking row or chain node
   * chosen): the camera fits `bounds`, and the selection and filter change with it, as one
   * history entry.
   */
  | { type: 'navigated'; bounds: Bounds | null; parcel?: string | null; filter?: Partial<ParcelFilter> }
  // Settings
  | { type: 'settingsPatched'; patch: Partial<RuleSettings> }
  | { type: 'settingsReset' }
  | { type: 'clusterSettingsPatched'; patch: Partial<ClusterSettings> }
  | { type: 'overlapThresholdSet'; threshold: number }
  | { type: 'basemapChosen'; region: string; choice: BasemapChoice | null }
  // Selections inside the workbench and the layout review
  | { type: 'colorBySet'; colorBy: ColorBy }
  | { type: 'clusterSelected'; id: number | null }
  | { type: 'groupSelected'; id: string | null }
  | { type: 'pairSelected'; pair: readonly [string, string] | null }
  | { type: 'chainSelected'; chainId: string }
  | { type: 'nodeSelected'; nodeId: string | null }
  // Outcomes of effects
  | { type: 'trackingStored' }
  | { type: 'workbenchError'; error: string | null }
  | { type: 'exporting'; on: boolean }
  | { type: 'jobQueued' }
  /** A job is about to replace tables: its derivation's stored key no longer holds. */
  | { type: 'invalidated'; names: string[] }
  | { type: 'jobSettled' }
  | { type: 'derived'; name: string; key: string; result: unknown }
  | { type: 'jobFailed'; name: string; key: string; message: string; fatal: boolean }
  | { type: 'startFailed'; message: string }
  | { type: 'noticesAdded'; notices: Notice[] }
  // Workspaces
  | { type: 'workspacesListed'; workspaces: WorkspaceSummaryView[] }
  /** A workspace was saved (imported, re-imported, opened from a file): show it. */
  | { type: 'workspaceSaved'; id: WorkspaceId; updatedAt: string }
  /** The place in the address or saved preferences is not in this browser. */
  | { type: 'placeMissing'; id: string }
  | { type: 'noticesDismissed' }
  /** The place's scenes, groups or brochure details changed (already stored by the action). */
  | { type: 'workChanged'; work: PlaceWork }
  /** A pipeline project chosen for the 招商选址 detail panel (null closes it). */
  | { type: 'projectSelected'; id: string | null }
  | { type: 'layersSet'; layers: LayerVisibility }
  /** Presenter mode shows scene `index`, whose view is `view` (decoded from the scene). */
  | { type: 'presented'; index: number; view: View; issues: Notice[] }
  | { type: 'presentEnded' }
  /** 项目选址: the form, the submitted need, the chosen site, the matching settings (siting.ts). */
  | { type: 'siting'; event: SitingEvent };

/** Leaving a region (or restoring a view of another): its selection and figures go with it. */
function enterRegion(s: AppState, region: PlaceId): AppState {
  if (region === s.region) return s;
  return {
    ...s,
    region,
    phase: 'loading',
    message: null,
    selected: null,
    selectedKey: null,
    failed: {},
    workbench: { ...s.workbench, history: [], historyKey: null },
    group: null,
    review: { ...s.review, selectedCluster: null, pairCounties: null, selectedNode: null, highlight: null, highlightKey: null },
  };
}

/** The map is asked to move to `camera` (null: the whole place). */
function moveCamera(s: AppState, camera: Camera | null, animate: boolean): AppState {
  return { ...s, camera, cameraSeq: s.cameraSeq + 1, cameraAnimate: animate };
}

function navigate(s: AppState, e: Extract<AppEvent, { type: 'navigated' }>): AppState {
  let next = s;
  if (e.filter) next = withReview({ ...next, filter: { ...next.filter, ...e.filter } }, { pairCounties: null });
  if (e.parcel !== undefined) next = selectParcel(next, e.parcel);
  // Before the map has reported its size there is nothing to fit into: the selection still applies.
  const camera = e.bounds && next.viewport.width > 0 ? cameraForBounds(e.bounds, next.viewport) : null;
  return camera ? moveCamera(next, camera, true) : next;
}

/** The layout review's choices of a restored view (a link, Back/Forward, a scene). */
function restoreReview(s: AppState, cluster: number | null, chain: string | null, node: string | null): AppState {
  const r = s.review;
  if (r.selectedCluster === cluster && r.chainChoice === chain && r.selectedNode === node) return s;
  return withReview(s, {
    selectedCluster: cluster,
    chainChoice: chain,
    // A node highlight is recomputed for the node restored.
    ...(node !== r.selectedNode ? { selectedNode: node, highlight: null, highlightKey: null, revision: r.revision + 1 } : {}),
  });
}

function selectParcel(s: AppState, parcel: string | null): AppState {
  if (parcel === s.parcel) return s;
  if (parcel !== null) return { ...s, parcel };
  return { ...s, parcel: null, selected: null, selectedKey: null, workbench: { ...s.workbench, history: [], historyKey: null } };
}

export function update(s: AppState, e: AppEvent): AppState {
  switch (e.type) {
    case 'regionChosen':
      if (e.region === s.region) return s;
      // A new region starts unfiltered, seen whole: its counties and parks are other ones.
      return selectParcel(enterRegion({ ...s, filter: EMPTY_FILTER, camera: null }, e.region), null);
    case 'asOfSet':
      if (e.asOf !== 'today' && !isIsoDate(e.asOf)) return s;
      return { ...s, asOf: e.asOf, today: e.today };
    case 'timelineSet':
      if (e.date !== null && !isIsoDate(e.date)) return s;
      return e.date === s.timeline ? s : { ...s, timeline: e.date };
    case 'filterPatched':
      // The chosen county pair belongs to the previous overlap matrix.
      return withReview({ ...s, filter: { ...s.filter, ...e.patch } }, { pairCounties: null });
    case 'modeSet':
      return e.mode === s.mode ? s : { ...s, mode: e.mode };
    case 'langSet':
      return e.lang === s.lang ? s : { ...s, lang: e.lang };
    case 'wallSet':
      return e.wall === s.wall ? s : { ...s, wall: e.wall };
    case 'parcelSelected':
      return selectParcel(s, e.parcel);
    case 'viewRestored': {
      const { region, parcel, camera, cluster, chain, node, ...rest } = e.view;
      let next = restoreReview(selectParcel({ ...enterRegion(s, region), ...rest }, parcel), cluster, chain, node);
      // Back/Forward return the camera too; an entry without one shows the whole place.
      if (!sameCamera(camera, s.camera) || region !== s.region) next = moveCamera(next, camera, region === s.region);
      return e.issues.length ? { ...next, notices: [...next.notices, ...e.issues] } : next;
    }
    case 'layersSet':
      return sameLayers(e.layers, s.layers) ? s : { ...s, layers: e.layers };
    case 'presented': {
      // A scene belongs to the place on screen, and is never shown as the 大屏 (presenting is).
      // What it names that the place has lost (a park, a group) is dropped and said.
      const fit = fitViewToPlace({ ...e.view, region: s.region, wall: false }, { countyOptions: s.countyOptions, parkOptions: s.parkOptions, groups: promotionGroups(s) });
      const issues = fit.notice ? [...e.issues, fit.notice] : e.issues;
      const next = update(s, { type: 'viewRestored', view: fit.view, issues });
      return { ...next, presenting: e.index };
    }
    case 'projectSelected':
      return s.project === e.id ? s : { ...s, project: e.id };
    case 'presentEnded':
      return s.presenting === null ? s : { ...s, presenting: null };
    case 'workChanged': {
      if (s.workReadOnly) return s;
      const next = { ...s, work: e.work };
      // The group shown was deleted or renamed away: show none. Likewise the project shown.
      const group = s.group !== null && !promotionGroups(next).some((g) => g.group_id === s.group) ? null : s.group;
      const project = s.project !== null && !pipelineProjects(next).some((p) => p.project_id === s.project) ? null : s.project;
      return group === s.group && project === s.project ? next : { ...next, group, project };
    }
    case 'cameraMoved':
      if (!isCamera(e.camera) || sameCamera(e.camera, s.camera)) return s;
      return { ...s, camera: roundCamera(e.camera) };
    case 'viewportSized':
      if (e.viewport.width === s.viewport.width && e.viewport.height === s.viewport.height) return s;
      return { ...s, viewport: { width: e.viewport.width, height: e.viewport.height } };
    case 'navigated':
      return navigate(s, e);
    case 'settingsPatched': {
      // The valid values of a patch apply even when others are refused; the refused ones are
      // reported. (Deciding whether to recompute is the findings key's job, not this one's.)
      const { settings, errors } = mergeSettings(e.patch, s.settings);
      return { ...s, settings, settingsErrors: errors };
    }
    case 'settingsReset':
      return { ...s, settings: DEFAULT_SETTINGS, settingsErrors: [] };
    case 'basemapChosen': {
      const { [e.region]: _old, ...others } = s.basemaps;
      return { ...s, basemaps: e.choice ? { ...others, [e.region]: e.choice } : others };
    }
    case 'clusterSettingsPatched': {
      const { settings, issues } = mergeClusterSettings(e.patch, s.clusterSettings);
      return { ...s, clusterSettings: settings, notices: issues.length ? [...s.notices, ...issues] : s.notices };
    }
    case 'overlapThresholdSet': {
      const { settings, issues } = mergeOverlapSettings({ highOverlap: e.threshold }, s.overlapSettings);
      return { ...s, overlapSettings: settings, notices: issues.length ? [...s.notices, ...issues] : s.notices };
    }
    case 'colorBySet':
      return { ...s, workbench: { ...s.workbench, colorBy: e.colorBy, revision: s.workbench.revision + 1 } };
    case 'clusterSelected':
      return withReview(s, { selectedCluster: e.id });
    case 'groupSelected':
      return e.id === s.group ? s : { ...s, group: e.id };
    case 'pairSelected':
      return withReview(s, { pairCounties: e.pair && e.pair[0] !== e.pair[1] ? e.pair : null });
    case 'chainSelected':
      return withReview(s, { chainChoice: e.chainId });
    case 'nodeSelected':
      if (e.nodeId === s.review.selectedNode) return s;
      return withReview(s, {
        selectedNode: e.nodeId,
        highlight: null,
        highlightKey: null,
        revision: s.review.revision + 1,
      });
    case 'trackingStored':
      return { ...s, workbench: { ...s.workbench, error: null, trackingRevision: s.workbench.trackingRevision + 1 } };
    case 'workbenchError':
      return { ...s, workbench: { ...s.workbench, error: e.error } };
    case 'exporting':
      return { ...s, workbench: { ...s.workbench, exporting: e.on, ...(e.on ? { error: null } : {}) } };
    case 'invalidated':
      return e.names.reduce((acc, n) => derivationNamed(n).invalidate?.(acc) ?? acc, s);
    case 'jobQueued':
      return { ...s, pending: s.pending + 1 };
    case 'jobSettled':
      return { ...s, pending: s.pending - 1 };
    case 'derived': {
      const d = derivationNamed(e.name);
      // A result computed from inputs that have changed since is dropped: the newer inputs'
      // result is queued already.
      return d.wanted(s) === e.key ? d.apply(s, e.result) : s;
    }
    case 'jobFailed': {
      const d = derivationNamed(e.name);
      if (d.wanted(s) !== e.key) return s;
      const failed = { ...s.failed, [e.name]: e.key };
      return e.fatal ? { ...s, failed, phase: 'error', message: e.message } : { ...s, failed };
    }
    case 'startFailed':
      return { ...s, phase: 'error', message: e.message };
    case 'noticesAdded':
      return e.notices.length ? { ...s, notices: [...s.notices, ...e.notices] } : s;
    case 'workspacesListed':
      return { ...s, workspaces: e.workspaces };
    case 'workspaceSaved': {
      const next = selectParcel(enterRegion({ ...s, filter: EMPTY_FILTER, camera: null }, e.id), null);
      // New data: failures recorded against the previous data are not this data's (enterRegion
      // keeps them when the workspace shown is the one re-imported).
      return { ...next, workspaceStamp: e.updatedAt, placeKey: null, regionKey: null, failed: {} };
    }
    case 'placeMissing':
      if (s.region !== e.id) return s;
      return {
        ...selectParcel(enterRegion({ ...s, filter: EMPTY_FILTER }, DEFAULT_REGION), null),
        notices: [
          ...s.notices,
          { zh: `本浏览器中没有工作区 ${e.id}（可能在另一台电脑上），已打开示例地区`, en: `Workspace ${e.id} is not in this browser (it may be on another computer); the demo region is shown` },
        ],
      };
    case 'noticesDismissed':
      return s.notices.length ? { ...s, notices: [] } : s;
    case 'siting': {
      const siting = sitingUpdate(s.siting, e.event);
      return siting === s.siting ? s : { ...s, siting };
    }
  }
}
