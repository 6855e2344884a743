// State of the revitalisation workbench: 亩均效益 classes, tracking progress and exports.
// Computed from the same findings as the map, refreshed when they or the filter change.

import { readExportTables } from '../analysis/export-tables';
import { type MujunMixRow, type MujunRow, mujunMix, mujunRanking, parcelMujunClasses, runMujun } from '../analysis/mujun';
import {
  type RevitalisedThisYear,
  type StageCount,
  loadTracking,
  revitalisedThisYear,
  trackingStageCounts,
} from '../analysis/tracking-summary';
import { regionById } from '../data/regions';
import { type TrackingInput, type TrackingRecord, type TrackingStore, newTrackingRecord, openTrackingStore } from '../data/tracking';
import { runDb, store } from './app';
import { createStore } from './store';

export type ColorBy = 'idle' | 'mujun';

export interface WorkbenchState {
  colorBy: ColorBy;
  ranking: MujunRow[];
  mixByCounty: MujunMixRow[];
  /** 亩均 class code per pidx (0 none, 1 A … 4 D). */
  parcelClasses: Uint8Array | null;
  stages: StageCount[];
  revitalised: RevitalisedThisYear | null;
  /** Tracking history of the selected parcel, oldest first. */
  history: TrackingRecord[];
  /** Message of the last failed tracking entry or export (Chinese). */
  error: string | null;
  exporting: boolean;
  revision: number;
}

export const workbenchStore = createStore<WorkbenchState>({
  colorBy: 'idle',
  ranking: [],
  mixByCounty: [],
  parcelClasses: null,
  stages: [],
  revitalised: null,
  history: [],
  error: null,
  exporting: false,
  revision: 0,
});

let tracking: TrackingStore | null = null;

function trackingStore(): TrackingStore {
  tracking ??= openTrackingStore();
  return tracking;
}

async function reloadTrackingTable(): Promise<void> {
  const records = await trackingStore().all(store.get().region);
  await runDb((db) => loadTracking(db, records));
}

/** Re-scores enterprises (settings or region changed). */
async function rescore(): Promise<void> {
  const s = store.get();
  const classes = await runDb(async (db) => {
    await runMujun(db, s.settings);
    return parcelMujunClasses(db);
  });
  await reloadTrackingTable();
  workbenchStore.set({ parcelClasses: classes, revision: workbenchStore.get().revision + 1 });
}

/** Tables and counts under the current filter. */
async function refreshFiltered(): Promise<void> {
  const s = store.get();
  const [ranking, mixByCounty, stages, revitalised] = await runDb(async (db) => [
    await mujunRanking(db, s.filter),
    await mujunMix(db, 'county', s.filter),
    await trackingStageCounts(db, s.asOf, s.filter),
    await revitalisedThisYear(db, s.asOf, s.filter),
  ] as const);
  workbenchStore.set({ ranking, mixByCounty, stages, revitalised });
}

async function refreshHistory(): Promise<void> {
  const s = store.get();
  const history = s.selected ? await trackingStore().history(s.region, s.selected.parcel_id) : [];
  workbenchStore.set({ history });
}

export function setColorBy(colorBy: ColorBy): void {
  workbenchStore.set({ colorBy, revision: workbenchStore.get().revision + 1 });
}

/** Validates and stores a tracking step; returns the errors (empty when saved). */
export async function addTrackingStep(input: Omit<TrackingInput, 'region'>): Promise<string[]> {
  const r = newTrackingRecord({ ...input, region: store.get().region });
  if (!r.ok) {
    workbenchStore.set({ error: r.errors.join('；') });
    return r.errors;
  }
  try {
    await trackingStore().add(r.record);
  } catch (e) {
    const msg = `保存失败：${(e as Error).message}（已有记录未受影响）`;
    workbenchStore.set({ error: msg });
    return [msg];
  }
  workbenchStore.set({ error: null });
  await reloadTrackingTable();
  await Promise.all([refreshHistory(), refreshFiltered()]);
  return [];
}

function download(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports the current (filtered) lists as one .xlsx, or one list as CSV. */
export async function exportLists(kind: 'xlsx' | { csv: string }): Promise<void> {
  const s = store.get();
  const region = regionById(s.region)!;
  workbenchStore.set({ exporting: true, error: null });
  try {
    await reloadTrackingTable();
    const tables = await runDb(async (db) => {
      await runMujun(db, s.settings);
      return readExportTables(db, s.filter, s.asOf);
    });
    if (kind === 'xlsx') {
      // exceljs is large; it loads only when someone exports.
      const { buildWorkbook } = await import('../export/xlsx');
      const parkNames = Object.fromEntries(s.parkOptions.map((p) => [p.park_id, p.name]));
      const bytes = await buildWorkbook(tables, {
        asOf: s.asOf,
        regionName: `${region.province}${region.city}`,
        filter: s.filter,
        settings: s.settings,
        parkNames,
        dataNote: '园区、宗地、企业为示例数据（程序生成），不代表真实统计',
      });
      download(bytes, `园区招商一张图_${region.nameZh}_${s.asOf}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    } else {
      const { tableToCsvBytes, csvFileName } = await import('../export/csv');
      const t = tables.find((x) => x.name === kind.csv) ?? tables[0];
      download(tableToCsvBytes(t), csvFileName(t, s.asOf), 'text/csv;charset=utf-8');
    }
  } catch (e) {
    workbenchStore.set({ error: `导出失败：${(e as Error).message}` });
  } finally {
    workbenchStore.set({ exporting: false });
  }
}

/** What 亩均 scores depend on: the loaded data and the 亩均 settings, not the idle rules. */
function scoreKey(): string {
  const s = store.get();
  const mujun = Object.entries(s.settings).filter(([k]) => k.startsWith('mujun'));
  return JSON.stringify([s.region, s.shapes?.parcelCount, s.shapes?.positions.length, mujun]);
}

/**
 * Keeps the workbench in step: re-score when 亩均 inputs change, re-count on every refresh —
 * only while the workbench is open, so the idle-land view's database queue stays free. The
 * detail panel's tracking history is kept current in every view.
 */
export function initWorkbench(): void {
  let seenCategories: Uint8Array | null = null;
  let seenScoreKey = '';
  let seenShapes: unknown = null;
  let seenRevision = -1;
  let seenSelected: string | null = null;
  store.subscribe(() => {
    const s = store.get();
    if (s.phase !== 'ready' || !s.categories) return;
    const selected = s.selected?.parcel_id ?? null;
    if (selected !== seenSelected) {
      seenSelected = selected;
      refreshHistory().catch((e) => console.error(e));
    }
    if (s.mode !== 'workbench') return;
    const key = scoreKey();
    if (key !== seenScoreKey || s.shapes !== seenShapes) {
      // New data or new 亩均 settings: score again (an idle-rule change alone does not).
      seenScoreKey = key;
      seenShapes = s.shapes;
      seenCategories = s.categories;
      seenRevision = s.revision;
      rescore()
        .then(refreshFiltered)
        .catch((e) => console.error(e));
    } else if (s.categories !== seenCategories || s.revision !== seenRevision) {
      seenCategories = s.categories;
      seenRevision = s.revision;
      refreshFiltered().catch((e) => console.error(e));
    }
  });
}
