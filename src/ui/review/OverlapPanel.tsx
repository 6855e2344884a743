// County industry overlap (同质化): a heat-map of the overlap index; a cell opens the pair.

import { useMemo } from 'preact/hooks';
import { OVERLAP_EXPLANATION } from '../../state/catalog';
import { Chart } from '../charts/Chart';
import { useT } from '../i18n';
import { useActions, useAppState } from '../../state/context';
import { selectOverlap } from '../../state/review-selectors';
import { OVERLAP_HEAT } from '../../map/palette';

export function OverlapPanel() {
  const actions = useActions();
  const { t, lang } = useT();
  const overlap = useAppState(selectOverlap);
  const threshold = useAppState((s) => s.overlapSettings.highOverlap);
  const option = useMemo(() => {
    if (!overlap) return {};
    const n = overlap.counties.length;
    const data: [number, number, number][] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) data.push([j, i, Math.round(overlap.index[i][j] * 100) / 100]);
    return {
      animation: false,
      tooltip: { formatter: (p: { value: number[] }) => `${overlap.counties[p.value[1]]} × ${overlap.counties[p.value[0]]}<br/>${p.value[2]}` },
      grid: { left: 70, right: 8, top: 6, bottom: 62 },
      xAxis: { type: 'category', data: overlap.counties, axisLabel: { rotate: 50, fontSize: 10, interval: 0 } },
      yAxis: { type: 'category', data: overlap.counties, axisLabel: { fontSize: 10, interval: 0 }, inverse: true },
      visualMap: { min: 0, max: 1, show: false, inRange: { color: [...OVERLAP_HEAT] } },
      series: [{ type: 'heatmap', data, label: { show: n <= 11, fontSize: 9, formatter: (p: { value: number[] }) => p.value[2].toFixed(2) } }],
    };
  }, [overlap]);
  return (
    <section class="layout-section">
      <h3>{t('overlap')}</h3>
      <label class="inline-settings">
        {t('overlapThreshold')}
        <input
          type="number"
          data-setting="highOverlap"
          min={0}
          max={1}
          step={0.05}
          value={threshold}
          onChange={(e) => {
            const v = Number((e.target as HTMLInputElement).value);
            if (v >= 0 && v <= 1) actions.setOverlapThreshold(v);
          }}
        />
      </label>
      {overlap && (
        <Chart
          option={option}
          height={Math.max(220, 70 + overlap.counties.length * 20)}
          testid="overlap-matrix"
          onClick={(e) => {
            const v = e.value as number[];
            actions.selectPair(overlap.counties[v[1]], overlap.counties[v[0]]);
          }}
        />
      )}
      <p class="muted small">{OVERLAP_EXPLANATION[lang]}</p>
    </section>
  );
}
