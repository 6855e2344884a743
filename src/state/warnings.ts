// The 闲置预警 list and the "days until idle" bins, derived while the workbench is open, keyed by
// their inputs (derivation.ts):
//   list ← region, as-of date, the idle-rule settings, the window and the counties/parks chosen
//   bins ← region, as-of date, the idle-rule settings (only while the map is coloured by them)
// plus the 督办清单 export. Both read the parcels table alone, so they need no rule run.

import { EMPTY_FILTER } from '../analysis/filters';
import type { RuleSettings } from '../analysis/settings';
import { warningNotes, warningSheets } from '../analysis/warning-tables';
import { daysToIdleBins, runWarnings, warningScope, windowDays } from '../analysis/warnings';
import type { Db } from '../data/db';
import { regionById } from '../data/regions';
import { type AppState, asOfDate } from './app-state';
import { type Derivation, isCurrent, key } from './derivation';
import { regionData } from './map-derivations';
import { placeInfo } from './place-info';
import type { WarningsState } from './warnings-state';

const open = (s: AppState) => s.mode === 'workbench' && isCurrent(regionData, s);

function withWarnings(s: AppState, patch: Partial<WarningsState>): AppState {
  return { ...s, workbench: { ...s.workbench, warnings: { ...s.workbench.warnings, ...patch } } };
}

/** The settings a line's date depends on (the clock, the periods and the stall ratios). */
function lineSettings(s: RuleSettings): number[] {
  return [s.idleYears, s.recoveryYears, s.stalledDevelopedRatio, s.stalledInvestmentRatio];
}

export const warningList: Derivation<WarningsState['list']> = {
  name: 'warnings',
  fatal: false,
  wanted: (s) => (open(s) ? key(s.regionKey, asOfDate(s), lineSettings(s.settings), windowDays(s.settings), s.filter.counties, s.filter.parkIds) : null),
  current: (s) => s.workbench.warnings.listKey,
  // The counties and parks chosen on the map narrow the list (warningScope says why only those).
  run: (s, { db }) => runWarnings(db, asOfDate(s), s.settings, 'parcels', warningScope(s.filter)),
  apply: (s, list) => withWarnings(s, { list, listKey: warningList.wanted(s) }),
};

export const daysToIdle: Derivation<Uint8Array> = {
  name: 'daysToIdle',
  fatal: false,
  wanted: (s) =>
    open(s) && s.workbench.colorBy === 'days_to_idle' ? key(s.regionKey, asOfDate(s), lineSettings(s.settings)) : null,
  current: (s) => s.workbench.warnings.binsKey,
  run: (s, { db }) => daysToIdleBins(db, asOfDate(s), s.settings),
  apply: (s, bins) => {
    const next = withWarnings(s, { bins, binsKey: daysToIdle.wanted(s) });
    // The map re-reads its colours on this revision (as for the 亩均 classes).
    return { ...next, workbench: { ...next.workbench, revision: next.workbench.revision + 1 } };
  },
};

export const WARNING_DERIVATIONS = [warningList, daysToIdle] as const;

/** The 督办清单 workbook at this state's as-of date and window, in the UI's language. */
export async function warningsFile(s: AppState, db: Db): Promise<{ bytes: Uint8Array; name: string; type: string }> {
  const asOf = asOfDate(s);
  const lang = s.lang;
  const region = regionById(s.region);
  const info = placeInfo(s, lang);
  // Computed afresh: the export must match this state even before the list has arrived.
  const list = await runWarnings(db, asOf, s.settings, 'parcels', warningScope(s.filter));
  const parkNames = Object.fromEntries(s.parkOptions.map((p) => [p.park_id, p.name]));
  const { buildWorkbook } = await import('../export/xlsx');
  const bytes = await buildWorkbook(warningSheets(list, lang, parkNames), {
    asOf,
    regionName: region ? (lang === 'zh' ? `${region.province}${region.city}` : region.nameEn) : info.title,
    // The 说明 sheet names the places the list was narrowed to.
    filter: { ...EMPTY_FILTER, counties: s.filter.counties, parkIds: s.filter.parkIds },
    settings: s.settings,
    parkNames,
    dataNote: info.synthetic ? (lang === 'zh' ? '园区、宗地、企业为示例数据（程序生成），不代表真实统计' : 'Parks, parcels and enterprises are generated demo data, not real statistics') : undefined,
    lang,
    today: s.today,
    extraNotes: warningNotes(asOf, windowDays(s.settings), list.length, lang),
  });
  const base = lang === 'zh' ? `督办清单_${region?.nameZh ?? info.title}` : `Warning_list_${region?.nameEn ?? info.title}`;
  return { bytes, name: `${base}_${asOf}.xlsx`, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}
