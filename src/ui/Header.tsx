import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { REGIONS } from '../state/catalog';
import { placeInfo } from '../state/place-info';
import { WorkspaceMenu } from './WorkspaceMenu';
import { HeaderMenu } from './HeaderMenu';
import { useT } from './i18n';
import { ModeTabs } from './ModeTabs';
import { SearchBox } from './SearchBox';
import { useActions, useAppState } from '../state/context';
import { asOfDate } from '../state/app-state';

/**
 * How much of the header has folded into the “More” menu. The row never wraps and never
 * scrolls sideways: when its items do not fit (English labels are longer, others may add items)
 * the less-used ones fold, one step at a time —
 * 1: scenes, wall screen, workspaces and import; 2: also rule settings; 3: regions become a list box.
 */
export const FOLD_STEPS = 3;

/** The window width, updated on resize. */
function useWindowWidth(): number {
  const [w, setW] = useState(() => window.innerWidth);
  useEffect(() => {
    const on = () => setW(window.innerWidth);
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return w;
}

export function Header(props: { onSettings: () => void; wall: boolean; onWall: () => void; onImport: () => void; onScenes: () => void }) {
  const actions = useActions();
  const { t, lang } = useT();
  const region = useAppState((s) => s.region);
  const asOf = useAppState(asOfDate);
  const busy = useAppState((s) => s.pending > 0 && s.phase === 'ready');
  const info = useAppState((s) => placeInfo(s, lang));
  const width = useWindowWidth();
  const ref = useRef<HTMLElement>(null);
  // The fold is measured for one width, language and screen mode; any change measures again from 0.
  const key = `${width}|${lang}|${props.wall}|${info.synthetic}`;
  const [fit, setFit] = useState({ key, fold: 0 });
  const fold = fit.key === key ? fit.fold : 0;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const overflows = el.scrollWidth > el.clientWidth + 1;
    if (overflows && fold < FOLD_STEPS) setFit({ key, fold: fold + 1 });
    else if (fit.key !== key) setFit({ key, fold });
  });

  const wallButton = (
    <button class="lang" data-testid="wall-toggle" aria-pressed={props.wall} onClick={props.onWall}>
      {props.wall ? t('wallExit') : t('wall')}
    </button>
  );
  const settingsButton = (
    <button class="lang" data-testid="settings-open" onClick={props.onSettings}>
      {t('settings')}
    </button>
  );
  const workspaces = <WorkspaceMenu onImport={props.onImport} />;
  const scenesButton = (
    <button class="lang" data-testid="scenes-open" onClick={props.onScenes}>
      {t('scenes')}
    </button>
  );

  return (
    <header class={`header fold-${fold}`} ref={ref} data-fold={fold}>
      <div class="brand">
        <h1>{t('appTitle')}</h1>
        <span class="subtitle">{t('appSubtitle')}</span>
        {info.synthetic && (
          <span class="demo-badge" title={t('demoNote')} data-testid="demo-badge">
            {t('demoBadge')}
          </span>
        )}
      </div>
      <ModeTabs />
      {!props.wall && <SearchBox />}
      <nav class="regions" aria-label={t('region')}>
        {fold >= 3 ? (
          <select
            class="region-select"
            aria-label={t('region')}
            data-testid="region-select"
            value={REGIONS.some((r) => r.id === region) ? region : ''}
            onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value;
              const r = REGIONS.find((x) => x.id === v);
              if (r) actions.setRegion(r.id);
            }}
          >
            {!REGIONS.some((r) => r.id === region) && <option value="">{t('region')}</option>}
            {REGIONS.map((r) => (
              <option key={r.id} value={r.id}>
                {lang === 'zh' ? r.nameZh : r.nameEn}
              </option>
            ))}
          </select>
        ) : (
          REGIONS.map((r) => (
            <button
              key={r.id}
              class={r.id === region ? 'region active' : 'region'}
              data-region={r.id}
              aria-pressed={r.id === region}
              onClick={() => r.id !== region && actions.setRegion(r.id)}
            >
              {lang === 'zh' ? r.nameZh : r.nameEn}
            </button>
          ))
        )}
        {fold === 0 && workspaces}
        <span class="theme" title={info.theme}>
          {info.theme}
        </span>
      </nav>
      <span class={busy ? 'busy on' : 'busy'} aria-hidden={!busy} data-testid="busy" />
      <label class="asof">
        <span class="asof-label">{t('asOf')}</span>
        <input
          type="date"
          data-testid="as-of"
          value={asOf}
          onChange={(e) => actions.setAsOf((e.target as HTMLInputElement).value)}
        />
        <button class="link" onClick={() => actions.setAsOf('today')}>
          {t('today')}
        </button>
      </label>
      {fold === 0 && scenesButton}
      {fold === 0 && wallButton}
      {fold < 2 && settingsButton}
      {fold > 0 && (
        <HeaderMenu>
          {workspaces}
          {scenesButton}
          {wallButton}
          {fold >= 2 && settingsButton}
        </HeaderMenu>
      )}
      <button class="lang" data-testid="lang-switch" lang={lang === 'zh' ? 'en' : 'zh'} onClick={() => actions.setLang(lang === 'zh' ? 'en' : 'zh')}>
        {t('language')}
      </button>
    </header>
  );
}
