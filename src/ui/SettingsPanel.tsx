// Every rule threshold in one place, each with its default and the source of that default.

import { DEFAULT_SETTINGS, SETTING_GROUPS, SETTING_META } from '../state/catalog';
import type { SettingMeta } from '../state/app-state';
import { useT } from './i18n';
import './legal.css';
import { useRef } from 'preact/hooks';
import { useDialog } from './dialog';
import { PUNCTUATION } from '../vocab';
import { useActions, useApp, useAppState } from '../state/context';

function groupOf(m: SettingMeta): string {
  return (m as SettingMeta & { group?: string }).group ?? 'idle';
}

const GROUP_LABELS: Record<string, [string, string]> = Object.fromEntries(
  SETTING_GROUPS.map((g) => [g.group, [g.labelZh, g.labelEn]]),
);

export function SettingsPanel(props: { onClose: () => void }) {
  const app = useApp();
  const actions = useActions();
  const { t, lang } = useT();
  const settings = useAppState((s) => s.settings);
  const errors = useAppState((s) => s.settingsErrors);
  const groups = [...new Set(SETTING_META.map(groupOf))];
  const dialog = useRef<HTMLDivElement>(null);
  // Opened from the folded header menu, the opener is gone by the time the dialog closes.
  useDialog(dialog, props.onClose, {
    fallbackFocus: () => document.querySelector<HTMLElement>('[data-testid=settings-open], [data-testid=header-more]'),
  });
  return (
    <div class="drawer" data-testid="settings-panel" role="dialog" aria-modal="true" aria-labelledby="settings-title" ref={dialog} tabIndex={-1}>
      <div class="drawer-head">
        <h2 id="settings-title">{t('settings')}</h2>
        <button class="link" data-testid="settings-reset" onClick={() => actions.resetSettings()}>
          {t('resetSettings')}
        </button>
        <button class="close" aria-label={t('close')} title={t('dialogClose')} data-testid="settings-close" onClick={props.onClose}>
          ×
        </button>
      </div>
      <p class="muted small">{t('settingsNote')}</p>
      {errors.length > 0 && (
        <p class="warn" role="alert" data-testid="settings-errors">
          {errors.join(PUNCTUATION[lang].semicolon)}
        </p>
      )}
      {groups.map((g) => (
        <section key={g} class="settings-group">
          <h3>{(GROUP_LABELS[g] ?? [g, g])[lang === 'zh' ? 0 : 1]}</h3>
          {SETTING_META.filter((m) => groupOf(m) === g).map((m) => {
            const value = settings[m.key] as number;
            const def = DEFAULT_SETTINGS[m.key] as number;
            return (
              <div class="setting" key={m.key}>
                <label for={`set-${m.key}`}>
                  {lang === 'zh' ? m.labelZh : m.labelEn}
                  {(lang === 'zh' ? m.unitZh : m.unitEn) && <span class="muted"> ({lang === 'zh' ? m.unitZh : m.unitEn})</span>}
                </label>
                <input
                  id={`set-${m.key}`}
                  data-setting={m.key}
                  type="number"
                  min={m.min}
                  max={m.max}
                  step={m.step}
                  value={Number(value.toFixed(4))}
                  class={value !== def ? 'changed' : ''}
                  onChange={(e) => {
                    const input = e.target as HTMLInputElement;
                    // Every value goes to the state, which applies it or says why not (a value
                    // out of range is reported, not silently dropped here).
                    const raw = input.value.trim();
                    actions.setSetting(m.key, raw === '' ? NaN : Number(raw));
                    const now = app.store.get().settings[m.key] as number;
                    if (now !== Number(raw)) input.value = String(Number(now.toFixed(4)));
                  }}
                />
                <div class="setting-source small muted">
                  {m.statutory ? t('statuteValue') : t('defaultValue')} {Number(def.toFixed(4))} · {lang === 'zh' ? m.sourceZh : m.sourceEn}
                </div>
                {m.statutory && value !== def && (
                  <div class="setting-warn small" data-testid={`non-statutory-${m.key}`}>
                    ⚠ {t('nonStatutoryRow')}
                  </div>
                )}
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
