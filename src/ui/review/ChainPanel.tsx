// Industry-chain map (一张产业链招商地图) drawn as a diagram: upstream → midstream → downstream
// columns, each node coloured by how many firms the region has on it, gaps (补链 targets) in a
// dashed red box, supplier → customer links as curves. Each node is a button: clicking it
// selects the node (the map highlights its parcels; the detail panel names its parks).

import { useMemo } from 'preact/hooks';
import type { ChainMap, ChainNodeInfo } from '../../state/review-state';
import { useActions, useAppState } from '../../state/context';
import { CHAIN_STAGE_LABELS } from '../../vocab';
import { useT } from '../i18n';
import { DIAGRAM_DEFAULTS, type DiagramInput, chainDiagramLayout } from './chain-diagram-layout';
import './review.css';

type Coverage = 'gap' | 'low' | 'mid' | 'high';

// Buckets a leader reads at a glance: none (recruit), a handful, a base, a cluster. The cut at
// 5 and 20 firms splits the demo chains' nodes into roughly equal thirds.
export function coverage(n: ChainNodeInfo): Coverage {
  if (n.isGap) return 'gap';
  return n.enterprises >= 20 ? 'high' : n.enterprises >= 5 ? 'mid' : 'low';
}

function meta(n: ChainNodeInfo, t: ReturnType<typeof useT>['t']): string {
  if (n.isGap) return t('covGapNote');
  // Firms and parks on lines of their own: in a column a third of the sidebar wide, one line
  // would break in the middle of a phrase.
  return t('covFirmsParks').replace('{firms}', String(n.enterprises)).replace('{parks}', String(n.parkIds.length));
}

function ChainDiagram({ chain }: { chain: ChainMap }) {
  const actions = useActions();
  const { t, lang, place } = useT();
  const selected = useAppState((s) => s.review.selectedNode);
  const layout = useMemo(() => {
    const inputs: DiagramInput[] = chain.nodes.map((n) => ({
      id: n.node_id,
      stage: n.stage,
      name: n.node_name,
      meta: meta(n, t),
      ...(n.isGap ? { tag: t('chainGapTag') } : {}),
    }));
    return chainDiagramLayout(inputs, chain.links.map((l) => ({ from: l.from_node, to: l.to_node })));
    // `t` changes with the language only.
  }, [chain, lang]);
  const byId = new Map(chain.nodes.map((n) => [n.node_id, n]));
  const touches = (e: { from: string; to: string }) => selected !== null && (e.from === selected || e.to === selected);
  const pad = DIAGRAM_DEFAULTS.pad;
  return (
    <div class="chain-diagram" data-testid="chain-graph">
      <div class="chain-stage-heads" style={{ width: `${layout.width}px` }}>
        {layout.columns.map((c) => (
          <span key={c.stage} style={{ left: `${c.x}px`, width: `${c.w}px` }}>
            {CHAIN_STAGE_LABELS[c.stage][lang]}
          </span>
        ))}
      </div>
      <div class="chain-canvas" style={{ width: `${layout.width}px`, height: `${layout.height}px` }}>
        <svg width={layout.width} height={layout.height} aria-hidden="true">
          <defs>
            <marker id="chain-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
              <path d="M0,0 L8,4 L0,8 z" fill="#78909c" />
            </marker>
            <marker id="chain-arrow-on" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
              <path d="M0,0 L8,4 L0,8 z" fill="rgb(0,150,136)" />
            </marker>
          </defs>
          {layout.edges.map((e) => (
            <path
              key={`${e.from}>${e.to}`}
              d={e.d}
              class={touches(e) ? 'chain-edge on' : 'chain-edge'}
              marker-end={touches(e) ? 'url(#chain-arrow-on)' : 'url(#chain-arrow)'}
            />
          ))}
        </svg>
        {layout.boxes.map((b) => {
          const n = byId.get(b.id)!;
          const cov = coverage(n);
          const outside = chain.links.filter((l) => l.crossChain && (l.from_node === n.node_id || l.to_node === n.node_id));
          const title = [
            n.node_name,
            meta(n, t),
            n.counties.map(place).join(lang === 'zh' ? '、' : ', '),
            ...outside.map((l) => `${t('otherChainLinks')}: ${l.from_name ?? l.from_node} → ${l.to_name ?? l.to_node}`),
          ]
            .filter(Boolean)
            .join('\n');
          return (
            <button
              type="button"
              key={b.id}
              class={`node cov-${cov}${n.isGap ? ' gap' : ''}${n.node_id === selected ? ' on' : ''}`}
              data-node={n.node_id}
              data-coverage={cov}
              aria-pressed={n.node_id === selected}
              title={title}
              style={{ left: `${b.x}px`, top: `${b.y}px`, width: `${b.w}px`, height: `${b.h}px`, padding: `${pad}px` }}
              onClick={() => actions.selectNode(n.node_id === selected ? null : n.node_id)}
            >
              {b.nameLines.map((l, i) => (
                <b key={`n${i}`}>{l}</b>
              ))}
              {b.tag !== null && <span class="gap-tag">{b.tag}</span>}
              {b.metaLines.map((l, i) => (
                <span key={`m${i}`}>{l}</span>
              ))}
            </button>
          );
        })}
      </div>
      <div class="chain-legend small">
        <span class="muted">{t('covLegendTitle')}</span>
        {(['gap', 'low', 'mid', 'high'] as const).map((c) => (
          <span key={c} class="chain-legend-item">
            <i class={`chain-swatch cov-${c}`} />
            {t(c === 'gap' ? 'covLegendGap' : c === 'low' ? 'covLegendLow' : c === 'mid' ? 'covLegendMid' : 'covLegendHigh')}
          </span>
        ))}
        <span class="chain-legend-item">
          <i class="chain-swatch-line" />
          {t('covLegendLinks')}
        </span>
      </div>
    </div>
  );
}

export function ChainPanel() {
  const actions = useActions();
  const { t, lang } = useT();
  const chains = useAppState((s) => s.review.chains);
  const chainId = useAppState((s) => s.review.chainId);
  const chain = useAppState((s) => s.review.chain);
  return (
    <section class="layout-section">
      <h3 id="chain-map-title">{t('chainMap')}</h3>
      <select aria-labelledby="chain-map-title" data-testid="chain-select" value={chainId ?? ''} onChange={(e) => actions.selectChain((e.target as HTMLSelectElement).value)}>
        {chains.map((c) => (
          <option key={c.chain_id} value={c.chain_id}>
            {c.chain_name}
            {lang === 'zh' ? '（' : ' ('}
            {c.enterprises} {t('firms')}
            {c.gapNodes > 0 ? ` · ${t('gapShort')} ${c.gapNodes}` : ''}
            {lang === 'zh' ? '）' : ')'}
          </option>
        ))}
      </select>
      {chain && <ChainDiagram chain={chain} />}
    </section>
  );
}
