import { PUNCTUATION, m2ToMu } from '../vocab';
import { fmt } from './format';
import { useT } from './i18n';
import { useActions, useAppState } from '../state/context';

export function ParcelList() {
  const actions = useActions();
  const { t, code, place, lang } = useT();
  const codes = (joined: string) => joined.split(';').map(code).join(PUNCTUATION[lang].semicolon);
  const list = useAppState((s) => s.list);
  // Until the first figures arrive the list is not empty, it is not known yet.
  const known = useAppState((s) => s.filteredKey !== null);
  return (
    <section class="plist">
      <h3>{t('list')}</h3>
      <p class="muted small">{t('listNote')}</p>
      {!known && <p class="muted">{t('judging')}</p>}
      {known && list.length === 0 && <p class="muted">{t('noParcels')}</p>}
      <ul data-testid="parcel-list">
        {list.map((p) => (
          <li key={p.pidx} class={`cat-${p.disposal}`} data-parcel-id={p.parcel_id}>
            {/* A real button: reached with Tab, opened with Enter or Space. */}
            {/* Selects the parcel and brings it into view (a history entry: Back returns). */}
            <button type="button" class="plist-item" onClick={() => actions.goToParcel(p.parcel_id)}>
              <span class="row1">
                <b>{p.parcel_id}</b>
                <span class="tag">{code(`disposal:${p.disposal}`)}</span>
              </span>
              <span class="row2 muted">
                {place(p.county)} · {p.park_name ?? t('outsidePark')} · {fmt(m2ToMu(p.area_m2))} {t('mu')}
                {p.idle_days > 0 && ` · ${fmt(p.idle_days, 0)} ${t('days')}`}
                {p.exit_reasons && (
                  <span title={codes(p.exit_reasons)}>
                    {' · '}
                    {p.exit_reasons.replaceAll(';', ' ')}
                  </span>
                )}
                {p.inefficiency && (
                  <span title={codes(p.inefficiency)}>
                    {' · '}
                    {p.inefficiency.replaceAll(';', ' ')}
                  </span>
                )}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
