// The matching weights and default distance (settings with their reasoning, settings.ts), folded
// under the form: changing one re-ranks at once.

import { useActions, useAppState } from '../../state/context';
import { MATCH_SETTING_META } from '../../state/siting-view';
import { useT } from '../i18n';

export function MatchWeights() {
  const { t, lang } = useT();
  const actions = useActions();
  const settings = useAppState((s) => s.siting.settings);
  const errors = useAppState((s) => s.siting.settingsErrors);
  return (
    <details class="sm-weights" data-testid="match-weights">
      <summary>{t('smWeights')}</summary>
      {MATCH_SETTING_META.map((m) => (
        <label key={m.key} title={lang === 'zh' ? m.sourceZh : m.sourceEn}>
          <span>{lang === 'zh' ? m.labelZh : m.labelEn}</span>
          <input
            type="number"
            data-setting={m.key}
            min={m.min}
            max={m.max}
            step={m.step}
            value={settings[m.key]}
            onChange={(e) => {
              const v = Number((e.target as HTMLInputElement).value);
              if (Number.isFinite(v)) actions.setMatchSettings({ [m.key]: v });
            }}
          />
          <span class="unit">{lang === 'zh' ? m.unitZh : m.unitEn}</span>
          <small>{lang === 'zh' ? m.sourceZh : m.sourceEn}</small>
        </label>
      ))}
      {errors.length > 0 && (
        <ul class="sm-issues" role="alert">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => actions.resetMatchSettings()}>
        {t('smReset')}
      </button>
    </details>
  );
}
