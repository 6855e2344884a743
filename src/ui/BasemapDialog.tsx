// The basemap dialog: offline by default; 天地图 with the planner's own key, a custom XYZ or
// WMTS address (intranet 政务地图, GeoServer), or a local .pmtiles file; each with its tile
// coordinate system. The choice is saved for the place on screen; keys stay in this browser.

import { useRef, useState } from 'preact/hooks';
import { setLocalArchive } from '../map/basemap-tiles';
import { openArchive } from '../map/tile-protocol';
import type { MessageKey } from '../i18n/dict';
import { type BasemapChoice, type TileCrs, DEFAULT_OPACITY, templateProblem, withoutSecret } from '../state/basemap-choice';
import { useActions, useAppState } from '../state/context';
import { useT } from './i18n';
import { useDialog } from './dialog';
import { PUNCTUATION } from '../vocab';
import './basemap.css';

type Option = 'none' | 'tianditu-vec' | 'tianditu-img' | 'xyz' | 'wmts' | 'pmtiles';

const OPTIONS: { value: Option; label: MessageKey }[] = [
  { value: 'none', label: 'bmNone' },
  { value: 'tianditu-vec', label: 'bmTiandituVec' },
  { value: 'tianditu-img', label: 'bmTiandituImg' },
  { value: 'xyz', label: 'bmXyz' },
  { value: 'wmts', label: 'bmWmts' },
  { value: 'pmtiles', label: 'bmPmtiles' },
];

function optionOf(c: BasemapChoice | null): Option {
  if (!c) return 'none';
  return c.kind === 'tianditu' ? `tianditu-${c.layer}` : c.kind;
}

export function BasemapDialog(props: { onClose(): void }) {
  const { t, lang } = useT();
  const actions = useActions();
  const current = useAppState((s) => s.basemaps[s.region] ?? null);
  const [option, setOption] = useState<Option>(optionOf(current));
  const [key, setKey] = useState(() => actions.basemapKey('tianditu'));
  const [url, setUrl] = useState(current && (current.kind === 'xyz' || current.kind === 'wmts') ? current.url : '');
  const [attribution, setAttribution] = useState(current && current.kind !== 'tianditu' ? current.attribution : '');
  const [crs, setCrs] = useState<TileCrs>(current?.crs ?? 'wgs84');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  // Focus in, Tab kept inside, Esc closes, focus back to the 底图 button (ui/dialog.ts).
  useDialog(dialog, props.onClose);

  const opacity = current?.opacity ?? DEFAULT_OPACITY;

  async function apply() {
    setError(null);
    const base = { crs, opacity };
    if (option === 'none') {
      actions.setBasemap(null);
      return props.onClose();
    }
    if (option === 'tianditu-vec' || option === 'tianditu-img') {
      if (!key.trim()) return setError(t('bmKeyMissing'));
      if (!actions.setBasemapKey('tianditu', key)) return setError(t('bmKeyMissing'));
      actions.setBasemap({ kind: 'tianditu', layer: option === 'tianditu-vec' ? 'vec' : 'img', ...base });
      return props.onClose();
    }
    if (option === 'xyz' || option === 'wmts') {
      const problem = templateProblem(option, url.trim());
      if (problem) return setError(`${t('bmUrl')}${PUNCTUATION[lang].colon}${problem[lang]}`);
      actions.setBasemap({ kind: option, url: url.trim(), attribution: attribution.trim(), ...base });
      return props.onClose();
    }
    const picked = file;
    if (!picked) {
      if (current?.kind === 'pmtiles') return setError(t('bmFileAgain'));
      return setError(t('bmFileNeeded'));
    }
    setBusy(true);
    const opened = await openArchive(picked);
    setBusy(false);
    if ('problem' in opened) {
      const msg = opened.problem === 'vector' ? t('bmFileVector') : opened.problem === 'unknownType' ? t('bmFileUnknown') : t('bmFileUnreadable');
      return setError(`${picked.name}: ${msg}`);
    }
    setLocalArchive(opened);
    actions.setBasemap({ kind: 'pmtiles', fileName: picked.name, attribution: attribution.trim(), ...base });
    props.onClose();
  }

  const online = option === 'xyz' || option === 'wmts';
  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <div
        class="modal basemap-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('bmTitle')}
        data-testid="basemap-dialog"
        tabIndex={-1}
        ref={dialog}
      >
        <header class="modal-head">
          <h2>{t('bmTitle')}</h2>
          <button type="button" class="close" aria-label={t('bmCancel')} onClick={props.onClose}>
            ×
          </button>
        </header>
        <p class="bm-intro">{t('bmIntro')}</p>
        <fieldset class="bm-options">
          {OPTIONS.map((o) => (
            <label key={o.value}>
              <input type="radio" name="bm-source" value={o.value} checked={option === o.value} onChange={() => setOption(o.value)} data-testid={`bm-${o.value}`} />
              {t(o.label)}
            </label>
          ))}
        </fieldset>
        {option.startsWith('tianditu') && (
          <div class="bm-field">
            <label>
              {t('bmKey')}
              <input type="password" autocomplete="off" spellcheck={false} value={key} onInput={(e) => setKey((e.target as HTMLInputElement).value)} data-testid="bm-key" />
            </label>
            <div class="muted small">{t('bmKeyNote')}</div>
          </div>
        )}
        {online && (
          <div class="bm-field">
            <label>
              {t('bmUrl')}
              <input type="url" spellcheck={false} value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} data-testid="bm-url" />
            </label>
            <div class="muted small">{t(option === 'xyz' ? 'bmUrlHintXyz' : 'bmUrlHintWmts')}</div>
            {withoutSecret(url).secret !== null && <div class="muted small">{t('bmUrlKeyMoved')}</div>}
          </div>
        )}
        {option === 'pmtiles' && (
          <div class="bm-field">
            <label class="button">
              {t('bmFile')}
              <input type="file" accept=".pmtiles" onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} data-testid="bm-file" />
            </label>{' '}
            <span>{file?.name ?? (current?.kind === 'pmtiles' ? current.fileName : '')}</span>
            <div class="muted small">{t('bmFileNote')}</div>
          </div>
        )}
        {(online || option === 'pmtiles') && (
          <div class="bm-field">
            <label>
              {t('bmAttribution')}
              <input value={attribution} onInput={(e) => setAttribution((e.target as HTMLInputElement).value)} data-testid="bm-attribution" />
            </label>
          </div>
        )}
        {option !== 'none' && (
          <div class="bm-field">
            <label>
              {t('bmCrs')}
              <select value={crs} onChange={(e) => setCrs((e.target as HTMLSelectElement).value as TileCrs)} data-testid="bm-crs">
                <option value="wgs84">{t('bmCrsWgs')}</option>
                <option value="gcj02">{t('bmCrsGcj')}</option>
              </select>
            </label>
          </div>
        )}
        {error && (
          <div class="bm-error" role="alert" data-testid="bm-error">
            {error}
          </div>
        )}
        <footer class="modal-foot">
          <button type="button" onClick={props.onClose}>
            {t('bmCancel')}
          </button>
          <button type="button" class="primary" disabled={busy} onClick={() => void apply()} data-testid="bm-apply">
            {t('bmApply')}
          </button>
        </footer>
      </div>
    </div>
  );
}
