// The one-page A4 comparison of the top candidate sites for the meeting: the project, a small
// map with the sites numbered by rank, and a table of scores with their explanations. It is a
// brochure page (brochure.css: the dialog frame, the A4 sheet and the print rules that hide the
// rest of the app) printed through the browser's print dialogue.

import { createPortal } from 'preact/compat';
import { useId, useRef } from 'preact/hooks';
import { asOfDate } from '../../state/app-state';
import { useAppState } from '../../state/context';
import { placeInfo } from '../../state/place-info';
import { type SiteRow, TOP_SITES, selectSiteRows } from '../../state/siting-view';
import { LAND_USE_LABELS, formatNumber } from '../../vocab';
import { SITE_SCORE_LABELS } from '../../vocab/sites';
import { Counties, MAP_W, NorthArrow, ScaleBarMark } from '../brochure/BrochureMap';
import { fitFrame, padBounds } from '../brochure/map-frame';
import { useDialog } from '../dialog';
import { useT } from '../i18n';
import '../brochure.css';
import './siting.css';

const MAP_H = 210;
/** Sites compared on the page: eight rows with two lines of explanation fill one A4 sheet in either language. */
const PAGE_SITES = 8;
const SCORES = ['chain', 'land', 'readiness', 'level', 'mujun'] as const;

function SitesMap({ rows, label }: { rows: SiteRow[]; label: string }) {
  const boundaries = useAppState((s) => s.boundaries);
  const clip = `clip-${useId()}`;
  const pts = rows.filter((r) => r.site.cx !== null && r.site.cy !== null);
  if (pts.length === 0) return <div class="br-map-missing">—</div>;
  const xs = pts.map((r) => r.site.cx!);
  const ys = pts.map((r) => r.site.cy!);
  const frame = fitFrame(padBounds([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], 0.15, 0.08), MAP_W, MAP_H);
  const counties = new Set(rows.map((r) => r.site.county));
  return (
    <svg class="br-map" viewBox={`0 0 ${MAP_W} ${MAP_H}`} role="img" aria-label={label}>
      <defs>
        <clipPath id={clip}>
          <rect width={MAP_W} height={MAP_H} />
        </clipPath>
      </defs>
      <g clip-path={`url(#${clip})`}>
        <rect width={MAP_W} height={MAP_H} fill="#fbfbf8" />
        <Counties boundaries={boundaries} frame={frame} fill={(f) => (counties.has(String(f.properties?.county)) ? 'rgba(25, 118, 210, 0.08)' : '#f4f5f1')} />
        {[...pts].reverse().map((r) => {
          const [x, y] = frame.project(r.site.cx!, r.site.cy!);
          return (
            <g key={r.site.site_id} transform={`translate(${x} ${y})`}>
              <circle r="9" fill={r.rank <= 3 ? '#c2410c' : '#1b5e20'} stroke="#fff" stroke-width="1.5" />
              <text y="4" text-anchor="middle" font-size="11" font-weight="700" fill="#fff">
                {r.rank}
              </text>
            </g>
          );
        })}
      </g>
      <rect width={MAP_W} height={MAP_H} fill="none" stroke="#90a4ae" stroke-width="1" />
      <NorthArrow x={MAP_W - 24} y={30} />
      <ScaleBarMark frame={frame} x={14} y={MAP_H - 14} />
    </svg>
  );
}

