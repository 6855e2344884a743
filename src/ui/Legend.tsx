import { IDLE_COLORS, IDLE_LEGEND_KEYS, PARK_LINE, cssColor } from '../map/palette';
import { store } from '../state/app';
import { useStore } from '../state/store';
import { fmt } from './format';
import { useT } from './i18n';

export function Legend() {
  const { t, code } = useT();
  const totals = useStore(store, (s) => s.totals);
  const counts = totals
    ? [totals.parcels - totals.idle, totals.fee, totals.recovery, totals.negotiate]
    : [null, null, null, null];
  return (
    <div class="legend" data-testid="legend">
      <h4>{t('legend')}</h4>
      {IDLE_LEGEND_KEYS.map((k, i) => (
        <div class="legend-row" key={k}>
          <i class="swatch" style={{ background: cssColor(IDLE_COLORS[i]) }} />
          <span>{code(k)}</span>
          <span class="legend-count" data-testid={`legend-${k.split(':')[1]}`}>
            {fmt(counts[i], 0)}
          </span>
        </div>
      ))}
      <div class="legend-row">
        <i class="swatch outline" style={{ borderColor: cssColor(PARK_LINE) }} />
        <span>{t('parks')}</span>
      </div>
      <div class="source-line">{t('sourceLine')}</div>
    </div>
  );
}
