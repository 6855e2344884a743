// Park clusters (组团): DBSCAN over park boundaries. The 组团招商候选 badge goes only on clusters
// whose parks in different counties share a main industry or supply each other
// (cluster-promotion.ts), and each cluster says why it is or is not one.

import type { ParkCluster } from '../../state/review-state';
import { CLUSTER_SETTING_META } from '../../state/catalog';
import { fmt } from '../format';
import { useT } from '../i18n';
import { useActions, useAppState } from '../../state/context';
import './review.css';

type T = ReturnType<typeof useT>['t'];

/** One sentence on why the cluster is (or is not) a 组团招商 candidate. */
export function promotionReason(c: ParkCluster, t: T, lang: 'zh' | 'en', place: (county: string) => string = (x) => x): string {
  const p = c.promotion;
  if (!c.multiCounty) return t('promoSingleCounty');
  if (!p || !p.candidate) return t('promoNotCandidate');
  const sep = lang === 'zh' ? '、' : ', ';
  const colon = lang === 'zh' ? '：' : ': ';
  const paren = (x: string) => (lang === 'zh' ? `（${x}）` : ` (${x})`);
  const parts: string[] = [];
  if (p.sharedChains.length > 0) {
    parts.push(t('promoShared') + colon + p.sharedChains.map((s) => `${s.chain_name}${paren(s.counties.map(place).join(sep))}`).join(lang === 'zh' ? '；' : '; '));
  }
  if (p.links.length > 0) {
    const shown = p.links.slice(0, 3).map((l) => `${l.fromName}${paren(l.fromCounties.map(place).join(sep))} → ${l.toName}${paren(l.toCounties.map(place).join(sep))}`);
    parts.push(t('promoLinks') + colon + shown.join(lang === 'zh' ? '；' : '; ') + (p.links.length > 3 ? ' …' : ''));
  }
  return parts.join(lang === 'zh' ? '。' : '. ');
}

export function ClusterPanel() {
  const actions = useActions();
  const { t, lang, place } = useT();
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
            data-candidate={c.promotion?.candidate ?? false}
            title={promotionReason(c, t, lang, place)}
            onClick={() => actions.selectCluster(c.id === selected ? null : c.id)}
          >
            <div class="row1">
              <button
                type="button"
                class="cluster-name"
                aria-pressed={c.id === selected}
                onClick={(e) => {
                  e.stopPropagation();
                  actions.selectCluster(c.id === selected ? null : c.id);
                }}
              >
                {lang === 'zh' ? c.labelZh : c.labelEn}
              </button>
              {c.promotion?.candidate && (
                <span class="badge" data-testid="promotion-badge">
                  {t('promoBadge')}
                </span>
              )}
            </div>
            <div class="row2 muted">
              {c.parkIds.length} {t('parksUnit')} · {t('plannedArea')} {fmt(c.plannedAreaHa * 15, 0)} {t('mu')} · {t('availableLand')}{' '}
              {fmt(c.availableAreaMu, 0)} {t('mu')}
              {c.plannedAreaHa > 0 &&
                (lang === 'zh' ? '（' : ' (') + `${Math.round((c.availableAreaMu / (c.plannedAreaHa * 15)) * 100)}%` + (lang === 'zh' ? '）' : ')')}
            </div>
            <div class="row2 small">{c.parkNames.join(lang === 'zh' ? '、' : ', ')}</div>
            {c.multiCounty && (
              <div class={c.promotion?.candidate ? 'row2 small promo-why' : 'row2 small muted promo-why'} data-testid="promotion-reason">
                {promotionReason(c, t, lang, place)}
              </div>
            )}
          </li>
        ))}
      </ul>
      <p class="muted small">{t('promoRule')}</p>
      {result && result.noise.length > 0 && (
        <p class="muted small">
          {t('standaloneParks')}{lang === 'zh' ? '：' : ': '}{result.noise.map((n) => n.name).join(lang === 'zh' ? '、' : ', ')}
        </p>
      )}
    </section>
  );
}
