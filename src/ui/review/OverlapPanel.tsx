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
    // Cells carry the index × 100 as a whole number: two digits fit a cell of an 11-county
    // matrix at 12 px, "0.85" would not. Text is dark on light cells and white on the dark red
    // ones (from 0.8 up), each with a halo of the opposite colour so it stays legible.
    const data = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const v = Math.round(overlap.index[i][j] * 100) / 100;
        const dark = v >= 0.8;
        data.push({
          value: [j, i, v],
          label: { color: dark ? '#ffffff' : '#1b2b34', textBorderColor: dark ? '#5a0000' : '#ffffff', textBorderWidth: 2 },
        });
      }
    }
    const axisFont = { fontSize: 12, color: '#33434f' };
    return {
      animation: false,
      tooltip: { formatter: (p: { value: number[] }) => `${overlap.counties[p.value[1]]} × ${overlap.counties[p.value[0]]}<br/>${p.value[2].toFixed(2)}` },
      grid: { left: 84, right: 8, top: 6, bottom: 78 },
      xAxis: { type: 'category', data: overlap.counties, axisLabel: { ...axisFont, rotate: 50, interval: 0 } },
      yAxis: { type: 'category', data: overlap.counties, axisLabel: { ...axisFont, interval: 0 }, inverse: true },
      visualMap: { min: 0, max: 1, show: false, inRange: { color: [...OVERLAP_HEAT] } },
      series: [
        {
          type: 'heatmap',
          data,
          label: { show: n <= 12, fontSize: 12, fontWeight: 'bold', formatter: (p: { value: number[] }) => String(Math.round(p.value[2] * 100)) },
        },
      ],
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
          height={Math.max(240, 90 + overlap.counties.length * 24)}
          testid="overlap-matrix"
          onClick={(e) => {
            const v = e.value as number[];
            actions.selectPair(overlap.counties[v[1]], overlap.counties[v[0]]);
          }}
        />
      )}
      {overlap && <p class="small">{t('overlapCellNote')}</p>}
      <p class="muted small">{OVERLAP_EXPLANATION[lang]}</p>
    </section>
  );
}
