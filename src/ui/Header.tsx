import { REGIONS } from '../state/catalog';
import { placeInfo } from '../state/place-info';
import { WorkspaceMenu } from './WorkspaceMenu';
import { useT } from './i18n';
import { ModeTabs } from './ModeTabs';
import { SearchBox } from './SearchBox';
import { useActions, useAppState } from '../state/context';
import { asOfDate } from '../state/app-state';

export function Header(props: { onSettings: () => void; wall: boolean; onWall: () => void; onImport: () => void }) {
  const actions = useActions();
  const { t, lang } = useT();
  const region = useAppState((s) => s.region);
  const asOf = useAppState(asOfDate);
  const busy = useAppState((s) => s.pending > 0 && s.phase === 'ready');
  const info = useAppState((s) => placeInfo(s, lang));
  return (
    <header class="header">
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
        {REGIONS.map((r) => (
          <button
            key={r.id}
            class={r.id === region ? 'region active' : 'region'}
            data-region={r.id}
            aria-pressed={r.id === region}
            onClick={() => r.id !== region && actions.setRegion(r.id)}
          >
            {lang === 'zh' ? r.nameZh : r.nameEn}
          </button>
        ))}
        <WorkspaceMenu onImport={props.onImport} />
        <span class="theme">{info.theme}</span>
      </nav>
      <span class={busy ? 'busy on' : 'busy'} aria-hidden={!busy} data-testid="busy" />
      <label class="asof">
        {t('asOf')}
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
      <button class="lang" data-testid="wall-toggle" aria-pressed={props.wall} onClick={props.onWall}>
        {props.wall ? t('wallExit') : t('wall')}
      </button>
      <button class="lang" data-testid="settings-open" onClick={props.onSettings}>
        {t('settings')}
      </button>
      <button class="lang" data-testid="lang-switch" onClick={() => actions.setLang(lang === 'zh' ? 'en' : 'zh')}>
        {t('language')}
      </button>
    </header>
  );
}
