// The time bar's chart: idle area standing at each stop (the rules at that date) and the area
// brought back into use (盘活) in the period ending there, in 亩, for all counties or one. Two
// axes: the stock of idle land and the flow of 盘活 land differ by an order of magnitude.

import { useMemo } from 'preact/hooks';
import type { TimelineSeries } from '../../state/timeline-state';
import { IDLE_COLORS, cssColor } from '../../map/palette';
import { m2ToMu } from '../../vocab';
import { Chart } from '../charts/Chart';
import { useT } from '../i18n';

const REVITALISED = '#2e7d32';
const round = (m2: number) => Math.round(m2ToMu(m2) * 10) / 10;

export function TimelineChart(props: { series: TimelineSeries; county: string; at: number; onPick: (i: number) => void }) {
  const { t } = useT();
  const { series, county, at } = props;
  const idleName = t('timelineIdle');
  const revName = t('timelineRevitalised');
  const option = useMemo(() => {
    const idle = Array.from(series.idle.get(county) ?? new Float64Array(series.dates.length), round);
    const rev = Array.from(series.revitalised.get(county) ?? new Float64Array(series.dates.length), round);
    // The stop on screen is drawn solid, the others lighter.
    const mark = (values: number[], colour: string) =>
      values.map((v, i) => ({ value: v, itemStyle: { color: colour, opacity: i === at ? 1 : 0.45 } }));
    return {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, right: 8, textStyle: { fontSize: 11 }, itemWidth: 12, itemHeight: 8 },
      grid: { left: 48, right: 44, top: 24, bottom: 22 },
      xAxis: {
        type: 'category',
        data: series.dates,
        axisLabel: { fontSize: 10, formatter: (d: string) => d.slice(0, 7) },
      },
      yAxis: [
        { type: 'value', name: t('timelineMu'), nameTextStyle: { fontSize: 10 }, axisLabel: { fontSize: 10 } },
        // No tracking record closes a case yet: no second scale to read.
        { type: 'value', show: rev.some((v) => v > 0), splitLine: { show: false }, axisLabel: { fontSize: 10 } },
      ],
      series: [
        { id: 'idle', name: idleName, type: 'bar', data: mark(idle, cssColor(IDLE_COLORS[2])), itemStyle: { color: cssColor(IDLE_COLORS[2]) }, barMaxWidth: 14, barGap: '0%' },
        { id: 'revitalised', name: revName, type: 'bar', yAxisIndex: 1, data: mark(rev, REVITALISED), itemStyle: { color: REVITALISED }, barMaxWidth: 14 },
      ],
    };
  }, [series, county, at, idleName, revName]);
  return <Chart option={option} height={140} testid="timeline-chart" onClick={(e) => props.onPick(series.dates.indexOf(e.name))} />;
}
