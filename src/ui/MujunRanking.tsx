// 亩均效益 ranking of enterprises; those with missing inputs are listed, not scored.

import { fmt } from './format';
import { useT } from './i18n';
import { useState } from 'preact/hooks';
import { useActions, useAppState } from '../state/context';
import './nav.css';
import { PUNCTUATION, formatMoneyValue, labelOf } from '../vocab';

export function MujunRanking() {
  const { t, lang, place } = useT();
  const actions = useActions();
  const rows = useAppState((s) => s.workbench.ranking);
  // The enterprise whose row was chosen, and whether it had parcels to show.
  const [chosen, setChosen] = useState<{ id: string; found: boolean } | null>(null);
  const show = (id: string) => {
    setChosen({ id, found: true });
    void actions.goToEnterprise(id).then((found) => setChosen({ id, found }));
  };
  const scored = rows.filter((r) => r.class !== null);
  const missing = rows.filter((r) => r.class === null);
  return (
    <section class="plist">
      <h3>{t('mujunRanking')}</h3>
      <p class="muted small">{t('mujunRankingNote')}</p>
      {chosen && !chosen.found && (
        <p class="warn small" role="status" data-testid="ranking-no-parcels">
          {t('navRankingNoParcels')}
        </p>
      )}
      <table class="stage-grid" data-testid="mujun-ranking">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('enterprise')}</th>
            <th class="num">{t('taxPerMu')}</th>
            <th class="num">{t('score')}</th>
            <th>{t('class')}</th>
          </tr>
        </thead>
        <tbody>
          {scored.slice(0, 150).map((r) => (
            <tr key={r.enterprise_id} class={chosen?.id === r.enterprise_id ? 'clickable on' : 'clickable'} onClick={() => show(r.enterprise_id)}>
              <td>{r.rank}</td>
              <td>
                {/* The row's button: reachable by Tab, Enter/Space choose it (the row's click is for the mouse). */}
                <button
                  class="nav-rank-name"
                  title={t('navRankingShow')}
                  data-enterprise={r.enterprise_id}
                  onClick={(e) => {
                    e.stopPropagation();
                    show(r.enterprise_id);
                  }}
                >
                  {r.name}
                </button>
                <div class="small muted">{place(r.county)}</div>
              </td>
              <td class="num">{formatMoneyValue(r.tax_per_mu, lang, 1)}</td>
              <td class="num">{fmt(r.score, 2)}</td>
              <td>
                <span class={`cls cls-${r.class}`}>{r.class}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length > 0 && (
        <details>
          <summary class="small">
            {t('mujunMissing')} · {missing.length}
          </summary>
          <ul class="small" data-testid="mujun-missing">
            {missing.slice(0, 100).map((r) => (
              <li key={r.enterprise_id}>
                {r.name}{PUNCTUATION[lang].colon}{r.missing.split(';').map((m) => labelOf('mujunInput', m, lang)).join(PUNCTUATION[lang].list)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
