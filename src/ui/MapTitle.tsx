// The map's own title, so a screenshot or a wall screen says what, where and as of when.

import { placeInfo } from '../state/place-info';
import { useT } from './i18n';
import { useAppState } from '../state/context';
import { asOfDate } from '../state/app-state';
import { formatDate } from '../vocab';

export function MapTitle() {
  const { t, lang } = useT();
  const mode = useAppState((s) => s.mode);
  const asOf = useAppState(asOfDate);
  const colorBy = useAppState((s) => s.workbench.colorBy);
  const info = useAppState((s) => placeInfo(s, lang));
  const view =
    mode === 'layout'
      ? t('titleLayout')
      : mode === 'workbench' && colorBy === 'mujun'
        ? t('titleMujun')
        : t('titleIdle');
  return (
    <div class="map-title" data-testid="map-title">
      <h2>
        {info.title} · {view}
      </h2>
      <div class="map-subtitle">
        {t('asOf')} {formatDate(asOf, lang)}
        {info.synthetic && (
          <>
            {' · '}
            <span class="demo-tag">{t('demoBadge')}</span>
          </>
        )}
      </div>
    </div>
  );
}
