// 可供地 in 园区布局's right panel: for the park chosen in the park filter, its available land in
// three parts — unsupplied land in the outline, supplied land coming back, vacant factory floor
// (m² of floor, never added to land) — with the definition in one line; with no park chosen, the
// same three figures for every park the county filter keeps. The figures are park-availability.ts's,
// which sums the candidate sites, so they agree with the map layer, matching and the brochures.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { ParkAvailability } from '../../state/review-state';
import { useActions, useAppState } from '../../state/context';
import { parkKept } from '../../state/review';
import { fmt } from '../format';
import { useT } from '../i18n';
import './supply.css';

const n = (s: string, v: number) => s.replace('{n}', fmt(v, 0));

function methodNote(p: ParkAvailability, t: ReturnType<typeof useT>['t']): string | null {
  if (p.unsuppliedMethod === 'planned') return t('supplyMethodPlanned');
  if (p.unsuppliedMethod === 'unshaped') return t('supplyMethodUnshaped');
  if (p.unsuppliedMethod === 'unknown') return t('supplyMethodUnknown');
  return p.sliverMu >= 0.05 ? t('supplySliver').replace('{mu}', fmt(p.sliverMu, 1)) : null;
}

function ParkSupply({ p }: { p: ParkAvailability }) {
  const { t, lang, place } = useT();
  const pieces = useAppState((s) => s.supply.candidates.filter((c) => c.park_id === p.park_id && c.kind === 'unsupplied').length);
  const note = methodNote(p, t);
  // Chosen from the list further down the panel: bring the park's figures into view.
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.scrollIntoView?.({ block: 'nearest' }), [p.park_id]);
  return (
    <section class="supply-park" data-testid="supply-park" data-park={p.park_id} ref={ref}>
      <h3>
        {p.name}
        {lang === 'zh' ? `（${p.county}）` : ` (${place(p.county)})`} · {t('supplyTitle')}
      </h3>
      <table class="supply-parts">
        <tbody>
          <tr data-testid="supply-unsupplied" data-mu={p.unsuppliedAreaMu ?? ''}>
            <th>
              <span class="supply-swatch" aria-hidden="true" />
              {t('supplyUnsupplied')}
            </th>
            <td class="num">{p.unsuppliedAreaMu === null ? t('supplyUnknown') : `${fmt(p.unsuppliedAreaMu, 1)} ${t('mu')}`}</td>
            <td class="muted small">{p.unsuppliedMethod === 'polygon' && n(t('supplyPieces'), pieces)}</td>
          </tr>
          <tr data-testid="supply-returning" data-mu={p.returningAreaMu}>
            <th>{t('supplyReturning')}</th>
            <td class="num">
              {fmt(p.returningAreaMu, 1)} {t('mu')}
            </td>
            <td class="muted small">{n(t('supplyParcels'), p.returningParcels)}</td>
          </tr>
          <tr class="supply-total" data-testid="supply-total" data-mu={p.availableAreaMu}>
            <th>{t('supplyTotal')}</th>
            <td class="num">
              {fmt(p.availableAreaMu, 1)} {t('mu')}
            </td>
            <td />
          </tr>
          <tr data-testid="supply-factories" data-m2={p.vacantFloorM2 ?? ''}>
            <th>{t('supplyFactories')}</th>
            <td class="num">{p.vacantFloorM2 === null ? t('supplyNoFactories') : `${fmt(p.vacantFloorM2, 0)} ${t('supplyFloorUnit')}`}</td>
            <td />
          </tr>
        </tbody>
      </table>
      <p class="muted small supply-explain">{t('supplyExplain')}</p>
      {note && <p class="small supply-note">{note}</p>}
    </section>
  );
}

function AllParks({ parks }: { parks: ParkAvailability[] }) {
  const { t } = useT();
  const actions = useActions();
  return (
    <section class="supply-park" data-testid="supply-parks">
      <h3>{t('supplyTitle')}</h3>
      <table class="stage-grid supply-table">
        <thead>
          <tr>
            <th>{t('park')}</th>
            <th class="num">{t('supplyColUnsupplied')}</th>
            <th class="num">{t('supplyColReturning')}</th>
            <th class="num">{t('supplyColFactories')}</th>
          </tr>
        </thead>
        <tbody>
          {parks.map((p) => (
            <tr key={p.park_id} data-park={p.park_id}>
              <td>
                <button class="link-button" onClick={() => actions.choosePark(p.park_id)}>
                  {p.name}
                </button>
              </td>
              <td class="num">{p.unsuppliedAreaMu === null ? '—' : fmt(p.unsuppliedAreaMu, 0)}</td>
              <td class="num">{fmt(p.returningAreaMu, 0)}</td>
              <td class="num">{p.vacantFloorM2 === null ? '—' : fmt(p.vacantFloorM2, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted small">{t('supplyColUnits')}</p>
      <p class="muted small supply-explain">{t('supplyExplain')}</p>
    </section>
  );
}

function ExportButton() {
  const { t } = useT();
  const actions = useActions();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await actions.exportSupply();
    } finally {
      setBusy(false);
    }
  };
  return (
    <button class="supply-export" data-testid="supply-export" disabled={busy} onClick={run}>
      {busy ? t('supplyExporting') : t('supplyExport')}
    </button>
  );
}

export function SupplyPanel() {
  const availability = useAppState((s) => s.review.availability);
  const chosen = useAppState((s) => (s.filter.parkIds.length === 1 ? s.filter.parkIds[0] : null));
  const kept = useAppState(parkKept);
  const { t } = useT();
  if (availability.length === 0) return <p class="muted small">{t('supplyPending')}</p>;
  const one = chosen ? availability.find((p) => p.park_id === chosen) : undefined;
  return (
    <>
      {one ? <ParkSupply p={one} /> : <AllParks parks={availability.filter((p) => kept(p.park_id))} />}
      <ExportButton />
    </>
  );
}
