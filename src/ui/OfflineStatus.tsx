// The status bar at the foot of the app: whether it can be used offline here (and how much it
// keeps in the browser), the progress while it saves its files, a new version waiting, and the
// browser's offer to install it. Nothing at all where there is no service worker (plain-http
// intranet hosts, the dev server): the app works as before and has nothing to announce.

import { useEffect, useState } from 'preact/hooks';
import { type OfflineStatus as Status, installApp, offlineStatus, offlineSupported, sizeInMegabytes, subscribeOffline } from '../state/offline';
import { useT } from './i18n';
import './offline.css';

function useOfflineStatus(): Status {
  const [s, setS] = useState(offlineStatus);
  useEffect(() => subscribeOffline(setS), []);
  return s;
}

export function OfflineStatus() {
  const { t } = useT();
  const s = useOfflineStatus();
  // Where there will be a worker, the line is there from the first frame (empty until it has
  // reported), so the map does not shrink after it has been fitted — which would leave the first
  // view and one restored later (Back to the whole place) at different zooms.
  if (!offlineSupported() && !s.canInstall) return null;
  const state =
    s.phase === 'ready'
      ? { text: `${t('offlineReady')} · ${sizeInMegabytes(s.bytes)} MB`, title: t('offlineReadyTitle') }
      : s.phase === 'caching'
        ? { text: t('offlineCaching').replace('{n}', String(s.percent)), title: t('offlineCachingTitle') }
        : s.phase === 'failed'
          ? { text: t('offlineFailed'), title: t('offlineFailedTitle') }
          : null;
  return (
    <footer class="offline-bar" aria-label={t('offlineStatus')} data-testid="offline-bar">
      {state && (
        // A live region only for outcomes: a screen reader would otherwise read out every percent.
        <span
          class={`offline-state ${s.phase}`}
          role={s.phase === 'caching' ? undefined : 'status'}
          title={state.title}
          data-testid="offline-status"
          data-phase={s.phase}
        >
          <span class="offline-dot" aria-hidden="true" />
          {state.text}
          {s.phase === 'caching' && <progress class="offline-progress" max={100} value={s.percent} aria-hidden="true" />}
        </span>
      )}
      {s.updateReady && (
        <span class="offline-update" role="status" title={t('offlineUpdateTitle')} data-testid="offline-update">
          {t('offlineUpdate')}
        </span>
      )}
      {s.canInstall && (
        <button type="button" class="offline-install" title={t('offlineInstallTitle')} data-testid="offline-install" onClick={() => void installApp()}>
          {t('offlineInstall')}
        </button>
      )}
    </footer>
  );
}
