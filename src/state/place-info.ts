// What the header and the map title say about the place on screen: its name, city and whether
// the data is the synthetic demo (示例数据) — a user's own workspace never carries that mark.

import { isWorkspaceId, regionById } from '../data/regions';
import type { AppState } from './app-state';
import type { Lang } from '../vocab';

export interface PlaceInfo {
  /** Title on the map: the city (demo) or the workspace name. */
  title: string;
  /** The demo's storyline, or the workspace's city. */
  theme: string;
  synthetic: boolean;
}

export function placeInfo(s: Pick<AppState, 'region' | 'workspaces'>, lang: Lang): PlaceInfo {
  if (isWorkspaceId(s.region)) {
    const w = s.workspaces.find((x) => x.id === s.region);
    return { title: w?.name ?? s.region, theme: w?.city ?? '', synthetic: false };
  }
  const r = regionById(s.region);
  if (!r) return { title: s.region, theme: '', synthetic: true };
  return { title: lang === 'zh' ? r.city : r.nameEn, theme: lang === 'zh' ? r.themeZh : r.themeEn, synthetic: true };
}
