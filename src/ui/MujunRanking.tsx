// 亩均效益 ranking of enterprises; those with missing inputs are listed, not scored.

import { fmt } from './format';
import { useT } from './i18n';
import { useActions, useAppState } from '../state/context';
import { PUNCTUATION, formatMoneyValue, labelOf } from '../vocab';

export function MujunRanking() {
  const { t, lang, place } = useT();
  const rows = useAppState((s) => s.workbench.ranking);
  const actions = useActions();
  // A ranking row narrows map and lists to the enterprise's park (or county), where its land is.
  const pick = (r: { county: string; park_id: string | null }) => actions.setFilter({ counties: [r.county], parkIds: r.park_id ? [r.park_id] : [] });
  const scored = rows.filter((r) => r.class !== null);
  const missing = rows.filter((r) => r.class === null);
  return (
    <section class="plist">
      <h3>{t('mujunRanking')}</h3>
      <p class="muted small">{t('mujunRankingNote')}</p>
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
            <tr key={r.enterprise_id} class="clickable" onClick={() => pick(r)}>
              <td>{r.rank}</td>
              <td>
                <button
                  type="button"
                  class="row-pick"
                  title={t('rankingPick')}
                  onClick={(e) => {
                    e.stopPropagation();
                    pick(r);
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
