// Headline figures for the wall screen: a leader reads these before the map.

import { store } from '../state/app';
import { layoutStore } from '../state/layout';
import { useStore } from '../state/store';
import { fmt } from './format';
import { useT } from './i18n';

export function WallStats() {
  const { t } = useT();
  const mode = useStore(store, (s) => s.mode);
  const totals = useStore(store, (s) => s.totals);
  const clusters = useStore(layoutStore, (s) => s.clusters);
  const overlap = useStore(layoutStore, (s) => s.overlap);
  const chains = useStore(layoutStore, (s) => s.chains);
  const items: [string, string][] =
    mode === 'layout'
      ? [
          [t('wallClusters'), fmt(clusters?.clusters.length ?? 0, 0)],
          [t('wallJoint'), fmt(clusters?.clusters.filter((c) => c.multiCounty).length ?? 0, 0)],
          [`${t('availableLand')} (${t('mu')})`, fmt(clusters?.clusters.reduce((a, c) => a + c.availableAreaMu, 0) ?? 0, 0)],
          [t('wallOverlapPairs'), fmt(overlap?.highPairs.length ?? 0, 0)],
          [t('wallGaps'), fmt(chains.reduce((a, c) => a + c.gapNodes, 0), 0)],
        ]
      : [
          [t('idleParcels'), fmt(totals?.idle, 0)],
          [`${t('idleArea')} (${t('mu')})`, fmt(totals?.idleMu, 0)],
          [`${t('feeTotal')} (${t('wan')})`, fmt(totals?.feeWan, 0)],
          [t('exitFlagged'), fmt(totals?.exitFlagged, 0)],
          [t('inefficient'), fmt(totals?.inefficient, 0)],
        ];
  return (
    <div class="wall-stats" data-testid="wall-stats">
      {items.map(([label, value]) => (
        <div key={label}>
          <b>{value}</b>
          <span>{label}</span>
        </div>
      ))}
    </div>
  );
}
