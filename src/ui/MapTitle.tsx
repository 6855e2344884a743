// The map's own title, so a screenshot or a wall screen says what, where and as of when.

import { placeInfo } from '../state/place-info';
import { useT } from './i18n';
import { useAppState } from '../state/context';
import { asOfDate } from '../state/app-state';
import { settingsNotice } from '../state/settings-notice';
import './legal.css';
import { formatDate } from '../vocab';
import { mapHeading } from './title-model';

export function MapTitle() {
  const { t, lang } = useT();
  const asOf = useAppState(asOfDate);
  const heading = useAppState((s) => mapHeading(s, lang));
  const info = useAppState((s) => placeInfo(s, lang));
  const notice = useAppState((s) => settingsNotice(s, lang));
  const past = useAppState((s) => asOfDate(s) < s.today);
  return (
    <div class="map-title" data-testid="map-title">
      <h2>{heading}</h2>
      <div class="map-subtitle">
        {t('asOf')} {formatDate(asOf, lang)}
        {info.synthetic && (
          <>
            {' · '}
            <span class="demo-tag">{t('demoBadge')}</span>
          </>
        )}
        {past && (
          <span class="past-as-of" title={t('pastAsOf')} data-testid="past-as-of">
            {' · '}
            {t('pastAsOfShort')} ⓘ
          </span>
        )}
      </div>
      {notice && (
        // Persistent while settings differ: a screenshot or a wall screen never shows local figures as the law's.
        <div class="settings-notice" role="note" title={t('settingsNoticeHint')} data-testid="settings-notice">
          {notice.statutory.length > 0 && (
            <p class="non-statutory">
              <b>⚠ {t('nonStatutory')}</b> {notice.statutory.join(lang === 'zh' ? '；' : '; ')}
            </p>
          )}
          {notice.local.length > 0 && (
            <p>
              <b>{t('localSettings')}</b> {notice.local.join(lang === 'zh' ? '；' : '; ')}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
