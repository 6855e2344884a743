// Right-hand panel of the park-layout review (园区布局): the chosen county pair, the chosen chain node, or the
// chain's long/short layout with suggestions and the parks' declared-vs-actual chains.

import { SupplyPanel } from './SupplyPanel';
import { fmt } from '../format';
import { useT } from '../i18n';
import { useActions, useAppState } from '../../state/context';
import { selectPair } from '../../state/review-selectors';
import { CHAIN_STAGES, CHAIN_STAGE_LABELS, PUNCTUATION } from '../../vocab';
import { OVERLAP_HIGH, OVERLAP_LOW, cssColor } from '../../map/palette';

function PairDetail() {
  const actions = useActions();
  const { t, lang, place } = useT();
  const sep = lang === 'zh' ? '、' : ', ';
  const pair = useAppState(selectPair)!;
  const threshold = useAppState((s) => s.overlapSettings.highOverlap);
  return (
    <section data-testid="pair-detail">
      <div class="detail-head">
        <h2>
          {place(pair.a)} × {place(pair.b)}
        </h2>
        <button class="close" aria-label={t('close')} onClick={() => actions.selectPair(null)}>
          ×
        </button>
      </div>
      <div class="verdict" style={{ background: cssColor(pair.index >= threshold ? OVERLAP_HIGH : OVERLAP_LOW) }}>
        {t('overlapIndex')} {pair.index.toFixed(2)}
      </div>
      <h3>{t('sharedNodes')}</h3>
      {pair.shared.length === 0 && <p class="muted">{t('none')}</p>}
      <ul class="codes" data-testid="shared-nodes">
        {pair.shared.map((n) => (
          <li key={n.node_id}>
            <b>{n.node_name}</b>
            {lang === 'zh' ? `（${n.chain_name}）` : ` (${n.chain_name}) `}
            {place(pair.a)} {(n.shareA * 100).toFixed(0)}% · {place(pair.b)} {(n.shareB * 100).toFixed(0)}%
            <div class="small muted">
              {n.parksA.map((p) => p.name).join(sep)} | {n.parksB.map((p) => p.name).join(sep)}
            </div>
          </li>
        ))}
      </ul>
      <h3>{t('complementary')}</h3>
      {pair.complementary.length === 0 && <p class="muted">{t('none')}</p>}
      <ul class="codes" data-testid="complementary">
        {pair.complementary.map((l) => (
          <li key={`${l.from_node}-${l.to_node}`}>
            {l.bothWays ? (
              <>
                「{l.from_name}」→「{l.to_name}」 <span class="both-ways">{t('bothWays')}</span>
              </>
            ) : (
              <>
                {l.supplier}「{l.from_name}」→ {l.customer}「{l.to_name}」
              </>
            )}
          </li>
        ))}
      </ul>
      <p class="muted small">{t('pairAdvice')}</p>
    </section>
  );
}

/** 万元 → "1.25 亿元" from 1 亿 up, else "3,400 万元": a leader reads output in 亿. */
export function outputText(wan: number, t: (k: 'yi' | 'wan') => string): string {
  return wan >= 10000 ? `${fmt(wan / 10000, 2)} ${t('yi')}` : `${fmt(wan, 0)} ${t('wan')}`;
}

