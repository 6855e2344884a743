// What the 可供地 panel asks of the database: the workbook of available land per park and the
// candidate sites (analysis/export-supply.ts), for the parks the view keeps, at its as-of date.

import { readSupplyTables } from '../analysis/export-supply';
import type { Db } from '../data/db';
import { regionById } from '../data/regions';
import { translate } from '../i18n/dict';
import { type AppState, asOfDate } from './app-state';
import type { Effects } from './effects';
import { placeInfo } from './place-info';
import { parkKept } from './review';
import type { Store } from './store';
import { ensureSiteCandidates } from './supply';

export interface SupplyDeps {
  store: Store<AppState>;
  enqueue<T>(job: (db: Db) => Promise<T>): Promise<T>;
  fx: Effects;
}

/** The parks a 可供地 export covers: the chosen park, else those the county filter keeps (all: []). */
export function exportedParks(s: AppState): string[] {
  if (s.filter.parkIds.length > 0 || s.filter.counties.length === 0) return [...s.filter.parkIds];
  const kept = parkKept(s);
  return s.parkOptions.filter((p) => kept(p.park_id)).map((p) => p.park_id);
}

export function createSupplyActions({ store, enqueue, fx }: SupplyDeps) {
  return {
    /** Downloads the 可供地 workbook (.xlsx) of the parks in view. */
    async exportSupply(): Promise<void> {
      const s = store.get();
      const lang = s.lang;
      const asOf = asOfDate(s);
      const region = regionById(s.region);
      const info = placeInfo(s, lang);
      const tables = await enqueue(async (db) => {
        await ensureSiteCandidates(db, s);
        return readSupplyTables(db, lang, exportedParks(s));
      });
      const { buildWorkbook } = await import('../export/xlsx');
      const definition = translate(lang, 'supplyExplain');
      const bytes = await buildWorkbook(tables, {
        asOf,
        regionName: region ? (lang === 'zh' ? `${region.province}${region.city}` : region.nameEn) : info.title,
        filter: s.filter,
        settings: s.settings,
        parkNames: Object.fromEntries(s.parkOptions.map((p) => [p.park_id, p.name])),
        dataNote: info.synthetic ? `${definition} ${translate(lang, 'supplyDemoNote')}` : definition,
        lang,
        today: s.today,
      });
      const base = lang === 'zh' ? `园区招商一张图_${region?.nameZh ?? info.title}_可供地` : `ParkAtlas_${region?.nameEn ?? info.title}_available-land`;
      fx.download(bytes, `${base}_${asOf}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    },
  };
}
