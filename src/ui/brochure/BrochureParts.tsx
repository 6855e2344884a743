// The blocks the brochure's pages are built from: bilingual labels, the contact block, the
// map's notes (source, 审图号) and legend, the 亩均 class bar, the 补链 targets, the QR code of
// the share link and the page footer. Labels come from the i18n files in both languages.

import type { FeatureCollection } from 'geojson';
import { type MessageKey, translate } from '../../i18n/dict';
import { IDLE_COLORS, cssColor } from '../../map/palette';
import type { ParcelShapes } from '../../state/app-state';
import type { BrochureInfo } from '../../state/brochure-info';
import { type BrochureFigures, type GapTarget, type ParkFigures, classShares } from '../../state/brochure-actions';
import type { PromotionGroup } from '../../state/group-edit';
import { CHAIN_STAGES, CHAIN_STAGE_LABELS, DISPOSALS, DISPOSAL_LABELS, MUJUN_CLASSES, PARK_LEVELS, PARK_LEVEL_LABELS, UNIT_LABELS, countyName, formatDate, formatNumber, isCode } from '../../vocab';
import type { BrochurePage } from './map-frame';
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

export type Text = (k: MessageKey) => preact.JSX.Element;

/** A label in Chinese, with its English beside it when bilingual. */
export function textOf(bilingual: boolean): Text {
  return (k) => (
    <>
      {translate('zh', k)}
      {bilingual && <span class="br-en"> {translate('en', k)}</span>}
    </>
  );
}

/** A colon after a label: full-width in Chinese, ': ' when English follows the label. */
export const colonOf = (bilingual: boolean) => (bilingual ? ': ' : '：');

export const num = (v: number | null | undefined, digits = 0) => formatNumber(v, digits, 'zh');
export const MU = UNIT_LABELS.mu.zh;
const MAX_GAPS = 14;
export const HA = UNIT_LABELS.ha.zh;

export function county(name: string, bilingual: boolean): string {
  const en = countyName(name, 'en', 'full');
  return bilingual && en !== name ? `${name} ${en}` : name;
}

export function level(code: string | null, bilingual: boolean): string {
  if (!code || !isCode(PARK_LEVELS, code)) return '—';
  const l = PARK_LEVEL_LABELS[code];
  return bilingual ? `${l.zh} ${l.en}` : l.zh;
}

export function Qr({ link, caption }: { link: string; caption: preact.JSX.Element }) {
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

export function ContactBlock({ info, T, large }: { info: BrochureInfo; T: Text; large?: boolean }) {
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

export function MapNotes({ doc, T }: { doc: BrochureDoc; T: Text }) {
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

export function Legend({ T, bilingual, present }: { T: Text; bilingual: boolean; present: Set<number> }) {
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

export function ClassBar({ f, T }: { f: ParkFigures; T: Text }) {
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

export function Gaps({ gaps, joint, T, bilingual }: { gaps: GapTarget[]; joint: boolean; T: Text; bilingual: boolean }) {
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

export function Footer({ doc, T, page, total }: { doc: BrochureDoc; T: Text; page: number; total: number }) {
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

