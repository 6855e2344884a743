// The map's own title, so a screenshot or a wall screen says what, where and as of when.

import { regionById } from '../data/regions';
import { store } from '../state/app';
import { useStore } from '../state/store';
import { workbenchStore } from '../state/workbench';
import { useT } from './i18n';

export function MapTitle() {
  const { t, lang } = useT();
  const region = useStore(store, (s) => s.region);
  const mode = useStore(store, (s) => s.mode);
  const asOf = useStore(store, (s) => s.asOf);
  const colorBy = useStore(workbenchStore, (s) => s.colorBy);
  const r = regionById(region)!;
  const view =
    mode === 'layout'
      ? t('titleLayout')
      : mode === 'workbench' && colorBy === 'mujun'
        ? t('titleMujun')
        : t('titleIdle');
  return (
    <div class="map-title" data-testid="map-title">
      <h2>
        {lang === 'zh' ? r.city : r.nameEn} · {view}
      </h2>
      <div class="map-subtitle">
        {t('asOf')} {asOf} · <span class="demo-tag">{t('demoBadge')}</span>
      </div>
    </div>
  );
}