export function CompareDialog({ onClose }: { onClose: () => void }) {
  const { t, lang, place } = useT();
  const ref = useRef<HTMLDivElement>(null);
  useDialog(ref, onClose);
  const rows = useAppState(selectSiteRows).slice(0, Math.min(TOP_SITES, PAGE_SITES));
  const match = useAppState((s) => s.siting.match);
  const asOf = useAppState(asOfDate);
  const info = useAppState((s) => placeInfo(s, lang));
  if (!match) return null;
  const { input, resolved } = match;
  const sep = lang === 'zh' ? '、' : ', ';
  const colon = lang === 'zh' ? '：' : ': ';
  const nodes = resolved.nodes.map((n) => n.node_name ?? n.node_id).join(sep) || '—';
  const facts = [
    `${t('smLand')}${colon}${input.muMin ?? '—'}–${input.muMax ?? '—'}`,
    input.landUse ? `${t('smLandUse')}${colon}${LAND_USE_LABELS[input.landUse][lang]}` : null,
    input.investmentWan !== null ? `${t('smInvestment')}${colon}${formatNumber(input.investmentWan, 0, lang)}` : null,
    input.industrialClass ? `${t('smClass')}${colon}${input.industrialClass}` : null,
    `${t('smDistance')}${colon}${formatNumber(input.distanceKm, 1, lang)}`,
    input.counties.length ? `${t('smCounties')}${colon}${input.counties.map(place).join(sep)}` : null,
  ].filter((x): x is string => x !== null);

  return createPortal(
    <div class="br-root" data-testid="match-comparison">
      <div class="br-dialog" ref={ref} role="dialog" aria-modal="true" aria-labelledby="sm-compare-title">
        <div class="br-controls">
          <div class="br-controls-head">
            <h2 id="sm-compare-title">{t('smCompareTitle')}</h2>
            <button type="button" class="close" aria-label={t('close')} onClick={onClose}>
              ×
            </button>
          </div>
          <button type="button" class="primary" data-testid="match-print" onClick={() => window.print()}>
            {t('smPrint')}
          </button>
          <p class="br-hint">{t('smPrintHint')}</p>
        </div>
        <div class="br-sheets" tabIndex={0} aria-label={t('smCompareTitle')}>
          <article class="br-page sm-page" data-testid="match-page">
            <header class="br-head">
              <div class="br-kicker">
                {t('smCompareTitle')} · {info.title} · {asOf}
              </div>
              <h1>
                {t('smProject')}
                {colon}
                {nodes}
              </h1>
              <p class="br-sub">{facts.join(lang === 'zh' ? '；' : '; ')}</p>
            </header>
            <SitesMap rows={rows} label={t('smMapCaption')} />
            <p class="small br-muted">{t('smMapCaption')}</p>
            <table class="sm-compare">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{lang === 'zh' ? '候选地块' : 'Site'}</th>
                  <th class="num">{SITE_SCORE_LABELS.total[lang]}</th>
                  {SCORES.map((k) => (
                    <th key={k} class="num">
                      {SITE_SCORE_LABELS[k][lang]}
                    </th>
                  ))}
                </tr>
              </thead>
              {rows.map((r) => {
                const v = (k: (typeof SCORES)[number]) => (k === 'readiness' ? r.site.readiness_score : k === 'level' ? r.site.level_score : r.site[k]);
                return (
                  <tbody key={r.site.site_id}>
                    <tr class="sm-compare-main">
                      <td>{r.rank}</td>
                      <td>
                        <b>{r.label}</b> <span class="br-muted">{r.site.county ? place(r.site.county) : ''}</span>
                      </td>
                      <td class="num">
                        <b>{r.site.total === null ? '—' : r.site.total.toFixed(2)}</b>
                      </td>
                      {SCORES.map((k) => (
                        <td key={k} class="num">
                          {v(k) === null ? '—' : v(k)!.toFixed(2)}
                        </td>
                      ))}
                    </tr>
                    <tr class="sm-compare-why">
                      <td />
                      <td colSpan={7}>
                        <div class="sm-clamp">
                          {r.explanation.chain}
                          {lang === 'zh' ? '；' : '; '}
                          {r.explanation.land}
                        </div>
                      </td>
                    </tr>
                  </tbody>
                );
              })}
            </table>
            <footer class="br-footer">
              <span>{t('smFooterNote')}</span>
              {info.synthetic && <span class="br-sample">{t('smSample')}</span>}
            </footer>
          </article>
        </div>
      </div>
    </div>,
    document.body,
  );
}