function NodeDetail() {
  const { t, lang, place } = useT();
  const chain = useAppState((s) => s.review.chain);
  const nodeId = useAppState((s) => s.review.selectedNode);
  const availability = useAppState((s) => s.review.availability);
  const node = chain?.nodes.find((n) => n.node_id === nodeId);
  const gap = chain?.gaps.find((g) => g.node_id === nodeId);
  if (!node) return null;
  const sep = lang === 'zh' ? '、' : ', ';
  const colon = lang === 'zh' ? '：' : ': ';
  const parkName = (id: string) => availability.find((p) => p.park_id === id)?.name ?? id;
  return (
    <section data-testid="node-detail" class="node-detail" data-parks={node.parkIds.join(' ')}>
      <h3>
        {node.node_name} {node.isGap && <span class="gap-tag">{t('chainGapTag')}</span>}
      </h3>
      <p>
        {node.enterprises} {t('firms')} · {node.parcelsCount} {t('parcelsInView')}
        {(node.output_wan > 0 || node.agreed_output_wan > 0) && (
          <>
            <br />
            <span class="output-pair" data-testid="node-output">
              {t('nodeOutput')}
              {colon}
              {t('outputActual')} {outputText(node.output_wan, t)} / {t('outputAgreed')} {outputText(node.agreed_output_wan, t)}
            </span>
          </>
        )}
        {node.counties.length > 0 && (
          <>
            <br />
            {node.counties.map(place).join(sep)}
          </>
        )}
      </p>
      {node.parkIds.length > 0 && (
        <p class="small" data-testid="node-parks">
          {t('nodeParks')}
          {colon}
          {node.parkIds.map(parkName).join(sep)}
        </p>
      )}
      {gap && (
        <>
          <p class="small" data-testid="gap-neighbours">
            {gap.fedBy.length > 0 && `${t('suppliedBy')}${colon}${gap.fedBy.map((n) => n.node_name).join(sep)}${lang === 'zh' ? '；' : '; '}`}
            {gap.feeds.length > 0 && `${t('supplies')}${colon}${gap.feeds.map((n) => n.node_name).join(sep)}`}
          </p>
          <h4>{t('candidateParks')}</h4>
          <ul class="codes">
            {gap.candidateParks.slice(0, 6).map((p) => (
              <li key={p.park_id}>
                {p.name}
                {lang === 'zh' ? `（${p.county}）` : ` (${place(p.county)})`} · {t('availableLand')} {fmt(p.availableAreaMu, 0)} {t('mu')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ChainLayoutView() {
  const { t, lang, place } = useT();
  const fullGrid = useAppState((s) => s.review.chainLayout);
  const allSuggestions = useAppState((s) => s.review.suggestions);
  const counties = useAppState((s) => s.filter.counties);
  // The county filter narrows the stage grid and the suggestions to the chosen counties.
  const keep = (c: string) => counties.length === 0 || counties.includes(c);
  const grid = fullGrid && {
    ...fullGrid,
    counties: fullGrid.counties.filter((c) => keep(c.county)),
    cells: fullGrid.cells.filter((_, i) => keep(fullGrid.counties[i].county)),
  };
  const suggestions = allSuggestions.filter((s) => keep(s.county) && s.districts.some(keep));
  const chainTitle = useAppState((s) => s.review.chain?.chain_name ?? '');
  const match = useAppState((s) => s.review.parkMatch);
  const chains = useAppState((s) => s.review.chains);
  const chainName = (id: string) => chains.find((c) => c.chain_id === id)?.chain_name ?? id;
  return (
    <>
      <h3>
        {chainTitle && `${chainTitle} · `}
        {t('longShort')}
      </h3>
      {grid && (
        <table class="stage-grid" data-testid="stage-grid">
          <thead>
            <tr>
              <th>{t('county')}</th>
              {CHAIN_STAGES.map((s) => (
                <th key={s}>{CHAIN_STAGE_LABELS[s][lang]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.counties.map((c, i) => (
              <tr key={c.county} class={c.isDistrict ? 'district' : ''}>
                <td>
                  {place(c.county)}
                  {c.isDistrict && <span class="muted small"> {t('urban')}</span>}
                </td>
                {grid.cells[i].map((cell, j) => (
                  <td key={j} class="num" title={cell.nodes.map((n) => `${n.node_name} ${n.enterprises}`).join('\n')}>
                    {cell.enterprises || '—'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>{t('suggestions')}</h4>
      {suggestions.length === 0 && <p class="muted small">{t('noSuggestions')}</p>}
      <ol class="suggestions" data-testid="suggestions">
        {suggestions.slice(0, 5).map((s, i) => (
          <li key={i}>{lang === 'zh' ? s.textZh : s.textEn}</li>
        ))}
      </ol>
      <h3>{t('parkMatch')}</h3>
      <table class="stage-grid" data-testid="park-match">
        <thead>
          <tr>
            <th>{t('park')}</th>
            <th>{t('declaredChains')}</th>
            <th class="num">{t('matchShare')}</th>
          </tr>
        </thead>
        <tbody>
          {match.map((m) => (
            <tr key={m.park_id}>
              <td>{m.name}</td>
              <td class="small">{m.declared.map(chainName).join(PUNCTUATION[lang].list)}</td>
              <td class="num">{m.matchShare === null ? '—' : `${Math.round(m.matchShare * 100)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function ReviewDetail() {
  const pair = useAppState(selectPair);
  return (
    <div class="layout-detail">
      {!pair && <SupplyPanel />}
      {pair ? <PairDetail /> : <NodeDetail />}
      {!pair && <ChainLayoutView />}
    </div>
  );
}
