// What the 项目选址 panel can ask for: edit the need, match it, match a project of the pipeline
// (seam with the 招商项目库: `matchProject`), choose a site (the map flies there), change the
// matching settings and export the ranking as .xlsx.

import { rankingTables } from '../analysis/site-match-export';
import type { MatchSettings } from '../analysis/match-settings';
import { regionById } from '../data/regions';
import { type AppState, asOfDate } from './app-state';
import type { Bounds } from './camera';
import type { Effects } from './effects';
import { placeInfo } from './place-info';
import type { SitingEvent } from './siting';
import { type ProjectLike, needFromProject } from './siting-need';
import type { SiteNeed, SitingTab } from './siting-state';
import type { Store } from './store';
import type { AppEvent } from './updaters';

interface Deps {
  store: Store<AppState>;
  dispatch(e: AppEvent): void;
  fx: Effects;
}

/** Half-width of the box the map fits around a site's point, degrees (≈ 1 km). */
const SITE_BOX_DEG = 0.01;

/** Bounds of a site: its outline when it has one, else its point with a margin. */
export function siteBounds(s: AppState, siteId: string): Bounds | null {
  const site = s.siting.match?.result.ranked.find((r) => r.site_id === siteId);
  if (!site || site.cx === null || site.cy === null) return null;
  const b: [number, number, number, number] = [site.cx - SITE_BOX_DEG, site.cy - SITE_BOX_DEG, site.cx + SITE_BOX_DEG, site.cy + SITE_BOX_DEG];
  for (const poly of s.supply.shapes.get(siteId) ?? []) {
    for (const [x, y] of poly[0] ?? []) {
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
  }
  return b;
}

export function createSitingActions({ store, dispatch, fx }: Deps) {
  const siting = (event: SitingEvent) => dispatch({ type: 'siting', event });
  return {
    setNeed: (patch: Partial<SiteNeed>) => siting({ type: 'needPatched', patch }),
    /** Matches the need as the form holds it (nothing happens while it has issues: the form shows them). */
    submitNeed: () => siting({ type: 'needSubmitted' }),
    /**
     * Fills the form from a project of the pipeline and matches it (a project record, or a need
     * already built), opening the 招商选址 mode.
     */
    matchProject(project: SiteNeed | ProjectLike): void {
      const need = 'muMin' in project ? project : needFromProject(project);
      dispatch({ type: 'modeSet', mode: 'siting' });
      siting({ type: 'projectMatched', need });
    },
    /** Shows a candidate in the detail panel and flies the map to it. */
    selectSite(siteId: string | null): void {
      siting({ type: 'siteSelected', siteId });
      const bounds = siteId === null ? null : siteBounds(store.get(), siteId);
      if (bounds) dispatch({ type: 'navigated', bounds });
    },
    setMatchSettings: (patch: Partial<MatchSettings>): string[] => {
      siting({ type: 'matchSettingsPatched', patch });
      return store.get().siting.settingsErrors;
    },
    resetMatchSettings: () => siting({ type: 'matchSettingsReset' }),
    setSitingTab: (tab: SitingTab) => siting({ type: 'sitingTabSet', tab }),
    /** The ranking, the excluded sites and the notes as one .xlsx. */
    async exportRanking(): Promise<void> {
      const s = store.get();
      const m = s.siting.match;
      if (!m) return;
      const lang = s.lang;
      const region = regionById(s.region);
      const info = placeInfo(s, lang);
      const regionName = region ? (lang === 'zh' ? `${region.province}${region.city}` : region.nameEn) : info.title;
      const tables = rankingTables({ ...m, settings: s.siting.settings, regionName, asOf: asOfDate(s) }, lang);
      const { buildTablesWorkbook } = await import('../export/xlsx');
      const title = lang === 'zh' ? `项目选址_${region?.nameZh ?? info.title}` : `Site-ranking_${region?.nameEn ?? info.title}`;
      const bytes = await buildTablesWorkbook(tables, title);
      fx.download(bytes, `${title}_${asOfDate(s)}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    },
  };
}
