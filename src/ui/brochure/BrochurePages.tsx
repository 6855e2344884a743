// The brochure's A4 pages as HTML and SVG: the group cover, one page per park and the contact
// page. Printed in Chinese, or Chinese with English beside it for foreign investors; names of
// places and parks stay as the data writes them (English adds the county's pinyin).

import { useMemo } from 'preact/hooks';
import { translate } from '../../i18n/dict';
import type { ParkFigures } from '../../state/brochure-actions';
import type { PromotionGroup } from '../../state/group-edit';
import { UNIT_LABELS, formatDate } from '../../vocab';
import { OverviewMap, PARK_MAP_H, PARK_MAP_H_BILINGUAL, ParkMap, parkFrame } from './BrochureMap';
import { type BrochureDoc, ClassBar, ContactBlock, Footer, Gaps, HA, Legend, MU, MapNotes, Qr, type Text, colonOf, county, level, num, textOf } from './BrochureParts';
import { parcelPathsByCode } from './map-frame';

export type { BrochureDoc } from './BrochureParts';

function ParkPage({ doc, f, T, page, total }: { doc: BrochureDoc; f: ParkFigures; T: Text; page: number; total: number }) {
  const b = doc.bilingual;
  const chains = (f.leading_chains ?? '').split(/[;；]/).map((c) => c.trim()).filter((c) => c !== '');
  // Walking every parcel ring is the costly part of a page: not redone while the contact is typed.
  const { frame, parcels } = useMemo(() => {
    const fr = parkFrame(doc.parks, f.park_id, b ? PARK_MAP_H_BILINGUAL : PARK_MAP_H);
    return { frame: fr, parcels: fr ? parcelPathsByCode(doc.shapes, doc.categories, fr) : new Map<number, string[]>() };
  }, [doc.parks, doc.shapes, doc.categories, f.park_id, b]);
  // Legend rows only for the disposals drawn on this map (a legend of absent colours misleads).
  const present = new Set(parcels.keys());
  return (
    <section class="br-page" data-page="park" data-park-id={f.park_id}>
      <header class="br-head">
        <div class="br-kicker">
          {doc.group ? `${doc.group.name} · ` : ''}
          {T('pParkCard')}
        </div>
        <h1>{f.name}</h1>
        <div class="br-sub">
          {county(f.county, b)} · {level(f.level, b)}
        </div>
      </header>
      <ParkMap parkId={f.park_id} parks={doc.parks} boundaries={doc.boundaries} frame={frame} parcels={parcels} label={f.name} />
      <Legend T={T} bilingual={b} present={present} />
      <MapNotes doc={doc} T={T} />
      <div class="br-figures">
        <div class="br-fig">
          <div class="k">{T('pPlanned')}</div>
          <div class="v">
            {f.planned_area_ha === null ? T('pUnknown') : `${num(f.planned_area_ha, 1)} ${HA}`}
          </div>
          {f.plannedMu !== null && <div class="s">{`${num(f.plannedMu)} ${MU}`}</div>}
        </div>
        <div class="br-fig hl">
          <div class="k">{T('pAvailable')}</div>
          <div class="v" data-testid="br-available">{`${num(f.availableMu)} ${MU}`}</div>
          <div class="s">
            {T(f.unsuppliedMethod === 'polygon' ? 'brUnsupplied' : 'brUnsuppliedPlanned')}{' '}
            {f.unsuppliedMu === null ? T('pUnknown') : `${num(f.unsuppliedMu)} ${MU}`}
          </div>
          <div class="s">
            {T('brReturning')} {`${num(f.returningMu)} ${MU}`}
          </div>
        </div>
        <div class="br-fig">
          <div class="k">{T('pFactories')}</div>
          <div class="v" data-testid="br-factories">{f.vacantFactoryM2 === null ? T('supplyNoFactories') : `${num(f.vacantFactoryM2)} ${UNIT_LABELS.m2.zh}`}</div>
          <div class="k second">{T('pSupplied')}</div>
          <div class="s">{`${num(f.parcels)} ${translate('zh', 'pParcelsUnit')} · ${num(f.parcelMu)} ${MU}`}</div>
        </div>
      </div>
      <div class="br-cols">
        <div>
          <h3>{T('pChains')}</h3>
          <p class="br-chains">{chains.length === 0 ? '—' : chains.map((c) => doc.figures.chainNames[c] ?? c).join('、')}</p>
          <h3>{T('pMujun')}</h3>
          <ClassBar f={f} T={T} />
          <h3>{T('pIdle')}</h3>
          <p>
            {f.idleParcels === 0 ? (
              T('pIdleNone')
            ) : (
              <>
                {`${num(f.idleParcels)} ${translate('zh', 'pParcelsUnit')} · ${num(f.idleMu)} ${MU} · `}
                {T('pTracked')} {`${num(f.idleTracked)} ${translate('zh', 'pParcelsUnit')}`}
              </>
            )}
          </p>
        </div>
        <div>
          <h3>{T('pGaps')}</h3>
          <Gaps gaps={doc.figures.gaps[f.park_id] ?? []} joint={doc.group !== null} T={T} bilingual={b} />
        </div>
      </div>
      <div class="br-bottom">
        <ContactBlock info={doc.info} T={T} />
        <Qr link={doc.shareLink(f.park_id)} caption={T('pQr')} />
      </div>
      <Footer doc={doc} T={T} page={page} total={total} />
    </section>
  );
}

