// On the map: the basemap button (opens the dialog), the opacity slider while a basemap is
// shown, its attribution, and a notice when its tiles fail. Texts from a user (attribution,
// file names, error details) are rendered as text, never as HTML.

import { useState } from 'preact/hooks';
import { useActions, useAppState } from '../state/context';
import { BasemapDialog } from './BasemapDialog';
import { attributionOf } from './basemap-attribution';
import { useT } from './i18n';
import { LayersControl } from './present/LayersControl';
import './basemap.css';

/** Why the basemap is not (fully) shown; worded in the UI language when rendered. */
export type BasemapProblem = { kind: 'tiles'; detail: string } | { kind: 'noKey' } | { kind: 'fileMissing' };

export function BasemapControls(props: { problem: BasemapProblem | null; wall?: boolean }) {
  const { t, lang } = useT();
  const actions = useActions();
  const choice = useAppState((s) => s.basemaps[s.region] ?? null);
  const [open, setOpen] = useState(false);
  return (
    <>
      {!props.wall && (
        <div class="bm-bar">
          <LayersControl />
          <button type="button" class="bm-button" onClick={() => setOpen(true)} data-testid="basemap-button" aria-haspopup="dialog">
            {t('bmButton')}
          </button>
          {choice && (
            <label class="bm-opacity" title={t('bmOpacity')}>
              <span class="sr-only">{t('bmOpacity')}</span>
              <input
                type="range"
                min={0}
                max={1}
                step={0.05}
                value={choice.opacity}
                aria-label={t('bmOpacity')}
                data-testid="bm-opacity"
                onInput={(e) => actions.setBasemap({ ...choice, opacity: Number((e.target as HTMLInputElement).value) })}
              />
            </label>
          )}
        </div>
      )}
      {choice && (
        <div class="bm-attribution" data-testid="bm-attribution-text">
          {t('bmSource')}
          {lang === 'zh' ? '：' : ': '}
          {attributionOf(choice, t('bmTiandituAttribution'))}
        </div>
      )}
      {props.problem && (
        <div class="bm-notice" role="alert" data-testid="bm-notice">
          {props.problem.kind === 'tiles'
            ? `${t('bmTileError')}${props.problem.detail ? `${lang === 'zh' ? '：' : ': '}${props.problem.detail}` : ''}`
            : t(props.problem.kind === 'noKey' ? 'bmKeyMissing' : 'bmFileAgain')}
        </div>
      )}
      {open && <BasemapDialog onClose={() => setOpen(false)} />}
    </>
  );
}
