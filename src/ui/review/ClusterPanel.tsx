// Park clusters (组团): DBSCAN over park boundaries; clusters across counties are candidates for
// joint promotion (组团招商).

import { CLUSTER_SETTING_META } from '../../state/catalog';
import { fmt } from '../format';
import { useT } from '../i18n';
import { useActions, useAppState } from '../../state/context';
import { PUNCTUATION } from '../../vocab';

export function ClusterPanel() {
  const actions = useActions();
  const { t, lang } = useT();
  const settings = useAppState((s) => s.clusterSettings);
  const result = useAppState((s) => s.review.clusters);
  const selected = useAppState((s) => s.review.selectedCluster);
  return (
    <section class="layout-section">
      <h3>{t('clusters')}</h3>
      <div class="inline-settings">
        {CLUSTER_SETTING_META.map((m) => (
          <label key={m.key}>
            {lang === 'zh' ? m.labelZh : m.labelEn}
            <input
              type="number"
              data-setting={m.key}
              min={m.min}
              max={m.max}
              step={m.step}
              value={settings[m.key]}
              title={lang === 'zh' ? m.sourceZh : m.sourceEn}
              onChange={(e) => {
                const v = Number((e.target as HTMLInputElement).value);
                if (Number.isFinite(v) && v >= m.min && v <= m.max) actions.setClusterSettings({ [m.key]: v });
              }}
            />
            {lang === 'zh' ? m.unitZh : m.unitEn}
          </label>
        ))}
      </div>
      <ul class="cluster-list" data-testid="cluster-list">
        {(result?.clusters ?? []).map((c) => (
          <li
            key={c.id}
            class={c.id === selected ? 'on' : ''}
            data-multi={c.multiCounty}
            onClick={() => actions.selectCluster(c.id === selected ? null : c.id)}
          >
            <div class="row1">
              <button
                type="button"
                class="row-pick"
                aria-pressed={c.id === selected}
                onClick={(e) => {
                  e.stopPropagation();
                  actions.selectCluster(c.id === selected ? null : c.id);
                }}
              >
                <b>{lang === 'zh' ? c.labelZh : c.labelEn}</b>
              </button>
              {c.multiCounty && <span class="badge">{t('jointPromotion')}</span>}
            </div>
            <div class="row2 muted">
              {c.parkIds.length} {t('parksUnit')} · {t('plannedArea')} {fmt(c.plannedAreaHa * 15, 0)} {t('mu')} · {t('availableLand')}{' '}
              {fmt(c.availableAreaMu, 0)} {t('mu')}
              {c.plannedAreaHa > 0 &&
                (lang === 'zh' ? '（' : ' (') + `${Math.round((c.availableAreaMu / (c.plannedAreaHa * 15)) * 100)}%` + (lang === 'zh' ? '）' : ')')}
            </div>
            <div class="row2 small">{c.parkNames.join(PUNCTUATION[lang].list)}</div>
          </li>
        ))}
      </ul>
      {result && result.noise.length > 0 && (
        <p class="muted small">
          {t('standaloneParks')}{PUNCTUATION[lang].colon}{result.noise.map((n) => n.name).join(PUNCTUATION[lang].list)}
        </p>
      )}
    </section>
  );
}
