// Industry-chain map (一张产业链招商地图): upstream → midstream → downstream, gaps to recruit for
// (补链) and a click that highlights the node's parcels on the map.

import { fmt } from '../format';
import { useT } from '../i18n';
import { useActions, useAppState } from '../../state/context';
import { CHAIN_STAGES, CHAIN_STAGE_LABELS, PUNCTUATION } from '../../vocab';

export function ChainPanel() {
  const actions = useActions();
  const { t, lang, place } = useT();
  const chains = useAppState((s) => s.review.chains);
  const chainId = useAppState((s) => s.review.chainId);
  const chain = useAppState((s) => s.review.chain);
  const selected = useAppState((s) => s.review.selectedNode);
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
      {chain && (
        <div class="chain-graph" data-testid="chain-graph">
          {CHAIN_STAGES.map((stage) => (
            <div class="stage" key={stage}>
              <div class="stage-head">{CHAIN_STAGE_LABELS[stage][lang]}</div>
              {chain.nodes
                .filter((n) => n.stage === stage)
                .map((n) => {
                  const feeds = chain.links.filter((l) => l.from_node === n.node_id).map((l) => l.to_name ?? l.to_node);
                  return (
                    <button
                      key={n.node_id}
                      class={`node${n.isGap ? ' gap' : ''}${n.node_id === selected ? ' on' : ''}`}
                      data-node={n.node_id}
                      onClick={() => actions.selectNode(n.node_id === selected ? null : n.node_id)}
                    >
                      <b>{n.node_name}</b>
                      {n.isGap ? (
                        <span class="gap-tag">{t('gapTarget')}</span>
                      ) : (
                        <span class="small">
                          {n.enterprises} {t('firms')} · {fmt(n.output_wan / 10000, 1)} {t('yi')}
                        </span>
                      )}
                      {n.counties.length > 0 && <span class="small muted names">{n.counties.map(place).join(PUNCTUATION[lang].list)}</span>}
                      {feeds.length > 0 && <span class="small muted">→ {feeds.join(PUNCTUATION[lang].list)}</span>}
                    </button>
                  );
                })}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
