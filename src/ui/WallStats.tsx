// Headline figures for the wall screen: a leader reads these before the map.

import { fmt } from './format';
import { formatMoneyValue } from '../vocab';
import { useT } from './i18n';
import { useAppState } from '../state/context';
import { selectOverlap } from '../state/review-selectors';

export function WallStats() {
  const { t, lang } = useT();
  const mode = useAppState((s) => s.mode);
  const totals = useAppState((s) => s.totals);
  const clusters = useAppState((s) => s.review.clusters);
  const overlap = useAppState(selectOverlap);
  const chains = useAppState((s) => s.review.chains);
  const items: [string, string][] =
    mode === 'layout'
      ? [
          [t('wallClusters'), fmt(clusters?.clusters.length ?? 0, 0)],
          [t('wallPromo'), fmt(clusters?.clusters.filter((c) => c.promotion?.candidate).length ?? 0, 0)],
          [`${t('availableLand')} (${t('mu')})`, fmt(clusters?.clusters.reduce((a, c) => a + c.availableAreaMu, 0) ?? 0, 0)],
          [t('wallOverlapPairs'), fmt(overlap?.highPairs.length ?? 0, 0)],
          [t('wallGaps'), fmt(chains.reduce((a, c) => a + c.gapNodes, 0), 0)],
        ]
      : [
          [t('idleParcels'), fmt(totals?.idle, 0)],
          [`${t('idleArea')} (${t('mu')})`, fmt(totals?.idleMu, 0)],
          [`${t('feeTotal')} (${t('wan')})`, formatMoneyValue(totals?.feeWan, lang, 0)],
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