function CoverPage({ doc, group, T, total }: { doc: BrochureDoc; group: PromotionGroup; T: Text; total: number }) {
  const b = doc.bilingual;
  const parks = doc.figures.parks;
  const order = doc.pages.flatMap((p) => (p.kind === 'park' ? [p.parkId] : []));
  const byId = new Map(parks.map((p) => [p.park_id, p]));
  return (
    <section class="br-page br-cover" data-page="cover">
      <header class="br-cover-head">
        <div class="br-kicker">{doc.place}</div>
        <h1>
          {group.name}
          {translate('zh', 'pGuide')}
        </h1>
        {b && <div class="br-en br-cover-en">{translate('en', 'pGuide')}</div>}
        <div class="br-sub">
          {T('pMembers')}
          {colonOf(b)}
          {group.counties.map((c) => county(c, b)).join('、')}
        </div>
      </header>
      <OverviewMap
        boundaries={doc.boundaries}
        parks={doc.parks}
        members={group.counties}
        parkIds={order}
        numberOf={(id) => order.indexOf(id) + 1}
        label={translate('zh', 'pOverview')}
      />
      <MapNotes doc={doc} T={T} />
      <h3>{T('pParksIn')}</h3>
      <ol class="br-park-list">
        {order.map((id) => {
          const p = byId.get(id);
          if (!p) return null;
          return (
            <li key={id}>
              <b>{p.name}</b>
              <span>{county(p.county, b)}</span>
              <span>
                {T('pAvailable')} {`${num(p.availableMu)} ${MU}`}
              </span>
            </li>
          );
        })}
      </ol>
      <div class="br-cover-meta">
        <span>
          {T('pAsOf')} {formatDate(doc.asOf, 'zh')}
        </span>
        <span>
          {T('pPrepared')} {formatDate(doc.today, 'zh')}
        </span>
        {doc.synthetic && <b class="br-sample big">{T('pSample')}</b>}
      </div>
      <Footer doc={doc} T={T} page={1} total={total} />
    </section>
  );
}

function ContactPage({ doc, T, page, total }: { doc: BrochureDoc; T: Text; page: number; total: number }) {
  return (
    <section class="br-page br-contact-page" data-page="contact">
      <div class="br-kicker">{doc.group ? `${doc.group.name} · ${doc.place}` : doc.place}</div>
      <h1>
        {translate('zh', 'pContact')}
        {doc.bilingual && <span class="br-en"> {translate('en', 'pContact')}</span>}
      </h1>
      <ContactBlock info={doc.info} T={T} large />
      <div class="br-notes">
        <h3>{T('pNotes')}</h3>
        <p>
          {T('pAvailable')}
          {colonOf(doc.bilingual)}
          {T('brUnsupplied')}
          {' + '}
          {T('brReturning')}
        </p>
        <p>{T('brFactoriesApart')}</p>
        <p>1 {HA} = 15 {MU}</p>
        <MapNotes doc={doc} T={T} />
      </div>
      <Footer doc={doc} T={T} page={page} total={total} />
    </section>
  );
}

/** Every page of the brochure, in print order. */
export function BrochurePages({ doc }: { doc: BrochureDoc }) {
  const T = textOf(doc.bilingual);
  const total = doc.pages.length;
  const byId = new Map(doc.figures.parks.map((p) => [p.park_id, p]));
  return (
    <>
      {doc.pages.map((p, i) => {
        if (p.kind === 'cover') return doc.group ? <CoverPage key="cover" doc={doc} group={doc.group} T={T} total={total} /> : null;
        if (p.kind === 'contact') return <ContactPage key="contact" doc={doc} T={T} page={i + 1} total={total} />;
        const f = byId.get(p.parkId);
        return f ? <ParkPage key={p.parkId} doc={doc} f={f} T={T} page={i + 1} total={total} /> : null;
      })}
    </>
  );
}
