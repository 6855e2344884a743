import type { ParcelDetail } from '../state/app-state';
import { parcelPanel } from '../state/parcel-detail';
import { PUNCTUATION, formatDate, formatMoney, isoDate, m2ToMu } from '../vocab';
import { TrackingSection } from './TrackingSection';
import { fmt } from './format';
import { useT } from './i18n';
import { useEffect, useRef } from 'preact/hooks';
import { useActions, useAppState } from '../state/context';

function Fact(props: { label: string; value: string | null | undefined }) {
  return (
    <div class="fact">
      <dt>{props.label}</dt>
      <dd>{props.value ?? '—'}</dd>
    </div>
  );
}

/** A finding's codes (E1…E6 or L1…L3), each with its explanation, or “none”. */
function CodeList(props: { title: string; items: { code: string; text: string }[]; testid: string }) {
  const { t, code, lang } = useT();
  return (
    <>
      <h3>{props.title}</h3>
      {props.items.length === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <ul class="codes" data-testid={props.testid}>
          {props.items.map((e) => (
            <li key={e.code}>
              <b>{code(e.code)}</b>
              {PUNCTUATION[lang].colon}
              {e.text}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function DetailPanel(props: { parcel: ParcelDetail }) {
  const { selectParcel } = useActions();
  const { t, code, lang, place } = useT();
  const settings = useAppState((s) => s.settings);
  const p = props.parcel;
  const history = useAppState((s) => s.workbench.history);
  const { explanation: ex, actions } = parcelPanel(p, settings, lang, history);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from the list with the keyboard, the list item is gone: focus moves to the panel.
  useEffect(() => {
    if (document.activeElement === document.body || !document.activeElement?.isConnected) heading.current?.focus();
  }, [p.parcel_id]);
  // Esc closes the panel unless a dialog above it takes the key first (ui/dialog.ts).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const inField = e.target instanceof HTMLElement && /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName) && !e.target.closest('.detail');
      if (inField) return;
      selectParcel(null);
      // Back to the parcel's line in the list once it is drawn again.
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-parcel-id="${CSS.escape(p.parcel_id)}"] button`)?.focus());
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [p.parcel_id]);
  const money = (v: number | null) => formatMoney(v, lang);
  const day = (v: number | string | null | undefined) => {
    const d = isoDate(v);
    return d === null ? null : formatDate(d, lang);
  };
  // A date the data records after the as-of date is shown, marked as not yet happened then.
  const asOf = isoDate(p.as_of);
  const recorded = (v: number | string | null | undefined) => {
    const d = isoDate(v);
    if (d === null || !asOf || d <= asOf) return day(v);
    return lang === 'zh' ? `${day(v)}（${t('afterAsOf')}）` : `${day(v)} (${t('afterAsOf')})`;
  };
  return (
    <section class="detail" data-testid="detail-panel" data-parcel-id={p.parcel_id}>
      <div class="detail-head">
        <div>
          <h2 ref={heading} tabIndex={-1}>
            {p.parcel_id}
          </h2>
          <div class="detail-sub">
            {place(p.county)} · {p.park_name ?? t('outsidePark')}
          </div>
        </div>
        <button class="close" aria-label={t('close')} title={t('dialogClose')} data-testid="detail-close" onClick={() => selectParcel(null)}>
          ×
        </button>
      </div>
      <div class={`verdict cat-${p.disposal}`} data-testid="detail-verdict">
        {code(`disposal:${p.disposal}`)}
        {p.idle_type !== 'none' && <span> · {code(`idle:${p.idle_type}`)}</span>}
      </div>
      <h3>{t('why')}</h3>
      <p class="why" data-testid="detail-why">
        {ex.idle}
      </p>
      {actions.length > 0 && (
        <>
          <h3>{t('disposalPlan')}</h3>
          <ol class="plan" data-testid="disposal-plan">
            {actions.map((a) => (
              <li key={a.action} data-action={a.action}>
                <b>{lang === 'zh' ? a.labelZh : a.labelEn}</b>
                {a.amountWan !== undefined && ` · ${formatMoney(a.amountWan, lang)}`}
                <div class="small muted">{lang === 'zh' ? a.ruleZh : a.ruleEn}</div>
              </li>
            ))}
          </ol>
        </>
      )}
      <CodeList title={t('exitConditions')} items={ex.exits} testid="detail-exits" />
      <CodeList title={t('inefficiency')} items={ex.inefficiencies} testid="detail-ineff" />
      {ex.missing.length > 0 && (
        <>
          <h3>{t('missingInputs')}</h3>
          <p class="warn">{ex.missing.join(lang === 'zh' ? '，' : ', ')}</p>
        </>
      )}
      <TrackingSection parcelId={p.parcel_id} />
      <dl class="facts">
        <Fact label={t('holder')} value={p.holder} />
        <Fact label={t('enterprise')} value={p.enterprise_name} />
        <Fact label={t('landUse')} value={code(p.land_use)} />
        <Fact label={t('status')} value={code(p.status)} />
        <Fact label={t('area')} value={p.area_m2 === null ? null : `${fmt(p.area_m2, 0)} m² · ${fmt(m2ToMu(p.area_m2))} ${t('mu')}`} />
        <Fact label={t('supplyDate')} value={recorded(p.supply_date)} />
        <Fact label={t('agreedStart')} value={day(p.agreed_start_date)} />
        <Fact label={t('actualStart')} value={recorded(p.recorded_actual_start_date ?? p.actual_start_date)} />
        <Fact label={t('agreedCompletion')} value={day(p.agreed_completion_date)} />
        <Fact label={t('haltedSince')} value={recorded(p.recorded_halted_since ?? p.halted_since)} />
        <Fact label={t('landPrice')} value={money(p.land_price_wan)} />
        <Fact label={t('investment')} value={`${money(p.actual_investment_wan)} / ${money(p.agreed_investment_wan)}`} />
        <Fact label={t('output')} value={`${money(p.annual_output_wan)} / ${money(p.agreed_annual_output_wan)}`} />
        <Fact label={t('tax')} value={money(p.annual_tax_wan)} />
        <Fact label={t('plotRatio')} value={fmt(p.plot_ratio, 2)} />
      </dl>
    </section>
  );
}
