// The revitalisation workbench's derived results (computed only while the workbench is open,
// so the idle-land view's database queue stays free), keyed by their inputs:
//   tracking ← region, tracking revision        the tracking table in the database
//   scores   ← region, 亩均 settings             亩均 classes (an idle-rule change alone does not re-score)
//   figures  ← scores, tracking, findings, filter  ranking, class mix, stage counts
//   history  ← region, selected parcel, tracking revision  (every view: the detail panel shows it)
// plus the export, which runs on the same queue.

import { SHEET_NAMES_BY_LANG, type SheetKey, readExportTables } from '../analysis/export-tables';
import { placeInfo } from './place-info';
import { mujunMix, mujunRanking, parcelMujunClasses, runMujun } from '../analysis/mujun';
import { loadTracking, revitalisedThisYear, trackingStageCounts } from '../analysis/tracking-summary';
import type { RuleSettings } from '../analysis/settings';
import type { Db } from '../data/db';
import { regionById } from '../data/regions';
import type { TrackingStore } from '../data/tracking';
import { type AppState, asOfDate } from './app-state';
import { type Derivation, isCurrent, key } from './derivation';
import type { Effects } from './effects';
import { filtered, regionData } from './map-derivations';
import type { WorkbenchState } from './workbench-state';

const open = (s: AppState) => s.mode === 'workbench' && isCurrent(regionData, s);

function withWorkbench(s: AppState, patch: Partial<WorkbenchState>): AppState {
  return { ...s, workbench: { ...s.workbench, ...patch } };
}

/** What 亩均 scores depend on: the 亩均 settings, not the idle rules. */
function mujunSettings(settings: RuleSettings): [string, number][] {
  return Object.entries(settings).filter(([k]) => k.startsWith('mujun')) as [string, number][];
}

async function loadTrackingTable(db: Db, tracking: TrackingStore, region: string): Promise<void> {
  await loadTracking(db, await tracking.all(region));
}

export const trackingTable: Derivation<null> = {
  name: 'tracking',
  fatal: false,
  wanted: (s) => (open(s) ? key(s.regionKey, s.workbench.trackingRevision) : null),
  current: (s) => s.workbench.trackingKey,
  invalidate: (s) => withWorkbench(s, { trackingKey: null }),
  async run(s, { db, fx, willWrite }) {
    willWrite();
    await loadTrackingTable(db, fx.tracking, s.region);
    return null;
  },
  apply: (s) => withWorkbench(s, { trackingKey: trackingTable.wanted(s) }),
};

export const scores: Derivation<Uint8Array> = {
  name: 'scores',
  fatal: false,
  wanted: (s) => (open(s) ? key(s.regionKey, mujunSettings(s.settings)) : null),
  current: (s) => s.workbench.scoresKey,
  invalidate: (s) => withWorkbench(s, { scoresKey: null }),
  async run(s, { db, willWrite }) {
    willWrite();
    await runMujun(db, s.settings);
    return parcelMujunClasses(db);
  },
  apply: (s, parcelClasses) =>
    withWorkbench(s, { parcelClasses, scoresKey: scores.wanted(s), revision: s.workbench.revision + 1 }),
};

type Figures = Pick<WorkbenchState, 'ranking' | 'mixByCounty' | 'stages' | 'revitalised'>;

export const figures: Derivation<Figures> = {
  name: 'figures',
  fatal: false,
  wanted: (s) =>
    open(s) && isCurrent(scores, s) && isCurrent(trackingTable, s) && isCurrent(filtered, s)
      ? key(s.workbench.scoresKey, s.workbench.trackingKey, s.findingsKey, s.filter)
      : null,
  current: (s) => s.workbench.figuresKey,
  async run(s, { db }) {
    const asOf = asOfDate(s);
    return {
      ranking: await mujunRanking(db, s.filter),
      mixByCounty: await mujunMix(db, 'county', s.filter),
      stages: await trackingStageCounts(db, asOf, s.filter),
      revitalised: await revitalisedThisYear(db, asOf, s.filter),
    };
  },
  apply: (s, r) => withWorkbench(s, { ...r, figuresKey: figures.wanted(s) }),
};

export const history: Derivation<WorkbenchState['history']> = {
  name: 'history',
  fatal: false,
  // The save time of a re-imported workspace is part of the key: its tracking is read afresh.
  wanted: (s) => (s.parcel !== null && isCurrent(regionData, s) ? key(s.region, s.workspaceStamp, s.parcel, s.workbench.trackingRevision) : null),
  current: (s) => s.workbench.historyKey,
  run: (s, { fx }) => fx.tracking.history(s.region, s.parcel!),
  apply: (s, h) => withWorkbench(s, { history: h, historyKey: history.wanted(s) }),
};

export const WORKBENCH_DERIVATIONS = [trackingTable, scores, figures, history] as const;

/**
 * The files an export writes (the current filter, as-of date and settings), in the UI's language:
 * sheet names, headers, labels and the 说明 / Notes sheet. `csv` names a sheet by its key.
 */
export async function exportFile(
  s: AppState,
  db: Db,
  fx: Effects,
  kind: 'xlsx' | { csv: SheetKey },
): Promise<{ bytes: Uint8Array; name: string; type: string }> {
  const region = regionById(s.region);
  const asOf = asOfDate(s);
  const lang = s.lang;
  const info = placeInfo(s, lang);
  // The tables are rebuilt here rather than trusted: the export must match this state even
  // when the workbench (which keeps them current) has not been opened.
  await loadTrackingTable(db, fx.tracking, s.region);
  await runMujun(db, s.settings);
  const tables = await readExportTables(db, s.filter, asOf, lang);
  if (kind === 'xlsx') {
    // exceljs is large; it loads only when someone exports.
    const { buildWorkbook } = await import('../export/xlsx');
    const parkNames = Object.fromEntries(s.parkOptions.map((p) => [p.park_id, p.name]));
    const bytes = await buildWorkbook(tables, {
      asOf,
      regionName: region ? (lang === 'zh' ? `${region.province}${region.city}` : region.nameEn) : info.title,
      filter: s.filter,
      settings: s.settings,
      parkNames,
      dataNote: info.synthetic ? (lang === 'zh' ? '园区、宗地、企业为示例数据（程序生成），不代表真实统计' : 'Parks, parcels and enterprises are generated demo data, not real statistics') : undefined,
      lang,
      today: s.today,
    });
    const base = lang === 'zh' ? `园区招商一张图_${region?.nameZh ?? info.title}` : `ParkAtlas_${region?.nameEn ?? info.title}`;
    return {
      bytes,
      name: `${base}_${asOf}.xlsx`,
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  }
  const { tableToCsvBytes, csvFileName } = await import('../export/csv');
  const t = tables.find((x) => x.name === SHEET_NAMES_BY_LANG[lang][kind.csv]) ?? tables[0];
  return { bytes: tableToCsvBytes(t), name: csvFileName(t, asOf), type: 'text/csv;charset=utf-8' };
}

