// 大屏: the side panels are hidden, so a clicked parcel's detail appears as a compact card on
// the map, in type large enough to read across a room. Closed with × or Esc.

import { useEffect } from 'preact/hooks';
import type { ParcelDetail } from '../state/app-state';
import { useActions, useAppState } from '../state/context';
import { parcelPanel } from '../state/parcel-detail';
import { m2ToMu } from '../vocab';
import { fmt } from './format';
import { useT } from './i18n';
import './nav.css';

export function WallDetailCard(props: { parcel: ParcelDetail }) {
  const { selectParcelId } = useActions();
  const { t, code, lang } = useT();
  const settings = useAppState((s) => s.settings);
  const p = props.parcel;
  const { explanation: ex } = parcelPanel(p, settings, lang, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && selectParcelId(null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const codes = [...ex.exits, ...ex.inefficiencies];
  return (
    <section class="nav-wall-card" role="dialog" aria-label={t('navDetailCard')} data-testid="wall-detail" data-parcel-id={p.parcel_id}>
      <div class="nav-wall-head">
        <div>
          <h2>{p.parcel_id}</h2>
          <div class="nav-wall-sub">
            {p.county} · {p.park_name ?? t('outsidePark')}
          </div>
        </div>
        <button class="close" aria-label={t('close')} data-testid="wall-detail-close" onClick={() => selectParcelId(null)}>
          ×
        </button>
      </div>
      <div class={`verdict cat-${p.disposal}`}>
        {code(`disposal:${p.disposal}`)}
        {p.idle_type !== 'none' && <span> · {code(`idle:${p.idle_type}`)}</span>}
      </div>
      <p class="nav-wall-why">{ex.idle}</p>
      <dl class="nav-wall-facts">
        <dt>{t('holder')}</dt>
        <dd>{p.enterprise_name ?? p.holder ?? '—'}</dd>
        <dt>{t('area')}</dt>
        <dd>{p.area_m2 === null ? '—' : `${fmt(m2ToMu(p.area_m2))} ${t('mu')}`}</dd>
        {p.idle_days > 0 && (
          <>
            <dt>{t('idleDays')}</dt>
            <dd>
              {fmt(p.idle_days, 0)} {t('days')}
            </dd>
          </>
        )}
      </dl>
      {codes.length > 0 && <div class="nav-wall-codes">{codes.map((c) => code(c.code)).join(' · ')}</div>}
    </section>
  );
}

/** Several parcels under the pointer: a small list at the click point to choose from. */
export function PickChoice(props: { x: number; y: number; items: { pidx: number; label: string; detail: string }[]; onPick(pidx: number): void; onClose(): void }) {
  const { t } = useT();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && props.onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props.onClose]);
  return (
    <div class="nav-pick" style={{ left: `${props.x + 8}px`, top: `${props.y + 8}px` }} role="menu" aria-label={t('navPickChoose')} data-testid="pick-choice">
      <div class="small muted">{t('navPickChoose')}</div>
      {props.items.map((it) => (
        <button key={it.pidx} role="menuitem" data-pidx={it.pidx} onClick={() => props.onPick(it.pidx)}>
          <b>{it.label}</b> <span class="small muted">{it.detail}</span>
        </button>
      ))}
    </div>
  );
}
