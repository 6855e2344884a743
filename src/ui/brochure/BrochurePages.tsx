// The brochure's A4 pages as HTML and SVG: the group cover, one page per park and the contact
// page. Printed in Chinese, or Chinese with English beside it for foreign investors; names of
// places and parks stay as the data writes them (English adds the county's pinyin).

import type { FeatureCollection } from 'geojson';
import { type MessageKey, translate } from '../../i18n/dict';
import { cssColor, IDLE_COLORS } from '../../map/palette';
import type { ParcelShapes } from '../../state/app-state';
import type { BrochureInfo } from '../../state/brochure-info';
import { classShares } from '../../analysis/brochure-figures';
import type { BrochureFigures, GapTarget, ParkFigures } from '../../state/brochure-actions';
import type { PromotionGroup } from '../../analysis/promotion-groups';
import { CHAIN_STAGE_LABELS, DISPOSALS, DISPOSAL_LABELS, MUJUN_CLASSES, PARK_LEVEL_LABELS, countyName, formatDate, formatNumber, isCode, PARK_LEVELS, UNIT_LABELS, CHAIN_STAGES } from '../../vocab';
import { OverviewMap, PARK_MAP_H, PARK_MAP_H_BILINGUAL, ParkMap, parkFrame } from './BrochureMap';
import { type BrochurePage, parcelPathsByCode } from './map-frame';
import { qrShape } from './qr';

export interface BrochureDoc {
  pages: BrochurePage[];
  group: PromotionGroup | null;
  figures: BrochureFigures;
  parks: FeatureCollection | null;
  boundaries: FeatureCollection | null;
  shapes: ParcelShapes | null;
  categories: Uint8Array | null;
  info: BrochureInfo;
  bilingual: boolean;
  asOf: string;
  today: string;
  synthetic: boolean;
  /** Title of the place (city or workspace name). */
  place: string;
  shareLink: (parkId: string) => string;
}

type Text = (k: MessageKey) => preact.JSX.Element;

/** A label in Chinese, with its English beside it when bilingual. */
function textOf(bilingual: boolean): Text {
  return (k) => (
    <>
      {translate('zh', k)}
      {bilingual && <span class="br-en"> {translate('en', k)}</span>}
    </>
  );
}

/** A colon after a label: full-width in Chinese, ': ' when English follows the label. */
const colonOf = (bilingual: boolean) => (bilingual ? ': ' : '：');

const num = (v: number | null | undefined, digits = 0) => formatNumber(v, digits, 'zh');
const MU = UNIT_LABELS.mu.zh;
const MAX_GAPS = 14;
const HA = UNIT_LABELS.ha.zh;

function county(name: string, bilingual: boolean): string {
  const en = countyName(name, 'en', 'full');
  return bilingual && en !== name ? `${name} ${en}` : name;
}

function level(code: string | null, bilingual: boolean): string {
  if (!code || !isCode(PARK_LEVELS, code)) return '—';
  const l = PARK_LEVEL_LABELS[code];
  return bilingual ? `${l.zh} ${l.en}` : l.zh;
}

