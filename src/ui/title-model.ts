// The heading of the map title: the place and what the map shows (闲置土地认定与处置, 企业亩均效益评价,
// 园区布局, 招商选址). The title on screen (MapTitle.tsx) and the exported picture both use it.

import { type Lang, translate } from '../i18n/dict';
import type { AppState } from '../state/app-state';
import { placeInfo } from '../state/place-info';

export function mapHeading(s: Pick<AppState, 'mode' | 'workbench' | 'region' | 'workspaces'>, lang: Lang): string {
  const colorBy = s.mode === 'workbench' ? s.workbench.colorBy : null;
  const view =
    s.mode === 'layout' ? 'titleLayout' : s.mode === 'siting' ? 'titleSiting' : colorBy === 'mujun' ? 'titleMujun' : colorBy === 'days_to_idle' ? 'titleDaysToIdle' : 'titleIdle';
  return `${placeInfo(s, lang).title} · ${translate(lang, view)}`;
}
