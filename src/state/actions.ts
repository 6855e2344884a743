// What the UI can ask for. Each action turns a request into events (updaters.ts); the few
// that wait on an effect (tracking storage, export) do so here, not in the updaters.

import type { SheetKey } from '../analysis/export-tables';
import type { ParcelFilter } from '../analysis/filters';
import type { ClusterSettings } from '../analysis/review-settings';
import { MUJUN_SHARE_KEYS, type NumericSettingKey, type RuleSettings, classSharePatch } from '../analysis/settings';
import type { Db } from '../data/db';
import type { PlaceId } from '../data/regions';
import { type TrackingInput, newTrackingRecord } from '../data/tracking';
import type { Lang } from '../i18n/dict';
import type { AppState } from './app-state';
import type { Effects } from './effects';
import { type HoverInfo, hoverInfo, parcelIdAt, parcelLabelPoint } from './hover';
import type { Store } from './store';
import type { AppEvent } from './updaters';
import type { AsOf, Mode } from './view';
import { exportFile } from './workbench';
import type { ColorBy } from './workbench-state';
import { EMPTY_FILTER } from '../analysis/filters';
import { createWorkspaceActions } from './workspace-actions';
import { createNavActions } from './nav-actions';
import { createBasemapActions } from './basemap-actions';
import { createWorkActions } from './work-actions';
import { createSceneActions } from './scene-actions';
import type { LayerVisibility } from './layers';
import { createBrochureActions } from './brochure-actions';
import { createSupplyActions } from './supply-actions';
import { createSitingActions } from './siting-actions';

export interface ActionDeps {
  store: Store<AppState>;
  dispatch(e: AppEvent): void;
  enqueue<T>(job: (db: Db) => Promise<T>): Promise<T>;
  fx: Effects;
}

export type Actions = ReturnType<typeof createActions>;

export function createActions({ store, dispatch, enqueue, fx }: ActionDeps) {
  /** Applies the valid values of a patch; returns the reasons others were refused (Chinese). */
  const setSettings = (patch: Partial<RuleSettings>): string[] => {
    dispatch({ type: 'settingsPatched', patch });
    return store.get().settingsErrors;
  };
  const work = createWorkActions({ store, dispatch, fx });
  return {
    ...createWorkspaceActions({ store, dispatch, fx }),
    ...createNavActions({ store, dispatch, enqueue }),
    ...createBasemapActions({ store, dispatch, fx }),
    ...work,
    ...createSceneActions({ store, dispatch, setWork: work.setWork, newId: fx.newId }),
    ...createBrochureActions({ store, dispatch, enqueue }),
    ...createSupplyActions({ store, enqueue, fx }),
    ...createSitingActions({ store, dispatch, fx }),
    setLayers: (layers: LayerVisibility) => dispatch({ type: 'layersSet', layers }),
    setRegion: (region: PlaceId) => dispatch({ type: 'regionChosen', region }),
    /** A YYYY-MM-DD date or "today"; anything else is ignored (the date input sends '' while typing). */
    setAsOf: (asOf: AsOf) => dispatch({ type: 'asOfSet', asOf, today: fx.today() }),
    setSettings,
    /**
     * One field of the settings panel. A 亩均 class share rebalances the others so the four
     * keep summing to 100 (mergeSettings refuses a lone share change).
     */
    setSetting(key: NumericSettingKey, value: number): string[] {
      const share = MUJUN_SHARE_KEYS.find((k) => k === key);
      const s = store.get().settings;
      return setSettings(share ? classSharePatch(s, share, value) : { [key]: value });
    },
    resetSettings: () => dispatch({ type: 'settingsReset' }),
    setFilter: (patch: Partial<ParcelFilter>) => dispatch({ type: 'filterPatched', patch }),
    clearFilter: () => dispatch({ type: 'filterPatched', patch: EMPTY_FILTER }),
    setLang: (lang: Lang) => dispatch({ type: 'langSet', lang }),
    setMode: (mode: Mode) => dispatch({ type: 'modeSet', mode }),
    setWall: (wall: boolean) => dispatch({ type: 'wallSet', wall }),
    /** Selects the parcel drawn at `pidx` (map click), or clears the selection. */
    selectParcel: (pidx: number | null) =>
      dispatch({ type: 'parcelSelected', parcel: pidx === null ? null : parcelIdAt(store.get(), pidx) }),
    selectParcelId: (parcel: string | null) => dispatch({ type: 'parcelSelected', parcel }),
    dismissNotices: () => dispatch({ type: 'noticesDismissed' }),
    /** Tooltip facts, synchronously from memory (hover.ts). */
    hoverInfo: (pidx: number): HoverInfo | null => hoverInfo(store.get(), pidx),
    locateParcel: (parcelId: string) => parcelLabelPoint(store.get(), parcelId),

    // Workbench
    setColorBy: (colorBy: ColorBy) => dispatch({ type: 'colorBySet', colorBy }),
    /** Validates and stores a tracking step; returns the errors (empty when saved). */
    async addTrackingStep(input: Omit<TrackingInput, 'region'>): Promise<string[]> {
      const lang = store.get().lang;
      const r = newTrackingRecord({ ...input, region: store.get().region }, new Date(), lang);
      if (!r.ok) {
        dispatch({ type: 'workbenchError', error: r.errors.join(lang === 'zh' ? '；' : '; ') });
        return r.errors;
      }
      try {
        await fx.tracking.add(r.record);
      } catch (e) {
        const msg =
          store.get().lang === 'zh'
            ? `保存失败：${(e as Error).message}（已有记录未受影响）`
            : `Could not save: ${(e as Error).message} (existing records are unaffected)`;
        dispatch({ type: 'workbenchError', error: msg });
        return [msg];
      }
      dispatch({ type: 'trackingStored' });
      return [];
    },
    /** Exports the current (filtered) lists as one .xlsx, or one list as CSV. */
    async exportLists(kind: 'xlsx' | { csv: SheetKey }): Promise<void> {
      const s = store.get();
      dispatch({ type: 'exporting', on: true });
      try {
        const file = await enqueue((db) => {
          // The export rebuilds the tracking and 亩均 tables from this state.
          dispatch({ type: 'invalidated', names: ['tracking', 'scores'] });
          return exportFile(s, db, fx, kind);
        });
        fx.download(file.bytes, file.name, file.type);
      } catch (e) {
        dispatch({ type: 'workbenchError', error: `导出失败：${(e as Error).message}` });
      } finally {
        dispatch({ type: 'exporting', on: false });
      }
    },

    // Layout review
    setClusterSettings: (patch: Partial<ClusterSettings>) => dispatch({ type: 'clusterSettingsPatched', patch }),
    selectCluster: (id: number | null) => dispatch({ type: 'clusterSelected', id }),
    setOverlapThreshold: (threshold: number) => dispatch({ type: 'overlapThresholdSet', threshold }),
    selectPair: (a: string | null, b?: string) => dispatch({ type: 'pairSelected', pair: a && b ? [a, b] : null }),
    selectChain: (chainId: string) => dispatch({ type: 'chainSelected', chainId }),
    selectNode: (nodeId: string | null) => dispatch({ type: 'nodeSelected', nodeId }),
  };
}