function Qr({ link, caption }: { link: string; caption: preact.JSX.Element }) {
  const q = qrShape(link);
  const quiet = 4; // modules of white margin the standard asks for
  const n = q.size + 2 * quiet;
  return (
    <figure class="br-qr">
      <svg viewBox={`${-quiet} ${-quiet} ${n} ${n}`} shape-rendering="crispEdges" role="img" aria-label={link}>
        <rect x={-quiet} y={-quiet} width={n} height={n} fill="#fff" />
        <path d={q.path} fill="#000" />
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

function ContactBlock({ info, T, large }: { info: BrochureInfo; T: Text; large?: boolean }) {
  const c = info.contact;
  const rows: [MessageKey, string][] = [
    ['brUnit', c.unit],
    ['brPerson', c.person],
    ['brPhone', c.phone],
    ['brEmail', c.email],
    ['brAddress', c.address],
  ];
  const given = rows.filter(([, v]) => v.trim() !== '');
  return (
    <div class={large ? 'br-contact large' : 'br-contact'} data-testid="br-contact">
      {!large && <h3>{T('pContact')}</h3>}
      {given.length === 0 && <p class="br-muted">{T('pContactEmpty')}</p>}
      <dl>
        {given.map(([k, v]) => (
          <div key={k}>
            <dt>{T(k)}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function MapNotes({ doc, T }: { doc: BrochureDoc; T: Text }) {
  const no = doc.info.approvalNo.trim();
  return (
    <div class="br-map-notes">
      <span>
        {T('pSource')}
        {colonOf(doc.bilingual)}
        {T(doc.synthetic ? 'pSourceDemo' : 'pSourceOwn')}
      </span>
      <span data-testid="br-approval">
        {T('pApproval')}
        {colonOf(doc.bilingual)}
        {no !== '' ? no : <b>{T('pApprovalMissing')}</b>}
      </span>
      {no === '' && <span class="br-warn">{T('pApprovalNote')}</span>}
    </div>
  );
}

function Legend({ T, bilingual, present }: { T: Text; bilingual: boolean; present: Set<number> }) {
  return (
    <ul class="br-legend">
      <li>
        <i class="sw park" />
        {T('pLegendPark')}
      </li>
      <li>
        <i class="sw other" />
        {T('pLegendOther')}
      </li>
      <li>
        <i class="sw county" />
        {T('pLegendCounty')}
      </li>
      {DISPOSALS.map((d, i) =>
        present.has(i) ? (
          <li key={d}>
            <i class="sw" style={{ background: cssColor(IDLE_COLORS[i]) }} />
            {DISPOSAL_LABELS[d].zh}
            {bilingual && <span class="br-en"> {DISPOSAL_LABELS[d].en}</span>}
          </li>
        ) : null,
      )}
    </ul>
  );
}

function ClassBar({ f, T }: { f: ParkFigures; T: Text }) {
  const shares = classShares(f.classMu);
  const classed = f.classMu.A + f.classMu.B + f.classMu.C + f.classMu.D;
  if (classed <= 0) return <p class="br-muted">{T('pMujunNone')}</p>;
  const colours = { A: '#2e7d32', B: '#7cb342', C: '#f9a825', D: '#c62828' };
  return (
    <div class="br-classes">
      <div class="br-classbar">
        {MUJUN_CLASSES.map((c) => (shares[c] > 0 ? <span key={c} style={{ width: `${shares[c] * 100}%`, background: colours[c] }} /> : null))}
      </div>
      <div class="br-classlegend">
        {MUJUN_CLASSES.map((c) => (
          <span key={c}>
            <i style={{ background: colours[c] }} />
            {c} {Math.round(shares[c] * 100)}%
          </span>
        ))}
        {f.classMu.unclassed > 0 && (
          <span class="br-muted">
            {T('pUnclassed')} {num(f.classMu.unclassed)} {MU}
          </span>
        )}
      </div>
    </div>
  );
}

function Gaps({ gaps, joint, T, bilingual }: { gaps: GapTarget[]; joint: boolean; T: Text; bilingual: boolean }) {
  if (gaps.length === 0) return <p class="br-muted">{T('pGapsNone')}</p>;
  // A page holds about this many; the rest are counted, not cut off unseen.
  const shown = gaps.slice(0, MAX_GAPS);
  const chains = [...new Set(shown.map((g) => g.chain_id))];
  return (
    <div class="br-gaps" data-testid="br-gaps">
      <p class="br-muted small">{T(joint ? 'pGapsGroup' : 'pGapsPark')}</p>
      {chains.map((c) => {
        const nodes = shown.filter((g) => g.chain_id === c);
        return (
          <div key={c} class="br-gap-chain">
            <b>{nodes[0].chain_name}</b>
            {CHAIN_STAGES.map((st) =>
              nodes.some((n) => n.stage === st) ? (
                <span key={st} class="br-gap-stage">
                  <em>
                    {CHAIN_STAGE_LABELS[st].zh}
                    {bilingual && ` ${CHAIN_STAGE_LABELS[st].en}`}
                  </em>
                  {nodes
                    .filter((n) => n.stage === st)
                    .map((n) => (
                      <span key={n.node_id} class="br-chip">
                        {n.node_name}
                      </span>
                    ))}
                </span>
              ) : null,
            )}
          </div>
        );
      })}
      {gaps.length > shown.length && <p class="br-muted small">+{gaps.length - shown.length}</p>}
    </div>
  );
}

function Footer({ doc, T, page, total }: { doc: BrochureDoc; T: Text; page: number; total: number }) {
  return (
    <footer class="br-footer">
      <span>
        {T('pAsOf')} {formatDate(doc.asOf, 'zh')}
        {doc.synthetic && (
          <>
            {' · '}
            <b class="br-sample">{T('pSample')}</b>
          </>
        )}
      </span>
      <span>
        {page} / {total}
      </span>
    </footer>
  );
}

function ParkPage({ doc, f, T, page, total }: { doc: BrochureDoc; f: ParkFigures; T: Text; page: number; total: number }) {
  const b = doc.bilingual;
  const chains = (f.leading_chains ?? '').split(/[;；]/).map((c) => c.trim()).filter((c) => c !== '');
  const frame = parkFrame(doc.parks, f.park_id, b ? PARK_MAP_H_BILINGUAL : PARK_MAP_H);
  const parcels = frame ? parcelPathsByCode(doc.shapes, doc.categories, frame) : new Map<number, string[]>();
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
            {T('pUnsupplied')} {f.unsuppliedMu === null ? T('pUnknown') : `${num(f.unsuppliedMu)} ${MU}`}
          </div>
          <div class="s">
            {T('pIdleBack')} {`${num(f.idleMu)} ${MU}`}
          </div>
        </div>
        <div class="br-fig">
          <div class="k">{T('pFactories')}</div>
          <div class="v">{f.vacantFactoryM2 === null ? T('pNoData') : `${num(f.vacantFactoryM2)} ${UNIT_LABELS.m2.zh}`}</div>
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
          {T('pUnsupplied')}
          {' + '}
          {T('pIdleBack')}
        </p>
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
